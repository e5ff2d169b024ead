import Foundation
import Testing
@testable import ReviewSite

/// Links as RowLinks makes them, for tables without the default review's facts.
struct PlainLinks: RowLinking {
    func patient(_ id: String, into html: inout HTMLBytes) { html.raw("<a href=\"patients.html#\(Escape.fragment(id))\">\(Escape.html(id))</a>") }
    func study(_ id: String, into html: inout HTMLBytes) { html.raw("<a href=\"table-1.html#\(Escape.fragment(id))\">\(Escape.html(id))</a>") }
    func studyOrder(_ ids: [String]) -> [Int] { Array(ids.indices) }
}

@Suite("The appraisal and patients pages follow the codebook")
struct GenericPagesTests {
    static let appraisal = SitePage(kind: .builtin(.appraisal), title: "Evidence", heading: "Levels of evidence", file: "risk-of-bias.html",
                                    position: TextPosition(line: 1, column: 1))

    @Test func levelsWithoutChecklistsMakeAColumnOfLevels() throws {
        let dataset = try loadDataset(systemicDataPath)
        let table = try #require(AppraisalTable(dataset.tables, dataset.codebook, links: PlainLinks(), page: Self.appraisal))
        #expect(table.checklist == nil)
        let html = table.page(0).content
        #expect(html.contains("<h1>Levels of evidence</h1>\n<p>Each study was given a level of evidence, the strongest first: systematic review of randomised trials, individual randomised trial,"))
        #expect(!html.contains("Overall risk"))
        #expect(!html.contains("class=\"legend\""))
        #expect(html.contains("<caption>Levels of evidence of the 3 studies</caption>"))
        #expect(html.contains("<tr><th scope=\"col\">Study</th><th scope=\"col\">Level of evidence</th></tr>"))
        #expect(html.contains("<tr><th scope=\"row\" data-sort=\"0\"><a href=\"table-1.html#S1\">S1</a></th><td data-sort=\"4\">2b: individual cohort study or low-quality randomised trial</td></tr>"))
        #expect(html.contains("<td data-sort=\"1\">1b: individual randomised trial</td>"))
        #expect(!html.contains("Q1"))
    }

    @Test func checklistsMakeTrafficLightsWithTheCodebooksWords() throws {
        let report = try loadReport(defaultDataPath)
        var page = Self.appraisal
        page.intro = nil
        let table = try #require(AppraisalTable(report.tables, report.codebook, links: PlainLinks(), page: page))
        let html = table.page(0).content
        #expect(html.contains("<p>Each study was appraised with a checklist: JBI case report (8 questions), JBI case series (10 questions) and JBI RCT (13 questions).</p>\n<p>Overall risk is the share of <em>yes</em> among the applicable answers: low above 75%, high below 50%, moderate otherwise.</p>"))
        #expect(html.contains("<li><span class=\"rob rob-not_applicable\" style=\"background:#ffffff;color:#111111;box-shadow:inset 0 0 0 1px #555555\">NA</span> not applicable</li>"))
        #expect(html.contains("<th scope=\"col\">Appraisal checklist</th><th scope=\"col\">Q1</th>"))
        #expect(html.contains("<th scope=\"col\">Q13</th><th scope=\"col\">Yes</th><th scope=\"col\">Overall</th></tr>"))
        // Every study's overall risk agrees with the facts the figures count.
        let appraisals = try report.database.database.rows("SELECT study_id, risk_of_bias, met, applicable FROM study_appraisal").rows
        #expect(appraisals.count == 40)
        for appraisal in appraisals {
            let (id, risk) = (appraisal[0].display, appraisal[1].display)
            let row = try #require(html.components(separatedBy: "\n").first { $0.contains("#\(id)\">\(id)</a>") })
            #expect(row.contains("<td class=\"overall overall-\(risk)\""), "\(id)")
            #expect(row.contains(">\(appraisal[2].display)/\(appraisal[3].display) ("), "\(id)")
        }
    }

    @Test func theOverallRuleFollowsTheCodebooksThresholds() {
        let list = Codebook.Checklist(code: "c", label: "C", questions: 10, questionTexts: [],
                                      answers: [Codebook.Code(code: "yes", met: true), Codebook.Code(code: "no")],
                                      overall: Codebook.OverallRule(lowAbove: 60, highBelow: 20), line: 1, column: 1)
        func risk(_ met: Int, _ applicable: Int) -> String {
            list.judgements[list.verdict(Array(repeating: "yes", count: met) + Array(repeating: "no", count: applicable - met)).judgement].code
        }
        #expect(risk(7, 10) == "low")
        #expect(risk(6, 10) == "moderate")
        #expect(risk(2, 10) == "moderate")
        #expect(risk(1, 10) == "high")
        #expect(risk(0, 0) == "high")
    }

    @Test func anotherReviewsPatientsHaveItsColumnsLabelsAndUnits() throws {
        let dataset = try loadDataset(systemicDataPath)
        let table = try #require(PatientTable(dataset.tables, dataset.codebook, links: PlainLinks(), page: SitePage(unlisted: .patients)))
        let html = table.page(0).content
        #expect(html.contains("<tr><th scope=\"col\">Patient</th><th scope=\"col\">Study</th><th scope=\"col\">Age, years</th><th scope=\"col\">Diagnosis</th><th scope=\"col\">Sites</th><th scope=\"col\">Response</th><th scope=\"col\">Ulcer healed</th><th scope=\"col\">Treatments</th><th scope=\"col\">Adverse events</th></tr>"))
        #expect(html.contains("<tr id=\"S1-01\"><th scope=\"row\">S1-01</th><td><a href=\"table-1.html#S1\">S1</a></td><td class=\"num\">54</td><td>systemic sclerosis</td><td>fingers, hand</td><td>partial</td><td>yes</td><td class=\"wide\">Step 1: Warfarin, 2 mg/day, 12 months<br>Step 2: Bisphosphonates, alendronate, 70 mg/week, 6 months</td><td class=\"wide\">Step 1: bleeding</td></tr>"))
        #expect(html.contains("<td class=\"wide\">Step 1: IVIG, 3 months</td>"))
        #expect(html.contains("<td class=\"wide\">Step 1: Surgery, excision, 2.5 cm</td>"))
        #expect(html.contains("<caption>Individual data of the 4 patients</caption>"))
    }

    @Test func theDefaultPatientsPageHasEveryCodebookColumn() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let html = try #require(site["patients.html"])
        let report = try loadReport(defaultDataPath)
        let labels = report.codebook.table("patients")!.allColumns.map { column in column.unit.map { "\(column.label), \($0)" } ?? column.label }
        #expect(html.contains("<tr>" + labels.map { "<th scope=\"col\">\(Escape.html($0))</th>" }.joined() + "<th scope=\"col\">Treatments</th><th scope=\"col\">Adverse events</th></tr>"))
        #expect(html.contains("<td class=\"wide\">Step 1: IL-STS, 150 mg/ml, 9.27 mg, 3 sessions, intradermal</td>"))
        #expect(html.components(separatedBy: "<tr id=").count - 1 == report.table("patients")!.count)
    }
}

@Suite("An appraisal with checklists and levels")
struct BothAppraisalsTests {
    @Test func checklistsAndLevelsAreBothShown() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        var codebook = try fixture.read("codebook.yaml")
        codebook = codebook.replacingOccurrences(of: "      - {column: source_note, type: text, label: Source}\n",
                                                 with: "      - {column: source_note, type: text, label: Source}\n    extra:\n      - {column: evidence, type: level, label: Level of evidence}\n")
        codebook = codebook.replacingOccurrences(of: "questions: 13}\n", with: "questions: 13}\n  levels:\n    - {code: \"1\", label: trial}\n    - {code: \"2\", label: <series>}\n")
        try fixture.write("codebook.yaml", codebook)
        let studies = try fixture.read("studies.csv").components(separatedBy: "\n").enumerated().map { index, line in
            line.isEmpty ? line : line + (index == 0 ? ",evidence" : index == 1 ? ",2" : ",")
        }
        try fixture.write("studies.csv", studies.joined(separator: "\n"))
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let page = try #require(site["risk-of-bias.html"])
        #expect(page.contains("<caption>Answers to the appraisal checklists and overall risk of bias, and levels of evidence of the 40 studies</caption>"))
        #expect(page.contains("<th scope=\"col\">Overall</th><th scope=\"col\">Level of evidence</th></tr>"))
        #expect(page.contains("<td data-sort=\"1\">2: &lt;series&gt;</td></tr>"))
        #expect(page.contains("<td data-sort=\"-1\">–</td></tr>"))
        #expect(page.contains("<li><span class=\"rob rob-yes\" style=\"background:#0b5d3b;color:#ffffff\">Y</span> yes</li>"))
    }
}
