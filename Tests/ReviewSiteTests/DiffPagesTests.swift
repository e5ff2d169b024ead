import Foundation
import Testing
@testable import ReviewSite

@Suite("reviewsite diff covers every text page")
struct DiffPagesTests {
    @Test func aChangedAbstractSentenceIsReportedWithItsPage() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.write("abstract.md", try templates.read("abstract.md") + "\nThe review was published in {{review.year}}.\n")
        let data = try DatasetFixture()
        defer { data.delete() }
        try data.edit("review.yaml", line: 4, "2021", "2022")
        let diff = try ReportDiff.compare(base: defaultDataPath, head: data.path, dataFolder: defaultDataPath, templatesPath: templates.path)
        #expect(diff.figures.isEmpty && diff.tableCells.isEmpty)
        #expect(diff.sentences == [SentenceChange(page: "index.html", pageTitle: "Abstract", old: "The review was published in 2021.",
                                                  new: "The review was published in 2022.",
                                                  pieces: [.same("The review was published in"), .removed("2021."), .added("2022.")])])
        #expect(diff.text.contains("\nSentences that changed:\n  Abstract (index.html): The review was published in [-2021.-] {+2022.+}\n"))
        #expect(diff.json.contains("\"page\": \"index.html\""))
        #expect(diff.page.html.contains("<li><a href=\"index.html\">Abstract</a>: The review was published in <del>2021.</del> <ins>2022.</ins></li>"))
        #expect(diff.page.markdown.contains("- [Abstract](index.html): The review was published in \\[-2021.-\\] \\{+2022.+\\}"))
        #expect(diff.summary.hasPrefix("1 sentence"))
        // The data line names the file as its download and the key as code, so a reader tells data from prose.
        #expect(diff.page.html.contains("<li><a href=\"data/review.yaml\">review.yaml</a>, <code>year</code>: &#39;2021&#39; → &#39;2022&#39;</li>"))
        #expect(diff.page.markdown.contains("- review.yaml, year: '2021' → '2022'"))
    }

    /// A changed cell of a table: its file, row key and column, each marked.
    @Test func aChangedCellNamesItsFileRowAndColumn() throws {
        let data = try DatasetFixture()
        defer { data.delete() }
        try data.write("patients.csv", try data.read("patients.csv").replacingOccurrences(of: "R4-01,R4,44,", with: "R4-01,R4,45,"))
        let diff = try ReportDiff.compare(base: defaultDataPath, head: data.path, dataFolder: defaultDataPath, templatesPath: templatesPath)
        #expect(diff.page.html.contains("<li><a href=\"data/patients.csv\">patients.csv</a>, <code>R4-01</code>, <code>age_years</code>: &#39;44&#39; → &#39;45&#39;</li>"))
    }

    @Test func aTeamsOwnTextPageIsCompared() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.write("discussion.md", "## Discussion\n\nWe pooled {{patients.total}} patients.\n")
        try templates.replace("site.yaml", "  - {table: table-1,", "  - {text: discussion.md, title: Discussion}\n  - {table: table-1,")
        let data = try DatasetFixture()
        defer { data.delete() }
        try data.write("patients.csv", try data.read("patients.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R4-06,") }.joined(separator: "\n"))
        try data.write("treatments.csv", try data.read("treatments.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R4-06,") }.joined(separator: "\n"))
        try data.write("adverse_events.csv", try data.read("adverse_events.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R4-06,") }.joined(separator: "\n"))
        let diff = try ReportDiff.compare(base: defaultDataPath, head: data.path, dataFolder: defaultDataPath, templatesPath: templates.path)
        #expect(diff.sentences.contains { $0.page == "discussion.html" && $0.marked == "We pooled [-136-] {+135+} patients." })
        #expect(diff.sentences.contains { $0.page == "index.html" })
        #expect(diff.sentences.contains { $0.page == "results.html" })
        // In site.yaml's order: the abstract, the methods, the results, then the discussion.
        let order = diff.sentences.map(\.page).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(order == ["index.html", "results.html", "discussion.html"] || order == ["index.html", "methods.html", "results.html", "discussion.html"])
    }

    @Test func aRevisionWithoutTheDataFolderIsOneMessage() throws {
        do {
            _ = try ReportDiff.compare(base: "HEAD", head: nil, dataFolder: "no-such-folder", templatesPath: templatesPath)
            Issue.record("compared a revision without the folder")
        } catch {
            #expect(error.description == "HEAD: this revision has no no-such-folder/ folder (expected a revision whose no-such-folder/ holds the dataset)")
        }
    }
}
