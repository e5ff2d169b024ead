import Foundation
import Testing
@testable import ReviewSite

/// A small dataset of another review (Fixtures/systemic: ten treatments,
/// other diagnoses, levels of evidence instead of checklists, an extra
/// column) validates through the same loader, by its own codebook.
@Suite("A dataset of another review")
struct OtherReviewTests {
    @Test func validatesByItsOwnCodebook() throws {
        let dataset = try loadDataset(systemicDataPath)
        #expect(dataset.tables.map(\.name) == ["studies", "patients", "treatments", "adverse_events"])
        #expect(dataset.tables.map(\.count) == [3, 4, 5, 2])
        #expect(dataset.codebook.appraisal.levels.count == 10)
        #expect(dataset.summary == "3 studies, 4 patients, 5 treatment steps, 2 adverse events")
        #expect(dataset.published.isEmpty && !dataset.isPublished)
    }

    @Test func cellsAreTypedByTheCodebook() throws {
        let dataset = try loadDataset(systemicDataPath)
        let patients = try #require(dataset.table("patients"))
        #expect(patients.columns.map(\.name) == ["patient_id", "study_id", "age_years", "diagnosis", "calcinosis_sites", "response", "ulcer_healed"])
        let healed = try #require(patients.index(of: "ulcer_healed"))
        #expect(patients.columns[healed].isExtra && patients.codes[healed] == ["yes", "no"])
        #expect((0..<4).map { patients.code(healed, $0) } == ["yes", nil, "no", nil])
        let response = try #require(patients.index(of: "response"))
        #expect((0..<4).map { patients.code(response, $0) } == ["partial", "stable", "complete", "not_assessed"])
        let sites = try #require(patients.index(of: "calcinosis_sites"))
        guard case .codeLists(let lists) = patients.values[sites] else { Issue.record("sites are not a code list"); return }
        #expect(lists.map { $0.map { patients.codes[sites][Int($0)] } } == [["fingers", "hand"], ["elbow"], ["knee", "trunk"], []])
        guard case .numbers(let ages) = patients.values[try #require(patients.index(of: "age_years"))] else { Issue.record("age"); return }
        #expect(Array(ages) == [54, 61, 12, 47])
        let studies = try #require(dataset.table("studies"))
        guard case .integers(let years) = studies.values[try #require(studies.index(of: "year"))] else { Issue.record("year"); return }
        #expect(Array(years) == [2015, 2019, 2021])
        #expect((0..<3).map { studies.code(3, $0) } == ["2b", "4", "1b"])
    }

    /// Its own figures, over the database its codebook makes; the site's
    /// pages are made from its codebook (its templates name them in site.yaml).
    @Test func itsFiguresAreComputedByItsOwnDeclarations() throws {
        // Its own site.yaml, abstract and figures, with the default stylesheet and script.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-other-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = try systemicTemplates(in: folder.path)
        let check = try runReviewSite(["check", "--data", systemicDataPath, "--templates", templates])
        #expect(check.status == 0)
        #expect(check.standardOutput == "\(systemicDataPath)/ is valid: 3 studies, 4 patients, 5 treatment steps, 2 adverse events.\n4 figures computed.\n")
        let figures = try runReviewSite(["figures", "--data", systemicDataPath, "--templates", templates])
        #expect(figures.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(figures.standardOutput.utf8)) as? [String: Any])
        let list = try #require(json["figures"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["patients.total", "ivig.response", "studies.level_1b", "treatment.months"])
        #expect(list[1]["rows"] as? [String] == ["S1-02"] && list[1]["numerator_rows"] as? [String] == [] && list[1]["denominator"] as? Int == 1)
        #expect(list[2]["rows"] as? [String] == ["S3"])
        #expect(list[3]["min"] as? Int == 3 && list[3]["max"] as? Int == 12 && list[3]["n"] as? Int == 4)
        let out = folder.appendingPathComponent("site").path
        let build = try runReviewSite(["build", "--data", systemicDataPath, "--templates", templates, "--out", out])
        #expect(build.status == 0)
        #expect(build.standardError == "")
        let appraisal = try String(contentsOfFile: "\(out)/risk-of-bias.html", encoding: .utf8)
        #expect(appraisal.contains("<td data-sort=\"1\">1b: individual randomised trial</td>"))
        let patients = try String(contentsOfFile: "\(out)/patients.html", encoding: .utf8)
        #expect(patients.contains("<th scope=\"col\">Sites</th><th scope=\"col\">Response</th><th scope=\"col\">Ulcer healed</th>"))
        let home = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(home.contains("<a href=\"figures.html#patients.total\">4</a>"))
    }

    static let badCells: [ValidationCase] = [
        ValidationCase(name: "treatment not a code", change: { try $0.edit("treatments.csv", line: 2, "warfarin", "aspirin") },
                       expected: ["data/treatments.csv:2: column 'treatment': 'aspirin' is not one of warfarin, diltiazem, bisphosphonate, rituximab, ivig, minocycline, colchicine, probenecid, il_sts, surgery"]),
        ValidationCase(name: "agent of another treatment", change: { try $0.edit("treatments.csv", line: 3, "alendronate", "excision") },
                       expected: ["data/treatments.csv:3: column 'agent': 'excision' is not an agent of bisphosphonate (expected one of alendronate, pamidronate, etidronate, or empty)"]),
        ValidationCase(name: "agent of a treatment that takes none", change: { try $0.edit("treatments.csv", line: 2, "warfarin,,", "warfarin,curettage,") },
                       expected: ["data/treatments.csv:2: column 'agent': 'curettage': warfarin steps take no agent (expected empty)"]),
        ValidationCase(name: "column only for surgery", change: { try $0.edit("treatments.csv", line: 2, ",2,12,", ",2,12,3") },
                       expected: ["data/treatments.csv:2: column 'excised_cm': '3' is given for a warfarin step (excised_cm is for surgery steps only)"]),
        ValidationCase(name: "level not on the scale", change: { try $0.edit("studies.csv", line: 3, ",4", ",6") },
                       expected: ["data/studies.csv:3: column 'evidence_level': '6' is not one of 1a, 1b, 1c, 2a, 2b, 2c, 3a, 3b, 4, 5"]),
        ValidationCase(name: "site not in the list", change: { try $0.edit("patients.csv", line: 2, "fingers;hand", "fingers;ankle") },
                       expected: ["data/patients.csv:2: column 'calcinosis_sites': 'ankle' in 'fingers;ankle' is not one of fingers, hand, elbow, knee, trunk, other (a list separated by ;)"]),
        ValidationCase(name: "diagnosis required", change: { try $0.edit("patients.csv", line: 3, ",ssc,", ",,") },
                       expected: ["data/patients.csv:3: column 'diagnosis': is empty (expected one of ssc, dm)"]),
        ValidationCase(name: "extra column checked", change: { try $0.edit("patients.csv", line: 2, ",yes,", ",maybe,") },
                       expected: ["data/patients.csv:2: column 'ulcer_healed': 'maybe' is not one of yes, no (empty when not reported)"]),
        ValidationCase(name: "year outside the codebook's bounds", change: { try $0.edit("studies.csv", line: 2, "2015", "1900") },
                       expected: ["data/studies.csv:2: column 'year': '1900' is out of range (expected an integer from 1950 to 2030)"]),
        ValidationCase(name: "undeclared column", change: { try $0.edit("patients.csv", line: 1, "x_note", "note") },
                       expected: ["data/patients.csv:1: column 'note': unknown column (expected one of patient_id, study_id, age_years, diagnosis, calcinosis_sites, response, ulcer_healed; a column whose name starts with x_ is ignored)"]),
        ValidationCase(name: "checklist answers the codebook does not declare", change: { try $0.write("risk_of_bias.csv", "study_id,question,answer\nS1,1,yes\n") },
                       expected: ["data/risk_of_bias.csv: the codebook declares no checklists, so this file is not read (declare appraisal.checklists and tables.risk_of_bias, or remove the file)"]),
        ValidationCase(name: "a step of an unknown patient", change: { try $0.append("treatments.csv", "S9-01,1,colchicine,,,,\n") },
                       expected: ["data/treatments.csv:7: column 'patient_id': 'S9-01' is not a patient_id of patients.csv"]),
    ]

    @Test(arguments: badCells)
    func badCell(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(from: systemicDataPath, rule.change)
        #expect(actual == rule.expected)
    }
}

/// The other review's templates copied into `folder`/templates, with the
/// default review's style.css and sort.js, which a build needs.
func systemicTemplates(in folder: String) throws -> String {
    let templates = folder + "/templates"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: systemicDataPath + "-templates", toPath: templates)
    for asset in ["style.css", "sort.js"] {
        try FileManager.default.copyItem(atPath: "\(defaultTemplatesPath)/\(asset)", toPath: "\(templates)/\(asset)")
    }
    return templates
}
