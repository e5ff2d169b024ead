/// Reads a table from its sheet of the workbook, through the same checks as
/// a CSV file: each row becomes a CSV record whose lines are the sheet's row
/// numbers, and `SheetPlaces` moves the errors to their cells. Returns nil
/// when the workbook has no such sheet (the table is then a CSV file), and
/// .some(nil) when the sheet cannot be used.
func readSheet(_ plan: TablePlan, of workbook: Workbook, in directory: DataDirectory, sink: ErrorSink) -> TableRows?? {
    guard let sheet = workbook.sheet(named: plan.table.name) else { return nil }
    let file = directory.display(plan.file)
    if directory.has(plan.file) {
        sink.add(DataError(file: workbook.file, line: nil, message: "the sheet and \(file) both hold the \(plan.table.name) table (expected one of them: delete the sheet or the file)", sheet: sheet.name))
        return .some(nil)
    }
    let xml: [UInt8]
    do { xml = try workbook.sheetXML(sheet) } catch {
        sink.add(DataError(file: workbook.file, line: nil, message: error.message, sheet: sheet.name))
        return .some(nil)
    }
    // Errors of the table are the sheet's from here on; its columns are known after the header.
    directory.sheets.set(file, SheetPlaces.Place(workbook: workbook.file, sheet: sheet.name, columns: [:]))
    var header: TableHeader?
    var reader: TableRowsReader?
    var width = 0
    var csv = CSVText()
    var sawRow = false
    let cells = SheetReader(workbook: workbook, sheet: sheet)
    do {
        try cells.forEachRow(xml) { row in
            guard sawRow else {
                sawRow = true
                width = row.width
                let names = row.texts(width: width)
                var columns: [String: Int] = [:]
                for (index, name) in names.enumerated() where columns[name] == nil { columns[name] = index }
                directory.sheets.set(file, SheetPlaces.Place(workbook: workbook.file, sheet: sheet.name, columns: columns))
                let record = CSVRecord(line: row.number, fields: names, fieldLines: names.map { _ in row.number })
                header = TableHeader(record, plan: plan, file: file, sink: sink)
                csv.append(names)
                if let header {
                    // A row per 100 bytes of XML at most: the estimate only reserves.
                    reader = TableRowsReader(plan, header: header, file: file, sink: sink, capacity: min(xml.count / 100, reservedRowsLimit),
                                             codesNote: codesNote(workbook))
                }
                return header != nil
            }
            read(row, width: width, into: &reader!, csv: &csv, workbook: workbook, sheet: sheet.name, fileName: plan.file, directory: directory, sink: sink)
            return true
        }
    } catch {
        sink.add(DataError(file: workbook.file, line: error.row, message: error.message, sheet: sheet.name, cellColumn: error.column))
        return .some(nil)
    }
    if !sawRow {
        sink.add(file: file, line: 1, "the sheet is empty (expected a header row naming the columns)")
    }
    directory.read.keep(plan.file, DatasetFile(sheet: csv.bytes))
    return .some(reader?.finish())
}

/// A workbook's `codes` sheet looks like the place to add a code, but it
/// is only the drop-down lists' copy of the codebook: a code not in a
/// column's list says where codes are declared.
private func codesNote(_ workbook: Workbook) -> String {
    let codes = WorkbookWriter.codesSheet
    return "; codes are declared in \(Codebook.fileName)" + (workbook.sheet(named: codes) == nil ? "" : " (the \(codes) sheet is a copy)")
}

/// One row after the header: cells right of the header are reported here,
/// at their cell; the others go through the table's checks.
private func read(_ row: SheetRow, width: Int, into reader: inout TableRowsReader, csv: inout CSVText,
                  workbook: Workbook, sheet: String, fileName: String, directory: DataDirectory, sink: ErrorSink) {
    var outside = false
    for index in row.cells.indices where row.cells[index].column >= width {
        outside = true
        sink.add(DataError(file: workbook.file, line: row.number, message: "\(Echo.quoted(row.text(index))) is right of the header's last column (name the column in the header row, or clear the cell)",
                           sheet: sheet, cellColumn: row.cells[index].column))
    }
    for (column, problem) in row.problems where column >= width {
        outside = true
        sink.add(DataError(file: workbook.file, line: row.number, message: "is right of the header's last column, and \(problem.message(expected: "no value"))",
                           sheet: sheet, cellColumn: column))
    }
    csv.append(row.texts(width: width))
    let unreadable = row.problems.filter { $0.column < width }.map { problem in
        (field: problem.column, message: { (rule: ColumnRule) in problem.problem.message(expected: rule.expected) })
    }
    if outside { return }
    row.withRecord(width: width) { record in
        reader.read(record, unreadable: unreadable) { directory.earlier(fileName, $0) }
    }
}

/// A CSV file written as the dataset's are: a field is quoted only when
/// it holds a comma, a quote or a line break; lines end with LF.
struct CSVText {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                bytes.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    bytes.append(byte)
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: field.utf8)
            }
        }
        bytes.append(0x0A)
    }
}
