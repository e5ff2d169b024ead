import Foundation
import Testing
@testable import ReviewSite

/// The default review's own suite, on the frozen copy of its data and
/// templates (Fixtures/default-review): its numbers as the article printed
/// them. The live folders (data/, templates/) are the review `make test`
/// builds, tests with `reviewsite test` and compares with the committed
/// site/: a team that replaces them breaks no test of the tool.
@Suite("The default review")
struct DefaultReviewTests {
    static let data = defaultDataPath
    static let templates = defaultTemplatesPath

    @Test func checkComparesEveryPrintedFigure() throws {
        let check = try runReviewSite(["check", "--data", Self.data, "--templates", Self.templates])
        #expect(check.standardOutput.hasPrefix("\(Self.data)/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.\n72 figures computed;"))
        // The one figure the article misprints (dataset README), and no other, explained.
        #expect(check.standardOutput.contains("1 of the 72 that the article printed differs from it:\n  outcome.eswl.complete: printed 7%, computed 9% (1/11) — explained: "))
    }

    @Test func itsOwnTestPasses() throws {
        let test = try runReviewSite(["test", "--data", Self.data, "--templates", Self.templates])
        #expect(test.status == 0)
        #expect(test.standardOutput.contains("All 72 figures the article printed match the data, but for 1 explained in published.yaml:\n"))
        #expect(test.standardOutput.hasSuffix("The site builds: 33 files.\nThe review's test passed.\n"))
    }

    @Test func theKeyFiguresAreTheArticles() throws {
        let report = try Report.load(from: Self.data, figures: FigureFile.path(inTemplates: Self.templates))
        func value(_ id: String, _ field: String) -> Double? { report.figures.first { $0.id == id }?[field] }
        #expect(value("studies.included", "n") == 40)
        #expect(value("patients.total", "n") == 136)
        #expect(value("outcome.top_sts.response", "numerator") == 39 && value("outcome.top_sts.response", "denominator") == 48)
        #expect(value("outcome.laser.response", "percent") == 71)
        let tables = try report.declaredTables(TableFile.path(inTemplates: Self.templates)).get()
        #expect(tables.map(\.id) == ["table-1", "table-2"])
        #expect(tables[0].data.rowCount == 40)
    }
}
