import Foundation
import Testing
@testable import ReviewSite

/// `reviewsite serve` loads the report again after a data file's change,
/// parsing again only the CSV files whose bytes changed (or all, when the
/// codebook did); the report is the one a fresh load makes.
@Suite("serve: a data change re-reads only the files changed")
struct DataFileMemoTests {
    struct Folder {
        let scratch: Scratch
        var data: String { scratch.path + "/data" }
        var figures: String { FigureFile.path(inTemplates: scratch.path + "/templates") }

        func edit(_ name: String, _ old: String, _ new: String) throws {
            let path = "\(data)/\(name)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(name) holds \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
        }

        /// The site of `report`, to compare two reports whole.
        func site(_ report: Report) throws -> SiteFiles {
            try SiteBuilder(dataPath: data, templatesPath: scratch.path + "/templates").build(report)
        }
    }

    static let tables = ["patients.csv", "studies.csv", "treatments.csv", "adverse_events.csv", "risk_of_bias.csv"]

    @Test func oneFileChangedIsTheOnlyOneParsedAgain() throws {
        let folder = Folder(scratch: try Scratch())
        defer { folder.scratch.delete() }
        let memo = DataFileMemo()
        let first = try Report.load(from: folder.data, figures: folder.figures, memo: memo)
        #expect(Set(memo.parsed) == Set(Self.tables.map { "\(folder.data)/\($0)" }))
        #expect(memo.parsed.count == Self.tables.count)

        try folder.edit("patients.csv", "bisphosphonates,complete,,,,12,no,\n", "bisphosphonates,complete,,,,12,yes,\n")
        let second = try Report.load(from: folder.data, figures: folder.figures, memo: memo)
        #expect(Array(memo.parsed.dropFirst(Self.tables.count)) == ["\(folder.data)/patients.csv"])
        let fresh = try folder.site(try Report.load(from: folder.data, figures: folder.figures))
        let loaded = try folder.site(second)
        #expect(loaded.paths == fresh.paths)
        for path in fresh.paths where loaded.files[path] != fresh.files[path] {
            Issue.record("\(path) differs from a fresh load's")
        }
        // The edit shows: the figures are not the first load's.
        let firstFigures = MemoryOutput()
        try SiteBuilder.addFiguresJSON(first.figures, to: firstFigures)
        #expect(firstFigures.site.paths == ["data/figures.json"])
        #expect(firstFigures.site["data/figures.json"] != loaded["data/figures.json"])

        // A codebook's change may change how every file reads.
        try folder.edit("codebook.yaml", "\n", "\n# edited\n")
        _ = try Report.load(from: folder.data, figures: folder.figures, memo: memo)
        #expect(Set(memo.parsed.dropFirst(Self.tables.count + 1)) == Set(Self.tables.map { "\(folder.data)/\($0)" }))
    }

    /// A file with a problem is not kept: each load reports it as a fresh load does.
    @Test func aFileWithAProblemIsParsedEachTime() throws {
        let folder = Folder(scratch: try Scratch())
        defer { folder.scratch.delete() }
        let memo = DataFileMemo()
        _ = try Report.load(from: folder.data, figures: folder.figures, memo: memo)
        try folder.edit("studies.csv", "\nR4,", "\nR4,,")
        var messages: [String] = []
        for kept in [memo, memo, nil] {
            do {
                _ = try Report.load(from: folder.data, figures: folder.figures, memo: kept)
                Issue.record("the load of a broken studies.csv succeeded")
            } catch {
                messages.append(error.description)
            }
        }
        #expect(messages.count == 3 && Set(messages).count == 1)
        #expect(messages.first?.contains("\(folder.data)/studies.csv:") == true)
        #expect(memo.parsed.dropFirst(Self.tables.count).filter { $0.hasSuffix("/studies.csv") }.count == 2)
    }
}
