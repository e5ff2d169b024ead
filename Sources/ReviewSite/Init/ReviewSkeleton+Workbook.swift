import Foundation

extension ReviewSkeleton {
    /// The CSV files of the skeleton's tables, which `init --workbook` replaces.
    static var tableFiles: [String] { files.map(\.path).filter { $0.hasPrefix("data/") && $0.hasSuffix(".csv") } }

    /// `init --workbook`: the skeleton's tables as one extraction workbook,
    /// `data/extraction.xlsx` (drop-down lists from the codebook), in place
    /// of its CSV files; the loader reads either.
    public static func writeWorkbook(in folder: String) throws(Failure) {
        let written: (bytes: [UInt8], sheets: Int, rows: Int)
        do {
            written = try WorkbookWriter.workbook(fromDataset: "\(folder)/data")
        } catch {
            throw Failure(description: "the new review's tables as a workbook: \(error.description)")
        }
        let path = "\(folder)/data/extraction.xlsx"
        if let reason = writeNew(path, written.bytes) {
            throw Failure(description: "\(Echo.path(path)): cannot be written (\(reason))")
        }
        for file in tableFiles where unlink("\(folder)/\(file)") != 0 {
            throw Failure(description: "\(Echo.path("\(folder)/\(file)")): cannot be removed (\(SystemError.reason()))")
        }
    }
}
