import Foundation
import Testing
@testable import ReviewSite

/// What `rows: {pages: first, limit: N}` publishes: the first N rows of each
/// long table on one page, with a sentence linking the downloads that hold
/// every row; and what the default still publishes.
@Suite("rows: pages: first")
struct FirstPageTests {
    /// The default review's frozen copy built with `rows` added to its site.yaml.
    static func build(rows: String?) throws -> SiteFiles {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        if let rows { try templates.write("site.yaml", try templates.read("site.yaml") + rows + "\n") }
        return try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
    }

    static func count(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

    /// The ids of a page's rows (`<tr id="…">`), in order.
    static func rowIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<tr id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func firstPublishesTheFirstRowsWithTheDownloads() throws {
        let all = try Self.build(rows: nil)
        let site = try Self.build(rows: "rows: {pages: first, limit: 10}")
        let patients = try #require(site["patients.html"])
        #expect(patients.contains("""
            <p class="rows-note">This page shows the first 10 of the 136 patients. Every row is in the downloads: \
            <a href="data/patients.csv">patients.csv</a>, <a href="data/treatments.csv">treatments.csv</a>, \
            <a href="data/adverse_events.csv">adverse_events.csv</a> and <a href="data/review.sqlite">review.sqlite</a>.</p>
            <div class="table-scroll"
            """))
        #expect(patients.contains("<caption>Individual data of the 136 patients, the first 10 shown</caption>"))
        // The first ten rows of the whole page, in its order.
        #expect(Self.rowIDs(patients) == Array(Self.rowIDs(try #require(all["patients.html"])).prefix(10)))
        let table = try #require(site["table-1.html"])
        #expect(table.contains("""
            <p class="rows-note">This page shows the first 10 of the 40 studies. Every row is in the downloads: \
            <a href="data/studies.csv">studies.csv</a> and <a href="data/review.sqlite">review.sqlite</a>.</p>
            """))
        #expect(Self.rowIDs(table) == Array(Self.rowIDs(try #require(all["table-1.html"])).prefix(10)))
        let appraisal = try #require(site["risk-of-bias.html"])
        #expect(appraisal.contains("""
            <p class="rows-note">This page shows the first 10 of the 40 studies. Every row is in the downloads: \
            <a href="data/studies.csv">studies.csv</a>, <a href="data/risk_of_bias.csv">risk_of_bias.csv</a> \
            and <a href="data/review.sqlite">review.sqlite</a>.</p>
            """))
        #expect(Self.count(appraisal, "<tr><th scope=\"row\"") == 10)
        // Every download a sentence links is in the site.
        for file in ["patients.csv", "treatments.csv", "adverse_events.csv", "studies.csv", "risk_of_bias.csv", "review.sqlite"] {
            #expect(site.files["data/" + file] != nil, "data/\(file)")
        }
        // A table no longer than the limit is as before.
        #expect(site["table-2.html"] == all["table-2.html"])
    }

    @Test func theTwinAndTheSupplementHoldTheRowsThePageShows() throws {
        let site = try Self.build(rows: "rows: {pages: first, limit: 10}")
        let twin = try #require(site["table-1.md"])
        #expect(twin.contains("(lost to follow-up). This file holds the first 10 of the 40 rows, as table-1.html shows them.\n"))
        // The heading row, its rule and ten rows.
        #expect(twin.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 12)
        let supplement = try #require(site["supplement.html"])
        let parts = supplement.components(separatedBy: "<section id=\"")
        let table1 = try #require(parts.first { $0.hasPrefix("etable-1\"") })
        #expect(Self.count(table1, "<tr><th scope=\"row\">") == 10)
        #expect(table1.contains("(lost to follow-up). The first 10 of the 40 rows, as the site shows them.</p>"))
        let appraisal = try #require(parts.first { $0.hasPrefix("etable-3\"") })
        #expect(Self.count(appraisal, "<tr><th scope=\"row\"") == 10)
        let references = try #require(parts.first { $0.hasPrefix("ereferences\"") })
        #expect(Self.count(references, "<li id=\"study-") == 10)
        #expect(references.contains("lists them in full); the first 10 are listed here, every one is in the review's downloads.</p>"))
    }

    /// A row the pages do not show is named, not linked to a page the site lacks.
    @Test func everyRowLinkFindsItsRow() throws {
        let site = try Self.build(rows: "rows: {pages: first, limit: 10}")
        let anchors = Dictionary(uniqueKeysWithValues: ["patients.html", "table-1.html"].map { ($0, Set(Self.rowIDs(site[$0] ?? ""))) })
        var links = 0
        for path in site.paths where path.hasSuffix(".html") {
            for link in (site[path] ?? "").components(separatedBy: "href=\"").dropFirst() {
                let target = link.prefix { $0 != "\"" }.split(separator: "#", maxSplits: 1).map(String.init)
                guard target.count == 2, let ids = anchors[target[0]] else { continue }
                links += 1
                #expect(ids.contains(target[1]), "\(path) links \(target[0])#\(target[1])")
            }
        }
        #expect(links > 10)
        #expect(site["figures.html"]?.contains("<a href=\"patients.html#") == true)
        #expect(site.paths.filter { $0.hasPrefix("patients") } == ["patients.html"])
    }

    /// The Word file prints the declared tables' and the appraisal's rows as the pages show them.
    @Test func theWordFilePrintsTheRowsThePagesShow() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.write("site.yaml", try templates.read("site.yaml") + "rows: {pages: first, limit: 10}\n")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-first-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let builder = SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path)
        let report = try loadReport(defaultDataPath)
        _ = try builder.write(report, to: out)
        let document = PrintDocument(try builder.plan(report), review: report.review, prisma: report.prisma, site: out).markdown
        let sections = document.components(separatedBy: "\n## ")
        let table1 = try #require(sections.first { $0.hasPrefix("Table 1.") })
        #expect(table1.contains("This file holds the first 10 of the 40 rows, as table-1.html shows them."))
        #expect(table1.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 12)
        let appraisal = try #require(sections.first { $0.hasPrefix("Risk of bias") })
        #expect(appraisal.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 11)
    }

    @Test func downloadsAreTheDeclaredForms() throws {
        let database = try Self.build(rows: "rows: {pages: first, limit: 10, downloads: [database]}")
        #expect(database.paths.filter { $0.hasSuffix(".csv") } == [])
        #expect(database.files["data/review.sqlite"] != nil)
        #expect(database["index.html"]?.contains(".csv") == false)
        #expect(database["patients.html"]?.contains("Every row is in the downloads: <a href=\"data/review.sqlite\">review.sqlite</a>.</p>") == true)
        let csv = try Self.build(rows: "rows: {downloads: [csv]}")
        #expect(csv.files["data/review.sqlite"] == nil)
        #expect(csv["index.html"]?.contains("review.sqlite") == false)
        #expect(csv["index.html"]?.contains("<li><a href=\"data/patients.csv\">patients.csv</a></li>") == true)
    }

    /// The default review's site is what it was: no rows: is pages: all with
    /// both downloads, and a limit its tables fit in changes nothing.
    @Test func theDefaultStaysAsItIs() throws {
        let site = try Self.build(rows: nil)
        #expect(site.paths.allSatisfy { !(site[$0] ?? "").contains("rows-note") })
        #expect(site.files["data/review.sqlite"] != nil && site.files["data/patients.csv"] != nil)
        for rows in ["rows: {pages: all}", "rows: {pages: all, downloads: [database, csv]}", "rows: {pages: first, limit: 10000}"] {
            let declared = try Self.build(rows: rows)
            #expect(declared.paths == site.paths, "\(rows)")
            let differing = site.paths.filter { declared.files[$0] != site.files[$0] }
            #expect(differing == [], "\(rows)")
        }
    }

    /// A table of several pages: only the first is written, without the
    /// other pages' navigation, its rows cut at the limit.
    @Test func aLongTablesFirstPageLosesTheOthersNavigation() {
        let rows = (1...5).map { "<tr id=\"p\($0)\"><td>\($0)</td></tr>\n" }.joined()
        let page = Page(file: "patients.html", title: "Patients",
                        body: "<h1>Patients</h1>\n<p>One by one.</p>\n" + Paging.navigation("patients", pages: 3, current: 0) + Cells.scrollBox("Patients")
                            + "\n<table>\n<caption>Individual data of the 25000 patients, page 1 of 3</caption>\n<tbody>\n",
                        sortable: true, rows: Array(rows.utf8), end: "</tbody>\n</table>\n</div>")
        let cut = FirstPage.cut(page, stem: "patients", total: 25_000, limit: 2, rows: "patients", downloads: ["patients.csv"])
        #expect(cut.body == """
            <h1>Patients</h1>
            <p>One by one.</p>
            <p class="rows-note">This page shows the first 2 of the 25,000 patients. Every row is in the downloads: <a href="data/patients.csv">patients.csv</a>.</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Patients">
            <table>
            <caption>Individual data of the 25000 patients, the first 2 shown</caption>
            <tbody>

            """)
        #expect(String(decoding: cut.rows, as: UTF8.self) == "<tr id=\"p1\"><td>1</td></tr>\n<tr id=\"p2\"><td>2</td></tr>\n")
        #expect(cut.end == page.end)
        let table = SiteBuilder.RowTable(pages: 3, page: { _ in page }, stem: "patients", total: 25_000, words: "patients", downloads: [])
        var first = RowPublishing()
        first.pages = .first
        #expect(table.published(first) == 0..<1)
        #expect(table.published(RowPublishing()) == 0..<3)
        #expect(FirstPage.cut(page, stem: "patients", total: 5, limit: 10, rows: "patients", downloads: []).body == page.body)
    }
}
