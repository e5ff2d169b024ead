import Foundation
import Testing
@testable import ReviewSite

/// The 95 % Wilson intervals as figures.json and the `ci` filter give them,
/// checked against the 50-digit reference of Tests/Reference/wilson.py.
@Suite("Confidence intervals in figures.json and the templates")
struct IntervalFilterTests {
    static let report = Result { try loadReport(defaultDataPath) }

    @Test func theCiFilterQuotesTheFigureWithItsInterval() throws {
        let report = try Self.report.get()
        let filler = TemplateFiller(figures: report.figures, review: report.review)
        let filled = try filler.fill("Laser: {{outcome.laser.response | ci}}.", file: "t.md").get()
        #expect(filled == "Laser: [71% (15/21; 95% CI 50.0–86.2)](figures.html#outcome.laser.response).")
        // A field list that names ci, for a figure that is no proportion.
        guard case .failure(let errors) = filler.fill("{{studies.included | ci}}", file: "t.md") else {
            Issue.record("ci of a count was accepted")
            return
        }
        #expect(errors.errors.map(\.description) == ["t.md:1:1: 'ci' is not a field of studies.included (expected one of n)"])
    }

    @Test func noDenominatorSaysSoInsteadOfAnInterval() {
        let empty = Figure(id: "x", kind: .proportion, values: ["numerator": 0, "denominator": 0, "percent": Double?.none], rows: [])
        #expect(empty.text("ci") == "n/a (0/0; no interval)")
        let json = FiguresJSON.render([empty])
        #expect(json.contains("\"ci_high\": null,\n      \"ci_low\": null,"))
        let all = Figure(id: "y", kind: .proportion, values: ["numerator": 3, "denominator": 3, "percent": 100], rows: [])
        #expect(all.text("ci") == "100% (3/3; 95% CI 43.9–100.0)")
        #expect(FiguresJSON.render([all]).contains("\"ci_high\": 100.0,\n      \"ci_low\": 43.9,"))
    }

    /// Every proportion of the default review's figures.json, as the site
    /// writes it, against the reference values.
    @Test func everyProportionOfTheDefaultReviewHasTheReferenceInterval() throws {
        let report = try Self.report.get()
        let json = try JSONSerialization.jsonObject(with: Data(FiguresJSON.bytes(report.figures))) as? [String: Any]
        let figures = try #require(json?["figures"] as? [[String: Any]])
        let reference = Dictionary(WilsonIntervalTests.reference.map { ("\($0.0)/\($0.1)", ($0.2, $0.3)) }, uniquingKeysWith: { a, _ in a })
        var checked = 0
        for figure in figures where figure["kind"] as? String == "proportion" {
            let id = figure["id"] as? String ?? "?"
            let numerator = try #require(figure["numerator"] as? Int), denominator = try #require(figure["denominator"] as? Int)
            guard let (low, high) = reference["\(numerator)/\(denominator)"] else {
                Issue.record("\(id): \(numerator)/\(denominator) is not in Tests/Reference/wilson.py's cases: add it and regenerate")
                continue
            }
            #expect(figure["ci_low"] as? Double == low, "\(id)")
            #expect(figure["ci_high"] as? Double == high, "\(id)")
            checked += 1
        }
        #expect(checked > 0)
    }
}
