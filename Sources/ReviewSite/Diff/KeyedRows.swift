import Foundation

/// A piece of a row key: a column's value or fixed text.
enum KeyPart {
    case column(String)
    case text(String)
}

/// One side of a CSV file for the diff, as bytes: every row's cells (x_
/// columns left out, NR read as empty) and its key, with nothing turned into
/// a String until a change is reported.
struct KeyedRows {
    /// The compared columns, in the file's order.
    private(set) var header: [String] = []
    /// The cells, one row per key.
    private(set) var cells = TableData(columns: [], bytes: [], cellEnds: [])
    private(set) var keys: [UInt8] = []
    private var keyEnds: [Int] = []
    /// Which occurrence of its key a row is (1 unless a key repeats).
    private(set) var occurrences: [Int32] = []
    /// The rows by key.
    private(set) var index = RowIndex()
    /// For a table read from a workbook: its sheet, each row's number and
    /// each compared column's place, so that a change names its cell.
    private(set) var sheet: String?
    private(set) var rowNumbers: [Int] = []
    private var fieldColumns: [Int] = []

    var count: Int { keyEnds.count }

    /// Reads the table `file` of `folder` (no rows when it is missing): the
    /// CSV file, or else the sheet of the folder's workbook. A row whose key
    /// is one column it lacks is keyed `line N`.
    init(folder: String, file: String, sheet table: String, key: [KeyPart]) {
        // No links followed, as the loader reads the same file meanwhile.
        if case .success(let data) = RegularFile.contents("\(folder)/\(file)") {
            self.init(key: key, capacity: data.count) { body in _ = CSVReader(bytes: data).forEachRow(body) }
            return
        }
        guard let workbook = DatasetLoader.openWorkbook(DataDirectory(folder), ErrorSink()), let sheet = workbook.sheet(named: table),
              let xml = try? workbook.sheetXML(sheet) else {
            self.init(key: key, capacity: 0) { _ in }
            return
        }
        var width = 0
        self.init(key: key, capacity: xml.count / 4) { body in
            try? SheetReader(workbook: workbook, sheet: sheet).forEachRow(xml) { row in
                if width == 0 { width = row.width }
                row.withRecord(width: width, body)
                return true
            }
        }
        self.sheet = sheet.name
    }

    /// The rows of a source that calls its argument with every record, header first.
    private init(key: [KeyPart], capacity: Int, records: ((CSVRow) -> Void) -> Void) {
        var fields: [Int] = []
        var bytes: [UInt8] = [], cellEnds: [Int] = []
        bytes.reserveCapacity(capacity)
        var keyColumns: [Int?] = []
        var sawHeader = false
        var rowNumbers: [Int] = []
        records { row in
            if !sawHeader {
                sawHeader = true
                let names = (0..<row.count).map(row.string)
                fields = names.indices.filter { !names[$0].isEmpty && !names[$0].hasPrefix("x_") }
                header = fields.map { names[$0] }
                keyColumns = key.map { part in
                    guard case .column(let name) = part else { return nil }
                    return names.lastIndex(of: name)
                }
                return
            }
            rowNumbers.append(row.line)
            for field in fields {
                if field < row.count, !Self.isNR(row.bytes(field)) { bytes.append(contentsOf: row.bytes(field)) }
                cellEnds.append(bytes.count)
            }
            if key.count == 1, keyColumns[0].map({ $0 >= row.count }) ?? true {
                keys.append(contentsOf: "line \(row.line)".utf8)
            } else {
                for (part, column) in zip(key, keyColumns) {
                    switch part {
                    case .text(let text): keys.append(contentsOf: text.utf8)
                    case .column: if let column, column < row.count, !Self.isNR(row.bytes(column)) { keys.append(contentsOf: row.bytes(column)) }
                    }
                }
            }
            keyEnds.append(keys.count)
        }
        cells = TableData(columns: header, bytes: bytes, cellEnds: cellEnds)
        self.rowNumbers = rowNumbers
        fieldColumns = fields
        occurrences.reserveCapacity(count)
        index = RowIndex(capacity: count)
        keys.withUnsafeBufferPointer { all in
            for row in 0..<count {
                occurrences.append(index.insert(row, all, keyEnds))
            }
        }
    }

    private static func isNR(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        field.count == 2 && field[0] == UInt8(ascii: "N") && field[1] == UInt8(ascii: "R")
    }

    func keyRange(_ row: Int) -> Range<Int> { (row == 0 ? 0 : keyEnds[row - 1])..<keyEnds[row] }

    /// The key as reported: `R4-01 step 1`, and `#2`, `#3` after a repeated key.
    func key(_ row: Int) -> String {
        let key = String(decoding: keys[keyRange(row)], as: UTF8.self)
        return occurrences[row] > 1 ? "\(key) #\(occurrences[row])" : key
    }

    /// Whether row `row` has the same key as row `otherRow` of `other`.
    func sameKey(_ row: Int, as other: KeyedRows, _ otherRow: Int) -> Bool {
        occurrences[row] == other.occurrences[otherRow] && keys[keyRange(row)].elementsEqual(other.keys[other.keyRange(otherRow)])
    }

    /// The row of this side with the key of `other`'s row `row`.
    func row(matching row: Int, of other: KeyedRows) -> Int? {
        if row < count, sameKey(row, as: other, row) { return row }
        return other.keys.withUnsafeBufferPointer { theirs in
            keys.withUnsafeBufferPointer { mine in
                index.find(UnsafeBufferPointer(rebasing: theirs[other.keyRange(row)]), occurrence: other.occurrences[row], in: mine, keyEnds)
            }
        }
    }

    /// A cell's reference (`patients!D17`) when the table is a sheet.
    func cell(_ row: Int, _ column: Int?) -> String? {
        guard let sheet, let column else { return nil }
        return SheetCell.reference(sheet: sheet, row: rowNumbers[row], column: fieldColumns[column])
    }

    /// A column's value in a row ("" when the column is missing).
    func value(_ row: Int, _ column: Int?) -> String {
        column.map { cells.cell(row, $0) } ?? ""
    }
}
