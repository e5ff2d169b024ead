import Foundation
@testable import ReviewSite

/// The repository's folder, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The engine's tests read a frozen copy of the default review (its data
/// and templates as of this commit), so that a review team replacing
/// `data/` or `templates/` breaks no engine test; DefaultReviewTests checks
/// the live folders.
let defaultReviewFixture = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Fixtures/default-review")

/// The default dataset, as the fixture holds it.
let defaultDataPath = defaultReviewFixture.appendingPathComponent("data").path

/// Another review's small dataset, with its own codebook.
let systemicDataPath = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Fixtures/systemic").path

/// templates/figures.yaml: the default review's figures.
let defaultCatalogue: FigureFile = FigureFile.read(defaultReviewFixture.appendingPathComponent("templates/figures.yaml").path).file
let defaultTemplatesPath = defaultReviewFixture.appendingPathComponent("templates").path

/// Loads a dataset checked against the default review's figures.
func loadDataset(_ path: String) throws(DatasetErrors) -> Dataset {
    try DatasetLoader.load(from: path, figureFields: defaultCatalogue.fields)
}

/// Loads a dataset and computes the default review's figures over it.
func loadReport(_ path: String) throws(ReportErrors) -> Report {
    try Report.load(from: path, figures: FigureFile.path(inTemplates: defaultTemplatesPath))
}

/// The report of a dataset with the figures of another templates folder.
func loadReport(_ path: String, templates: String) throws(ReportErrors) -> Report {
    try Report.load(from: path, figures: FigureFile.path(inTemplates: templates))
}

/// A copy of a dataset (the default one unless said) in a fresh temporary folder, edited by a test.
struct DatasetFixture {
    let path: String

    init(from source: String = defaultDataPath) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reviewsite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: folder.appendingPathComponent(file).path)
        }
        path = folder.path
    }

    func read(_ file: String) throws -> String {
        try String(contentsOfFile: "\(path)/\(file)", encoding: .utf8)
    }

    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(file)"))
    }

    func writeBytes(_ file: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: "\(path)/\(file)"))
    }

    func remove(_ file: String) throws {
        try FileManager.default.removeItem(atPath: "\(path)/\(file)")
    }

    /// Replaces `old` with `new` on one line (1-based) of a file; the line must contain it.
    func edit(_ file: String, line: Int, _ old: String, _ new: String) throws {
        var lines = try read(file).components(separatedBy: "\n")
        precondition(lines[line - 1].contains(old), "\(file):\(line) has no '\(old)': \(lines[line - 1])")
        lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
        try write(file, lines.joined(separator: "\n"))
    }

    /// Appends lines at the end of a file.
    func append(_ file: String, _ text: String) throws {
        try write(file, try read(file) + text)
    }

    /// The error lines a load reports, with the folder shown as `data`.
    func errors() -> [String] {
        do {
            _ = try loadDataset(path)
            return []
        } catch {
            return error.errors.map { $0.description.replacingOccurrences(of: path, with: "data") }
        }
    }

    func delete() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The error lines of a dataset whose files are edited by `change`.
func errorsAfter(from source: String = defaultDataPath, _ change: (DatasetFixture) throws -> Void) throws -> [String] {
    let fixture = try DatasetFixture(from: source)
    defer { fixture.delete() }
    try change(fixture)
    return fixture.errors()
}
