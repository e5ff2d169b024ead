// `summary:`: which columns the database's patient_summary derives from.

extension CodebookReader {
    static let summaryKeys = ["treatment", "events", "columns"]
    static let summaryColumnKeys = ["column", "sum", "codes", "sequence", "missing"]

    func summary(_ node: YAMLNode, _ tables: [Codebook.Table]) -> Codebook.Summary {
        guard let mapping = mapping(node, "summary", known: Self.summaryKeys) else { return Codebook.Summary() }
        let steps = tables.first { $0.role == .step }
        let events = tables.first { $0.role == .event }
        var summary = Codebook.Summary()
        if mapping["treatment"] != nil, let name = name(mapping, "treatment", "summary") {
            summary.treatment = codeColumn(name, of: steps, mapping["treatment"], "summary.treatment")
        }
        if mapping["events"] != nil, let name = name(mapping, "events", "summary") {
            summary.events = codeColumn(name, of: events, mapping["events"], "summary.events")
        }
        guard let list = mapping["columns"] else { return summary }
        guard let sequence = sequence(list, "summary.columns", "columns, e.g. - {column: sessions, sum: sessions}") else { return summary }
        let patients = tables.first { $0.role == .patient }
        var taken = Set(Codebook.Summary.fixed)
        for (index, item) in sequence.enumerated() {
            let path = "summary.columns[\(index + 1)]"
            guard let entry = self.mapping(item, path, known: Self.summaryColumnKeys),
                  let name = self.name(entry, "column", path) else { continue }
            let named = join("summary", name)
            if taken.contains(name) || patients?.column(name) != nil {
                fail(entry["column"], named, "'\(name)' is already a column of patient_summary or \(patients?.name ?? "the patient table") (expected a new name)")
                continue
            }
            taken.insert(name)
            if let rule = summaryRule(entry, named, steps) {
                summary.columns.append(Codebook.SummaryColumn(name: name, rule: rule))
            }
        }
        return summary
    }

    private func summaryRule(_ entry: YAMLNode.Mapping, _ path: String, _ steps: Codebook.Table?) -> Codebook.SummaryColumn.Rule? {
        let missing = entry["missing"]
        if let node = entry["sequence"] {
            guard entry["sum"] == nil, entry["codes"] == nil, let source = name(entry, "sequence", path) else {
                fail(node, join(path, "sequence"), "expected one of sum:, codes: or sequence:")
                return nil
            }
            guard codeColumn(source, of: steps, node, join(path, "sequence")) != nil else { return nil }
            return .sequence(source, missing: missing == nil ? nil : text(entry, "missing", path))
        }
        switch (entry["sum"], entry["codes"]) {
        case (let node?, nil):
            guard let source = name(entry, "sum", path) else { return nil }
            if steps == nil && roleRefused { return nil }
            guard let column = steps?.column(source), column.type.isNumeric else {
                fail(node, join(path, "sum"), "'\(source)' is not an integer or number column of \(steps?.name ?? "the step table") (expected one to add up)")
                return nil
            }
            if let missing, missing.scalar?.string != "0" {
                fail(missing, join(path, "missing"), "'\(Echo.value(missing.scalar?.string ?? ""))' for a sum (expected 0, or no missing: a step without a value makes the total NULL)")
                return nil
            }
            return .sum(source, missingAsZero: missing != nil)
        case (nil, let node?):
            guard let source = name(entry, "codes", path) else { return nil }
            guard codeColumn(source, of: steps, node, join(path, "codes")) != nil else { return nil }
            return .codes(source, missing: missing == nil ? nil : text(entry, "missing", path))
        default:
            fail(at: entry.mark, path, "expected one of sum:, codes: or sequence: (the column of \(steps?.name ?? "the step table") it derives from)")
            return nil
        }
    }

    /// A code column of `table`, or an error where it is named.
    private func codeColumn(_ name: String, of table: Codebook.Table?, _ node: YAMLNode?, _ path: String) -> String? {
        guard let table else {
            if !roleRefused { fail(node, path, "the codebook declares no table for it") }
            return nil
        }
        guard let column = table.column(name), column.type == .code else {
            let codes = table.allColumns.filter { $0.type == .code }.map(\.name).joined(separator: ", ")
            fail(node, path, "'\(Echo.value(name))' is not a code column of \(table.name) (expected one of \(codes))")
            return nil
        }
        return name
    }
}
