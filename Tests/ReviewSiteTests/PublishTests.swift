import Foundation
import Testing
@testable import ReviewSite

/// `reviewsite publish`: the PDF and the Word file, made from the declared
/// pages with pandoc and Chromium, which see only the review's own files.
/// `make test` installs both (make supplement-deps).
@Suite("reviewsite publish", .enabled(if: Publisher.pandoc.path != nil && Publisher.chromium.path != nil && Publisher.rsvg.path != nil))
struct PublishTests {
    static func edit(_ scratch: Scratch, _ file: String, _ change: (String) -> String) throws {
        let path = "\(scratch.path)/templates/\(file)"
        try Data(change(try String(contentsOfFile: path, encoding: .utf8)).utf8).write(to: URL(fileURLWithPath: path))
    }

    static func publish(_ scratch: Scratch, out: String = "journal") throws -> CommandResult {
        try runReviewSite(["publish", "--data", "data", "--templates", "templates", "--out", out], in: URL(fileURLWithPath: scratch.path))
    }

    /// The Word file's text, as pandoc reads it.
    static func wordText(_ docx: String) throws -> String {
        try runProgram(URL(fileURLWithPath: Publisher.pandoc.path!), ["--from", "docx", "--to", "plain", "--wrap", "none", docx]).standardOutput
    }

    /// A thematic break and a "## Contents" heading of the page's own are
    /// text: everything after them reaches the Word file (the shell script
    /// cut each page at its first `---`).
    @Test func aPagesOwnRuleAndContentsHeadingKeepTheRestOfThePage() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try Self.edit(scratch, "methods.md") { text in
            let first = text.range(of: "\n\n")!
            return text[..<first.lowerBound] + "\n\n---\n\nA sentence after the rule of the page.\n\n## Contents\n\nA heading named like the contents list of the site."
                + text[first.lowerBound...]
        }
        try Self.edit(scratch, "abstract.md") { $0 + "\n\n---\n\nThe last sentence of the abstract, after a rule.\n" }
        let result = try Self.publish(scratch)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "journal/manuscript.docx and journal/supplement.pdf written from data/ and templates/.\n")
        let text = try Self.wordText(scratch.path + "/journal/manuscript.docx")
        #expect(text.contains("A sentence after the rule of the page."))
        #expect(text.contains("A heading named like the contents list of the site."))
        #expect(text.contains("The last sentence of the abstract, after a rule."))
        // The methods' last sentence, and the results that follow them.
        #expect(text.contains("counts with percentages for categorical ones. Missing continuous values: filled with the mean"))
        #expect(text.contains("Study selection\n\nThe database searches returned"))
        #expect(text.contains("Where the data come from."))
        // Nothing of the work is left beside the files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/journal").sorted()
                == [".reviewsite-published", "manuscript.docx", "supplement.pdf"])
    }

    /// Raw OpenXML, HTML or TeX in a template is shown as text, never passed to Word as markup.
    @Test func rawMarkupInATemplateStaysText() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let field = #"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDEPICTURE "http://127.0.0.1:9/x.png"</w:instrText></w:r></w:p>"#
        try Self.edit(scratch, "results.md") { $0 + "\n\n```{=openxml}\n\(field)\n```\n\nInline `<w:br/>`{=openxml} and <b>html</b> and \\newpage here.\n" }
        let result = try Self.publish(scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let xml = try unzipped(scratch.path + "/journal/manuscript.docx", "word/document.xml")
        #expect(!xml.contains("<w:instrText>"))
        #expect(!xml.contains("<w:fldChar"))
        #expect(xml.contains("INCLUDEPICTURE"))  // as text
        #expect(try Self.wordText(scratch.path + "/journal/manuscript.docx").contains("<b>html</b>"))
    }

    /// An image that is not a file of the templates folder stops the build
    /// and publish at its place, before any program reads or fetches it.
    @Test func imagesOutsideTheTemplatesAreRefusedWhereTheyAreWritten() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try Self.edit(scratch, "methods.md") { $0 + "\n![env](/proc/self/environ)\n\n![remote](http://127.0.0.1:9/x.png) and ![up][u]\n\n[u]: ../data/studies.csv\n" }
        let lines = try String(contentsOfFile: "\(scratch.path)/templates/methods.md", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
        let before = try Scratch.snapshot(scratch.path)
        let result = try Self.publish(scratch)
        #expect(result.status == 1)
        #expect(result.standardError == """
            templates/methods.md:\(lines - 5):1: image '/proc/self/environ' is not a path inside the templates folder (expected a relative path such as images/logo.png)
            templates/methods.md:\(lines - 3):1: image 'http://127.0.0.1:9/x.png' is not a file of the templates folder (expected a relative path such as images/logo.png; the site and the supplement show only their own files)
            templates/methods.md:\(lines - 3):41: image '../data/studies.csv' is not a path inside the templates folder (expected a relative path such as images/logo.png)
            3 errors in the templates.

            """)
        #expect(try Scratch.snapshot(scratch.path) == before)
    }

    /// The templates' own images reach both the site and the Word file.
    @Test func anImageOfTheTemplatesIsShownInBoth() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try FileManager.default.createDirectory(atPath: scratch.path + "/templates/images", withIntermediateDirectories: true)
        try scratch.write("templates/images/flow.svg", #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="blue"/></svg>"# + "\n")
        try Self.edit(scratch, "methods.md") { $0 + "\n![the flow][flow]\n\n[flow]: images/flow.svg\n" }
        let result = try Self.publish(scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let media = try unzippedNames(scratch.path + "/journal/manuscript.docx").filter { $0.hasPrefix("word/media/") }
        #expect(media.count == 4)  // PRISMA, two charts, the team's image
    }

    /// publish replaces only files it wrote; anything else stays as it was.
    @Test func aFileReviewsiteDidNotWriteIsNotReplaced() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try FileManager.default.createDirectory(atPath: scratch.path + "/mine", withIntermediateDirectories: true)
        try scratch.write("mine/manuscript.docx", "my own manuscript\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/mine2", withDestinationPath: "mine")
        let before = try Scratch.snapshot(scratch.path)
        let result = try Self.publish(scratch, out: "mine")
        #expect(result.status == 2)
        #expect(result.standardError == "mine/manuscript.docx: exists and reviewsite did not write it; publish replaces only files it wrote (remove it or choose another --out)\n")
        #expect(try Self.publish(scratch, out: "notes.txt").standardError
                == "notes.txt: is not a folder (expected the folder to write supplement.pdf and manuscript.docx into)\n")
        #expect(try Self.publish(scratch, out: "mine2").standardError
                == "mine2: is not a folder (expected the folder to write supplement.pdf and manuscript.docx into)\n")
        #expect(try Scratch.snapshot(scratch.path) == before)
    }

    /// Without pandoc, Chromium, rsvg-convert or pdfinfo, publish says which to install.
    @Test func aMissingProgramIsNamed() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let result = try runReviewSite(["publish", "--out", "journal"], in: URL(fileURLWithPath: scratch.path), environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.standardError
                == "publish needs pandoc, chromium, rsvg-convert, pdfinfo, which are not installed (on Debian: sudo apt-get install pandoc chromium librsvg2-bin poppler-utils)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/journal"))
    }
}

/// One part of a ZIP file (unzip -p).
func unzipped(_ zip: String, _ part: String) throws -> String {
    try runProgram(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", zip, part]).standardOutput
}

/// The names of a ZIP file's parts (unzip -Z1).
func unzippedNames(_ zip: String) throws -> [String] {
    try runProgram(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", zip]).standardOutput.split(separator: "\n").map(String.init)
}
