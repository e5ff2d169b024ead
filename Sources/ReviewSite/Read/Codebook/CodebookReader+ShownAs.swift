// `shown_as:` on a table: the words pages show for a row instead of its key
// ("Ref. {ref}" for study R4 is "Ref. 4"), each `{column}` a column of the table.

extension CodebookReader {
    /// The pattern, when every `{…}` names a column of the table that holds one value per row.
    func checkedPattern(_ pattern: String, _ node: YAMLNode?, _ path: String, columns: [Codebook.Column]) -> String? {
        guard let names = RowLabels.placeholders(pattern), !names.isEmpty else {
            fail(node, path, "'\(Echo.value(pattern))' names no column (expected text with columns in braces, e.g. \"Ref. {ref}\")")
            return nil
        }
        let usable = columns.filter { $0.type != .codeList }.map(\.name)
        for name in names where !usable.contains(name) {
            fail(node, path, "'{\(Echo.value(name))}' is not a column of this table (expected one of \(usable.joined(separator: ", ")))")
            return nil
        }
        return pattern
    }
}

/// Each row's words as `shown_as` makes them.
enum RowLabels {
    /// The names in braces, in order; nil when a brace is left open or closed alone.
    static func placeholders(_ pattern: String) -> [String]? {
        var names: [String] = [], current: String?
        for character in pattern {
            switch (character, current) {
            case ("{", nil): current = ""
            case ("}", let name?): names.append(name); current = nil
            case ("{", _), ("}", nil): return nil
            case (_, let name?): current = name + String(character)
            default: break
            }
        }
        return current == nil ? names : nil
    }

    /// Each row's label by the table's `shown_as`, or nil when it has none.
    static func labels(_ table: DataTable, _ codebook: Codebook) -> [String]? {
        guard let pattern = codebook.table(table.name)?.shownAs else { return nil }
        let codes = table.columns.map { DataCells.codes($0, codebook) }
        func plain(_ column: Int, _ row: Int) -> String {
            switch table.values[column] {
            case .text(let values): return values[row] ?? ""
            case .integers(let values): return values[row].map(String.init) ?? ""
            case .numbers(let values): return values[row].map(formatNumber) ?? ""
            case .codes: return table.code(column, row).map { code in codes[column].first { $0.code == code }?.label ?? code } ?? ""
            case .codeLists: return ""
            }
        }
        return (0..<table.count).map { row in
            var out = "", name: String?
            for character in pattern {
                if character == "{" { name = "" } else if character == "}", let column = name {
                    out += table.index(of: column).map { plain($0, row) } ?? ""
                    name = nil
                } else if name != nil { name! += String(character) } else { out.append(character) }
            }
            return out
        }
    }
}
