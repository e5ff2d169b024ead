import Foundation

/// A table as plain text: its column headings and, per row, the text of
/// every cell, the row heading first. The cells lie end to end in one byte
/// buffer, so a table of a few hundred thousand rows is two arrays and rows
/// can be compared as bytes; Strings are made only for the cells asked for.
struct TableData: Sendable {
    let columns: [String]
    let bytes: [UInt8]
    /// Where each cell ends in `bytes`, row after row.
    let cellEnds: [Int]

    var rowCount: Int { columns.isEmpty ? 0 : cellEnds.count / columns.count }

    /// The bytes of a cell.
    func range(_ row: Int, _ column: Int) -> Range<Int> {
        let index = row * columns.count + column
        return (index == 0 ? 0 : cellEnds[index - 1])..<cellEnds[index]
    }

    func cell(_ row: Int, _ column: Int) -> String {
        String(decoding: bytes[range(row, column)], as: UTF8.self)
    }

    func heading(_ row: Int) -> String { cell(row, 0) }

    func cells(_ row: Int) -> [String] { columns.indices.map { cell(row, $0) } }

    /// Whether a row of this table and a row of `other` hold the same cells.
    func sameRow(_ row: Int, as other: TableData, _ otherRow: Int) -> Bool {
        guard columns.count == other.columns.count else { return false }
        for column in columns.indices where range(row, column).count != other.range(otherRow, column).count {
            return false
        }
        let mine = range(row, 0).lowerBound..<range(row, columns.count - 1).upperBound
        let theirs = other.range(otherRow, 0).lowerBound..<other.range(otherRow, columns.count - 1).upperBound
        return bytes.withUnsafeBufferPointer { a in
            other.bytes.withUnsafeBufferPointer { b in
                mine.isEmpty || memcmp(a.baseAddress! + mine.lowerBound, b.baseAddress! + theirs.lowerBound, mine.count) == 0
            }
        }
    }
}
