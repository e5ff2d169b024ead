import Foundation
import Testing
@testable import ReviewSite

/// The appraisal chart and table explain themselves: a percentage axis, a
/// count on every segment that holds one (hatched included, legible), and
/// the checklists' questions worded from the codebook in a key.
@Suite("Appraisal chart and table keys")
struct AppraisalKeyTests {
    static let answers = [
        StackedBarChart.Category(label: "yes", fill: "#0b5d3b"),
        StackedBarChart.Category(label: "no", fill: "#d55e00"),
        StackedBarChart.Category(label: "unclear", fill: "#f0e442"),
        StackedBarChart.Category(label: "not applicable", fill: "#ffffff", hatched: true),
    ]

    @Test func thePanelHasAPercentageAxisWithGridLinesBehindItsBars() {
        let bars = [StackedBarChart.Bar(label: "Q1", counts: [2, 0, 0, 2]), StackedBarChart.Bar(label: "Q2", counts: [4, 0, 0, 0])]
        let svg = StackedBarChart.svg(title: "Appraisal", categories: Self.answers, bars: bars, id: "rob")
        // Bars at y 8 and 30, the last ending at 46: the grid from 5 to 50, the ticks' text at 62.
        for (step, x) in [160, 265, 370, 475, 580].enumerated() {
            #expect(svg.contains("<line x1=\"\(x)\" y1=\"5\" x2=\"\(x)\" y2=\"50\" stroke=\"#d4d4d4\" stroke-width=\"1\"/>\n"))
            #expect(svg.contains("<text x=\"\(x)\" y=\"62\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555555\">\(step * 25)%</text>\n"))
        }
        let grid = svg.range(of: "<line x1=\"160\" y1=\"5\"")!.lowerBound, firstBar = svg.range(of: "<rect x=\"160\" y=\"8\"")!.lowerBound
        #expect(grid < firstBar)
        // The legend follows the axis: 66 + 12.
        #expect(svg.contains("<rect x=\"160\" y=\"78\" width=\"16\" height=\"16\" fill=\"#0b5d3b\""))
    }

    @Test func aHatchedSegmentCarriesItsCountOnAWhitePlate() {
        let svg = StackedBarChart.svg(title: "Appraisal", categories: Self.answers, bars: [StackedBarChart.Bar(label: "Q1", counts: [2, 0, 0, 2])], id: "rob")
        // Not applicable: 2 of 4, from 370 to 580; its count in the middle, at 475.
        #expect(svg.contains("<rect x=\"370\" y=\"8\" width=\"210\" height=\"16\" fill=\"url(#rob-hatch)\"/>\n"
            + "<rect x=\"469\" y=\"10\" width=\"12\" height=\"12\" fill=\"#ffffff\"/>\n"
            + "<text x=\"475\" y=\"20\" text-anchor=\"middle\" font-size=\"11\" fill=\"#111111\">2</text>\n"))
        #expect(svg.contains("<text x=\"265\" y=\"20\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">2</text>\n"))
        // A segment too narrow for its digits (1 of 40: 10 px) carries none.
        let narrow = StackedBarChart.svg(title: "A", categories: Self.answers, bars: [StackedBarChart.Bar(label: "Q1", counts: [39, 0, 0, 1])], id: "rob")
        #expect(narrow.contains("<rect x=\"569\" y=\"8\" width=\"11\" height=\"16\" fill=\"url(#rob-hatch)\"/>\n</g>"))
    }

    /// Every fill the appraisal chart uses gets a count colour of at least 4.5:1.
    @Test func countsContrastWithEveryFill() {
        #expect(String(format: "%.2f", StackedBarChart.contrast("#111111", "#d55e00")) == "4.88")
        #expect(String(format: "%.2f", StackedBarChart.contrast("#ffffff", "#0b5d3b")) == "7.95")
        #expect(StackedBarChart.textFill("#d55e00") == "#111111")
        #expect(StackedBarChart.textFill("#1f4e79") == "#ffffff")
        let fills = [AppraisalColours.best, AppraisalColours.worst] + AppraisalColours.otherAnswers + AppraisalColours.middleJudgements + ["#1f4e79", "#e8e8e8", AppraisalColours.spare]
        for fill in fills {
            #expect(StackedBarChart.contrast(StackedBarChart.textFill(fill), fill) >= 4.5, "\(fill)")
        }
        #expect(StackedBarChart.contrast("#111111", "#ffffff") >= 4.5)  // a hatched segment's plate
    }

    @Test func theKeyWrapsEachQuestionsWordingUnderTheLegend() {
        let long = "The trial's design suits its question, and departures from a parallel trial randomising patients are allowed for"
        #expect(StackedBarChart.wrap(long, 78) == ["The trial's design suits its question, and departures from a parallel trial",
                                                   "randomising patients are allowed for"])
        let bars = [StackedBarChart.Bar(label: "Q1", counts: [1, 0, 0, 0], detail: "Who could be included is stated"),
                    StackedBarChart.Bar(label: "Q2", counts: [1, 0, 0, 0], detail: long)]
        let svg = StackedBarChart.svg(title: "Appraisal", categories: Self.answers, bars: bars, id: "rob")
        // Legend at 78 to 100; the key from 106.
        #expect(svg.contains("""
            <g font-size="12" fill="#111111">
            <text x="0" y="118" font-weight="bold">Q1</text>
            <text x="36" y="118">Who could be included is stated</text>
            <text x="0" y="134" font-weight="bold">Q2</text>
            <text x="36" y="134">The trial&#39;s design suits its question, and departures from a parallel trial</text>
            <text x="36" y="150">randomising patients are allowed for</text>
            </g>
            </svg>
            """))
        #expect(svg.contains("height=\"176\" role=\"img\""))
        #expect(svg.contains("<g><title>Q1 (Who could be included is stated): yes 1 (100%) of 1 study</title>"))
        let plain = StackedBarChart.svg(title: "A", categories: Self.answers, bars: [StackedBarChart.Bar(label: "Q1", counts: [1, 0, 0, 0])], id: "rob")
        #expect(!plain.contains("font-size=\"12\""))
    }

    /// The default review's codebook words every question of its three checklists.
    @Test func theDefaultReviewWordsItsChecklists() throws {
        let dataset = try loadDataset(repositoryRoot.appendingPathComponent("data").path)
        let lists = dataset.codebook.appraisal.checklists
        #expect(lists.map(\.questions) == [8, 10, 13])
        #expect(lists.map(\.questionTexts.count) == [8, 10, 13])
        #expect(lists[1].questionTexts[0] == "Who could be included is stated")
    }

    /// A codebook that words one checklist of three: the chart's key and
    /// the table's headings and key show that wording, the others stay Q9….
    @Test func aWordedChecklistReachesTheChartAndTheTable() throws {
        let fixture = try DatasetFixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.path) }
        let texts = ["Age & sex given", "History as a timeline", "Condition at presentation", "Tests and results",
                     "Treatment described", "Condition after treatment", "Harms reported", "Lessons drawn"]
        let codebook = try fixture.read("codebook.yaml")
        let old = "    - {code: jbi_case_report, label: JBI case report, questions: 8}\n"
        #expect(codebook.contains(old))
        let worded = "    - code: jbi_case_report\n      label: JBI case report\n      questions:\n" + texts.map { "        - \($0)\n" }.joined()
        try fixture.write("codebook.yaml", codebook.replacingOccurrences(of: old, with: worded))
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let page = String(decoding: try #require(site.files["risk-of-bias.html"]), as: UTF8.self)
        #expect(page.contains("<th scope=\"col\">Appraisal checklist</th><th scope=\"col\"><abbr title=\"JBI case report: Age &amp; sex given\">Q1</abbr>"
            + "<span class=\"visually-hidden\"> JBI case report: Age &amp; sex given</span></th>"))
        #expect(page.contains("<span class=\"visually-hidden\"> JBI case report: Lessons drawn</span></th><th scope=\"col\">Q9</th>"))
        #expect(page.contains("""
            </tbody>
            </table>
            </div>
            <section class="question-key" aria-labelledby="question-key">
            <h2 id="question-key">The checklists' questions</h2>
            <h3>JBI case report</h3>
            <dl>
            <dt>Q1</dt><dd>Age &amp; sex given</dd>
            <dt>Q2</dt><dd>History as a timeline</dd>
            """))
        #expect(page.contains("<dt>Q8</dt><dd>Lessons drawn</dd>\n</dl>\n</section>\n"))
        let chart = String(decoding: try #require(site.files["charts/appraisal-summary.svg"]), as: UTF8.self)
        // The case reports' panel: 8 bars from 30, the axis to 220, the legend to 254, the key from 260.
        #expect(chart.contains("<text x=\"0\" y=\"272\" font-weight=\"bold\">Q1</text>\n<text x=\"36\" y=\"272\">Age &amp; sex given</text>\n"))
        #expect(chart.contains("<text x=\"36\" y=\"384\">Lessons drawn</text>\n</g>\n"))
        #expect(chart.contains(">Q1</text>\n<rect x=\"160\" y=\"30\""))
        // The unworded checklists keep a plain key-less panel and headings.
        #expect(chart.components(separatedBy: "<g font-size=\"12\"").count == 2)
        let plain = String(decoding: try #require(try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build().files["risk-of-bias.html"]), as: UTF8.self)
        #expect(plain.contains("<th scope=\"col\">Appraisal checklist</th><th scope=\"col\">Q1</th>"))
        #expect(!plain.contains("question-key"))
    }
}
