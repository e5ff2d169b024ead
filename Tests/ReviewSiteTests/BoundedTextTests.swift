import Foundation
import Testing
@testable import ReviewSite

/// Text layout that was quadratic: 100,000 placeholders on one template
/// line took 499 s, a 10 MB word in a PRISMA reason hours. No timing is
/// asserted; with the old code these tests would not finish.
@Suite("Bounded text")
struct BoundedTextTests {
    static let report = try! loadReport(defaultDataPath)
    let filler = TemplateFiller(figures: Self.report.figures, review: Self.report.review)

    @Test func manyPlaceholdersOnOneLineFill() throws {
        let filled = try filler.fill("Year: " + String(repeating: "{{review.year}} ", count: 100_000), file: "templates/t.md").get()
        #expect(filled == "Year: " + String(repeating: "2021 ", count: 100_000))
    }

    @Test func manyUnknownPlaceholdersGiveAFewErrors() {
        let template = "é " + String(repeating: "{{nope}}", count: 100_000)
        guard case .failure(let failure) = filler.fill(template, file: "templates/t.md") else {
            Issue.record("expected errors")
            return
        }
        let lines = failure.description.components(separatedBy: "\n")
        let unknown = "'nope' is not a figure of figures.yaml nor one of \(TemplateFiller.reviewKeys.joined(separator: ", "))"
        #expect(lines.count == 1_002)
        #expect(lines[0] == "templates/t.md:1:3: \(unknown)")
        #expect(lines[999] == "templates/t.md:1:\(3 + 999 * 8): \(unknown)")
        #expect(lines[1_000] == "and 99,000 more errors (templates/t.md: 99,000)")
        #expect(lines[1_001] == "100,000 errors in the templates.")
    }

    @Test func placeholderTextIsEchoedCut() {
        let long = String(repeating: "n", count: 200)
        guard case .failure(let failure) = filler.fill("{{\(long)}}", file: "templates/t.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(failure.errors.map(\.message) == [
            "'\(String(repeating: "n", count: 80))…' is not a figure of figures.yaml nor one of \(TemplateFiller.reviewKeys.joined(separator: ", "))",
        ])
    }

    /// A 10 MB word is cut into lines of 42 characters.
    @Test func longWordIsCutInLinearTime() {
        let word = String(repeating: "abcdefg", count: 1_500_000)
        let lines = PrismaDiagram.Metrics.item(word, count: 3)
        #expect(lines.count == 250_001)
        #expect(lines.dropLast().allSatisfy { $0.text.count == 42 })
        #expect(lines[0] == PrismaDiagram.Line(text: "abcdefgabcdefgabcdefgabcdefgabcdefgabcdefg", indent: 0))
        #expect(lines.last == PrismaDiagram.Line(text: "(n = 3)", indent: 1))
    }
}
