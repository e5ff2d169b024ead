import Foundation

extension DatasetLoader {
    /// A CSV file no table of the codebook reads would go unchecked and
    /// unpublished without a word: it is an error, with the way out.
    static func checkUndeclared(_ codebook: Codebook, _ directory: DataDirectory, _ sink: ErrorSink) {
        let declared = Set(codebook.tables.map(\.fileName))
        if codebook.firstForm {
            // Only the first form's appraisal file, when there are no checklists to read it by.
            let name = Codebook.firstFormName(of: .appraisal)
            if codebook.table(name) == nil, directory.has("\(name).csv") {
                sink.add(file: directory.display("\(name).csv"), line: nil,
                         "the codebook declares no checklists, so this file is not read (declare appraisal.checklists and tables.\(name), or remove the file)")
            }
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".csv") && !declared.contains(name) && !name.hasPrefix(".") {
            sink.add(file: directory.display(name), line: nil,
                     "no table of the codebook reads this file, so it would be neither checked nor published (declare a table with file: \(name), or move the file out of the data folder)")
        }
    }
}
