/// One CSV file as read: its valid rows as a codebook-shaped table, and
/// what the checks between files need of every record.
struct TableRows: Sendable {
    var table: DataTable
    /// Every value of the key column, valid row or not, with its first line:
    /// references to a row with a bad cell are not reported a second time.
    var keys = KeyIndex()
    /// The number in `keys` of each row's key (tables with a key column).
    var rowKeys: [Int] = []
    /// The numbers in `keys` of keys given to more than one row: the rows of
    /// other tables that name such a key may be two records' (DatasetValidator).
    var duplicatedKeys: Set<Int> = []
    /// The `owner` values (a patient, a study) of rows with a bad cell, so
    /// that checks over all of an owner's rows can leave that owner alone.
    var invalidOwners: Set<String> = []
    /// Every readable reference cell of every record, by reference column
    /// (`TablePlan.references`), with its line: a row with another bad cell
    /// still has its references checked.
    var references: [[(value: String, line: Int)]] = []
    /// Data records read, valid or not.
    var recordCount = 0

    var lines: [Int] { table.lines }
    var count: Int { table.count }
}

/// Reads one table of the dataset, a CSV file or a sheet of the workbook:
/// header by name, then every record.
/// Returns nil when the table is missing or its header cannot be used.
/// `memo`: the tables read before (a preview's), taken when the file's bytes are the same.
func readTable(_ plan: TablePlan, in directory: DataDirectory, sink: ErrorSink, memo: DataFileMemo.Scope? = nil) -> TableRows? {
    let fileName = plan.file
    let file = directory.display(fileName)
    if let workbook = directory.workbook, let read = readSheet(plan, of: workbook, in: directory, sink: sink) {
        return read
    }
    if directory.workbookUnreadable && !directory.has(fileName) { return nil }
    let sheet = directory.workbook.map { workbook in
        let hidden = workbook.hiddenSheets.contains(plan.table.name) ? " (it has one, but hidden: unhide it)" : ""
        return ", or a sheet \(plan.table.name) in \(workbook.file)\(hidden)"
    } ?? ""
    let what = fileName == "\(plan.table.name).csv" ? "the \(fileName) table of the dataset format" : "the rows of the table \(plan.table.name), which codebook.yaml reads from this file"
    guard let bytes = directory.bytes(fileName, sink: sink, expected: "expected \(what)\(sheet)") else {
        return nil
    }
    if let kept = memo?.rows(file, bytes) { return kept }
    let errorsBefore = sink.count
    let rows = readRecords(plan, bytes, file: file, in: directory, sink: sink)
    // Only a table read without a problem is kept: a kept one reports none.
    if let memo, let rows, sink.count == errorsBefore { memo.keep(file, bytes, rows) }
    return rows
}

/// The header and records of a table's CSV bytes, checked cell by cell.
private func readRecords(_ plan: TablePlan, _ bytes: [UInt8], file: String, in directory: DataDirectory, sink: ErrorSink) -> TableRows? {
    let fileName = plan.file
    // One row per line at most: reserving avoids copying the rows as they
    // grow. Blank lines make no row, so the estimate is capped (the arrays
    // grow past it as needed): 200 MB of newlines must not reserve gigabytes.
    let lineCount = min(countLines(bytes), reservedRowsLimit)
    // The header first; then the records, with the header and reader
    // as constants of the closure rather than state copied per record.
    let reader = CSVReader(bytes: bytes)
    var header: TableHeader?
    var headerBroken = false
    var (syntaxErrors, rest) = reader.forEachRow(from: nil) { record in
        header = TableHeader(CSVRecord(record), plan: plan, file: file, sink: sink)
        headerBroken = header == nil
        return false
    }
    var rows: TableRows?
    if let rest, let header {
        var table = TableRowsReader(plan, header: header, file: file, sink: sink, capacity: lineCount)
        syntaxErrors += reader.forEachRow(from: rest) { record in
            table.read(record) { directory.earlier(fileName, $0) }
            return true
        }.errors
        rows = table.finish()
    } else if let rest {
        // Nothing more to read, but the syntax errors are still reported.
        syntaxErrors += reader.forEachRow(from: rest) { _ in true }.errors
    }
    for error in syntaxErrors.first {
        sink.add(file: file, line: error.line, error.message)
    }
    sink.count(file: file, syntaxErrors.omitted)
    if header == nil && !headerBroken && syntaxErrors.isEmpty {
        sink.add(file: file, line: 1, "the file is empty (expected a header line naming the columns)")
    }
    return rows
}

/// At most this many rows are reserved before reading (1M patients is `make bench`'s largest).
let reservedRowsLimit = 1 << 20

private func countLines(_ bytes: [UInt8]) -> Int {
    var count = 1
    for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
    return count
}

/// The records of one table as they are read, CSV lines or sheet rows,
/// checked cell by cell into a `TableRows`.
struct TableRowsReader {
    let header: TableHeader
    let row: RowReader
    let file: String
    let sink: ErrorSink
    private var table: TableRows

    /// `codesNote` follows the message of a code not in its column's list
    /// (but yes/no, which no file declares): where the codes are declared.
    init(_ plan: TablePlan, header: TableHeader, file: String, sink: ErrorSink, capacity: Int, codesNote: String = "") {
        self.header = header
        self.file = file
        self.sink = sink
        row = RowReader(file: file, plan: plan, fieldIndex: header.fieldIndex, sink: sink)
        if !codesNote.isEmpty { row.codesNotes = plan.columns.map { $0.column.type == .yesNo ? "" : codesNote } }
        table = TableRows(table: DataTable(name: plan.table.name, columns: plan.columns.map(\.column),
                                           codes: plan.columns.map { $0.codes?.names ?? [] }, values: [], lines: [],
                                           role: plan.table.role, key: plan.table.key, file: plan.table.fileName))
        table.references = plan.references.map { _ in [] }
        table.table.lines.reserveCapacity(capacity)
        for values in row.values { values.reserve(capacity) }
        if plan.key != nil {
            table.rowKeys.reserveCapacity(capacity)
            table.keys.reserveCapacity(capacity)
        }
    }

    /// Checks one record and keeps it when every cell is good. `unreadable`
    /// are cells already known to be bad, by field, with their message;
    /// `earlier` names a line of the file in a message (`on line 4`).
    mutating func read(_ record: CSVRow, unreadable: [(field: Int, message: (ColumnRule) -> String)] = [], earlier: (Int) -> String) {
        guard header.checkShape(record, file: file, sink: sink) else { return }
        table.recordCount += 1
        let plan = row.plan
        defer { row.finish() }
        var keyNumber = -1
        row.start(record)
        for (field, message) in unreadable {
            if let column = header.fieldIndex.firstIndex(of: field) { row.skip(column, message(plan.columns[column])) }
        }
        // The key first: a duplicate is reported before the row's other cells.
        if let key = plan.key, let (value, isASCII) = row.bytes(key) {
            let (number, isNew) = table.keys.insert(value, isASCII: isASCII, line: record.line)
            if isNew {
                keyNumber = number
            } else {
                table.duplicatedKeys.insert(number)
                row.fail(key, "\(Echo.quoted(row.rawText(key)!)) is a duplicate (first \(earlier(table.keys.lines[number])))")
            }
        }
        let valid = row.readCells()
        for (number, column) in plan.references.enumerated() {
            if let id = row.rowIDs[column] { table.references[number].append((id, row.line(of: column))) }
        }
        if valid {
            table.table.lines.append(record.line)
            if plan.key != nil { table.rowKeys.append(keyNumber) }
        } else if let owner = plan.owner, let value = row.rawText(owner) {
            table.invalidOwners.insert(value)
        }
    }

    func finish() -> TableRows {
        var table = table
        table.table.values = row.values.map(\.column)
        return table
    }
}

/// The header line: where each declared column is, and which fields to ignore.
struct TableHeader {
    /// The field of each declared column, by its index in the plan; -1 when absent.
    var fieldIndex: [Int]
    var width: Int
    /// Fields under no name at all (a trailing comma in the header).
    var unnamed: [Int] = []

    init?(_ record: CSVRecord, plan: TablePlan, file: String, sink: ErrorSink) {
        width = record.fields.count
        fieldIndex = [Int](repeating: -1, count: plan.columns.count)
        // A sheet saved with `;` between fields reads as one column named by the whole line.
        if record.fields.count == 1, let only = record.fields.first, only.contains(";") {
            sink.add(file: file, line: record.line, "the header line has ; and no comma: the file seems to use ; as the separator, and the format needs , (export the sheet as CSV with commas)")
            return nil
        }
        var broken = false
        var seen: [String: Int] = [:]
        for (index, name) in record.fields.enumerated() {
            if let first = seen[name], !name.isEmpty {
                sink.add(file: file, line: record.line, column: Echo.value(name), "the column appears twice (fields \(first + 1) and \(index + 1))")
                broken = true
                continue
            }
            seen[name] = index
            if let column = plan.index(of: name) {
                fieldIndex[column] = index
            } else if name.isEmpty {
                unnamed.append(index)
            } else if !name.hasPrefix("x_") {
                let known = plan.columns.map(\.name).joined(separator: ", ")
                sink.add(file: file, line: record.line, column: Echo.value(name), "unknown column (expected one of \(known); a column whose name starts with x_ is ignored)")
            }
        }
        for (column, rule) in plan.columns.enumerated() where rule.required && fieldIndex[column] < 0 {
            sink.add(file: file, line: record.line, column: rule.name, "required column is missing from the header")
            broken = true
        }
        if broken { return nil }
    }

    /// A record must have the header's fields; extra empty fields (trailing
    /// commas) are fine, and so is a header column with no name if empty.
    func checkShape(_ record: CSVRow, file: String, sink: ErrorSink) -> Bool {
        let count = record.count
        if count < width {
            sink.add(file: file, line: record.line, "the row has \(count) fields; the header has \(width)")
            return false
        }
        if let extra = (width..<count).first(where: { !record.isEmpty($0) }) {
            sink.add(file: file, line: record.line(extra), "the row has a value in field \(extra + 1) (\(Echo.quoted(record.string(extra)))), but the header has \(width) columns")
            return false
        }
        if let index = unnamed.first(where: { !record.isEmpty($0) }) {
            sink.add(file: file, line: record.line(index), "the row has a value in field \(index + 1) (\(Echo.quoted(record.string(index)))), whose column has no name in the header")
            return false
        }
        return true
    }
}
