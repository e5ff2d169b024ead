/// The rows of a table grouped by their owner (a patient): a counting sort
/// by the owner's position, each group in file order, or in `order`'s
/// order (then file order). `rows[bounds[n]..<bounds[n + 1]]` are owner n's.
struct RowGroups: Sendable {
    let rows: [Int]
    let bounds: [Int]

    /// `owners`: each row's owner position, -1 for none.
    init(owners: [Int], count: Int, order: OptionalColumn<Int>? = nil) {
        var bounds = [Int](repeating: 0, count: count + 1)
        for owner in owners where owner >= 0 { bounds[owner + 1] += 1 }
        for owner in 0..<count { bounds[owner + 1] += bounds[owner] }
        var next = bounds, rows = [Int](repeating: 0, count: bounds[count])
        for (row, owner) in owners.enumerated() where owner >= 0 {
            rows[next[owner]] = row
            next[owner] += 1
        }
        if let order {
            for owner in 0..<count where bounds[owner + 1] - bounds[owner] > 1 {
                rows[bounds[owner]..<bounds[owner + 1]].sort { (order[$0] ?? 0, $0) < (order[$1] ?? 0, $1) }
            }
        }
        self.rows = rows
        self.bounds = bounds
    }

    func members(_ owner: Int) -> [Int] {
        Array(rows[bounds[owner]..<bounds[owner + 1]])
    }
}
