import Foundation
import Testing
@testable import ReviewSite

/// The Word file as an editor takes it: the review's title and authors as
/// its properties and title block, no links to pages of the site, and the
/// team's own styles when templates/reference.docx holds them.
@Suite("reviewsite publish: the Word file", .enabled(if: Publisher.pandoc.path != nil && Publisher.chromium.path != nil && Publisher.rsvg.path != nil))
struct PublishWordFileTests {
    static func editData(_ scratch: Scratch, _ file: String, _ change: (String) -> String) throws {
        let path = "\(scratch.path)/data/\(file)"
        try Data(change(try String(contentsOfFile: path, encoding: .utf8)).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func theWordFileCarriesTheReviewsTitleAuthorsAndSubject() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try Self.editData(scratch, "review.yaml") { text in
            text.replacingOccurrences(of: #"title: "Local, non-systemic, and minimally invasive therapies for calcinosis cutis: a systematic review""#,
                                      with: #"title: "Lasers & <shock waves>: a \"review\"""#)
        }
        let result = try PublishTests.publish(scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let docx = scratch.path + "/journal/manuscript.docx"
        let core = try unzipped(docx, "docProps/core.xml")
        #expect(core.contains("<dc:title>Lasers &amp; &lt;shock waves&gt;: a &quot;review&quot;</dc:title>"))
        #expect(core.contains("<dc:creator>Joanna Nowaczyk; Michał Zawistowski; Piotr Fiedor</dc:creator>"))
        #expect(core.contains("<dc:subject>Systematic review, Archives of Dermatological Research, 2021</dc:subject>"))
        // The document opens with the title, then the authors.
        let xml = try unzipped(docx, "word/document.xml")
        let body = xml[xml.range(of: "<w:body>")!.upperBound...]
        #expect(body.hasPrefix(#"<w:p><w:pPr><w:pStyle w:val="Title" /></w:pPr><w:r><w:t xml:space="preserve">Lasers &amp; &lt;shock waves&gt;: a &quot;review&quot;</w:t></w:r></w:p>"#
                               + #"<w:p><w:pPr><w:pStyle w:val="Author" /></w:pPr><w:r><w:t xml:space="preserve">Joanna Nowaczyk</w:t></w:r></w:p>"#))
    }

    /// A number links to figures.html on the site; in Word it is plain text,
    /// as is every link to a page or file of the site. A link to the web stays.
    @Test func linksToPagesOfTheSiteBecomeTheirText() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try PublishTests.edit(scratch, "results.md") {
            $0 + "\n\nSee [the methods](methods.html), [this figure](figures.html#x.y), [the studies](data/studies.csv), [a row](#r1) and [the journal](https://example.org/j).\n"
        }
        let result = try PublishTests.publish(scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let docx = scratch.path + "/journal/manuscript.docx"
        let relations = try unzipped(docx, "word/_rels/document.xml.rels")
        let targets = relations.matches(of: #/Target="([^"]*)" TargetMode="External"/#).map { String($0.1) }
        #expect(targets == ["https://example.org/j"])
        #expect(try PublishTests.wordText(docx).contains("See the methods, this figure, the studies, a row and the journal."))
        // The results' numbers link to figures.html on the site; in Word only the journal's link is one.
        #expect(try unzipped(docx, "word/document.xml").components(separatedBy: "<w:hyperlink r:id").count == 2)
    }

    /// templates/reference.docx restyles the Word file (pandoc's --reference-doc).
    @Test func aReferenceDocxInTheTemplatesStylesTheWordFile() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        // pandoc's own reference.docx, as `pandoc --print-default-data-file reference.docx` prints it.
        _ = try runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", "\"$0\" --print-default-data-file reference.docx > default.docx", Publisher.pandoc.path!],
                           in: URL(fileURLWithPath: scratch.path))
        var parts: [(path: String, text: String)] = []
        for name in try unzippedNames(scratch.path + "/default.docx") {
            let text = try unzipped(scratch.path + "/default.docx", name)
            // The team's title: 26 points, not pandoc's 18.
            parts.append((name, name == "word/styles.xml" ? text.replacingOccurrences(of: #"<w:sz w:val="36" />"#, with: #"<w:sz w:val="52" />"#) : text))
        }
        #expect(parts.contains { $0.path == "word/styles.xml" && $0.text.contains(#"<w:sz w:val="52" />"#) })
        try Data(WorkbookWriter.zip(parts)).write(to: URL(fileURLWithPath: scratch.path + "/templates/reference.docx"))
        let result = try PublishTests.publish(scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let styles = try unzipped(scratch.path + "/journal/manuscript.docx", "word/styles.xml")
        #expect(styles.contains(#"<w:sz w:val="52" />"#))
        // The team's table style is theirs: publish's 9-point tables are for pandoc's styles only.
        #expect(!styles.contains(#"<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>"#))
        // Without it, pandoc's title and publish's table style.
        try FileManager.default.removeItem(atPath: scratch.path + "/templates/reference.docx")
        #expect(try PublishTests.publish(scratch).status == 0)
        let plain = try unzipped(scratch.path + "/journal/manuscript.docx", "word/styles.xml")
        #expect(!plain.contains(#"<w:sz w:val="52" />"#))
        #expect(plain.contains(#"<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>"#))
    }

    /// A reference.docx that is a link is refused like every template file that is one.
    @Test func aLinkedReferenceDocxIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/templates/reference.docx", withDestinationPath: "/etc/passwd")
        let result = try PublishTests.publish(scratch)
        #expect(result.status == 1)
        #expect(result.standardError
                == "templates/reference.docx: is a symbolic link (expected a regular file; reviewsite does not follow links in the templates)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/journal/manuscript.docx"))
    }

    /// pandoc's rows get cantSplit (the header row keeps its tblHeader); the
    /// heading, introduction and caption before a table are kept with it,
    /// an earlier paragraph is not; the grid fills the portrait page it is on.
    @Test func rowsStayWholeAndATablesLeadInStaysWithIt() {
        let xml = #"<w:body><w:p><w:pPr><w:pStyle w:val="BodyText" /></w:pPr><w:r><w:t>Before</w:t></w:r></w:p>"#
            + #"<w:bookmarkStart w:id="1" w:name="t" /><w:p><w:pPr><w:pStyle w:val="Heading2" /></w:pPr><w:r><w:t>Table 1</w:t></w:r></w:p>"#
            + #"<w:p><w:r><w:t>Intro</w:t></w:r></w:p><w:tbl><w:tblPr /><w:tblGrid><w:gridCol w:w="1000" /><w:gridCol w:w="3000" /></w:tblGrid>"#
            + #"<w:tr><w:trPr><w:tblHeader w:val="true" /></w:trPr><w:tc /></w:tr><w:tr><w:tc /></w:tr></w:tbl><w:sectPr /></w:body>"#
        #expect(WordFile.finished(xml) == #"<w:body><w:p><w:pPr><w:pStyle w:val="BodyText" /></w:pPr><w:r><w:t>Before</w:t></w:r></w:p>"#
            + #"<w:bookmarkStart w:id="1" w:name="t" /><w:p><w:pPr><w:pStyle w:val="Heading2" /><w:keepNext /></w:pPr><w:r><w:t>Table 1</w:t></w:r></w:p>"#
            + #"<w:p><w:pPr><w:keepNext /></w:pPr><w:r><w:t>Intro</w:t></w:r></w:p><w:tbl><w:tblPr /><w:tblGrid><w:gridCol w:w="2409" /><w:gridCol w:w="7228" /></w:tblGrid>"#
            + #"<w:tr><w:trPr><w:cantSplit /><w:tblHeader w:val="true" /></w:trPr><w:tc /></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc /></w:tr></w:tbl>"#
            + PrintFilter.properties(landscape: false) + "</w:body>")
    }
}
