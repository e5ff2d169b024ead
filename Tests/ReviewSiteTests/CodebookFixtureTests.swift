import Testing
@testable import ReviewSite

/// The codebook of another review reads without errors: more than eight
/// treatments, a level-of-evidence scale instead of checklists, an extra column.
@Suite("Codebook of another review")
struct CodebookFixtureTests {
    let codebook: Codebook

    init() throws {
        codebook = try Codebook.read(folder: repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Fixtures/systemic").path)
    }

    @Test func tablesWithoutRiskOfBias() {
        #expect(codebook.tables.map(\.name) == ["studies", "patients", "treatments", "adverse_events"])
        #expect(codebook.table("studies")?.column("evidence_level")?.type == .level)
        #expect(codebook.table("patients")?.column("study_id")?.references == "studies")
        #expect(codebook.table("patients")?.column("study_id")?.required == true)
    }

    @Test func moreThanEightTreatmentsWithAgents() throws {
        let treatments = try #require(codebook.codeList("treatment"))
        #expect(treatments.names == ["warfarin", "diltiazem", "bisphosphonate", "rituximab", "ivig", "minocycline",
                                     "colchicine", "probenecid", "il_sts", "surgery"])
        #expect(treatments.code("il_sts")?.label == "Intralesional sodium thiosulfate")
        #expect(treatments.code("il_sts")?.short == "IL-STS")
        let agents = try #require(codebook.codeList("agent"))
        #expect(agents.within == "treatment")
        #expect(agents.codes.filter { $0.of == "surgery" }.map(\.code) == ["excision", "curettage"])
        #expect(agents.code("alendronate")?.label == "alendronate")
    }

    @Test func diagnosesAndResponse() throws {
        #expect(codebook.codeList("diagnosis")?.codes.map(\.label) == ["systemic sclerosis", "dermatomyositis"])
        let response = try #require(codebook.codeList("response"))
        #expect(response.codes.filter(\.responded).map(\.code) == ["complete", "partial"])
        #expect(response.codes.filter(\.notReported).map(\.code) == ["not_assessed"])
        let sites = try #require(codebook.table("patients")?.column("calcinosis_sites"))
        #expect(sites.type == .codeList && sites.codeList == "site")
        #expect(codebook.codes(of: sites)?.names.count == 6)
    }

    @Test func levelsOfEvidenceInsteadOfChecklists() {
        #expect(codebook.appraisal.checklists.isEmpty)
        #expect(codebook.appraisal.levels.map(\.code) == ["1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b", "4", "5"])
        #expect(codebook.appraisal.levels.last?.label == "expert opinion")
    }

    @Test func extraColumnAndDependentColumns() throws {
        let patients = try #require(codebook.table("patients"))
        #expect(patients.extra.map(\.name) == ["ulcer_healed"])
        #expect(patients.extra.first?.type == .yesNo && patients.extra.first?.isExtra == true)
        #expect(patients.columns.allSatisfy { !$0.isExtra })
        let treatments = try #require(codebook.table("treatments"))
        #expect(treatments.column("excised_cm")?.onlyFor == Codebook.Condition(column: "treatment", codes: ["surgery"]))
        #expect(treatments.column("dose")?.units["rituximab"] == "mg/infusion")
        let year = try #require(codebook.table("studies")?.column("year"))
        #expect(year.bounds == Codebook.Bounds(min: 1950, max: 2030))
    }
}
