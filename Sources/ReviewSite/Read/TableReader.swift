/// The valid rows of one CSV file, with the line each came from.
struct TableRows<Row> {
    var rows: [Row] = []
    var lines: [Int] = []
    /// Every value of the key column, valid row or not, with its first line:
    /// references to a row with a bad cell are not reported a second time.
    var keys = KeyIndex()
    /// The number in `keys` of each row's key (tables with a key column).
    var rowKeys: [Int] = []
    /// The `owner` values (a patient, a study) of rows with a bad cell, so
    /// that checks over all of an owner's rows can leave that owner alone.
    var invalidOwners: Set<String> = []
    /// Data records read, valid or not.
    var recordCount = 0
}

/// Reads one CSV file of the dataset: header by name, then every record.
/// Returns nil when the file is missing or its header cannot be used.
func readTable<Column: TableColumn, Row>(
    _: Column.Type,
    in directory: DataDirectory,
    sink: ErrorSink,
    key: Column? = nil,
    owner: Column? = nil,
    convert: (RowReader<Column>) -> Row
) -> TableRows<Row>? {
    let file = directory.display(Column.fileName)
    guard let bytes = directory.bytes(Column.fileName, sink: sink, expected: "expected the \(Column.fileName) table of the dataset format") else {
        return nil
    }
    var table = TableRows<Row>()
    // One row per line at most: reserving avoids copying the rows as they
    // grow. Blank lines make no row, so the estimate is capped (the arrays
    // grow past it as needed): 200 MB of newlines must not reserve gigabytes.
    let lineCount = min(countLines(bytes), reservedRowsLimit)
    table.rows.reserveCapacity(lineCount)
    table.lines.reserveCapacity(lineCount)
    if key != nil {
        table.rowKeys.reserveCapacity(lineCount)
        table.keys.reserveCapacity(lineCount)
    }
    // The header first; then the records, with the header and reader
    // as constants of the closure rather than state copied per record.
    let reader = CSVReader(bytes: bytes)
    var header: Header<Column>?
    var headerBroken = false
    var (syntaxErrors, rest) = reader.forEachRow(from: nil) { record in
        header = Header<Column>(CSVRecord(record), file: file, sink: sink)
        headerBroken = header == nil
        return false
    }
    if let rest, let header {
        let row = RowReader(file: file, indices: header.indices, sink: sink)
        syntaxErrors += reader.forEachRow(from: rest) { record in
            readRecord(record, header: header, row: row, into: &table, file: file, sink: sink, key: key, owner: owner, convert: convert)
            return true
        }.errors
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
    return header == nil ? nil : table
}

/// At most this many rows are reserved before reading (1M patients is `make bench`'s largest).
let reservedRowsLimit = 1 << 20

private func countLines(_ bytes: [UInt8]) -> Int {
    var count = 1
    for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
    return count
}

/// Checks and converts one record of the table.
private func readRecord<Column: TableColumn, Row>(
    _ record: CSVRow,
    header: Header<Column>,
    row: RowReader<Column>,
    into table: inout TableRows<Row>,
    file: String,
    sink: ErrorSink,
    key: Column?,
    owner: Column?,
    convert: (RowReader<Column>) -> Row
) {
    guard header.checkShape(record, file: file, sink: sink) else { return }
    row.start(record)
    defer { row.finish() }
    table.recordCount += 1
    var keyNumber = -1
    if let key, let (value, isASCII) = row.bytes(key) {
        let (number, isNew) = table.keys.insert(value, isASCII: isASCII, line: record.line)
        if isNew {
            keyNumber = number
        } else {
            row.fail(key, "\(Echo.quoted(row.rawText(key)!)) is a duplicate (first on line \(table.keys.lines[number]))")
        }
    }
    let converted = convert(row)
    if row.valid {
        table.rows.append(converted)
        table.lines.append(record.line)
        if key != nil { table.rowKeys.append(keyNumber) }
    } else if let owner, let value = row.rawText(owner) {
        table.invalidOwners.insert(value)
    }
}

/// The header line: where each known column is, and which fields to ignore.
private struct Header<Column: TableColumn> {
    var indices: [Column: Int] = [:]
    var width: Int
    /// Fields under no name at all (a trailing comma in the header).
    var unnamed: [Int] = []

    init?(_ record: CSVRecord, file: String, sink: ErrorSink) {
        width = record.fields.count
        var broken = false
        var seen: [String: Int] = [:]
        for (index, name) in record.fields.enumerated() {
            if let first = seen[name], !name.isEmpty {
                sink.add(file: file, line: record.line, column: Echo.value(name), "the column appears twice (fields \(first + 1) and \(index + 1))")
                broken = true
                continue
            }
            seen[name] = index
            if let column = Column(rawValue: name) {
                indices[column] = index
            } else if name.isEmpty {
                unnamed.append(index)
            } else if !name.hasPrefix("x_") {
                let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
                sink.add(file: file, line: record.line, column: Echo.value(name), "unknown column (expected one of \(known); a column whose name starts with x_ is ignored)")
            }
        }
        for column in Column.allCases where Column.required.contains(column) && indices[column] == nil {
            sink.add(file: file, line: record.line, column: column.rawValue, "required column is missing from the header")
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
