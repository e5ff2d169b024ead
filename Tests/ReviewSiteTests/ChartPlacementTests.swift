import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReviewSite

/// The charts drawn from any review's generic data, placed in the pages,
/// and their golden files from hostile labels.
@Suite("Charts in the site")
struct ChartPlacementTests {
    static let report = Result { try loadReport(defaultDataPath) }

    /// The overall bars, computed from the codebook's rule over the
    /// risk_of_bias table, agree with the SQL figures rob.low/moderate/high.
    @Test func theAppraisalSummaryAgreesWithTheFigures() throws {
        let report = try Self.report.get()
        let panels = AppraisalChart.panels(codebook: report.codebook, tables: report.tables)
        #expect(panels.map(\.heading) == ["JBI case report (30 studies)", "JBI case series (9 studies)", "JBI RCT (1 study)", "Overall risk of bias"])
        let figures = Dictionary(report.figures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let expected = ["rob.low", "rob.moderate", "rob.high"].map { Int(figures[$0]?["n"] ?? -1) }
        #expect(panels.last?.bars.last?.label == "All studies")
        #expect(panels.last?.bars.last?.counts == expected)
        // Each question bar counts the answers of its checklist's studies.
        let answers = try #require(report.table("risk_of_bias"))
        let total = panels.dropLast().flatMap(\.bars).reduce(0) { $0 + $1.counts.reduce(0, +) }
        #expect(total == answers.count)
    }

    /// A review with a level-of-evidence scale and no checklists (the
    /// systemic fixture): one bar per level, among all its studies.
    @Test func aLevelOfEvidenceScaleGivesStudiesPerLevel() throws {
        let dataset = try loadDataset(systemicDataPath)
        let panels = AppraisalChart.panels(codebook: dataset.codebook, tables: dataset.tables)
        #expect(panels.count == 1)
        let panel = try #require(panels.first)
        #expect(panel.heading == "Level of evidence (3 studies)")
        #expect(panel.bars.count == 10)
        let counts = Dictionary(panel.bars.map { ($0.label.split(separator: " ").first.map(String.init) ?? "", $0.counts) }, uniquingKeysWith: { a, _ in a })
        #expect(panel.bars.map(\.label).contains("1b RCT"))  // the short label, where the codebook gives one
        #expect(counts["1b"] == [1, 2] && counts["2b"] == [1, 2] && counts["4"] == [1, 2] && counts["1a"] == [0, 3])
        let svg = StackedBarChart.svg(title: "Levels", panels: panels, id: "levels")
        #expect(svg.contains("<title>2b individual cohort study or low-quality randomised trial: studies at this level 1 (33%), other studies 2 (67%) of 3 studies</title>"))
        try Self.golden("levels.svg", svg)
    }

    @Test func bothChartsArePlacedInTheResultsPageAndItsTwin() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let results = try #require(site["results.html"])
        for id in ["appraisal-summary", "response-by-option"] {
            let svg = try #require(site["charts/\(id).svg"])
            let inline = svg.dropLast().replacingOccurrences(of: "\"../figures.html#", with: "\"figures.html#")
            #expect(results.contains("<figure class=\"figure-svg chart\" id=\"chart-\(id)\">\n" + inline))
            #expect(results.contains("<a href=\"charts/\(id).svg\">Open the chart at full size</a>.</figcaption>"))
            #expect(!results.contains("{{chart"))
            _ = try XMLDocument(xmlString: svg)
        }
        // The chart stands between paragraphs, not inside one.
        #expect(!results.contains("<p><figure") && !results.contains("</figure></p>"))
        let twin = try #require(site["results.md"])
        #expect(twin.contains("\n![Response by treatment option](charts/response-by-option.svg)\n\nPatients with a complete or partial response"))
        #expect(twin.contains("response rate was [71% (15/21; 95% CI 50.0–86.2)](figures.html#outcome.laser.response)."))
        let forest = try #require(site["charts/response-by-option.svg"])
        #expect(forest.contains("<a href=\"../figures.html#outcome.laser.response\"><g><title>Laser: 15/21 (71%; 95% CI 50.0–86.2)</title>"))
        #expect(results.contains("<a href=\"figures.html#outcome.laser.response\"><g><title>Laser: 15/21 (71%; 95% CI 50.0–86.2)</title>"))
        #expect(site["figures.html"]!.contains("<tr id=\"outcome.laser.response\">"))
    }

    /// Labels with markup, quotes, ampersands, right-to-left text and great
    /// length: escaped, cut where they would overrun, whole in the titles.
    @Test func hostileLabelsGiveTheGoldenCharts() throws {
        let report = try Self.report.get()
        let long = String(repeating: "a very long label that goes on ", count: 4)
        let rtl = "מחקר עם תווית ארוכה بالعربية"
        var codebook = report.codebook
        codebook.appraisal.checklists[0].label = hostileText
        codebook.appraisal.checklists[1].label = rtl + " " + long
        codebook.appraisal.checklists[0].answers[1].label = #"no <b>&amp; "never""#
        let appraisal = StackedBarChart.svg(title: hostileText, panels: AppraisalChart.panels(codebook: codebook, tables: report.tables), id: "chart-x")
        let yaml = """
        - id: hostile
          kind: proportions
          title: |-
            \(hostileText)
          description: D
          rows:
            - {figure: outcome.top_sts.response, label: '\(long)'}
            - {figure: outcome.il_sts.response, label: '\(rtl)'}
            - figure: outcome.laser.response
              label: |-
                \(hostileText)
        """
        let (file, errors) = ChartFile.parse(yaml, path: "charts.yaml", catalogue: report.catalogue)
        #expect(errors.isEmpty)
        let proportions = try #require(ChartSet(file, report: report).chart("hostile")).svg
        for svg in [appraisal, proportions] {
            #expect(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"))
            #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            #expect(svg.contains(rtl))
            let document = try XMLDocument(xmlString: svg)
            #expect(document.rootElement()?.name == "svg")
        }
        #expect(proportions.contains("a very long label that goes…</text>"))
        try Self.golden("appraisal-hostile.svg", appraisal)
        try Self.golden("proportions-hostile.svg", proportions)
    }

    /// Compares with Golden/charts/NAME; `RECORD_GOLDEN=1 swift test` re-records.
    static func golden(_ name: String, _ svg: String) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Golden/charts/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data((svg + "\n").utf8).write(to: url)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: url.path), "no golden file \(name): run RECORD_GOLDEN=1 swift test")
        #expect(String(decoding: expected, as: UTF8.self) == svg + "\n", "\(name) differs from its golden file; if the change is intended, RECORD_GOLDEN=1 swift test")
    }
}
