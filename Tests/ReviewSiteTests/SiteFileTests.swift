import Foundation
import Testing
@testable import ReviewSite

/// A copy of templates/ in a fresh temporary folder, edited by a test.
struct TemplatesFixture {
    let path: String

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: templatesPath, toPath: folder.path)
        path = folder.path
    }

    func read(_ file: String) throws -> String {
        try String(contentsOfFile: "\(path)/\(file)", encoding: .utf8)
    }

    func write(_ file: String, _ text: String) throws {
        try writeBytes(file, Array(text.utf8))
    }

    func writeBytes(_ file: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: "\(path)/\(file)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Replaces the one occurrence of `old` in a file.
    func replace(_ file: String, _ old: String, _ new: String) throws {
        let text = try read(file)
        precondition(text.components(separatedBy: old).count == 2, "\(file) has not exactly one '\(old)'")
        try write(file, text.replacingOccurrences(of: old, with: new))
    }

    func delete() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

struct BadSite: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var error: String
    var testDescription: String { name }
}

@Suite("templates/site.yaml")
struct SiteFileTests {
    static let home = "pages:\n  - {text: abstract.md, title: Abstract}\n"

    static let bad: [BadSite] = [
        BadSite(name: "not a mapping", yaml: "- abstract.md\n",
                error: "templates/site.yaml:1:1: expected a mapping with pages: (the site's pages in order) and files: (other files to copy)"),
        BadSite(name: "unknown top key", yaml: home + "page: x\n",
                error: "templates/site.yaml:3:1: 'page' is not a key of site.yaml (expected pages, files or rows)"),
        BadSite(name: "no pages", yaml: "files: []\n",
                error: "templates/site.yaml:1:1: no pages: (expected the list of the site's pages, the home page first)"),
        BadSite(name: "pages not a list", yaml: "pages: abstract.md\n",
                error: "templates/site.yaml:1:8: pages: must be a list of pages, e.g. - {text: abstract.md, title: Abstract}"),
        BadSite(name: "page not a mapping", yaml: home + "  - methods.md\n",
                error: "templates/site.yaml:3:5: expected a page: a mapping such as {text: methods.md, title: Methods} or {builtin: figures, title: Figures}"),
        BadSite(name: "unknown page key", yaml: home + "  - {text: methods.md, title: Methods, tilte: M}\n",
                error: "templates/site.yaml:3:40: 'tilte' is not a key of a page (expected one of text, builtin, table, title, heading, about, intro)"),
        BadSite(name: "no kind", yaml: home + "  - {title: Methods}\n",
                error: "templates/site.yaml:3:5: a page needs one of text: (a Markdown file), builtin: (figures, patients, prisma, appraisal, changes) or table:"),
        BadSite(name: "two kinds", yaml: home + "  - {text: methods.md, builtin: figures, title: Methods}\n",
                error: "templates/site.yaml:3:5: a page is one of text:, builtin: or table:, not text and builtin"),
        BadSite(name: "not Markdown", yaml: home + "  - {text: notes.txt, title: Notes}\n",
                error: "templates/site.yaml:3:12: text: 'notes.txt' is not a Markdown file of the templates folder (expected a name such as discussion.md)"),
        BadSite(name: "Markdown in a folder", yaml: home + "  - {text: ../secret.md, title: Notes}\n",
                error: "templates/site.yaml:3:12: text: '../secret.md' is not a Markdown file of the templates folder (expected a name such as discussion.md)"),
        BadSite(name: "unknown builtin", yaml: home + "  - {builtin: apprasal, title: Risk of bias}\n",
                error: "templates/site.yaml:3:15: builtin: 'apprasal' is not a built-in page (expected one of figures, patients, prisma, appraisal, changes)"),
        BadSite(name: "unknown table", yaml: home + "  - {table: table-3, title: Table 3}\n",
                error: "templates/site.yaml:3:13: table: 'table-3' is not a table of the site (expected one of table-1, table-2)"),
        BadSite(name: "home not a text page", yaml: "pages:\n  - {builtin: figures, title: Figures}\n",
                error: "templates/site.yaml:2:15: the first page is the home page (index.html): expected a text page, not builtin: 'figures'"),
        BadSite(name: "no title", yaml: home + "  - {builtin: figures}\n",
                error: "templates/site.yaml:3:5: builtin: 'figures' has no title (expected title: its label in the navigation)"),
        BadSite(name: "empty title", yaml: home + "  - {builtin: figures, title: ''}\n",
                error: "templates/site.yaml:3:31: title: expected text"),
        BadSite(name: "title is a list", yaml: home + "  - {builtin: figures, title: [a, b]}\n",
                error: "templates/site.yaml:3:31: title: expected text"),
        BadSite(name: "control character", yaml: home + "  - {builtin: figures, title: \"Fig\\u001Bures\"}\n",
                error: "templates/site.yaml:3:31: title: \(TextRule.controlMessage("\u{1B}"))"),
        BadSite(name: "intro on a text page", yaml: home + "  - {text: methods.md, title: Methods, intro: Hello}\n",
                error: "templates/site.yaml:3:47: intro: is for the built-in pages patients, prisma, appraisal (a text page says it in its Markdown)"),
        BadSite(name: "a page twice", yaml: home + "  - {builtin: figures, title: Figures}\n  - {builtin: figures, title: Again}\n",
                error: "templates/site.yaml:4:5: figures.html is already made by the page on line 3 (expected each page once)"),
        BadSite(name: "text page over a built-in one", yaml: home + "  - {text: patients.md, title: Patients}\n",
                error: "templates/site.yaml:3:5: text: 'patients.md' would make patients.html, a page reviewsite makes (expected another file name)"),
        BadSite(name: "files not a list", yaml: home + "files: logo.png\n",
                error: "templates/site.yaml:3:8: files: must be a list of files of the templates folder, e.g. [logo.png]"),
        BadSite(name: "file outside the folder", yaml: home + "files: [../data/patients.csv]\n",
                error: "templates/site.yaml:3:9: files: '../data/patients.csv' is not a path inside the templates folder (expected a relative path such as images/logo.png)"),
        BadSite(name: "hidden file", yaml: home + "files: [.env]\n",
                error: "templates/site.yaml:3:9: files: '.env' is a hidden file (expected a file the site shows, such as images/logo.png)"),
        BadSite(name: "file over a site file", yaml: home + "files: [style.css]\n",
                error: "templates/site.yaml:3:9: files: 'style.css' would take the place of a file reviewsite makes (expected another name)"),
        BadSite(name: "file twice", yaml: home + "files: [logo.png, logo.png]\n",
                error: "templates/site.yaml:3:19: files: 'logo.png' is listed twice"),
        BadSite(name: "duplicate key", yaml: home + "  - {builtin: figures, title: A, title: B}\n",
                error: "templates/site.yaml:3:24: the key 'title' appears more than once in one mapping"),
        BadSite(name: "syntax", yaml: home + "  - {builtin: figures, title: A\n",
                error: "templates/site.yaml:4:1: YAML syntax error: did not find expected ',' or '}'"),
    ]

    @Test(arguments: bad)
    func reportsEachProblemWithItsPlace(_ site: BadSite) {
        guard case .failure(let errors) = SiteFile.parse(site.yaml, path: "templates/site.yaml", tables: ["table-1", "table-2"]) else {
            Issue.record("\(site.name): read without an error")
            return
        }
        #expect(errors.errors.map(\.description) == [site.error])
    }

    @Test func everyProblemOfTheFileIsReportedTogether() {
        let yaml = "pages:\n  - {builtin: figures, title: Figures}\n  - {builtin: nope, title: N}\n  - {text: methods.md}\nfiles: [/etc/passwd]\n"
        guard case .failure(let errors) = SiteFile.parse(yaml, path: "templates/site.yaml", tables: []) else {
            Issue.record("read without an error")
            return
        }
        #expect(errors.errors.map { "\($0.line!):\($0.column!)" } == ["2:15", "3:15", "4:5", "5:9"])
    }

    @Test func defaultSiteFileReadsInOrder() throws {
        let site = try SiteFile.read(SiteFile.path(inTemplates: templatesPath), tables: SiteBuilder.tableIDs(inTemplates: templatesPath)).get()
        #expect(site.pages.map(\.file) == ["index.html", "methods.html", "results.html", "table-1.html", "table-2.html", "prisma.html",
                                           "risk-of-bias.html", "figures.html", "patients.html", "changes.html"])
        #expect(site.pages[1].shownHeading == "Methods in brief")
        #expect(site.page(.appraisal)?.intro?.hasPrefix("Each study was appraised") == true)
    }

    @Test func aMissingSiteFileIsNamed() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try FileManager.default.removeItem(atPath: "\(templates.path)/site.yaml")
        #expect(throws: BuildFailure.self) { try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build() }
        do {
            _ = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
        } catch {
            #expect(error.description == "\(templates.path)/site.yaml: file not found (expected the site's pages and their titles: pages: - {text: abstract.md, title: Abstract} …)\n1 error in the templates.")
        }
    }

    @Test func aTeamsTextPageAndImageAreInTheSite() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.write("discussion.md", "## Discussion\n\n![The team's logo](images/logo.png)\n\nWe included {{studies.included}} studies.\n")
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        try templates.writeBytes("images/logo.png", png)
        try templates.writeBytes("handout.pdf", [0x25, 0x50, 0x44, 0x46])
        try templates.replace("site.yaml", "  - {table: table-1,", "  - {text: discussion.md, title: Discussion, about: what the results mean}\n  - {table: table-1,")
        try templates.replace("site.yaml", "files: []", "files: [handout.pdf]")
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
        let page = try #require(site["discussion.html"])
        #expect(page.contains("<img src=\"images/logo.png\" alt=\"The team's logo\" />"))
        #expect(page.contains("<p>We included <a href=\"figures.html#studies.included\">40</a> studies.</p>"))
        #expect(page.contains("<title>Discussion · "))
        #expect(page.contains("<li><a href=\"discussion.html\" aria-current=\"page\">Discussion</a></li>"))
        #expect(site["discussion.md"]?.hasPrefix("## Discussion\n") == true)
        #expect(site.files["images/logo.png"] == png)
        #expect(site.files["handout.pdf"] == [0x25, 0x50, 0x44, 0x46])
        // In the navigation of every page and in the home page's contents, after the results.
        #expect(site["figures.html"]!.contains("<li><a href=\"results.html\">Results</a></li>\n<li><a href=\"discussion.html\">Discussion</a></li>\n<li><a href=\"table-1.html\">Table 1</a></li>"))
        #expect(site["index.md"]!.contains("adverse effects\n- [Discussion](discussion.html): what the results mean\n- [Table 1](table-1.html)"))
    }

    @Test func pagesTakeTheirTitlesAndIntrosFromSiteYAML() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.replace("site.yaml", "{builtin: patients, title: Patients,", "{builtin: patients, title: Cases, intro: 'Every *case* as extracted.',")
        try templates.replace("site.yaml", "title: PRISMA flow, heading: PRISMA 2020 flow diagram,", "title: Flow, heading: How studies were found,")
        try templates.replace("site.yaml", "  - {builtin: changes, title: Changes, about: what changed since the baseline data}\n", "")
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
        #expect(site["changes.html"] == nil)
        #expect(!site["index.html"]!.contains("changes.html"))
        let patients = try #require(site["patients.html"])
        #expect(patients.contains("<title>Cases · "))
        #expect(patients.contains("<h1>Cases</h1>\n<p>Every <em>case</em> as extracted.</p>"))
        #expect(site["prisma.html"]!.contains("<title>Flow · "))
        #expect(site["prisma.html"]!.contains("<h1>How studies were found</h1>"))
        #expect(site["index.md"]!.contains("- [How studies were found](prisma.html): how the studies were selected\n"))
    }

    @Test func anUnusedFileIsNamedInAWarning() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.write("notes.txt", "to do\n")
        try templates.writeBytes("images/unused.png", [1, 2, 3])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try runReviewSite(["build", "--data", defaultDataPath, "--templates", templates.path, "--out", out])
        #expect(result.status == 0)
        #expect(result.standardError == """
        \(templates.path)/images/unused.png: not used by the site (list it under files: in \(templates.path)/site.yaml to copy it, or remove it)
        \(templates.path)/notes.txt: not used by the site (list it under files: in \(templates.path)/site.yaml to copy it, or remove it)

        """)
        #expect(!FileManager.default.fileExists(atPath: "\(out)/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/index.html"))
    }

    @Test func theDefaultTemplatesUseEveryFile() throws {
        let plan = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).plan(try loadReport(defaultDataPath))
        #expect(plan.assets.warnings.isEmpty)
        #expect(plan.assets.copies.isEmpty)
    }

    /// The files a text page links to: relative targets without fragment,
    /// query or title; URLs and paths outside the folder are not files.
    @Test func aPageLinksToFilesByRelativeTargets() {
        let markdown = """
        ![Logo](images/logo.png) and [a table](<tables/t1.csv>), [notes](notes.pdf#page=2),
        [form](form.pdf?v=1 "The form"), [site](https://example.org/x.png), [up](../secret.png),
        [mailto](mailto:a@b.c), ![café](images/café.png), ![spaced](<images/my logo.png>)\n[broken](unclosed
        """
        #expect(TemplateAssets.references(inMarkdown: markdown) == [
            "images/logo.png", "tables/t1.csv", "notes.pdf", "form.pdf", "images/café.png", "images/my logo.png",
        ])
    }

    @Test func aListedFileThatIsMissingIsAnError() throws {
        let templates = try TemplatesFixture()
        defer { templates.delete() }
        try templates.replace("site.yaml", "files: []", "files: [logo.png]")
        do {
            _ = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
            Issue.record("built without logo.png")
        } catch {
            let line = try templates.read("site.yaml").components(separatedBy: "\n").firstIndex(of: "files: [logo.png]")! + 1
            #expect(error.description.hasPrefix("\(templates.path)/site.yaml:\(line):9: files: 'logo.png': \(templates.path)/logo.png file not found\n"))
        }
    }
}
