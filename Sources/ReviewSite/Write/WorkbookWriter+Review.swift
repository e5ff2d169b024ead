import Foundation

extension WorkbookWriter {
    /// What the extraction workbook is written from: the review as `check`
    /// reads it (each table from its sheet of the folder's workbook, else
    /// from its CSV file), and what the new workbook carries over without
    /// managing it: the workbook's other sheets, as text.
    public struct Review: Sendable {
        public var codebook: Codebook
        /// Each table's header and rows as read, x_ and unknown columns included.
        public var tables: [TableText]
        /// The workbook's sheets that are neither a table nor the codes sheet.
        var carried: [CarriedSheet] = []
        /// The workbook the review is read from (`data/extraction.xlsx`), if any.
        public var workbook: String?
        /// Where the rows came from, for the success line: the workbook, the
        /// CSV files read beside it, or the folder when every table is a CSV file.
        public var source: String

        public var rowCount: Int { tables.reduce(0) { $0 + $1.rows.count } }
        /// The tables' sheets, the carried sheets and the codes sheet.
        public var sheetCount: Int { codebook.tables.count + carried.count + 1 }
    }

    /// Reads the review of a dataset folder; only the syntax of its files is
    /// checked, since a workbook is where rows get fixed. Refuses what the
    /// new workbook could not keep (a hidden sheet, a date cell), naming it.
    public static func review(_ path: String) throws(DatasetErrors) -> Review {
        let directory = DataDirectory(path)
        guard directory.exists else {
            throw DatasetErrors([DataError(file: directory.path, line: nil, message: "no such folder (expected the review's data folder, with codebook.yaml, review.yaml, prisma.yaml and its tables)")])
        }
        let sink = ErrorSink()
        let workbook = DatasetLoader.openWorkbook(directory, sink)
        guard let codebook = DatasetLoader.readCodebook(directory, sink), sink.isEmpty else { throw DatasetErrors(sink.list) }
        var tables: [TableText] = []
        var csvFiles: [String] = []
        var fromWorkbook = false
        for table in codebook.tables {
            if let workbook, let sheet = workbook.sheet(named: table.name) {
                fromWorkbook = true
                if directory.has(table.fileName) {
                    sink.add(DataError(file: workbook.file, line: nil, message: "the sheet and \(directory.display(table.fileName)) both hold the \(table.name) table (expected one of them: delete the sheet or the file)", sheet: sheet.name))
                    continue
                }
                guard let texts = read(sheet, of: workbook, sink) else { continue }
                guard let header = texts.rows.first else { continue }
                tables.append(TableText(name: table.name, header: header.texts, rows: texts.rows.dropFirst().map(\.texts)))
            } else if directory.has(table.fileName) {
                csvFiles.append(directory.display(table.fileName))
                guard let bytes = directory.bytes(table.fileName, sink: sink, expected: "") else { continue }
                let (records, errors) = CSVReader(bytes: bytes).records()
                for error in errors { sink.add(file: directory.display(table.fileName), line: error.line, error.message) }
                guard let header = records.first else { continue }
                tables.append(TableText(name: table.name, header: header.fields, rows: records.dropFirst().map(\.fields)))
            }
        }
        let carried = workbook.map { carriedSheets(of: $0, codebook: codebook, sink) } ?? []
        guard sink.isEmpty else { throw DatasetErrors(sink.list) }
        let source: String
        if let workbook, fromWorkbook || !carried.isEmpty {
            source = ([workbook.file] + csvFiles).joined(separator: ", ")
        } else {
            source = "\(directory.path)/"
        }
        return Review(codebook: codebook, tables: tables, carried: carried, workbook: workbook?.file, source: source)
    }

    /// The workbook's sheets that the codebook does not declare, but for the
    /// codes sheet, which the new workbook writes anew; hidden sheets refused.
    private static func carriedSheets(of workbook: Workbook, codebook: Codebook, _ sink: ErrorSink) -> [CarriedSheet] {
        for name in workbook.hiddenSheets {
            sink.add(file: workbook.file, line: nil, "sheet \(Echo.quoted(name)) is hidden, and the new workbook would not keep it (unhide it to have its cells carried over as text, or delete it)")
        }
        let written = codebook.tables.map(\.name) + [codesSheet]
        var carried: [CarriedSheet] = []
        for sheet in workbook.sheets where !written.contains(sheet.name) {
            // Spreadsheets take sheet names regardless of case: `Codes` beside `codes` would not open.
            if let clash = written.first(where: { $0.lowercased() == sheet.name.lowercased() }) {
                sink.add(DataError(file: workbook.file, line: nil, message: "the new workbook has a sheet \(clash), and a spreadsheet cannot hold this sheet beside it (names differing only in case are the same name): rename the sheet", sheet: sheet.name))
                continue
            }
            guard let texts = read(sheet, of: workbook, sink) else { continue }
            carried.append(CarriedSheet(name: sheet.name, rows: texts.rows))
        }
        return carried
    }

    /// A sheet's texts; nil when it cannot be read or has a cell the new workbook would lose (reported).
    private static func read(_ sheet: Workbook.Sheet, of workbook: Workbook, _ sink: ErrorSink) -> SheetTexts? {
        let texts: SheetTexts
        do { texts = try workbook.texts(of: sheet) } catch {
            sink.add(DataError(file: workbook.file, line: nil, message: error.message, sheet: sheet.name))
            return nil
        }
        for cell in texts.lost {
            let message = cell.problem.message(expected: "a value the new workbook can keep as text")
            sink.add(DataError(file: workbook.file, line: cell.row, message: message, sheet: sheet.name, cellColumn: cell.column))
        }
        return texts.lost.isEmpty ? texts : nil
    }
}
