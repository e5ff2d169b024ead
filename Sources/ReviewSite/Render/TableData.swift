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

    init(columns: [String], bytes: [UInt8], cellEnds: [Int]) {
        self.columns = columns
        self.bytes = bytes
        self.cellEnds = cellEnds
    }

    /// The rows of `parts` (of the same columns) one after another.
    init(joining parts: [TableData]) {
        columns = parts.first?.columns ?? []
        var bytes: [UInt8] = [], cellEnds: [Int] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        cellEnds.reserveCapacity(parts.reduce(0) { $0 + $1.cellEnds.count })
        for part in parts {
            let offset = bytes.count
            bytes += part.bytes
            cellEnds += part.cellEnds.map { $0 + offset }
        }
        self.bytes = bytes
        self.cellEnds = cellEnds
    }

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

extension TableData {
    /// The first `rows` rows (all of them when there are fewer).
    func prefix(_ rows: Int) -> TableData {
        guard rows < rowCount else { return self }
        let cells = rows * columns.count
        let end = cells == 0 ? 0 : cellEnds[cells - 1]
        return TableData(columns: columns, bytes: Array(bytes[..<end]), cellEnds: Array(cellEnds[..<cells]))
    }
}
