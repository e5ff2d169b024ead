import Foundation

extension WorkbookWriter {
    /// The extraction workbook of a dataset folder: its codebook, and the rows
    /// of each table's CSV file as they are (a table without a file gets none).
    /// The rows are not checked: a workbook is where they get fixed.
    public static func workbook(fromDataset path: String) throws(DatasetErrors) -> (bytes: [UInt8], sheets: Int, rows: Int) {
        let (codebook, tables) = try dataset(path)
        do {
            let bytes = try workbook(codebook: codebook, tables: tables)
            return (bytes, codebook.tables.count + 1, tables.reduce(0) { $0 + $1.rows.count })
        } catch {
            throw DatasetErrors([DataError(file: path, line: nil, message: error.message)])
        }
    }

    /// A folder's codebook and CSV rows; only their syntax is checked.
    static func dataset(_ path: String) throws(DatasetErrors) -> (Codebook, [TableText]) {
        let directory = DataDirectory(path)
        let sink = ErrorSink()
        guard let codebook = DatasetLoader.readCodebook(directory, sink) else { throw DatasetErrors(sink.list) }
        var tables: [TableText] = []
        for table in codebook.tables where directory.has(table.fileName) {
            guard let bytes = directory.bytes(table.fileName, sink: sink, expected: "") else { continue }
            let (records, errors) = CSVReader(bytes: bytes).records()
            for error in errors { sink.add(file: directory.display(table.fileName), line: error.line, error.message) }
            guard let header = records.first else { continue }
            tables.append(TableText(name: table.name, header: header.fields, rows: records.dropFirst().map(\.fields)))
        }
        guard sink.isEmpty else { throw DatasetErrors(sink.list) }
        return (codebook, tables)
    }
}
