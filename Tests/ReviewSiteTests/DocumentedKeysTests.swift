import Foundation
import Testing
@testable import ReviewSite

/// docs/dataset.md describes what the readers accept: every key a reader
/// knows is named in its section of the page, and every key the page's key
/// tables list is one a reader knows. A key added to a reader without its
/// documentation, or documented and gone, fails here.
@Suite("docs/dataset.md and the readers")
struct DocumentedKeysTests {
    static let page = (try? String(contentsOf: repositoryRoot.appendingPathComponent("docs/dataset.md"), encoding: .utf8)) ?? ""

    /// The text of the section under `heading` (a line starting with it), up to the next heading of its level or above.
    static func section(_ heading: String) -> String {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return "" }
        let level = heading.prefix { $0 == "#" }.count
        let end = lines[(start + 1)...].firstIndex { line in
            let hashes = line.prefix { $0 == "#" }.count
            return hashes > 0 && hashes <= level && line.dropFirst(hashes).hasPrefix(" ")
        } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    /// Whether the section names `key`: in backticks, or as a YAML key of an example.
    static func names(_ section: String, _ key: String) -> Bool {
        section.contains("`\(key)`") || section.contains("\(key):") || section.contains("`\(key):")
    }

    /// The keys in the first column of a section's `| key | meaning |` table (`a`, `b` in one cell count both).
    static func tableKeys(_ section: String) -> [String] {
        section.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { row in
            row.split(separator: "|")[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        }
    }

    /// Each section and the keys its reader knows.
    static let sections: [(heading: String, keys: [String])] = {
        let prisma: [String] = DatasetLoader.prismaKeys + DatasetLoader.prismaDatabaseKeys + DatasetLoader.prismaOtherKeys
        let tables: [String] = CodebookReader.tableKeys + CodebookReader.columnKeys
        let appraisal: [String] = CodebookReader.appraisalKeys + CodebookReader.answerKeys + CodebookReader.levelKeys + CodebookReader.checklistKeys
            + CodebookReader.judgementKeys + CodebookReader.ruleKeys
        let summary: [String] = CodebookReader.summaryKeys + CodebookReader.summaryColumnKeys
        let search: [String] = ["sources", "note"] + DatasetLoader.sourceKeys
        return [("## review.yaml", DatasetLoader.reviewKeys), ("## search.yaml", search), ("## prisma.yaml", prisma),
                ("### tables", tables), ("### codes", CodebookReader.codeKeys), ("### appraisal", appraisal), ("### summary", summary)]
    }()

    @Test(arguments: 0..<7)
    func everyKeyAReaderKnowsIsDocumented(_ index: Int) {
        let (heading, keys) = Self.sections[index]
        let text = Self.section(heading)
        #expect(!text.isEmpty, "docs/dataset.md has no section \(heading)")
        let missing = Set(keys).filter { !Self.names(text, $0) }.sorted()
        #expect(missing.isEmpty, "\(heading) does not name \(missing)")
    }

    @Test(arguments: [
        ("## review.yaml", DatasetLoader.reviewKeys),
        ("### tables", CodebookReader.columnKeys + CodebookReader.tableKeys),
    ])
    func everyDocumentedKeyIsOneAReaderKnows(_ heading: String, _ keys: [String]) {
        let listed = Self.tableKeys(Self.section(heading))
        #expect(!listed.isEmpty)
        let unknown = listed.filter { !keys.contains($0) }
        #expect(unknown.isEmpty, "\(heading) documents \(unknown), which no reader accepts")
    }
}
