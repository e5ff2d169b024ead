import Foundation
import Testing
@testable import ReviewSite

/// Before/after dataset pairs: the base is the default data, the head a
/// fixture edited the way a data update would.
@Suite("reviewsite diff")
struct ReportDiffTests {
    func diff(_ change: (DatasetFixture) throws -> Void) throws -> ReportDiff {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try change(fixture)
        return try ReportDiff.compare(base: defaultDataPath, head: fixture.path, dataFolder: defaultDataPath, templatesPath: templatesPath)
    }

    /// A new case series of six IL-STS patients (one complete, four partial, one none).
    static func addStudy(_ fixture: DatasetFixture) throws {
        try fixture.append("studies.csv", "R99,99,Example,2022,,case_series,article,en,no,jbi_case_series,added in an update\n")
        try fixture.append("risk_of_bias.csv", (1...10).map { "R99,\($0),yes\n" }.joined())
        for index in 1...6 {
            let response = index == 1 ? "complete" : index == 6 ? "none" : "partial"
            try fixture.append("patients.csv", "R99-0\(index),R99,5\(index),f,ssc,,dystrophic,,fingers,1,,,,,,\(response),,,,6,no,\n")
            try fixture.append("treatments.csv", "R99-0\(index),1,il_sts,,150,300,3,,,,,\n")
        }
        try fixture.edit("prisma.yaml", line: 20, "records_identified: 10", "records_identified: 11")
        try fixture.edit("prisma.yaml", line: 27, "40", "41")
        try fixture.edit("prisma.yaml", line: 28, "40", "41")
    }

    @Test func aStudyOfSixILSTSPatientsAdded() throws {
        let diff = try diff(Self.addStudy)
        #expect(diff.data.studiesAdded == ["R99"])
        #expect(diff.data.patientsAdded == ["R99-01", "R99-02", "R99-03", "R99-04", "R99-05", "R99-06"])
        #expect(diff.data.rows.isEmpty)
        #expect(diff.figures.map(\.id) == [
            "prisma.records_other_methods", "studies.included", "studies.design.case_series", "rob.low", "patients.total",
            "patients.age", "patients.sex.female", "patients.diagnosis.ssc", "il_sts.concentration.150", "il_sts.dose_mg",
            "outcome.il_sts.response", "outcome.il_sts.complete", "adverse.il_sts.infection", "adverse.il_sts.injection_pain",
            "recurrence.total", "lesion.complete_max_cm",
        ])
        #expect(diff.figures.first { $0.id == "outcome.il_sts.response" } == FigureChange(id: "outcome.il_sts.response", old: "74% (39/53)", new: "75% (44/59)"))
        #expect(diff.figures.first { $0.id == "patients.total" } == FigureChange(id: "patients.total", old: "136", new: "142"))
        #expect(diff.nowDiffer.map(\.id).contains("outcome.il_sts.response"))
        #expect(diff.noLongerDiffer.isEmpty)
        #expect(diff.sentences.contains { $0.marked == "Pain during IL-STS injection was transient and affected [-11% (6/53)-] {+10% (6/59)+} of patients." && $0.page == "results.html" })
        // The abstract's sentences change too: every text page is compared.
        #expect(diff.sentences.contains { $0.page == "index.html" && $0.marked.hasPrefix("We included [-40-] {+41+} studies describing [-136-] {+142+} patients.") })
        #expect(diff.tableCells.contains(TableCellChange(table: "Table 2", row: "Intralesional STS", column: "Responded", old: "39/53 (74%)", new: "44/59 (75%)")))
        #expect(diff.summary == "16 figures changed, 16 sentences, 5 table cells, 13 figures now differ from the article, 1 study added, 6 patients added, 3 data cells changed")
    }

    @Test func aStudyRemoved() throws {
        let diff = try diff { fixture in
            try fixture.write("studies.csv", try fixture.read("studies.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R11,") }.joined(separator: "\n"))
            try fixture.write("risk_of_bias.csv", try fixture.read("risk_of_bias.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R11,") }.joined(separator: "\n"))
            try fixture.write("patients.csv", try fixture.read("patients.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R11-01,") }.joined(separator: "\n"))
            try fixture.write("treatments.csv", try fixture.read("treatments.csv").components(separatedBy: "\n").filter { !$0.hasPrefix("R11-01,") }.joined(separator: "\n"))
            try fixture.edit("prisma.yaml", line: 14, "230", "231")
            try fixture.edit("prisma.yaml", line: 27, "40", "39")
        }
        #expect(diff.data.studiesRemoved == ["R11"])
        #expect(diff.data.patientsRemoved == ["R11-01"])
        #expect(diff.data.rows.isEmpty)
        #expect(diff.figures.first { $0.id == "outcome.eswl.response" } == FigureChange(id: "outcome.eswl.response", old: "64% (7/11)", new: "60% (6/10)"))
        #expect(diff.figures.first { $0.id == "studies.included" } == FigureChange(id: "studies.included", old: "40", new: "39"))
        #expect(diff.tableCells.contains { $0.table == "Table 1" && $0.column == "(row removed)" && $0.row.hasPrefix("Ref. 11") })
    }

    @Test func anOutcomeChangedFromPartialToNone() throws {
        let diff = try diff { try $0.edit("patients.csv", line: 4, ",partial,", ",none,") }
        #expect(diff.data.cells == [CellChange(file: "patients.csv", key: "R4-03", column: "response", old: "partial", new: "none")])
        #expect(diff.figures == [FigureChange(id: "outcome.il_sts.response", old: "74% (39/53)", new: "72% (38/53)")])
        #expect(diff.sentences.map(\.marked) == [
            "Calcinosis regressed in part or completely in 81% (39/48) of the patients treated with top-STS, [-74% (39/53)-] {+72% (38/53)+} of those given IL-STS, 64% (7/11) after ESWL and 71% (15/21) after laser.",
        ])
        #expect(diff.nowDiffer.map(\.description) == ["outcome.il_sts.response: printed 74% (39/53), computed 72% (38/53)"])
        #expect(diff.summary == "1 figure changed, 1 sentence, 3 table cells, 1 figure now differs from the article, 1 data cell changed")
    }

    @Test func aPatientMovedBetweenModalities() throws {
        let diff = try diff { try $0.edit("treatments.csv", line: 2, "R4-01,1,il_sts,,250,250,4,", "R4-01,1,laser,co2,,,1,") }
        #expect(diff.data.cells.map { "\($0.key) \($0.column ?? ""): \($0.old) → \($0.new)" } == [
            "R4-01 step 1 modality: il_sts → laser", "R4-01 step 1 variant:  → co2", "R4-01 step 1 concentration: 250 → ",
            "R4-01 step 1 dose_mg: 250 → ", "R4-01 step 1 sessions: 4 → 1",
        ])
        let ids = diff.figures.map(\.id)
        #expect(ids.contains("outcome.il_sts.response") && ids.contains("outcome.laser.response") && ids.contains("adverse.co2.infection"))
        #expect(!ids.contains("patients.total") && !ids.contains("outcome.top_sts.response"))
        #expect(diff.figures.first { $0.id == "outcome.laser.response" } == FigureChange(id: "outcome.laser.response", old: "71% (15/21)", new: "73% (16/22)"))
    }

    @Test func aTypoFixedInAFreeTextCellChangesNoFigure() throws {
        let diff = try diff { try $0.edit("patients.csv", line: 2, "limited cutaneous SSc", "limited cutaneous systemic sclerosis") }
        #expect(diff.data.cells == [CellChange(file: "patients.csv", key: "R4-01", column: "diagnosis_detail",
                                               old: "limited cutaneous SSc", new: "limited cutaneous systemic sclerosis")])
        #expect(diff.figures.isEmpty && diff.sentences.isEmpty && diff.tableCells.isEmpty && diff.nowDiffer.isEmpty)
        #expect(diff.summary == "1 data cell changed")
        #expect(!diff.isEmpty)
    }

    @Test func aCodebookLabelChangedIsADataChangeAndATableCellChange() throws {
        let diff = try diff { try $0.edit("codebook.yaml", line: 117, "label: upper limb}", "label: arm}") }
        #expect(diff.data.cells == [CellChange(file: "codebook.yaml", key: "codes.sites[3].label", column: nil, old: "upper limb", new: "arm")])
        #expect(diff.figures.isEmpty && diff.sentences.isEmpty)
        #expect(diff.tableCells.contains { $0.table == "Table 1" && $0.column == "Lesion sites" && $0.new.contains("arm") })
    }

    @Test func identicalDataGiveAnEmptyReportAndExitZero() throws {
        let diff = try diff { _ in }
        #expect(diff.isEmpty)
        #expect(diff.summary == "no changes")
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let result = try runReviewSite(["diff", "data", fixture.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "Changes from data to \(fixture.path)\n\nno changes\n")
    }

    @Test func commandExitsOneOnChangesAndItsJSONIsStable() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try Self.addStudy(fixture)
        let text = try runReviewSite(["diff", "data", fixture.path])
        #expect(text.status == 1)
        #expect(text.standardOutput.hasSuffix("\n16 figures changed, 16 sentences, 5 table cells, 13 figures now differ from the article, 1 study added, 6 patients added, 3 data cells changed\n"))
        let first = try runReviewSite(["diff", "data", fixture.path, "--format", "json"])
        let second = try runReviewSite(["diff", "data", fixture.path, "--format", "json"])
        #expect(first.status == 1)
        #expect(first.standardOutput == second.standardOutput)
        let json = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as! [String: Any]
        #expect(json["changed"] as? Bool == true)
        #expect((json["figures"] as! [[String: String]]).first { $0["id"] == "patients.total" } == ["id": "patients.total", "old": "136", "new": "142"])
        #expect(((json["data"] as! [String: Any])["studies_added"] as! [String]) == ["R99"])
    }

    @Test func gitRevisionsAreReadWithoutTouchingTheWorkTree() throws {
        let result = try runReviewSite(["diff", "HEAD"])
        #expect(result.status == 0 || result.status == 1)
        #expect(result.standardOutput.hasPrefix("Changes from HEAD ("))
        let bad = try runReviewSite(["diff", "no-such-revision"])
        #expect(bad.status == 2)
        #expect(bad.standardError == "no-such-revision: neither a dataset folder nor a git revision of this repository\n")
    }

    @Test func invalidDataOnEitherSideExitTwo() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("patients.csv", line: 17, ",f,", ",female,")
        let result = try runReviewSite(["diff", "data", fixture.path])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("\(fixture.path)/patients.csv:17: column 'sex': 'female' is not one of f, m"))
    }

    @Test func changesPageHighlightsAndLinksChangedNumbers() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("patients.csv", line: 4, ",partial,", ",none,")
        let diff = try ReportDiff.compare(base: defaultDataPath, head: fixture.path, dataFolder: defaultDataPath, templatesPath: templatesPath)
        var builder = SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath)
        builder.changes = diff.page
        let page = try builder.build()["changes.html"]!
        #expect(page.contains("<a href=\"figures.html#outcome.il_sts.response\"><code>outcome.il_sts.response</code></a>: <del>74% (39/53)</del> → <ins>72% (38/53)</ins>"))
        #expect(page.contains("of the patients treated with top-STS, <del>74% (39/53)</del> <ins>72% (38/53)</ins> of those given IL-STS"))
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        #expect(site["changes.html"]!.contains("This build has no baseline"))
    }
}
