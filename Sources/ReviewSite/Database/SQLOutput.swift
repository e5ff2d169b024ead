/// A query's rows as text: an aligned table for reading, CSV (RFC 4180,
/// NULL as an empty cell) and JSON (an array of objects) for programs.
enum SQLOutput {
    static func cell(_ value: DatabaseValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let number): String(number)
        case .real(let number): formatNumber(number)
        case .text(let text): text
        }
    }

    static func table(_ result: ResultRows) -> String {
        let cells = result.rows.map { $0.map { cell($0) ?? "NULL" } }
        let widths = result.columns.indices.map { column in
            cells.reduce(result.columns[column].count) { max($0, $1[column].count) }
        }
        func line(_ values: [String]) -> String {
            var text = zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var text = line(result.columns) + widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
        for row in cells { text += line(row) }
        return text + "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))\n"
    }

    static func csv(_ result: ResultRows) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var text = result.columns.map(field).joined(separator: ",") + "\n"
        for row in result.rows { text += row.map { cell($0).map(field) ?? "" }.joined(separator: ",") + "\n" }
        return text
    }

    static func json(_ result: ResultRows) -> String {
        var text = "["
        for (index, row) in result.rows.enumerated() {
            text += index == 0 ? "\n  {" : ",\n  {"
            text += zip(result.columns, row).map { name, value in
                let shown = switch value {
                case .null: "null"
                case .integer, .real: cell(value)!
                case .text(let string): FiguresJSON.quoted(string)
                }
                return FiguresJSON.quoted(name) + ": " + shown
            }.joined(separator: ", ")
            text += "}"
        }
        return text + (result.rows.isEmpty ? "]\n" : "\n]\n")
    }
}
