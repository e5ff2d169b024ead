import Foundation
import Testing

/// `reviewsite test`, the review's own test: it fails on what check finds,
/// on a printed figure the data no longer give (unless explained), and on
/// a site that does not build; it writes nothing.
@Suite("reviewsite test")
struct ReviewTestCommandTests {
    @Test func anUnexplainedDifferenceFromTheArticleFails() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let published = "\(scratch.path)/data/published.yaml"
        let text = try String(contentsOfFile: published, encoding: .utf8)
        try Data(text.replacingOccurrences(of: #"{percent: 7, explained: "the article prints about 7%, while 1 of 11 patients is 9%"}"#, with: "{percent: 7}").utf8)
            .write(to: URL(fileURLWithPath: published))
        let before = try Scratch.snapshot(scratch.path)
        let test = try runReviewSite(["test"], in: URL(fileURLWithPath: scratch.path))
        #expect(test.status == 1)
        #expect(test.standardOutput == """
            data/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.
            templates/: every page, figure, table and chart compiles and resolves (72 figures).
            1 of the 72 figures the article printed differs from the data (fix the data, or say why under explained: in published.yaml):
              outcome.eswl.complete: printed 7%, computed 9% (1/11)
            The site builds: 33 files.
            The review's test failed.

            """)
        #expect(try Scratch.snapshot(scratch.path) == before)
    }

    @Test func aTemplateProblemFailsWithItsPlace() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try scratch.write("templates/results.md", "## Results\n\n{{outcome.nope}}\n")
        let test = try runReviewSite(["test"], in: URL(fileURLWithPath: scratch.path))
        #expect(test.status == 1)
        #expect(test.standardOutput.contains("templates/results.md:3:1: 'outcome.nope' is not a figure of templates/figures.yaml"))
        #expect(test.standardOutput.hasSuffix("The review's test failed.\n"))
    }

    @Test func aNewReviewPassesItsTest() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try runReviewSite(["init", root]).status == 0)
        let test = try runReviewSite(["test"], in: URL(fileURLWithPath: root))
        #expect(test.status == 0, "\(test.standardOutput)")
        #expect(test.standardOutput.hasSuffix("The review's test passed.\n"))
    }
}
