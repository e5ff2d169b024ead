import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReviewSite

@Suite("Charts")
struct ChartTests {
    static let rows = [
        ForestPlot.Row(label: "Topical STS", numerator: 39, denominator: 48, figure: "outcome.a.response"),
        ForestPlot.Row(label: "Laser", numerator: 15, denominator: 21, figure: "outcome.b.response"),
        ForestPlot.Row(label: "None treated", numerator: 0, denominator: 0, figure: nil),
        ForestPlot.Row(label: "All", numerator: 7, denominator: 7, figure: nil),
    ]

    static let answers = [
        StackedBarChart.Category(label: "yes", fill: "#0b5d3b"),
        StackedBarChart.Category(label: "no", fill: "#d55e00"),
        StackedBarChart.Category(label: "unclear", fill: "#f0e442"),
        StackedBarChart.Category(label: "not applicable", fill: "#ffffff", hatched: true),
    ]

    static let bars = [
        StackedBarChart.Bar(label: "Q1", counts: [30, 6, 3, 1], group: "Case series (40 studies)"),
        StackedBarChart.Bar(label: "Q2", counts: [0, 0, 0, 0]),
        StackedBarChart.Bar(label: "Q3", counts: [1, 0, 0, 0]),
    ]

    @Test func aForestRowSaysItsIntervalAndLinksToItsFigure() {
        #expect(ForestPlot.summary(Self.rows[1]) == "Laser: 15/21 (71%; 95% CI 50.0–86.2)")
        #expect(ForestPlot.summary(Self.rows[2]) == "None treated: no patients")
        #expect(ForestPlot.summary(Self.rows[3]) == "All: 7/7 (100%; 95% CI 64.6–100.0)")
        let svg = ForestPlot.svg(title: "Response", rows: Self.rows, id: "forest")
        #expect(svg.contains("<a href=\"figures.html#outcome.b.response\"><g><title>Laser: 15/21 (71%; 95% CI 50.0–86.2)</title>"))
        // 15/21 = 71.4%: the square's centre at 210 + 0.714 × 260 = 396.
        #expect(svg.contains("<rect x=\"391\" y=\"43\" width=\"10\" height=\"10\" fill=\"#111111\"/>"))
        // Its rows are links, which an image role would hide from keyboard and screen readers.
        #expect(svg.contains("role=\"group\" aria-labelledby=\"forest-title forest-desc\""))
        #expect(!ForestPlot.svg(title: "Response", rows: [ForestPlot.Row(label: "A", numerator: 1, denominator: 2)], id: "f").contains("role=\"group\""))
    }

    @Test func aStackedBarSplitsItsStudiesAndEndsAtTheBarsEnd() {
        #expect(StackedBarChart.summary(Self.bars[0], Self.answers) == "Case series (40 studies), Q1: yes 30 (75%), no 6 (15%), unclear 3 (8%), not applicable 1 (3%) of 40 studies")
        #expect(StackedBarChart.summary(Self.bars[1], Self.answers) == "Q2: no studies")
        let svg = StackedBarChart.svg(title: "Appraisal", categories: Self.answers, bars: Self.bars, id: "rob")
        // 30 of 40 of 420 px = 315; the last segment ends at 160 + 420.
        #expect(svg.contains("<rect x=\"160\" y=\"30\" width=\"315\" height=\"16\" fill=\"#0b5d3b\""))
        #expect(svg.contains("<rect x=\"569\" y=\"30\" width=\"11\" height=\"16\" fill=\"url(#rob-hatch)\"/>"))
    }

    @Test func hostileLabelsAreEscapedAndTheChartsAreWellFormedXML() throws {
        var rows = Self.rows
        rows[0].label = hostileText
        var bars = Self.bars
        bars[0].group = hostileText
        var answers = Self.answers
        answers[0].label = hostileText
        for svg in [ForestPlot.svg(title: hostileText, rows: rows, id: "forest"),
                    StackedBarChart.svg(title: hostileText, categories: answers, bars: bars, id: "rob")] {
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("<img"))
            let document = try XMLDocument(xmlString: svg)
            #expect(document.rootElement()?.name == "svg")
        }
    }
}

