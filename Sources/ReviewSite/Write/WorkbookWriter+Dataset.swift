import Foundation

extension WorkbookWriter {
    /// The extraction workbook of a dataset folder: its codebook, and each
    /// table's rows as they are, from the folder's workbook or CSV files (a
    /// table with neither gets none), with the workbook's other sheets.
    /// The rows are not checked: a workbook is where they get fixed.
    public static func workbook(fromDataset path: String) throws(DatasetErrors) -> (bytes: [UInt8], sheets: Int, rows: Int) {
        let review = try review(path)
        return (try workbook(of: review, file: path), review.sheetCount, review.rowCount)
    }

    /// The bytes of the workbook of `review`; `file` names the dataset in an error.
    public static func workbook(of review: Review, file: String) throws(DatasetErrors) -> [UInt8] {
        do {
            return try zip(parts(codebook: review.codebook, tables: review.tables, carried: review.carried))
        } catch {
            throw DatasetErrors([DataError(file: file, line: nil, message: error.message)])
        }
    }

    /// A folder's codebook and tables' rows; only their syntax is checked.
    static func dataset(_ path: String) throws(DatasetErrors) -> (Codebook, [TableText]) {
        let review = try review(path)
        return (review.codebook, review.tables)
    }
}
