/// A file of the dataset as the loader read it. A file of the folder is
/// offered for download as it was read, and its bytes are not kept, so
/// that a large dataset is not in memory twice (`copy(to:)` checks the
/// file against them while copying it). A table read from a sheet of the
/// workbook is offered as the CSV text it was read as, kept in memory.
public struct DatasetFile: Sendable, Equatable {
    enum Source: Equatable {
        /// The path it was read from (`data/cases.csv`), its size and the hash of its bytes.
        case folder(path: String, size: Int, hash: UInt64)
        /// A sheet of the workbook, as CSV.
        case sheet([UInt8])
    }

    let source: Source
    /// For a table (CSV): its cells a spreadsheet may take for a formula
    /// (FormulaScanner), counted from the bytes read, so that the downloads
    /// section need not read the file again.
    let formulaCells: Int

    /// A file of the folder, read as `bytes`.
    init(path: String, bytes: [UInt8]) {
        let hash = ByteHash(bytes)
        source = .folder(path: path, size: hash.length, hash: hash.value)
        formulaCells = path.hasSuffix(".csv") ? Self.formulaCells(bytes) : 0
    }

    /// A table of the workbook, as CSV.
    init(sheet csv: [UInt8]) {
        source = .sheet(csv)
        formulaCells = Self.formulaCells(csv)
    }

    private static func formulaCells(_ bytes: [UInt8]) -> Int {
        var scanner = FormulaScanner()
        bytes.withUnsafeBytes { scanner.add($0) }
        scanner.finish()
        return scanner.cells
    }
}
