/// The valid rows of one CSV file, with the line each came from.
struct TableRows<Row> {
    var rows: [Row] = []
    var lines: [Int] = []
    /// Every value of the key column, valid row or not, with its first line:
    /// references to a row with a bad cell are not reported a second time.
    var keys: [String: Int] = [:]
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
    guard let bytes = directory.bytes(Column.fileName) else {
        sink.add(file: file, line: nil, "file not found (expected the \(Column.fileName) table of the dataset format)")
        return nil
    }
    var table = TableRows<Row>()
    var header: Header<Column>?
    var reader: RowReader<Column>?
    var headerBroken = false
    let syntaxErrors = CSVReader(bytes: bytes).forEachRecord { record in
        guard !headerBroken else { return }
        guard let header, let row = reader else {
            let parsed = Header<Column>(record, file: file, sink: sink)
            header = parsed
            headerBroken = parsed == nil
            reader = parsed.map { RowReader(file: file, indices: $0.indices, sink: sink) }
            return
        }
        guard header.checkShape(record, file: file, sink: sink) else { return }
        row.start(record)
        table.recordCount += 1
        if let key, let value = row.text(key) {
            if let first = table.keys[value] {
                row.fail(key, "'\(value)' is a duplicate (first on line \(first))")
            } else {
                table.keys[value] = record.line
            }
        }
        let converted = convert(row)
        if row.valid {
            table.rows.append(converted)
            table.lines.append(record.line)
        } else if let owner, let value = row.text(owner) {
            table.invalidOwners.insert(value)
        }
    }
    for error in syntaxErrors {
        sink.add(file: file, line: error.line, error.message)
    }
    if header == nil && !headerBroken && syntaxErrors.isEmpty {
        sink.add(file: file, line: 1, "the file is empty (expected a header line naming the columns)")
    }
    return header == nil ? nil : table
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
                sink.add(file: file, line: record.line, column: name, "the column appears twice (fields \(first + 1) and \(index + 1))")
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
                sink.add(file: file, line: record.line, column: name, "unknown column (expected one of \(known); a column whose name starts with x_ is ignored)")
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
    func checkShape(_ record: CSVRecord, file: String, sink: ErrorSink) -> Bool {
        let count = record.fields.count
        if count < width {
            sink.add(file: file, line: record.line, "the row has \(count) fields; the header has \(width)")
            return false
        }
        if let extra = record.fields[width...].firstIndex(where: { !$0.isEmpty }) {
            sink.add(file: file, line: record.fieldLines[extra], "the row has a value in field \(extra + 1) ('\(record.fields[extra])'), but the header has \(width) columns")
            return false
        }
        if let index = unnamed.first(where: { !record.fields[$0].isEmpty }) {
            sink.add(file: file, line: record.fieldLines[index], "the row has a value in field \(index + 1) ('\(record.fields[index])'), whose column has no name in the header")
            return false
        }
        return true
    }
}
