import Foundation

extension DatasetLoader {
    /// The workbook that holds tables in place of CSV files, if the folder
    /// has one: `extraction.xlsx`, or else the only `.xlsx` file. Office's
    /// lock files (`~$…`) and hidden files are not workbooks.
    static func openWorkbook(_ directory: DataDirectory, _ sink: ErrorSink) -> Workbook? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let workbooks = names.filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") }.sorted()
        let name: String
        if workbooks.contains(Workbook.defaultName) {
            name = Workbook.defaultName
        } else if workbooks.count == 1 {
            name = workbooks[0]
        } else {
            if workbooks.count > 1 {
                sink.add(file: directory.path, line: nil, "has \(workbooks.count) workbooks (\(workbooks.map { Echo.quoted($0) }.joined(separator: ", "))): expected at most one, or one named \(Workbook.defaultName)")
            }
            return nil
        }
        let file = directory.display(name)
        // Read once as any dataset file (no link, no FIFO), then opened as an archive.
        if case .failure(let problem) = RegularFile.contents(file) {
            sink.add(file: file, line: nil, problem.message(inputs: "a dataset"))
            return nil
        }
        do {
            return try Workbook(file: file, path: file)
        } catch {
            sink.add(file: file, line: nil, error.message)
            return nil
        }
    }
}

extension Workbook {
    /// The workbook's name in a dataset folder when there is more than one, and `reviewsite workbook`'s output.
    static let defaultName = "extraction.xlsx"
}
