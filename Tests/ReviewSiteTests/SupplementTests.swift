import Foundation
import Testing
@testable import ReviewSite

/// supplement.html: the review's supplementary material, numbered as a
/// journal's supplement (`reviewsite publish` makes the PDF and DOCX; make test checks them).
@Suite("The supplement")
struct SupplementTests {
    @Test func itNumbersItsPartsInOneSeriesWithoutLinksToOtherPages() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let supplement = try #require(site["supplement.html"])
        #expect(!supplement.contains("<nav"))
        #expect(supplement.contains("@media print"))
        #expect(supplement.contains("thead { display: table-header-group; }"))
        #expect(supplement.contains("@top-left { content: \"Supplement to: Local, non-systemic, and minimally invasive therapies for calcinosis cutis: a systematic review\";"))
        #expect(supplement.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"))
        let regex = try NSRegularExpression(pattern: ##"<li><a href="#([a-z0-9-]+)"><span class="part-label">([^<]+)\.</span> ([^<]+)</a><span class="page-ref" data-part="\1"></span></li>"##)
        let titles = regex.matches(in: supplement, range: NSRange(supplement.startIndex..., in: supplement)).map {
            String(supplement[Range($0.range(at: 2), in: supplement)!]) + ". " + String(supplement[Range($0.range(at: 3), in: supplement)!])
        }
        #expect(titles == ["eMethods. Search strategy", "eTable 1. Table 1. Characteristics of the included studies",
                           "eTable 2. Table 2. Summary of the treatment options", "eTable 3. Appraisal of each included study",
                           "eFigure 1. PRISMA 2020 flow diagram", "eFigure 2. Appraisal of the included studies",
                           "eFigure 3. Response by treatment option", "eReferences. References of the included studies"])
        for id in ["emethods", "etable-1", "etable-3", "efigure-1", "ereferences"] {
            #expect(supplement.contains("<section id=\"\(id)\" class=\"supplement-part"), "\(id)")
        }
        // Every row of both declared tables is a row of the supplement, cell for cell; sub-rows keep their class.
        let tables = try loadReport(defaultDataPath).declaredTables(TableFile.path(inTemplates: templatesPath)).get()
        #expect(tables.count == 2)
        var subgroups = 0
        for table in tables {
            #expect(table.data.rowCount > 0)
            for row in 0..<table.data.rowCount {
                let cells = table.data.cells(row)
                let sub = table.result.rows.subgroup(row)
                subgroups += sub ? 1 : 0
                let html = (sub ? "<tr class=\"subgroup\">" : "<tr>") + "<th scope=\"row\">\(Escape.html(cells[0]))</th>"
                    + cells.dropFirst().map { "<td>\(Escape.html($0))</td>" }.joined() + "</tr>"
                #expect(supplement.contains(html), "\(table.id): \(cells[0])")
            }
        }
        #expect(subgroups > 0)
        #expect(supplement.contains("aria-labelledby=\"prisma-title prisma-desc\""))
        #expect(supplement.contains("<table class=\"sortable rob-table\">"))
        // On paper a link to another page leads nowhere: the only links are the contents'.
        let links = supplement.components(separatedBy: "<a ").dropFirst()
        #expect(links.count == titles.count)
        #expect(links.allSatisfy { $0.hasPrefix("href=\"#") })
        #expect(!supplement.contains("SVG file"))
        // The fixture's review has no search.yaml and no citation columns: what it does not give is said so.
        #expect(supplement.contains("<tr><th scope=\"row\">PubMed</th><td>bibliographic database</td>"))
        #expect(supplement.contains("Search strings: <span class=\"not-reported\">not reported</span> for any source."))
        #expect(supplement.contains("<li id=\"study-R4\"><strong>R4</strong></li>"))
    }

    /// The supplement prints the appraisal page as written, and is made on
    /// another core alongside the other pages: it waits for that page.
    @Test func theSupplementWaitsForTheAppraisalPage() throws {
        let output = SlowAppraisalOutput()
        try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build(loadReport(defaultDataPath), into: output)
        let supplement = try #require(output.memory.site["supplement.html"])
        #expect(supplement.contains("<section id=\"etable-3\" class=\"supplement-part wide\">"))
        #expect(supplement.contains("<table class=\"sortable rob-table\">"))
        #expect(supplement.contains("<p class=\"key-note\">A blank cell: the question is not part of the study's checklist.</p>"))
    }

    /// A large review's supplement goes to its file in pieces: taken after
    /// every row and part, the pieces are the file written whole.
    @Test func thePiecesMakeTheWholeFile() throws {
        let report = try loadReport(defaultDataPath)
        let builder = SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath)
        let plan = try builder.plan(report)
        let site = try builder.build(report)
        let parts = Supplement.parts(report, plan: plan, appraisal: Supplement.AppraisalText(intro: "<p>Intro.</p>", legend: "", file: "risk-of-bias.html"),
                                     written: { site.files[$0] })
        let front = Supplement.Front(review: report.review, parts: parts)
        var whole = HTMLBytes(capacity: 0)
        Supplement.write(parts, front: front, into: &whole) { _ in }
        var pieces: [[UInt8]] = []
        var out = HTMLBytes(capacity: 0)
        Supplement.write(parts, front: front, into: &out) {
            pieces.append($0.bytes)
            $0.removeAll()
        }
        pieces.append(out.bytes)
        #expect(pieces.count > plan.tables.reduce(0) { $0 + $1.data.rowCount })
        #expect(pieces.flatMap { $0 } == whole.bytes)
        let html = String(decoding: whole.bytes, as: UTF8.self)
        #expect(html.contains("<section id=\"etable-3\" class=\"supplement-part wide\">\n<h2 class=\"part-title\"><span class=\"part-label\">eTable 3.</span> Appraisal of each included study</h2>\n<p>Intro.</p><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Appraisal of each included study\">"))
        #expect(html.contains("<h2 class=\"part-title\"><span class=\"part-label\">eTable 1.</span> Table 1. Characteristics of the included studies</h2>"))
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
        table.write(heading: "<h2>", into: &out)
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
