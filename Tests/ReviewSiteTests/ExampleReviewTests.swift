import Foundation
import Testing
@testable import ReviewSite

/// The example review in examples/traineau-2019 (constructed rows after
/// Traineau et al. 2019): its own codebook, figures, tables, charts and
/// pages, read by the same program as the default review.
@Suite("The example review (examples/traineau-2019)")
struct ExampleReviewTests {
    static let folder = repositoryRoot.appendingPathComponent("examples/traineau-2019").path
    static let data = folder + "/data"
    static let templates = folder + "/templates"
    static let report = Result { try Report.load(from: data, figures: FigureFile.path(inTemplates: templates)) }

    /// `check` matches every number the abstract states (published.yaml).
    @Test func checkMatchesTheAbstract() throws {
        let check = try runReviewSite(["check", "--data", "examples/traineau-2019/data", "--templates", "examples/traineau-2019/templates"], in: repositoryRoot)
        #expect(check.standardError == "")
        #expect(check.status == 0)
        #expect(check.standardOutput == """
            examples/traineau-2019/data/ is valid: 30 studies, 288 patients, 332 treatment steps, 54 adverse events.
            83 figures computed; all 12 that the article printed match it.

            """)
    }

    @Test func theKeyFiguresAreTheAbstracts() throws {
        let result = try runReviewSite(["figures", "--data", Self.data, "--templates", Self.templates])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let figures = try #require(json["figures"] as? [[String: Any]])
        func n(_ id: String) -> Int? { figures.first { $0["id"] as? String == id }?["n"] as? Int }
        #expect(n("studies.included") == 30)
        #expect(n("patients.total") == 288)
        #expect(n("treatments.classes") == 11)
        #expect(n("treatments.options") == 13)
        #expect(n("studies.warfarin") == 5)
        #expect(n("studies.warfarin.rct") == 1)
        #expect(n("studies.warfarin.retrospective") == 4)
        #expect(n("studies.warfarin.level_1b") == 1)
        for treatment in ["diltiazem", "bisphosphonates", "rituximab", "tnf_inhibitors", "il_sts"] {
            #expect(n("studies.\(treatment).above_4") == 0, "\(treatment)")
            #expect((n("studies.\(treatment)") ?? 0) > 0, "\(treatment)")
        }
        // Every patient is in one of the three diagnoses.
        #expect([n("patients.diagnosis.ssc"), n("patients.diagnosis.dm"), n("patients.diagnosis.jdm")].compactMap { $0 }.reduce(0, +) == 288)
        let warfarin = try #require(figures.first { $0["id"] as? String == "studies.warfarin" })
        #expect(warfarin["rows"] as? [String] == ["T01", "T03", "T04", "T05", "T06"])
    }

    /// The database agrees with the figures without going through them.
    @Test func theRowsHoldWhatTheFiguresSay() throws {
        let report = try Self.report.get()
        let database = report.database.database
        let classes = try database.rows("SELECT count(DISTINCT treatment) FROM treatments WHERE treatment NOT IN ('surgery', 'physical')").rows
        #expect(classes.first?.first?.display == "11")
        let levels = try database.rows("""
            SELECT s.level, count(*) FROM study_appraisal AS s GROUP BY s.level ORDER BY s.level
            """).rows.map { $0.map(\.display) }
        #expect(levels == [["1b", "1"], ["2b", "1"], ["4", "28"]])
        #expect(report.codebook.appraisal.levels.map(\.code) == ["1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b", "4", "5"])
        #expect(report.codebook.appraisal.checklists.isEmpty)
        #expect(report.table("risk_of_bias") == nil)
    }

    /// Table 2: one row per treatment, with the level of evidence the
    /// abstract gives (warfarin 1b; the others it names 4).
    @Test func tableTwoGivesEachTreatmentItsLevel() throws {
        let tables = try Self.report.get().declaredTables(Self.templates + "/tables.yaml").get()
        #expect(tables.map(\.id) == ["table-1", "table-2"])
        let table1 = tables[0], table2 = tables[1]
        #expect(table1.result.rows.count == 30)
        #expect(table1.caption == "Characteristics of the 30 included studies (constructed rows)")
        let rows = Dictionary(table2.result.rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(table2.result.rows.filter { !$0.subgroup }.count == 13)
        #expect(table2.result.rows.filter(\.subgroup).map(\.key) == ["sts:intralesional", "sts:topical", "sts:intravenous", "physical:eswl", "physical:co2_laser"])
        let level = try #require(table2.headings.firstIndex(of: "Level of evidence"))
        let patients = try #require(table2.headings.firstIndex(of: "Patients (studies)"))
        let warfarin = try #require(rows["vka"])
        #expect(warfarin.cells[0].text == "Low-dose warfarin")
        #expect(warfarin.cells[patients].text == "39 (5)")
        #expect(warfarin.cells[level].text == "**1b**\n1b: 1 study; 4: 4 studies")
        for key in ["ccb", "bisphosphonate", "anti_cd20", "tnf_inhibitor", "sts:intralesional"] {
            #expect(try #require(rows[key]).cells[level].text.hasPrefix("**4**\n4: "), "\(key)")
        }
        let responded = try #require(table2.headings.firstIndex(of: "Responded"))
        #expect(warfarin.cells[responded].text == "6/39 (15%)")
        #expect(warfarin.cells[responded].link == "warfarin.response")
        #expect(rows["sts:topical"]?.cells[responded].link == nil)
        let markdown = String(decoding: table2.markdown, as: UTF8.self)
        #expect(markdown.contains("| Treatment | Patients (studies) | Agents and regimen | Response | Responded | Adverse events (patients) | Level of evidence |"))
    }

    @Test func itsChartsAreDrawn() throws {
        let report = try Self.report.get()
        let (file, errors) = ChartFile.read(ChartFile.path(inTemplates: Self.templates), catalogue: report.catalogue)
        #expect(errors.isEmpty)
        #expect(file.ids == ["level-of-evidence", "response-by-treatment"])
        let charts = ChartSet(file, report: report)
        let levels = try #require(charts.chart("level-of-evidence"))
        #expect(levels.isAppraisal)
        #expect(levels.svg.contains("Level of evidence (30 studies)"))
        #expect(levels.svg.contains("1b randomised trial") && levels.svg.contains("4 series/weak cohort"))
        let response = try #require(charts.chart("response-by-treatment")).svg
        #expect(response.contains("6/39") && response.contains("figures.html#warfarin.response"))
    }

    /// The pages fill from its figures, and each says the rows are constructed.
    @Test(arguments: ["abstract.md", "methods.md", "results.md"])
    func itsPagesFill(_ page: String) throws {
        let report = try Self.report.get()
        let charts = ChartFile.read(ChartFile.path(inTemplates: Self.templates), catalogue: report.catalogue).file.ids
        let template = try String(contentsOfFile: "\(Self.templates)/\(page)", encoding: .utf8)
        let filled = try TemplateFiller(figures: report.figures, review: report.review, charts: charts).fill(template, file: page).get()
        #expect(filled.contains("onstructed"))
        #expect(!filled.contains("{{") || filled.contains("{{chart "))
        if page == "abstract.md" {
            #expect(filled.contains("[30](figures.html#studies.included) studies with [288](figures.html#patients.total) patients"))
        }
    }

    @Test func provenanceSaysTheRowsAreConstructed() throws {
        let report = try Self.report.get()
        #expect(report.review.provenance.hasPrefix("Constructed illustration, not the review's data."))
        let readme = try String(contentsOfFile: Self.folder + "/README.md", encoding: .utf8)
        #expect(readme.contains("constructed"))
    }

    /// The committed rows are exactly what make_data.py writes.
    @Test func theRowsAreRegeneratedByteForByte() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-example-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.copyItem(atPath: Self.folder + "/make_data.py", toPath: scratch + "/make_data.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scratch + "/make_data.py"]
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for file in ["studies.csv", "patients.csv", "treatments.csv", "adverse_events.csv"] {
            let made = FileManager.default.contents(atPath: "\(scratch)/data/\(file)")
            #expect(made != nil && made == FileManager.default.contents(atPath: "\(Self.data)/\(file)"), "\(file)")
        }
    }

    /// `make example` keeps examples/traineau-2019/site/ what a build makes
    /// of the folder, and every page says where its rows come from.
    @Test func itsCommittedSiteIsWhatABuildMakes() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-example-site-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let build = try runReviewSite(["build", "--data", Self.data, "--templates", Self.templates, "--out", out])
        #expect(build.standardError == "")
        #expect(build.status == 0)
        let built = try Scratch.snapshot(out), committed = try Scratch.snapshot(Self.folder + "/site")
        #expect(built.keys.sorted() == committed.keys.sorted(), "run make example and commit examples/traineau-2019/site")
        // Bytes, not text: data/review.sqlite is binary.
        for file in built.keys where built[file]?.hasPrefix("file ") == true
            && FileManager.default.contents(atPath: "\(out)/\(file)") != FileManager.default.contents(atPath: "\(Self.folder)/site/\(file)") {
            Issue.record("examples/traineau-2019/site/\(file) is not what the build makes: run make example")
        }
        let pages = built.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 8)
        for page in pages {
            #expect(built[page]?.contains("Constructed illustration, not the review&#39;s data.") == true
                    || built[page]?.contains("Constructed illustration, not the review's data.") == true, "\(page)")
        }
        let table2 = try #require(built["table-2.html"])
        #expect(table2.contains("<strong>1b</strong>") && table2.contains("Low-dose warfarin"))
        #expect(try #require(built["results.html"]).contains("<svg"))
    }

    /// The engine knows no review: nothing under Sources/ names the example.
    @Test func theProgramDoesNotKnowTheExample() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources").path
        let files = try #require(FileManager.default.enumerator(atPath: sources)?.allObjects as? [String]).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: "\(sources)/\(file)", encoding: .utf8).lowercased()
            #expect(!text.contains("traineau") && !text.contains("examples/"), "\(file)")
        }
    }
}
