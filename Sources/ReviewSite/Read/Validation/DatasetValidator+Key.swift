extension DatasetValidator {
    /// A table of the review's own without an id column: its declared key
    /// (`key: [patient_id, time_point]`) names each row once.
    func checkKey(_ rows: TableRows, _ plan: TablePlan) {
        let columns = plan.table.key.compactMap(plan.index)
        guard columns.count == plan.table.key.count, !columns.isEmpty else { return }
        var first: [[String]: Int] = [:]
        first.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            let values = columns.map { rows.table.display($0, row) ?? "" }
            if let earlier = first[values] {
                let shown = zip(plan.table.key, values).map { "\($0) \(Echo.quoted($1))" }.joined(separator: ", ")
                fail(plan.file, rows.lines[row], plan.table.key.last,
                     "the key (\(shown)) is given twice (first \(directory.earlier(plan.file, earlier)); expected each row once)")
            } else {
                first[values] = rows.lines[row]
            }
        }
    }
}
