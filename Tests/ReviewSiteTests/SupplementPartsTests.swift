import Foundation
import Testing
@testable import ReviewSite

/// The supplement's references from the codebook's citation columns, its
/// PRISMA diagram laid out for print, and what publish does to the PDF:
/// page numbers into the contents, a fixed date.
@Suite("The supplement's parts")
struct SupplementPartsTests {
    /// The fixture's codebook with the studies' reference parts marked.
    static func cited(_ fixture: DatasetFixture) throws {
        try fixture.write("codebook.yaml", try fixture.read("codebook.yaml")
            .replacingOccurrences(of: "label: Reference}", with: "label: Reference, citation: number}")
            .replacingOccurrences(of: "{column: first_author, type: text, label: First author}", with: "{column: first_author, type: text, label: First author, citation: authors}")
            .replacingOccurrences(of: "{column: title, type: text, label: Title}", with: "{column: title, type: text, label: Title, citation: title}"))
    }

    @Test func theReferencesFollowTheReviewsNumbersWithTheDetailsGiven() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try Self.cited(fixture)
        let studies = try fixture.read("studies.csv").replacingOccurrences(of: "R22,22,Winter,,,", with: "R22,22,Winter A; Chen B,,\"Sodium thiosulfate, a pilot trial\",")
        try fixture.write("studies.csv", studies)
        let report = try loadReport(fixture.path)
        #expect(report.codebook.table("studies")?.citationColumns.map(\.column) == ["ref", "first_author", "title"])
        let html = SupplementReferences.html(report)
        #expect(html.contains("<li id=\"study-R4\"><strong>R4</strong> Reference 4 of the review.</li>\n<li id=\"study-R5\"><strong>R5</strong> Reference 5 of the review.</li>\n<li id=\"study-R10\">"))
        #expect(html.contains("<li id=\"study-R22\"><strong>R22</strong> Reference 22 of the review. Winter A; Chen B. Sodium thiosulfate, a pilot trial.</li>"))
        #expect(html.contains("<p>The 40 included studies; 36 of them by their label and their number in the review's reference list only, as the review's data give no other details"))
    }

    @Test func withoutCitationColumnsEachStudyIsListedByItsLabel() throws {
        let html = SupplementReferences.html(try loadReport(defaultDataPath))
        #expect(html.contains("<p>The 40 included studies, by their label in the review: the review's data give no other details of their references"))
        #expect(html.components(separatedBy: "<li id=\"study-").count == 41)
    }

    @Test(arguments: [
        ("label: Reference, citation: number}", "label: Reference, citation: volume}",
         "unknown part of a reference 'volume' (expected one of number, authors, year, title, journal, doi)"),
        ("{column: design, type: code, required: yes, label: Design}", "{column: design, type: code, required: yes, label: Design, citation: title}",
         "a reference's title is a column of type text (this one is code)"),
        ("{column: year, type: integer, label: Year}", "{column: year, type: integer, label: Year, citation: number}",
         "the reference's number is already column ref's (expected each part in one column)"),
        ("{column: diagnosis_detail, type: text, label: Diagnosis detail}", "{column: diagnosis_detail, type: text, label: Diagnosis detail, citation: title}",
         "only a column of the study table holds a part of a study's reference (this one is in patients)"),
    ])
    func aWrongCitationIsNamed(_ old: String, _ new: String, _ message: String) throws {
        let errors = try errorsAfter { fixture in
            try Self.cited(fixture)
            try fixture.write("codebook.yaml", try fixture.read("codebook.yaml").replacingOccurrences(of: old, with: new))
        }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("data/codebook.yaml:") == true)
        #expect(errors.first?.hasSuffix(message) == true, "\(errors)")
    }

    /// Printed on a landscape page, the diagram's lines are wrapped so that its 13 px text is 8 pt or more.
    @Test func thePrintedPrismaDiagramKeepsItsTextAtEightPoints() throws {
        let report = try loadReport(defaultDataPath)
        let site = PrismaDiagram.Layout(report.prisma)
        let printed = PrismaDiagram.printed(report.prisma, room: Supplement.printRoom)
        // The site's layout, scaled to the same page, would print it smaller.
        #expect(13 * min(Supplement.printRoom.width / Double(site.width), Supplement.printRoom.height / Double(site.height)) < 8)
        #expect(13 * printed.scale >= 8)
        #expect(printed.width < site.width)
        #expect(printed.svg.contains("<desc id=\"prisma-desc\">" + Escape.html(PrismaDiagram.description(report.prisma)) + "</desc>"))
    }

    /// Links go, their text stays; a tag that only starts with `<a` (abbr) stays whole.
    @Test func printedMarkupKeepsLinkTextWithoutTheLinks() {
        #expect(Supplement.unlinked(Array("<p><a href=\"table-1.html#R4\">R4</a> and <abbr title=\"yes\">Y</abbr> <a>z</a></p>".utf8))
                == "<p>R4 and <abbr title=\"yes\">Y</abbr> z</p>")
    }

    /// Edges of the one pass: markup that ends inside a tag, a `<` of no
    /// link, links back to back, text before and after, and bytes past ASCII.
    @Test(arguments: [
        ("", ""), ("plain", "plain"), ("<", "<"), ("a <", "a <"), ("<a", "<a"), ("x<a ", "x<a "), ("</a", "</a"),
        ("<a href=x>", ""), ("<a href=x>é</a>ü", "éü"), ("<a>1</a><a>2</a>", "12"), ("<b>x</b> < y", "<b>x</b> < y"),
        ("<abbr>a</abbr></a>", "<abbr>a</abbr>"), ("<a href=\"#\">R</a", "R</a"),
    ])
    func printedMarkupAtTheEdges(_ html: String, _ printed: String) {
        #expect(Supplement.unlinked(Array(html.utf8)) == printed)
    }

    @Test func aRunningHeadIsACSSStringThatCannotCloseItsStyle() {
        #expect(Supplement.cssString("A \"quoted\" title</style><script>") == "\"A \\22 quoted\\22  title\\3c /style\\3e \\3c script\\3e \"")
        #expect(Supplement.cssString("back\\slash") == "\"back\\5c slash\"")
    }

    @Test func theContentsTakeTheirPageNumbersFromThePrint() throws {
        let listing = """
        Page  Destination                 Name
           2 [ XYZ   12  818 null      ] "emethods"
          13 [ XYZ   12  571 null      ] "efigure-1"

        """
        let pages = Publisher.destinations(listing)
        #expect(pages == ["emethods": 2, "efigure-1": 13])
        let html = "<li><span class=\"page-ref\" data-part=\"emethods\"></span></li><li><span class=\"page-ref\" data-part=\"efigure-1\"></span></li>"
        #expect(try Publisher.numbered(html, pages: pages)
                == "<li><span class=\"page-ref\" data-part=\"emethods\">2</span></li><li><span class=\"page-ref\" data-part=\"efigure-1\">13</span></li>")
        #expect(throws: PublishFailure.self) { try Publisher.numbered(html, pages: ["emethods": 2]) }
        do {
            _ = try Publisher.numbered(html, pages: ["emethods": 2])
        } catch {
            #expect(error.description == "chromium printed no page for the parts efigure-1 of the supplement")
        }
    }

    /// The same inputs make the same PDF: its dates are SOURCE_DATE_EPOCH's, or 1980's, never the clock's.
    @Test func thePDFsDatesAreFixed() {
        let pdf = Array("%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261205100843+00'00')\n/ModDate (D:20261205100843+00'00')>>\nendobj\n".utf8)
        let stamped = PublishDate(environment: [:]).stamp(pdf)
        #expect(stamped.count == pdf.count)
        #expect(String(decoding: stamped, as: UTF8.self).contains("/CreationDate (D:19800101000000+00'00')\n/ModDate (D:19800101000000+00'00')"))
        #expect(PublishDate(environment: ["SOURCE_DATE_EPOCH": "1609459200"]).pdf == "D:20210101000000+00'00'")
        #expect(PublishDate(environment: ["SOURCE_DATE_EPOCH": "soon"]).epoch == PublishDate.earliest)
        // A release's files carry its date, unless SOURCE_DATE_EPOCH says otherwise.
        #expect(PublishDate(environment: [:], release: "2025-06-01").pdf == "D:20250601000000+00'00'")
        #expect(PublishDate(environment: ["SOURCE_DATE_EPOCH": "1609459200"], release: "2025-06-01").pdf == "D:20210101000000+00'00'")
        #expect(PublishDate(environment: [:], release: "June 2025").epoch == PublishDate.earliest)
    }
}
