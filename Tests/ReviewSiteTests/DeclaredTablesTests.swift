import Foundation
import Testing
@testable import ReviewSite

/// A review whose codebook declares its tables: names of its own (cases,
/// lines, harms, ratings), a file named otherwise, and a sixth table
/// (outcomes per case and month) that figures and pages use like the others.
@Suite("Tables declared by the codebook")
struct DeclaredTablesTests {
    static let data = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Fixtures/declared").path

    /// The fixture's templates with the default review's style.css and sort.js, in a fresh folder.
    static func templates() throws -> String {
        try AppraisalToolsTests.templates(data)
    }

    @Test func theCodebookGivesEachTableItsRoleFileAndKey() throws {
        let dataset = try DatasetLoader.load(from: Self.data, figureFields: [:])
        let codebook = dataset.codebook
        #expect(!codebook.firstForm)
        #expect(codebook.tables.map(\.name) == ["studies", "ratings", "cases", "lines", "harms", "outcomes"])
        #expect(codebook.tables.map(\.role) == [.study, .appraisal, .patient, .step, .event, nil])
        #expect(codebook.tables.map(\.fileName) == ["studies.csv", "ratings.csv", "cases.csv", "therapy_lines.csv", "harms.csv", "outcomes.csv"])
        #expect(codebook.tables.map(\.key) == [["study_id"], ["study_id", "domain"], ["case_id"], ["case_id", "line"],
                                               ["case_id", "line", "harm"], ["case_id", "month"]])
        // Key columns are required though the codebook does not say so.
        #expect(codebook.table("outcomes")?.column("month")?.required == true)
        #expect(codebook.table("outcomes")?.column("lesions")?.required == false)
        #expect(dataset.summary == "9 studies, 4 cases, 5 lines of therapy, 3 harms, 8 outcomes")
    }

    @Test func figuresOverEveryTableCompute() throws {
        let templates = try Self.templates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let report = try loadReport(Self.data, templates: templates)
        func values(_ id: String) -> [String: Double] {
            guard let figure = report.figures.first(where: { $0.id == id }) else { return [:] }
            return figure.values.compactMapValues { $0 }
        }
        #expect(values("studies.total")["n"] == 9)
        #expect(values("studies.rob2_high")["n"] == 1)
        #expect(values("studies.nos_good")["n"] == 1)
        #expect(values("studies.level_one")["n"] == 3)
        #expect(values("cases.monotherapy")["n"] == 3)
        #expect(values("cases.harmed")["n"] == 2)
        #expect(values("cases.months") == ["min": 3, "max": 18, "n": 3])
        #expect(values("lines.total")["n"] == 5)
        #expect(values("outcomes.followed_12m")["n"] == 3)
        #expect(values("outcomes.closed_12m")["numerator"] == 2)
        #expect(values("outcomes.closed_12m")["denominator"] == 3)
        #expect(values("outcomes.lesions_12m") == ["median": 1, "min": 0, "max": 3, "n": 3])
        #expect(report.figures.first { $0.id == "outcomes.followed_12m" }?.rows == ["S1-01", "S1-02", "S2-01"])
    }

    @Test func theSiteOffersEveryTableAndShowsTheSixthWithItsCase() throws {
        let templates = try Self.templates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let site = try SiteBuilder(dataPath: Self.data, templatesPath: templates).build()
        for file in ["studies.csv", "ratings.csv", "cases.csv", "therapy_lines.csv", "harms.csv", "outcomes.csv", "codebook.yaml"] {
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.data)/\(file)")))
            #expect(site.files["data/\(file)"] == original, "\(file)")
        }
        #expect(site.files["data/treatments.csv"] == nil)
        let cases = try #require(site["patients.html"])
        #expect(cases.contains("<h1>Cases</h1>"))
        #expect(cases.contains("Individual data of the 4 cases"))
        #expect(cases.contains("<th scope=\"col\">Lines of therapy</th><th scope=\"col\">Harms</th><th scope=\"col\">Outcomes</th>"))
        #expect(cases.contains("Month 12: 1 lesion"))
        let table = try #require(site["table-2.html"])
        // Each treatment's cases through treated_patients, joined by case_id.
        #expect(table.contains("<th scope=\"row\">Intravenous immunoglobulin</th>"))
        #expect(table.components(separatedBy: "<tr").count == 7)
    }

    @Test func theDatabaseHasOneTablePerDeclaredTable() throws {
        let templates = try Self.templates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let report = try loadReport(Self.data, templates: templates)
        let rows = try report.database.database.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name").rows
        let names = rows.map { $0[0].display }
        for name in ["studies", "ratings", "cases", "lines", "harms", "outcomes", "patient_summary", "study_appraisal", "treated_patients", "treatment_steps"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains("treatments") && !names.contains("patients"))
        let summary = try report.database.database.rows("SELECT case_id, steps, treatments, events FROM patient_summary ORDER BY case_id").rows
        #expect(summary.map { $0.map(\.display).joined(separator: "|") } == [
            "S1-01|2|bisphosphonate;warfarin|bleeding;other", "S1-02|1|ivig|", "S2-01|1|surgery|infection", "S3-01|1|probenecid|",
        ])
    }

    @Test func theChangesNameEveryTablesRowsByTheirKey() throws {
        let fixture = try DatasetFixture(from: Self.data)
        defer { fixture.delete() }
        try fixture.write("outcomes.csv", try fixture.read("outcomes.csv").replacingOccurrences(of: "S1-01,6,2,yes", with: "S1-01,6,3,yes") + "S3-01,12,1,no\n")
        try fixture.write("therapy_lines.csv", try fixture.read("therapy_lines.csv").replacingOccurrences(of: "S1-01,2,bisphosphonate,6\n", with: ""))
        try fixture.write("harms.csv", try fixture.read("harms.csv").replacingOccurrences(of: "S1-01,2,other\n", with: ""))
        let changes = DataChanges.between(Self.data, fixture.path)
        #expect(changes.cells == [CellChange(file: "outcomes.csv", key: "S1-01 month 6", column: "lesions", old: "2", new: "3")])
        #expect(changes.rows == [RowChange(file: "therapy_lines.csv", key: "S1-01 line 2", added: false),
                                 RowChange(file: "harms.csv", key: "S1-01 line 2 other", added: false),
                                 RowChange(file: "outcomes.csv", key: "S3-01 month 12", added: true)])
        #expect(changes.patientsAdded.isEmpty && changes.rowsRemovedWith.isEmpty)
    }

    @Test func rowsOfARemovedCaseGoWithIt() throws {
        let fixture = try DatasetFixture(from: Self.data)
        defer { fixture.delete() }
        for file in ["cases.csv", "therapy_lines.csv", "outcomes.csv"] {
            let kept = try fixture.read(file).split(separator: "\n").filter { !$0.hasPrefix("S3-01,") }
            try fixture.write(file, kept.joined(separator: "\n") + "\n")
        }
        let changes = DataChanges.between(Self.data, fixture.path)
        #expect(changes.patientsRemoved == ["S3-01"])
        #expect(changes.rows.isEmpty)
        #expect(changes.rowsRemovedWith == [RowChange(file: "therapy_lines.csv", key: "S3-01 line 1", added: false),
                                            RowChange(file: "outcomes.csv", key: "S3-01 month 0", added: false)])
    }

    /// The ratings table is judged as the tools fixture's risk_of_bias is,
    /// and the Roman-numeral levels get their own column and chart panel.
    @Test func theAppraisalPageShowsEachToolAndTheLevels() throws {
        let templates = try Self.templates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let site = try SiteBuilder(dataPath: Self.data, templatesPath: templates).build()
        let page = try #require(site["risk-of-bias.html"])
        let row = { (id: String) in page.components(separatedBy: "\n").first { $0.contains("\">\(id)</th>") } ?? "" }
        // No declared table lists the studies: a study is named, not linked to a page that is not there.
        #expect(row("S2").hasPrefix("<tr><th scope=\"row\" data-sort=\"1\">S2</th>"))
        #expect(!page.contains("table-1.html"))
        #expect(row("S2").hasSuffix("<td class=\"overall overall-high\" style=\"background:#b2182b;color:#ffffff\" data-sort=\"2\">high</td><td data-sort=\"0\">I: systematic review or trial</td></tr>"))
        #expect(row("S4").hasSuffix("<td class=\"overall overall-good\" style=\"background:#0b5d3b;color:#ffffff\" data-sort=\"0\">good</td><td data-sort=\"1\">II: cohort study</td></tr>"))
        #expect(row("S9").hasSuffix("<td class=\"overall overall-moderate\" style=\"background:#f0e442;color:#111111\" data-sort=\"1\">moderate</td><td data-sort=\"4\">V: case report or opinion</td></tr>"))
        let report = try loadReport(Self.data, templates: templates)
        let panels = AppraisalChart.panels(codebook: report.codebook, tables: report.tables)
        let levels = try #require(panels.last)
        // A bar per level, I to V: its studies against the others.
        #expect(levels.categories.map(\.label) == ["studies at this level", "other studies"])
        #expect(levels.bars.map(\.counts) == [[3, 6], [3, 6], [0, 9], [0, 9], [3, 6]])
        #expect(levels.bars.map(\.label).first?.hasPrefix("I") == true)
    }
}
