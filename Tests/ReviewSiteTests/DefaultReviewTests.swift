import Foundation
import Testing
@testable import ReviewSite

/// The default review as the repository holds it now (data/, templates/):
/// its numbers as the article printed them, and its committed site. The
/// engine's own tests read the frozen copy in Fixtures/default-review.
@Suite("The default review (data/, templates/)")
struct DefaultReviewTests {
    static let data = repositoryRoot.appendingPathComponent("data").path
    static let templates = repositoryRoot.appendingPathComponent("templates").path

    @Test func checkComparesEveryPrintedFigure() throws {
        let check = try runReviewSite(["check", "--data", "data", "--templates", "templates"])
        #expect(check.standardOutput.hasPrefix("data/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.\n72 figures computed;"))
        // The one figure the article misprints (dataset README), and no other.
        #expect(check.standardOutput.contains("1 of the 72 that the article printed differs from it:\n  outcome.eswl.complete: printed 7%, computed 9% (1/11)"))
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

    /// The committed site is what the live data and templates build (make test checks every byte too).
    @Test func theCommittedPagesAreBuiltFromTheLiveFolders() throws {
        let site = try SiteBuilder(dataPath: Self.data, templatesPath: Self.templates).build()
        for page in ["index.html", "results.html", "table-1.md", "table-2.md", "figures.html"] {
            let committed = try String(contentsOf: repositoryRoot.appendingPathComponent("site/\(page)"), encoding: .utf8)
            #expect(site[page] == committed, "\(page)")
        }
    }
}
