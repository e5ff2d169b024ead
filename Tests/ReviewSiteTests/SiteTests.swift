import Foundation
import Testing
@testable import ReviewSite

let templatesPath = defaultTemplatesPath

@Suite("The built site")
struct SiteTests {
    static let expectedFiles = [
        "changes.html", "changes.md", "charts/appraisal-summary.svg", "charts/response-by-option.svg", "data/adverse_events.csv", "data/codebook.yaml", "data/figures.json", "data/patients.csv", "data/prisma.yaml",
        "data/published.yaml", "data/review.sqlite", "data/review.yaml", "data/risk_of_bias.csv", "data/studies.csv", "data/treatments.csv",
        "figures.html", "index.html", "index.md", "methods.html", "methods.md", "patients.html", "prisma.html", "prisma.svg",
        "results.html", "results.md", "risk-of-bias.html", "sort.js", "style.css", "supplement.html", "table-1.html", "table-1.md", "table-2.html",
        "table-2.md",
    ]

    @Test func defaultSiteHasEveryPageAndLinksNumbersToTheCatalogue() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        #expect(site.paths == Self.expectedFiles)
        let results = try #require(site["results.html"])
        #expect(results.contains("<a href=\"figures.html#outcome.top_sts.response\">81% (39/48)</a>"))
        let figures = try #require(site["figures.html"])
        #expect(figures.contains("<tr id=\"outcome.top_sts.response\">"))
        #expect(figures.contains("<a href=\"patients.html#R18-01\">R18-01</a>"))
        #expect(figures.contains("7% <span class=\"mismatch\">differs</span>"))
        let provenance = "Reconstructed dataset. The review&#39;s extraction sheet is not public"
        for path in site.paths where path.hasSuffix(".html") {
            #expect(site[path]!.contains(provenance), "\(path) lacks the provenance paragraph")
        }
        #expect(site["results.md"]!.contains("*Where the data come from.* Reconstructed dataset. The review's extraction sheet"))
    }

    @Test func everyRowLinkOfTheCataloguePageHasATarget() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let figures = site["figures.html"]!
        for (page, pattern) in [("patients.html", #"href="patients\.html#([^"]+)""#), ("table-1.html", #"href="table-1\.html#([^"]+)""#)] {
            let targets = Set(matches(pattern, in: figures))
            #expect(!targets.isEmpty)
            for target in targets {
                #expect(site[page]!.contains("<tr id=\"\(target)\">"), "\(page)#\(target) does not exist")
            }
        }
    }

    @Test func tablesAgreeWithTheFigures() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let table2 = site["table-2.html"]!
        #expect(table2.contains("<a href=\"figures.html#outcome.top_sts.response\">39/48 (81%)</a>"))
        #expect(table2.contains("<a href=\"figures.html#outcome.laser.response\">15/21 (71%)</a>"))
        #expect(table2.contains("1 (0–5; n = 5)"))
        #expect(table2.contains("12/18 (67%)"))
        let table1 = site["table-1.html"]!
        #expect(table1.components(separatedBy: "<tr id=").count - 1 == 40)
        #expect(table1.contains("<caption>Characteristics of the 40 included studies</caption>"))
        #expect(table1.contains("<th scope=\"col\">Risk of bias</th>"))
    }

    @Test func hostileTextIsShownLiterallyEverywhere() throws {
        let fixture = try hostileFixture()
        defer { fixture.delete() }
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39; AT&amp;T *bold* _u_ [link](javascript:x) {{patients.total}} # Łódź 日本"
        for path in site.paths where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let text = site[path]!
            #expect(!text.contains("<script>alert"), "\(path) has markup from data")
            #expect(!text.contains("<img"), "\(path) has markup from data")
            #expect(!text.contains("href=\"javascript:"), "\(path) has a javascript: link")
            #expect(text.components(separatedBy: "<script").count - 1 <= 1, "\(path) has more than sort.js")
            #expect(path.hasSuffix(".svg") || text.contains(escaped), "\(path) does not show the text literally")
        }
        for page in ["table-1.html", "patients.html"] {
            #expect(site[page]!.contains(escaped), "\(page) lost the text")
        }
        // The diagram wraps long labels, so its text is checked in pieces.
        for piece in ["&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", "AT&amp;T", "{{patients.total}}", "Łódź 日本"] {
            #expect(site["prisma.svg"]!.contains(piece))
        }
        let twin = site["methods.md"]!
        #expect(twin.contains(##"PubMed and \<script\>alert("x")\</script\> \<img src=x onerror=alert(1)\> "quoted" 'single' AT\&T \*bold\* \_u\_ \[link\](javascript:x) \{\{patients.total\}\} \# Łódź 日本"##))
        #expect(site["methods.html"]!.contains("PubMed and &lt;script&gt;alert(&quot;x&quot;)"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let second = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        #expect(first.files == second.files)
    }

    @Test func anUnpublishedReviewBuildsAndOffersTheFilesItHas() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.remove("published.yaml")
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        #expect(site.paths == Self.expectedFiles.filter { $0 != "data/published.yaml" })
        #expect(site["index.html"]?.contains("published.yaml") == false)
        #expect(site["index.html"]?.contains("<a href=\"data/codebook.yaml\">") == true)
    }

    /// Golden files of a hostile dataset's pages: `RECORD_GOLDEN=1 swift test` re-records them.
    @Test func pagesMatchTheirGoldenFiles() throws {
        let fixture = try hostileFixture()
        defer { fixture.delete() }
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let folder = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Golden")
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        for path in site.paths where !path.hasPrefix("data/") && path != "style.css" && path != "sort.js" {
            let golden = folder.appendingPathComponent(path)
            let actual = site.files[path]!
            if record {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual).write(to: golden)
                continue
            }
            let expected = try #require(FileManager.default.contents(atPath: golden.path), "no golden file for \(path): run RECORD_GOLDEN=1 swift test")
            #expect([UInt8](expected) == actual, "\(path) differs from its golden file; if the change is intended, RECORD_GOLDEN=1 swift test")
        }
        #expect(!record, "golden files re-recorded; run again without RECORD_GOLDEN")
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }
}

@Suite("Writing the site")
struct SiteWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }
        }
        return files
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("site").path
        let first = try runReviewSite(["build", "--out", out])
        #expect(first.status == 0)
        let before = try tree(URL(fileURLWithPath: out))
        #expect(before.count == SiteTests.expectedFiles.count + 1)
        #expect(before[SiteWriter.marker] == Data(SiteWriter.markerText.utf8))

        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("patients.csv", line: 17, ",f,", ",female,")
        let failed = try runReviewSite(["build", "--data", fixture.path, "--out", out])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("patients.csv:17: column 'sex': 'female' is not one of f, m"))
        #expect(try tree(URL(fileURLWithPath: out)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test func aTemplateErrorLeavesThePreviousSiteUntouched() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("site").path
        #expect(try runReviewSite(["build", "--out", out]).status == 0)
        let before = try tree(URL(fileURLWithPath: out))
        let templates = parent.appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: templatesPath, toPath: templates.path)
        try Data("Broken {{outcome.nope}}\n".utf8).write(to: templates.appendingPathComponent("methods.md"))
        let failed = try runReviewSite(["build", "--templates", templates.path, "--out", out])
        #expect(failed.status == 1)
        #expect(failed.standardError == "\(templates.path)/methods.md:1:8: 'outcome.nope' is not a figure of \(templates.path)/figures.yaml nor one of review.title, review.authors, review.journal, review.year, review.doi, review.registration, review.databases, review.languages, review.imputation\n1 error in the templates.\n")
        #expect(try tree(URL(fileURLWithPath: out)) == before)
    }

    @Test func anUnwritableOutputFolderIsAnErrorAndChangesNothing() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let blocker = parent.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("site").path
        let result = try runReviewSite(["build", "--out", out])
        #expect(result.status == 2)
        #expect(result.standardError == "--out '\(out)': cannot be made, because '\(blocker.path)' is a file, not a folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["file"])
    }

    @Test func rebuildingReplacesTheSiteWithIdenticalBytes() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("site")
        #expect(try runReviewSite(["build", "--out", out.path]).status == 0)
        let first = try tree(out)
        try Data("stale".utf8).write(to: out.appendingPathComponent("stale.html"))
        #expect(try runReviewSite(["build", "--out", out.path]).status == 0)
        #expect(try tree(out) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }
}
