import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReviewSite

/// A review appraised with three tools (Fixtures/tools): RoB 2 by its worst
/// domain, Newcastle-Ottawa by its star total and a JBI checklist by the
/// share of yes, each in its own words and colours in the database, the
/// appraisal page and the chart. The same studies in a codebook of the
/// declared form (Fixtures/declared: the answers in a table named ratings,
/// keyed by domain) are judged alike (DeclaredTablesTests: their page).
@Suite("Appraisal tools declare themselves")
struct AppraisalToolsTests {
    static let data = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Fixtures/tools").path
    static let fixtures = [data, DeclaredTablesTests.data]

    /// The fixture's templates with the default review's style.css and sort.js, in a fresh folder.
    static func templates(_ data: String = data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-tools-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: data + "-templates", toPath: folder)
        for asset in ["style.css", "sort.js"] {
            try FileManager.default.copyItem(atPath: "\(defaultTemplatesPath)/\(asset)", toPath: "\(folder)/\(asset)")
        }
        return folder
    }

    static func site(_ data: String = data) throws -> SiteFiles {
        let templates = try templates(data)
        defer { try? FileManager.default.removeItem(atPath: templates) }
        return try SiteBuilder(dataPath: data, templatesPath: templates).build()
    }

    @Test(arguments: fixtures)
    func eachStudyIsJudgedByItsToolsRule(_ data: String) throws {
        let templates = try Self.templates(data)
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let report = try loadReport(data, templates: templates)
        let rows = try report.database.database.rows("SELECT study_id, checklist, met, applicable, risk_of_bias FROM study_appraisal ORDER BY study_id").rows
        #expect(rows.map { $0.map(\.display).joined(separator: " ") } == [
            "S1 rob2 5 5 low",             // every domain low
            "S2 rob2 3 5 high",            // one domain high
            "S3 rob2 3 5 some_concerns",   // some concerns, none high
            "S4 nos 7 8 good",             // 7 stars: from 7
            "S5 nos 5 8 fair",             // 5 stars: neither
            "S6 nos 4 8 poor",             // 4 stars: below 5
            "S7 jbi_case_report 7 8 low",       // 88 % yes
            "S8 jbi_case_report 3 7 high",      // 43 %, not applicable left out
            "S9 jbi_case_report 5 7 moderate",  // 71 %
        ])
        // A score rule's points, for figures over them.
        let scores = try report.database.database.rows("SELECT study_id, score FROM study_appraisal WHERE score IS NOT NULL ORDER BY study_id").rows
        #expect(scores.map { $0.map(\.display).joined(separator: " ") } == ["S4 7", "S5 5", "S6 4"])
        // The figures count by each tool's own judgements.
        let figures = Dictionary(uniqueKeysWithValues: report.figures.map { ($0.id, $0["n"]) })
        #expect(figures["studies.rob2_high"] == 1 && figures["studies.nos_good"] == 1 && figures["studies.total"] == 9)
    }

    @Test func thePageSaysEachRuleInItsToolsWordsAndColours() throws {
        let page = try #require(try Self.site()["risk-of-bias.html"])
        #expect(page.contains("""
            <p>The overall judgement, by checklist:</p>
            <ul class="rules">
            <li>RoB 2: the worst of its answers: high when any answer is <em>high</em>, low when all are <em>low</em>, some concerns otherwise.</li>
            <li>Newcastle-Ottawa: the number of <em>star</em> answers: good from 7, poor below 5, fair otherwise.</li>
            <li>JBI case report: the share of <em>yes</em> among the applicable answers: low above 75%, high below 50%, moderate otherwise.</li>
            </ul>
            <ul class="legend">
            <li><strong>RoB 2:</strong></li>
            <li><span class="rob rob-low" style="background:#0b5d3b;color:#ffffff">+</span> low</li>
            <li><span class="rob rob-some_concerns" style="background:#f0e442;color:#111111">!</span> some concerns</li>
            <li><span class="rob rob-high" style="background:#b2182b;color:#ffffff">x</span> high</li>
            </ul>
            <ul class="legend">
            <li><strong>Newcastle-Ottawa:</strong></li>
            <li><span class="rob rob-star" style="background:#0b5d3b;color:#ffffff">*</span> star</li>
            <li><span class="rob rob-no_star" style="background:#56b4e9;color:#111111">-</span> no star</li>
            </ul>
            """))
        // The Word file's key names each checklist before its answers.
        let word = try #require(PrintAppraisal.markdown(page: page, heading: "Appraisal"))
        #expect(word.contains("Key: RoB 2: ") && word.contains("; Newcastle-Ottawa: ") && !word.contains(":;"))
        #expect(page.contains("<th scope=\"col\">Worst answers / Score / Yes</th><th scope=\"col\">Overall</th></tr>"))
        let row = { (id: String) in page.components(separatedBy: "\n").first { $0.contains("\">\(id)</th>") } ?? "" }
        #expect(row("S2").hasSuffix("<td class=\"rob rob-high\" style=\"background:#b2182b;color:#ffffff\"><abbr title=\"high\">x</abbr></td><td class=\"rob rob-low\" style=\"background:#0b5d3b;color:#ffffff\"><abbr title=\"low\">+</abbr></td>"
            + String(repeating: "<td class=\"rob rob-none\"><span class=\"visually-hidden\">not in this checklist</span></td>", count: 3)
            + "<td class=\"num\" data-sort=\"1\">1 of 5 high</td><td class=\"overall overall-high\" style=\"background:#b2182b;color:#ffffff\" data-sort=\"2\">high</td></tr>"))
        #expect(row("S3").hasSuffix("<td class=\"num\" data-sort=\"2\">2 of 5 some concerns</td><td class=\"overall overall-some_concerns\" style=\"background:#f0e442;color:#111111\" data-sort=\"1\">some concerns</td></tr>"))
        #expect(row("S4").hasSuffix("<td class=\"rob rob-no_star\" style=\"background:#56b4e9;color:#111111\"><abbr title=\"no star\">-</abbr></td><td class=\"num\" data-sort=\"7\">7</td><td class=\"overall overall-good\" style=\"background:#0b5d3b;color:#ffffff\" data-sort=\"0\">good</td></tr>"))
        #expect(row("S6").hasSuffix("<td class=\"num\" data-sort=\"4\">4</td><td class=\"overall overall-poor\" style=\"background:#d55e00;color:#111111\" data-sort=\"2\">poor</td></tr>"))
        #expect(row("S9").hasSuffix("<td class=\"rob rob-not_applicable\" style=\"background:#ffffff;color:#111111;box-shadow:inset 0 0 0 1px #555555\"><abbr title=\"not applicable\">NA</abbr></td>"
            + "<td class=\"num\" data-sort=\"71\">5/7 (71%)</td><td class=\"overall overall-moderate\" style=\"background:#f0e442;color:#111111\" data-sort=\"1\">moderate</td></tr>"))
    }

    @Test func theChartColoursAnswersAndJudgementsAsTheTableDoes() throws {
        let data = Self.data
        let templates = try Self.templates(data)
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let report = try loadReport(data, templates: templates)
        let panels = AppraisalChart.panels(codebook: report.codebook, tables: report.tables)
        let described = panels.map { panel in
            "\(panel.heading ?? ""): " + panel.categories.map { "\($0.label) \($0.fill)\($0.hatched ? " hatched" : "")" }.joined(separator: ", ")
        }
        #expect(described == [
            "RoB 2 (3 studies): low #0b5d3b, some concerns #f0e442, high #b2182b",
            "Newcastle-Ottawa (3 studies): star #0b5d3b, no star #56b4e9",
            "JBI case report (3 studies): yes #0b5d3b, no #d55e00, unclear #f0e442, not applicable #ffffff hatched",
            "Overall judgement: RoB 2: low risk #0b5d3b, some concerns #f0e442, high risk #b2182b",
            "Overall judgement: Newcastle-Ottawa: good quality #0b5d3b, fair quality #f0e442, poor quality #d55e00",
            "Overall judgement: JBI case report: low risk #0b5d3b, moderate risk #f0e442, high risk #d55e00",
        ])
        #expect(panels[3...].map { $0.bars.map(\.counts) } == [[[1, 1, 1]], [[1, 1, 1]], [[1, 1, 1]]])
        // RoB 2's Q4: two low, one high, in the high answer's colour.
        #expect(panels[0].bars[3].counts == [2, 0, 1])
        // The same fill for the same answer in the page's cells and the chart's categories.
        let page = try #require(try Self.site(data)["risk-of-bias.html"])
        for list in report.codebook.appraisal.checklists {
            for (answer, fill) in zip(list.answers, AppraisalColours.answers(list)) {
                #expect(page.contains("<td class=\"rob rob-\(answer.code)\" style=\"background:\(fill);"), "\(list.code) \(answer.code)")
            }
        }
        let svg = try #require(try Self.site(data)["charts/appraisal.svg"])
        #expect(svg.contains("fill=\"#b2182b\"") && svg.contains("fill=\"#56b4e9\""))
        _ = try XMLDocument(xmlString: svg)
    }

    /// Answers a worst rule maps to no judgement do not count; with none
    /// counted, or none applicable to a share, the worst judgement.
    @Test func edgesOfTheRules() {
        let answers = [Codebook.Code(code: "low", met: true), Codebook.Code(code: "high"), Codebook.Code(code: "no_information"),
                       Codebook.Code(code: "na", applicable: false)]
        var list = Codebook.Checklist(code: "c", label: "C", questions: 3, questionTexts: [], answers: answers,
                                      overall: .worst(["low": "low", "high": "high"]), line: 1, column: 1)
        #expect(list.verdict(["low", "no_information", "low"]) == .init(judgement: 0, met: 2, applicable: 3, judged: 2, atJudgement: 2))
        #expect(list.verdict(["no_information"]).judgement == 2)
        #expect(list.verdict(["low", "high", "unknown"]) == .init(judgement: 2, met: 1, applicable: 2, judged: 2, atJudgement: 1))
        list.overall = .score(points: ["low": 1.5, "high": 0.5], lowFrom: 3, highBelow: 1)
        #expect(list.verdict(["low", "low"]).judgement == 0 && list.verdict(["low", "low"]).score == 3)
        #expect(list.verdict(["low", "high"]).judgement == 1)
        #expect(list.verdict(["high"]).judgement == 2)
        list.overall = .share(lowAbove: 75, highBelow: 50)
        #expect(list.verdict(["na", "na"]) == .init(judgement: 2, met: 0, applicable: 0))
    }
}
