import Foundation

/// A changed cell of Table 1 or Table 2.
public struct TableCellChange: Sendable, Equatable {
    public var table: String
    public var row: String
    public var column: String
    public var old: String
    public var new: String
}

/// The cells of a rendered table page as text, by row heading and column
/// heading, so two builds can be compared cell by cell.
enum TableCells {
    static func cells(_ page: Page) -> [(row: String, column: String, text: String)] {
        let lines = page.content.components(separatedBy: "\n")
        let headers = lines.first { $0.hasPrefix("<tr><th scope=\"col\">") }.map(cellTexts) ?? []
        var cells: [(row: String, column: String, text: String)] = []
        for line in lines where line.hasPrefix("<tr") && !line.hasPrefix("<tr><th scope=\"col\">") {
            let texts = cellTexts(line)
            guard let row = texts.first else { continue }
            for (index, text) in texts.enumerated().dropFirst() where index < headers.count {
                cells.append((row, headers[index], text))
            }
        }
        return cells
    }

    /// Changed cells of rows on both sides; a row on one side only is one
    /// change (column `(row added)` or `(row removed)`) with its cells joined.
    static func changes(_ table: String, old: Page, new: Page) -> [TableCellChange] {
        let before = cells(old), after = cells(new)
        let oldRows = Set(before.map(\.row)), newRows = Set(after.map(\.row))
        let oldCells = Dictionary(before.map { ("\($0.row)\u{0}\($0.column)", $0.text) }, uniquingKeysWith: { first, _ in first })
        var changes: [TableCellChange] = []
        var reported = Set<String>()
        for cell in after {
            guard oldRows.contains(cell.row) else {
                if reported.insert(cell.row).inserted {
                    let row = after.filter { $0.row == cell.row }.map { "\($0.column): \($0.text)" }.joined(separator: " | ")
                    changes.append(TableCellChange(table: table, row: cell.row, column: "(row added)", old: "", new: row))
                }
                continue
            }
            let was = oldCells["\(cell.row)\u{0}\(cell.column)"] ?? ""
            if was != cell.text { changes.append(TableCellChange(table: table, row: cell.row, column: cell.column, old: was, new: cell.text)) }
        }
        for cell in before where !newRows.contains(cell.row) && reported.insert(cell.row).inserted {
            let row = before.filter { $0.row == cell.row }.map { "\($0.column): \($0.text)" }.joined(separator: " | ")
            changes.append(TableCellChange(table: table, row: cell.row, column: "(row removed)", old: row, new: ""))
        }
        return changes
    }

    /// The text of each `<th>`/`<td>` of one row line: tags dropped, `<br>` as `; `.
    private static func cellTexts(_ line: String) -> [String] {
        let pattern = #"<t[hd][^>]*>(.*?)</t[hd]>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).map { match in
            var text = String(line[Range(match.range(at: 1), in: line)!])
            text = text.replacingOccurrences(of: "<br>", with: "; ")
            text = text.replacingOccurrences(of: "<span class=\"key\">", with: " ")
            text = text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            return unescape(text)
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
