import Foundation
import Testing
@testable import ReviewSite

/// Every page repeats the review's title, citation and provenance and the
/// pages' titles: a 20 MB title made a 631 MB site. Single lines are at most
/// 500 characters, the provenance 5,000, each refused at its line and column.
@Suite("metadata length")
struct MetadataLengthTests {
    static let long = String(repeating: "A", count: 200_000)
    static let echoed = "'" + String(repeating: "A", count: 80) + "…'"

    @Test func aLongTitleInReviewYAMLIsRefusedAndNoSiteIsWritten() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("review.yaml", line: 1, "\"Local, non-systemic, and minimally invasive therapies for calcinosis cutis: a systematic review\"", Self.long)
        #expect(fixture.errors() == ["data/review.yaml:1:8: key 'title': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)"])

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-metadata-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try runReviewSite(["build", "--data", fixture.path, "--templates", defaultTemplatesPath, "--out", out])
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(fixture.path)/review.yaml:1:8: key 'title': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// 500 characters are a title; 501 are not. An accented letter is one character.
    @Test func theLimitIs500Characters() throws {
        let fits = String(repeating: "é", count: 500)
        #expect(try errorsAfter { try $0.edit("review.yaml", line: 3, "Archives of Dermatological Research", fits) } == [])
        let over = String(repeating: "é", count: 501)
        #expect(try errorsAfter { try $0.edit("review.yaml", line: 3, "Archives of Dermatological Research", over) } == [
            "data/review.yaml:3:10: key 'journal': '\(String(repeating: "é", count: 80))…' is 501 characters long (expected at most 500 characters)",
        ])
    }

    @Test func everyLineOfTheCitationIsCapped() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("review.yaml", line: 2, "Michał Zawistowski", Self.long)
            try fixture.edit("review.yaml", line: 5, "10.1007/s00403-021-02264-5", Self.long)
            try fixture.edit("review.yaml", line: 6, "PROSPERO CRD42020207253", Self.long)
            try fixture.edit("review.yaml", line: 7, "Embase", Self.long)
            try fixture.edit("review.yaml", line: 8, "German", Self.long)
        }
        #expect(errors == [
            "data/review.yaml:2:28: key 'authors[2]': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
            "data/review.yaml:5:6: key 'doi': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
            "data/review.yaml:6:15: key 'registration': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
            "data/review.yaml:7:21: key 'databases[2]': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
            "data/review.yaml:8:31: key 'languages[3]': \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
        ])
    }

    /// The provenance is a paragraph in every page's footer: 5,000 characters.
    @Test func theProvenanceIsAtMost5000Characters() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("review.yaml", line: 11, "Reconstructed dataset.", String(repeating: "word ", count: 1_000) + "Reconstructed dataset.")
        }
        // The default provenance (about 960 characters) and the 5,000 of the words.
        let length = try loadDataset(defaultDataPath).review.provenance.count + 5_000
        #expect(length > 5_000 && length < 7_000)
        let echoed = "'" + String(String(repeating: "word ", count: 16).prefix(80)) + "…'"
        #expect(errors == ["data/review.yaml:10:13: key 'provenance': \(echoed) is \(grouped(length)) characters long (expected at most 5,000 characters)"])
    }

    @Test func aLongPageTitleHeadingOrAboutInSiteYAMLIsRefused() throws {
        let yaml = """
        pages:
          - {text: abstract.md, title: \(Self.long)}
          - text: methods.md
            title: Methods
            heading: \(Self.long)
            about: \(Self.long)
          - builtin: appraisal
            title: Risk of bias
            intro: \(Self.long)
        """
        guard case .failure(let errors) = SiteFile.parse(yaml, path: "templates/site.yaml", tables: []) else {
            Issue.record("expected errors")
            return
        }
        // An intro is a page's own paragraph, shown once: it is not a single line.
        #expect(errors.errors.map(\.description) == [
            "templates/site.yaml:2:32: title: \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
            "templates/site.yaml:5:14: heading: \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
            "templates/site.yaml:6:12: about: \(Self.echoed) is 200,000 characters long (expected at most 500 characters)",
        ])
    }

    @Test func aPageTitleOf500CharactersIsATitle() throws {
        let title = String(repeating: "x", count: 500)
        let site = try SiteFile.parse("pages:\n  - {text: abstract.md, title: \(title)}\n", path: "templates/site.yaml", tables: []).get()
        #expect(site.pages.map(\.title) == [title])
        guard case .failure(let errors) = SiteFile.parse("pages:\n  - {text: abstract.md, title: \(title)x}\n", path: "templates/site.yaml", tables: []) else {
            Issue.record("expected an error")
            return
        }
        #expect(errors.errors.map(\.description) == ["templates/site.yaml:2:32: title: '\(String(repeating: "x", count: 80))…' is 501 characters long (expected at most 500 characters)"])
    }
}
