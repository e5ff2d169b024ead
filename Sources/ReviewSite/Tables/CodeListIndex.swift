/// The code lists table functions name, each with its lookups made once:
/// a table calls label and code_order for every cell of thousands of rows.
final class CodeListIndex: Sendable {
    struct Entry: Sendable {
        let list: Codebook.CodeList
        let names: [String]
        /// Each code's place in the list (its first, as `code(_:)` finds it).
        let place: [String: Int]
        let labels: [String: String]
        let shortLabels: [String: String]

        init(_ list: Codebook.CodeList) {
            self.list = list
            names = list.names
            place = Dictionary(list.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            labels = Dictionary(list.codes.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
            shortLabels = Dictionary(list.codes.map { ($0.code, $0.short ?? $0.label) }, uniquingKeysWith: { first, _ in first })
        }

        func label(_ code: String, short: Bool = false) -> String {
            (short ? shortLabels[code] : labels[code]) ?? code
        }
    }

    private let entries: [String: Entry]

    /// Code lists by their name under `codes:`, and a column's codes by
    /// `table.column` (code, yes/no, checklist, answer and level columns);
    /// a list's own name comes first.
    init(_ codebook: Codebook) {
        var entries: [String: Entry] = [:]
        for table in codebook.tables.reversed() {
            for column in table.allColumns.reversed() {
                let name = "\(table.name).\(column.name)"
                let codes: [Codebook.Code]
                switch column.type {
                case .code, .codeList:
                    if let list = codebook.codes(of: column) { entries[name] = Entry(list) }
                    continue
                case .level: codes = codebook.appraisal.levels
                case .checklist: codes = codebook.appraisal.checklists.map { Codebook.Code(code: $0.code, label: $0.label) }
                case .answer: codes = codebook.appraisal.answers
                case .yesNo: codes = [Codebook.Code(code: "yes"), Codebook.Code(code: "no")]
                default: continue
                }
                entries[name] = Entry(Codebook.CodeList(name: name, within: nil, codes: codes))
            }
        }
        // The first list of a name, as `Codebook.codeList` finds it.
        for list in codebook.codeLists.reversed() { entries[list.name] = Entry(list) }
        self.entries = entries
    }

    subscript(_ name: DatabaseValue) -> Entry? {
        guard case .text(let text) = name else { return entries[""] }
        return entries[text]
    }
}
