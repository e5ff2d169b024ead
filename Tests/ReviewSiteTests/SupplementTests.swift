import Foundation
import Testing
@testable import ReviewSite

/// supplement.html: the printable gathering of the report's supplementary
/// material (`reviewsite publish` makes the PDF and DOCX; make test checks them).
@Suite("The supplement")
struct SupplementTests {
    @Test func itGathersTheTablesChartsAndCatalogueWithoutNavigation() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let supplement = try #require(site["supplement.html"])
        #expect(!supplement.contains("<nav"))
        #expect(supplement.contains("@media print"))
        #expect(supplement.contains("thead { display: table-header-group; }"))
        let regex = try NSRegularExpression(pattern: ##"<li><a href="#s-[a-z0-9-]+">([^<]+)</a></li>"##)
        let titles = regex.matches(in: supplement, range: NSRange(supplement.startIndex..., in: supplement)).map {
            String(supplement[Range($0.range(at: 1), in: supplement)!])
        }
        #expect(titles == ["S1. Search and methods", "S2. PRISMA 2020 flow diagram", "S3. Table 1. Characteristics of the included studies",
                           "S4. Appraisal of the included studies", "S5. Answers to the appraisal checklists",
                           "S6. Table 2. Summary of the treatment options", "S7. Charts", "S8. Figure catalogue"])
        // Every row of both declared tables is a row of the supplement, cell for cell.
        let tables = try loadReport(defaultDataPath).declaredTables(TableFile.path(inTemplates: templatesPath)).get()
        #expect(tables.count == 2)
        for table in tables {
            #expect(table.data.rowCount > 0)
            for row in 0..<table.data.rowCount {
                let cells = table.data.cells(row)
                let html = "<tr><th scope=\"row\">\(Escape.html(cells[0]))</th>" + cells.dropFirst().map { "<td>\(Escape.html($0))</td>" }.joined() + "</tr>"
                #expect(supplement.contains(html), "\(table.id): \(cells[0])")
            }
        }
        #expect(supplement.contains("<td>71% (15/21; 95% CI 50.0–86.2)</td>"))
        #expect(supplement.contains("id=\"chart-appraisal-summary\"") && supplement.contains("id=\"chart-response-by-option\""))
        #expect(supplement.contains("aria-labelledby=\"prisma-title prisma-desc\""))
        #expect(supplement.contains("<table class=\"sortable rob-table\">"))
    }

    /// The supplement prints the appraisal page as written, and is made on
    /// another core alongside the other pages: it waits for that page.
    @Test func theSupplementWaitsForTheAppraisalPage() throws {
        let output = SlowAppraisalOutput()
        try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build(loadReport(defaultDataPath), into: output)
        let supplement = try #require(output.memory.site["supplement.html"])
        #expect(supplement.contains("<section id=\"s-appraisal-table\""))
    }

    /// A large review's supplement goes to its file in pieces: taken after
    /// every row and section, the pieces are the file written whole.
    @Test func thePiecesMakeTheWholeFile() throws {
        let report = try loadReport(defaultDataPath)
        let tables = try report.declaredTables(TableFile.path(inTemplates: templatesPath)).get()
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build(report)
        let sections = Supplement.sections(report, methods: "# Methods\n\nText.\n", charts: ChartSet(ChartFile.read(ChartFile.path(inTemplates: templatesPath), catalogue: report.catalogue).file, report: report),
                                           tables: tables, written: { site.files[$0] })
        let review = report.review
        var whole = HTMLBytes(capacity: 0)
        Supplement.write(sections, title: review.title, authors: review.authors, provenance: review.provenance, into: &whole) { _ in }
        var pieces: [[UInt8]] = []
        var out = HTMLBytes(capacity: 0)
        Supplement.write(sections, title: review.title, authors: review.authors, provenance: review.provenance, into: &out) {
            pieces.append($0.bytes)
            $0.removeAll()
        }
        pieces.append(out.bytes)
        #expect(pieces.count > tables.reduce(0) { $0 + $1.data.rowCount })
        #expect(pieces.flatMap { $0 } == whole.bytes)
        let html = String(decoding: whole.bytes, as: UTF8.self)
        #expect(html.contains("<section id=\"s-appraisal-table\" class=\"supplement-section wide\">"))
        #expect(html.contains("<h2 class=\"section-title\">Table 1. Characteristics of the included studies</h2>"))
    }

    /// A file written in pieces that cannot be written fails with its name and the system's reason.
    @Test func aPieceThatCannotBeWrittenFailsTheBuild() throws {
        let file = try PieceFile("/dev/full")
        var out = HTMLBytes(capacity: 0)
        out.raw(String(repeating: "x", count: 1 << 17))
        file.write(&out)
        #expect(out.bytes.isEmpty)
        #expect(throws: BuildFailure.self) { try file.close() }
        let again = try PieceFile("/dev/full")
        out.raw(String(repeating: "x", count: 1 << 17))
        again.write(&out)
        do {
            try again.close()
            Issue.record("writing to /dev/full succeeded")
        } catch {
            #expect(error.description == "/dev/full: cannot be written (No space left on device)")
        }
    }

    /// A table's data are escaped in the supplement as on the site's pages.
    @Test func hostileCellsAreEscaped() throws {
        let fixture = try hostileFixture()
        defer { fixture.delete() }
        let report = try loadReport(fixture.path)
        let tables = try report.declaredTables(TableFile.path(inTemplates: templatesPath)).get()
        let table = SupplementTable(tables[0])
        var out = HTMLBytes(capacity: 0)
        table.write(into: &out)
        let html = String(decoding: out.bytes, as: UTF8.self)
        #expect(!html.contains("<script"))
        let hostile = (0..<table.data.rowCount).flatMap(table.data.cells).filter { $0.contains("<") || $0.contains("&") }
        #expect(!hostile.isEmpty)
        for cell in hostile { #expect(html.contains(Escape.html(cell))) }
    }
}

/// Files in memory, the appraisal page written slowly.
private final class SlowAppraisalOutput: SiteOutput, @unchecked Sendable {
    let memory = MemoryOutput()

    func add(_ path: String, _ text: String) { memory.add(path, text) }

    func add(_ path: String, bytes: [UInt8]) {
        if path == "risk-of-bias.html" { Thread.sleep(forTimeInterval: 0.5) }
        memory.add(path, bytes: bytes)
    }

    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure) {
        try memory.add(path, writtenBy: write)
    }

    func written(_ path: String) -> [UInt8]? { memory.written(path) }
}
