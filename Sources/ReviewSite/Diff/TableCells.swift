/// A changed cell of Table 1 or Table 2.
public struct TableCellChange: Sendable, Equatable {
    public var table: String
    public var row: String
    public var column: String
    public var old: String
    public var new: String
}

/// Compares two versions of a table by row heading and column; rows whose
/// cells are the same bytes are passed over without making any String.
enum TableCells {
    /// Changed cells of rows on both sides; a row on one side only is one
    /// change (column `(row added)` or `(row removed)`) with its cells joined.
    /// A heading that appears twice is compared with its first row on the
    /// other side.
    static func changes(_ table: String, old: TableData, new: TableData) -> [TableCellChange] {
        let oldRows = rowsByHeading(old), newRows = rowsByHeading(new)
        var changes: [TableCellChange] = []
        var reported = Set<String>()
        for row in 0..<new.rowCount {
            let heading = new.heading(row)
            guard let before = oldRows[heading]?.first else {
                if reported.insert(heading).inserted {
                    changes.append(TableCellChange(table: table, row: heading, column: "(row added)", old: "",
                                                   new: joined(new, newRows[heading] ?? [])))
                }
                continue
            }
            guard !new.sameRow(row, as: old, before) else { continue }
            for column in new.columns.indices.dropFirst() {
                let was = column < old.columns.count ? old.cell(before, column) : "", now = new.cell(row, column)
                if was != now { changes.append(TableCellChange(table: table, row: heading, column: new.columns[column], old: was, new: now)) }
            }
        }
        for row in 0..<old.rowCount {
            let heading = old.heading(row)
            guard newRows[heading] == nil, reported.insert(heading).inserted else { continue }
            changes.append(TableCellChange(table: table, row: heading, column: "(row removed)", old: joined(old, oldRows[heading] ?? []), new: ""))
        }
        return changes
    }

    /// Each heading's rows, in order.
    private static func rowsByHeading(_ table: TableData) -> [String: [Int]] {
        var rows: [String: [Int]] = [:]
        rows.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount { rows[table.heading(row), default: []].append(row) }
        return rows
    }

    /// `Column: text | Column: text` of every row with one heading.
    private static func joined(_ table: TableData, _ rows: [Int]) -> String {
        rows.flatMap { row in table.columns.indices.dropFirst().map { "\(table.columns[$0]): \(table.cell(row, $0))" } }.joined(separator: " | ")
    }
}
