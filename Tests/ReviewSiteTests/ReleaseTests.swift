import Foundation
import Testing
@testable import ReviewSite

@Suite("reviewsite release and a site that carries its history", .serialized)
struct ReleaseTests {
    @Test func releaseRecordsEachVersionAndFreezesItsSite() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        let versions = try String(contentsOfFile: history.data + "/versions.yaml", encoding: .utf8)
        let revisions = versions.components(separatedBy: "\n").filter { $0.hasPrefix("    revision: ") }.map { $0.dropFirst(14) }
        #expect(revisions.count == 2 && revisions.allSatisfy { $0.count == 40 })
        #expect(versions == """
        # The review's published versions, oldest first: reviewsite release adds each (docs/versions.md).
        versions:
          - version: "1.0"
            date: 2025-01-10
            kind: new
            note: "First publication."
            revision: \(revisions[0])
          - version: "2.0"
            date: 2025-06-01
            kind: update
            conclusions: unchanged
            note: "New search: R58 and R59 added."
            revision: \(revisions[1])

        """)
        let read = try Versions.read(dataPath: history.data)
        #expect(read.releases.map(\.version) == ["1.0", "2.0"] && read.latest?.conclusionsChanged == false)
        // Version 1.0's own Table 1 has 38 studies, without R58 and R59.
        let v1 = try String(contentsOfFile: history.root + "/releases/1.0/table-1.md", encoding: .utf8)
        #expect(!v1.contains("R58") && v1.contains("R57"))
    }

    @Test func theBuiltSiteCarriesEveryFrozenVersionByteForByte() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        // A later template change rewrites the live pages, never a frozen one.
        let abstract = history.templates + "/abstract.md"
        try Data((try String(contentsOfFile: abstract, encoding: .utf8) + "\nA sentence added after version 2.0.\n").utf8).write(to: URL(fileURLWithPath: abstract))
        let built = try history.run(["build"])
        #expect(built.status == 0, "\(built.standardError)")
        for version in ["1.0", "2.0"] {
            var frozen = try Scratch.snapshot("\(history.root)/releases/\(version)")
            #expect(frozen.removeValue(forKey: SiteWriter.marker) != nil)
            #expect(try Scratch.snapshot("\(history.root)/site/versions/\(version)") == frozen)
        }
        let home = try String(contentsOfFile: history.root + "/site/index.html", encoding: .utf8)
        #expect(home.contains("A sentence added after version 2.0."))
        #expect(!(try String(contentsOfFile: history.root + "/site/versions/2.0/index.html", encoding: .utf8)).contains("A sentence added"))
        // Template changes are not data changes: the site is still version 2.0.
        #expect(home.contains("<p class=\"version\">Version 2.0 (2025-06-01), the latest version · <a href=\"versions.html\">Version history</a></p>"))
        #expect(home.contains("<h2>Cite this version</h2>\n<p>Cite this version:</p>\n<p class=\"citation\">Joanna Nowaczyk, Michał Zawistowski and Piotr Fiedor. Local, non-systemic, and minimally invasive therapies for calcinosis cutis: a systematic review. Version 2.0, 2025-06-01. doi:10.1007/s00403-021-02264-5.</p>"))
        let v1 = try String(contentsOfFile: history.root + "/site/versions/1.0/methods.html", encoding: .utf8)
        #expect(v1.contains("<p class=\"version\">Version 1.0 (2025-01-10), as published. <a href=\"../../index.html\">The latest version</a> · <a href=\"../../versions.html\">Version history</a></p>"))
        let page = try String(contentsOfFile: history.root + "/site/versions.html", encoding: .utf8)
        #expect(page.contains("<tr><th scope=\"row\">2.0</th><td>2025-06-01</td><td>Update (new search)</td><td>unchanged</td><td>New search: R58 and R59 added.</td><td><a href=\"versions/2.0/index.html\">site</a> · <a href=\"versions/2.0/changes.html\">what changed</a></td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">1.0</th><td>2025-01-10</td><td>First publication</td><td>—</td>"))
        // The supplement's first page says which version it is; a frozen one says its own.
        let supplement = try String(contentsOfFile: history.root + "/site/supplement.html", encoding: .utf8)
        #expect(supplement.contains("<p class=\"supplement-facts\">Registration: PROSPERO CRD42020207253. Version 2.0 (2025-06-01).</p>"))
        let frozen = try String(contentsOfFile: history.root + "/site/versions/1.0/supplement.html", encoding: .utf8)
        #expect(frozen.contains("Version 1.0 (2025-01-10).</p>"))
    }

    @Test func whatsNewListsTheTwoAddedStudiesAndTheFiguresThatMoved() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        // studies.included is marked key: its change may change the conclusions.
        let figures = history.templates + "/figures.yaml"
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        let marked = text.replacingOccurrences(of: "- id: studies.included\n", with: "- id: studies.included\n  key: true\n")
        #expect(marked != text)
        try Data(marked.utf8).write(to: URL(fileURLWithPath: figures))
        let live = try #require(try SiteHistory.live(dataPath: history.data, templatesPath: history.templates))
        #expect(live.history.shown == .latest(try #require(Versions.read(dataPath: history.data).latest)))
        #expect(live.history.previous?.version == "1.0")
        let html = live.changes.html
        #expect(html.contains("<h2 id=\"whats-new-title\">What’s new in version 2.0</h2>\n<p><strong>Update (new search), conclusions unchanged</strong>, 2025-06-01.</p>\n<p class=\"release-note\">New search: R58 and R59 added.</p>\n"))
        #expect(html.contains("<h3>May change the conclusions</h3>\n<ul class=\"changes\">\n<li><a href=\"figures.html#studies.included\"><code>studies.included</code></a> <del>38</del> → <ins>40</ins></li>\n</ul>\n"))
        #expect(html.contains("<li>Studies added (2): R58, R59</li>\n<li>Patients: 2 added, 0 removed</li>\n"))
        #expect(!html.contains("Studies removed"))
        #expect(html.contains("<li><a href=\"figures.html#patients.total\"><code>patients.total</code></a>: <del>134</del> → <ins>136</ins></li>"))
        #expect(html.contains("From <strong>version 1.0 (2025-01-10)</strong> to <strong>version 2.0 (2025-06-01)</strong>"))
    }

    @Test func aDataChangeAfterTheLastReleaseIsADraftComparedWithIt() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        // An erratum: R59 removed again, with every row that belongs to it.
        try TwoVersionHistory.withoutRemovedStudies(history.data)
        let built = try history.run(["build"])
        #expect(built.status == 0, "\(built.standardError)")
        let changes = try String(contentsOfFile: history.root + "/site/changes.html", encoding: .utf8)
        #expect(changes.contains("<h2 id=\"whats-new-title\">What’s new since version 2.0 (not yet released)</h2>\n"))
        #expect(changes.contains("<li>Studies removed (2): R58, R59</li>"))
        #expect(changes.contains("<li>Rows removed from risk_of_bias.csv (16): "))
        #expect(changes.contains("<li>Rows removed from treatments.csv (3): R58-01 step 1, R58-01 step 2, R59-01 step 1</li>"))
        let methods = try String(contentsOfFile: history.root + "/site/methods.html", encoding: .utf8)
        #expect(methods.contains("<p class=\"version\">Draft: changes since version 2.0 (2025-06-01), not yet released (<a href=\"changes.html\">what changed</a>) · <a href=\"versions.html\">Version history</a></p>"))
        let supplement = try String(contentsOfFile: history.root + "/site/supplement.html", encoding: .utf8)
        #expect(supplement.contains("Not a released version: the data changed since version 2.0 (2025-06-01).</p>"))
    }

    @Test func everyRefusalLeavesTheTreeUntouched() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        func refused(_ arguments: [String], status: Int32 = 2) throws -> String {
            let before = try history.snapshot()
            let result = try history.run(["release"] + arguments)
            #expect(result.status == status)
            #expect(try history.snapshot() == before)
            return result.standardError
        }
        #expect(try refused(["2.0", "--note", "again", "--conclusions", "unchanged"])
                == "data/versions.yaml: version 2.0 exists (released 2025-06-01); a version is released once (choose another, such as the next number)\n")
        #expect(try refused(["3.0", "--note", "an erratum", "--kind", "amendment"])
                == "--conclusions is missing: say whether this amendment changed the review's conclusions (--conclusions changed or --conclusions unchanged)\n")
        #expect(try refused(["../x", "--note", "n", "--conclusions", "unchanged"])
                == "version '../x' is not a version (expected letters, digits, '.', '-' and '_', starting with a letter or digit, such as 1.0 or 2024-1)\n")
        try Data("unrelated\n".utf8).write(to: URL(fileURLWithPath: history.templates + "/notes.txt"))
        #expect(try refused(["3.0", "--note", "n", "--conclusions", "unchanged"])
                == "not committed: templates/notes.txt (untracked); release freezes what git holds, so commit data/ and templates/ first (git add, git commit)\n")
        try FileManager.default.removeItem(atPath: history.templates + "/notes.txt")
        // Committed but invalid: a sex that is not a code.
        let patients = history.data + "/patients.csv"
        let rows = try String(contentsOfFile: patients, encoding: .utf8)
        try Data(rows.replacingOccurrences(of: "R4-01,R4,44,f,", with: "R4-01,R4,44,female,").utf8).write(to: URL(fileURLWithPath: patients))
        try history.commit("a bad cell")
        let message = try refused(["3.0", "--note", "n", "--conclusions", "unchanged"], status: 1)
        #expect(message.contains("data/patients.csv:2: column 'sex': 'female' is not one of"))
        try FileManager.default.createDirectory(atPath: history.root + "/releases/4.0", withIntermediateDirectories: false)
        #expect(try refused(["4.0", "--note", "n", "--conclusions", "unchanged"])
                == "releases/4.0 exists: reviewsite release writes a version's frozen site into a new folder only (move it away, or choose another version)\n")
    }

    @Test func versionsYamlErrorsNameTheLineAndKey() throws {
        let data = try DatasetFixture()
        defer { data.delete() }
        try data.write("versions.yaml", """
        versions:
          - {version: "1.0", date: 2025-02-30, kind: new, note: First., revision: abc1234}
          - {version: "1.1", date: 2025-03-01, kind: erratum, conclusions: unchanged, note: Fix., revision: abc1234}
          - {version: "1.0", date: 2025-03-02, kind: amendment, conclusions: same, note: Fix., revision: xyz}

        """)
        do {
            _ = try Versions.read(dataPath: data.path)
            Issue.record("read an invalid versions.yaml")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(data.path)/versions.yaml:2: key 'versions[1].date': '2025-02-30' is not a date (expected YYYY-MM-DD, such as 2025-03-01)",
                "\(data.path)/versions.yaml:3: key 'versions[2].kind': 'erratum' is not one of new, update, amendment",
                "\(data.path)/versions.yaml:4: key 'versions[3].conclusions': 'same' is not one of changed, unchanged",
                "\(data.path)/versions.yaml:4: key 'versions[3].revision': 'xyz' is not a git commit (expected the hexadecimal name reviewsite release recorded)",
            ])
        }
        #expect(try Versions.read(dataPath: defaultDataPath) == Versions())
    }

    @Test func withoutReleasesNoPageSaysAVersion() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: defaultTemplatesPath).build()
        #expect(try SiteHistory.live(dataPath: defaultDataPath, templatesPath: defaultTemplatesPath) == nil)
        #expect(site.files["versions.html"] == nil)
        #expect(!site.paths.contains { String(decoding: site.files[$0]!, as: UTF8.self).contains("class=\"version\"") })
        #expect(String(decoding: site.files["changes.html"]!, as: UTF8.self).contains("<p>This build has no baseline, so there are no changes to show."))
    }
}
