import Foundation
import Testing
@testable import ReviewSite

/// site.yaml's `rows:`: its valid forms and each problem at its place.
@Suite("site.yaml's rows:")
struct RowPublishingTests {
    static let home = "pages:\n  - {text: abstract.md, title: Abstract}\n"

    static func read(_ yaml: String) -> Result<SiteFile, TemplateErrors> {
        SiteFile.parse(home + yaml, path: "templates/site.yaml", tables: ["table-1", "table-2"])
    }

    struct Valid: CustomTestStringConvertible, Sendable {
        var yaml: String
        var pages: RowPublishing.Pages
        var limit: Int
        var downloads: [RowPublishing.Download]
        var testDescription: String { yaml.isEmpty ? "no rows:" : yaml }
    }

    static let valid: [Valid] = [
        Valid(yaml: "", pages: .all, limit: 10_000, downloads: [.csv, .database]),
        Valid(yaml: "rows: {pages: all}\n", pages: .all, limit: 10_000, downloads: [.csv, .database]),
        Valid(yaml: "rows: {pages: first}\n", pages: .first, limit: 10_000, downloads: [.csv, .database]),
        Valid(yaml: "rows: {pages: first, limit: 1000}\n", pages: .first, limit: 1000, downloads: [.csv, .database]),
        Valid(yaml: "rows:\n  limit: 1\n  pages: first\n", pages: .first, limit: 1, downloads: [.csv, .database]),
        Valid(yaml: "rows: {pages: first, limit: '10000'}\n", pages: .first, limit: 10_000, downloads: [.csv, .database]),
        Valid(yaml: "rows: {pages: first, limit: 500, downloads: [database]}\n", pages: .first, limit: 500, downloads: [.database]),
        Valid(yaml: "rows: {downloads: [csv]}\n", pages: .all, limit: 10_000, downloads: [.csv]),
        Valid(yaml: "rows: {downloads: [database, csv]}\n", pages: .all, limit: 10_000, downloads: [.csv, .database]),
    ]

    @Test(arguments: valid)
    func readsEachValidForm(_ form: Valid) throws {
        let rows = try Self.read(form.yaml).get().rows
        #expect(rows.pages == form.pages)
        #expect(rows.limit == form.limit)
        #expect(rows.downloads == form.downloads)
        #expect(rows.shown == (form.pages == .first ? form.limit : Int.max))
    }

    static let bad: [BadSite] = [
        BadSite(name: "not a mapping", yaml: "rows: first\n",
                error: "templates/site.yaml:3:7: rows: expected a mapping such as {pages: first, limit: 1000} or {pages: all}"),
        BadSite(name: "unknown key", yaml: "rows: {page: first}\n",
                error: "templates/site.yaml:3:8: 'page' is not a key of rows (expected pages, limit or downloads)"),
        BadSite(name: "unknown way", yaml: "rows: {pages: some}\n",
                error: "templates/site.yaml:3:15: rows: pages: 'some' is not a way to publish the rows (expected all or first: every page, or the first page only)"),
        BadSite(name: "pages a list", yaml: "rows: {pages: [first]}\n",
                error: "templates/site.yaml:3:15: rows: pages: expected all or first: every page, or the first page only"),
        BadSite(name: "limit too large", yaml: "rows: {pages: first, limit: 50000}\n",
                error: "templates/site.yaml:3:29: rows: limit: '50000' is not a number of rows from 1 to 10,000 (the rows of each table's one page)"),
        BadSite(name: "limit zero", yaml: "rows: {pages: first, limit: 0}\n",
                error: "templates/site.yaml:3:29: rows: limit: '0' is not a number of rows from 1 to 10,000 (the rows of each table's one page)"),
        BadSite(name: "limit in words", yaml: "rows: {pages: first, limit: ten}\n",
                error: "templates/site.yaml:3:29: rows: limit: 'ten' is not a number of rows from 1 to 10,000 (the rows of each table's one page)"),
        BadSite(name: "limit a list", yaml: "rows: {pages: first, limit: [10]}\n",
                error: "templates/site.yaml:3:29: rows: limit: expected a number of rows from 1 to 10,000 (the rows of each table's one page)"),
        BadSite(name: "limit without first", yaml: "rows: {limit: 100}\n",
                error: "templates/site.yaml:3:15: rows: limit: is for pages: first (pages: all publishes every row, 10,000 to a page)"),
        BadSite(name: "limit with all", yaml: "rows: {pages: all, limit: 100}\n",
                error: "templates/site.yaml:3:27: rows: limit: is for pages: first (pages: all publishes every row, 10,000 to a page)"),
        BadSite(name: "downloads not a list", yaml: "rows: {downloads: csv}\n",
                error: "templates/site.yaml:3:19: rows: downloads: expected a list of the forms the dataset's rows are offered in, e.g. [csv, database]"),
        BadSite(name: "no downloads", yaml: "rows: {downloads: []}\n",
                error: "templates/site.yaml:3:19: rows: downloads: [] offers the dataset's rows in no form (expected csv or database, or both)"),
        BadSite(name: "unknown download", yaml: "rows: {downloads: [csv, xlsx]}\n",
                error: "templates/site.yaml:3:25: rows: downloads: 'xlsx' is not a form of the downloads (expected csv or database)"),
        BadSite(name: "download a mapping", yaml: "rows: {downloads: [{csv: yes}]}\n",
                error: "templates/site.yaml:3:20: rows: downloads: expected a form of the downloads (expected csv or database)"),
        BadSite(name: "download twice", yaml: "rows: {downloads: [csv, csv]}\n",
                error: "templates/site.yaml:3:25: rows: downloads: 'csv' is listed twice"),
        BadSite(name: "unknown top key names rows", yaml: "row: {pages: first}\n",
                error: "templates/site.yaml:3:1: 'row' is not a key of site.yaml (expected pages, files or rows)"),
    ]

    @Test(arguments: bad)
    func reportsEachProblemWithItsPlace(_ site: BadSite) {
        guard case .failure(let errors) = Self.read(site.yaml) else {
            Issue.record("\(site.name): read without an error")
            return
        }
        #expect(errors.errors.map(\.description) == [site.error])
    }

    @Test func everyProblemOfRowsIsReportedTogether() {
        guard case .failure(let errors) = Self.read("rows:\n  pages: most\n  limit: 5\n  downloads: [pdf]\n  sample: 3\n") else {
            Issue.record("read without an error")
            return
        }
        #expect(errors.errors.map(\.description) == [
            "templates/site.yaml:4:10: rows: pages: 'most' is not a way to publish the rows (expected all or first: every page, or the first page only)",
            "templates/site.yaml:5:10: rows: limit: is for pages: first (pages: all publishes every row, 10,000 to a page)",
            "templates/site.yaml:6:15: rows: downloads: 'pdf' is not a form of the downloads (expected csv or database)",
            "templates/site.yaml:7:3: 'sample' is not a key of rows (expected pages, limit or downloads)",
        ])
    }

    /// The build reports a problem of rows: before it writes anything.
    @Test func aBuildStopsAtAProblemOfRows() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.write("site.yaml", try templates.read("site.yaml") + "rows: {pages: first, limit: 0}\n")
        let line = try templates.read("site.yaml").split(separator: "\n", omittingEmptySubsequences: false).count - 1
        do {
            _ = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
            Issue.record("built with limit: 0")
        } catch {
            #expect(error.description == "\(templates.path)/site.yaml:\(line):29: rows: limit: '0' is not a number of rows from 1 to 10,000 (the rows of each table's one page)\n1 error in the templates.")
        }
    }
}
