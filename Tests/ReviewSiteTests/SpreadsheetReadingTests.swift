import Foundation
import Testing
@testable import ReviewSite

/// What spreadsheets produce, read kindly: a `;` separator named as such, a
/// duplicated key that hides none of its row's other errors, and a review
/// not yet published.
@Suite("Reading what spreadsheets produce")
struct SpreadsheetReadingTests {
    static let cases: [ValidationCase] = [
        ValidationCase(name: "semicolon separator", change: { fixture in
            try fixture.write("adverse_events.csv", try fixture.read("adverse_events.csv").replacingOccurrences(of: ",", with: ";"))
        }, expected: ["data/adverse_events.csv:1: the header line has ; and no comma: the file seems to use ; as the separator, and the format needs , (export the sheet as CSV with commas)"]),
        ValidationCase(name: "a duplicated key hides none of its row's other errors", change: { fixture in
            try fixture.edit("patients.csv", line: 3, "R4-02,R4,68,f,", "R4-01,R99,68,female,")
        }, expected: ["data/patients.csv:3: column 'patient_id': 'R4-01' is a duplicate (first on line 2)",
                      "data/patients.csv:3: column 'sex': 'female' is not one of f, m (empty when not reported)",
                      "data/patients.csv:3: column 'study_id': 'R99' is not a study_id of studies.csv",
                      "data/treatments.csv:3: column 'patient_id': 'R4-02' is not a patient_id of patients.csv"]),
        ValidationCase(name: "a reference is checked on a row with another bad cell", change: { fixture in
            try fixture.edit("treatments.csv", line: 2, "R4-01,1,il_sts,", "R4-77,1,injection,")
        }, expected: ["data/patients.csv:2: column 'patient_id': patient 'R4-01' has no treatment step in treatments.csv",
                      "data/treatments.csv:2: column 'modality': 'injection' is not one of top_sts, il_sts, laser, eswl",
                      "data/treatments.csv:2: column 'patient_id': 'R4-77' is not a patient_id of patients.csv"]),
        ValidationCase(name: "no published.yaml", change: { try $0.remove("published.yaml") }, expected: []),
    ]

    @Test(arguments: cases)
    func rule(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(rule.change)
        #expect(actual == rule.expected)
    }

    @Test func checkOfAnUnpublishedReviewComparesNothing() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.remove("published.yaml")
        let result = try runReviewSite(["check", "--data", fixture.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            \(fixture.path)/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.
            72 figures computed.

            """)
    }

    /// `check` and `figures` on the default data say what they said before the codebook drove the checks.
    @Test func checkAndFiguresOfTheDefaultDataAreUnchanged() throws {
        let check = try runReviewSite(["check", "--data", defaultDataPath, "--templates", defaultTemplatesPath])
        #expect(check.standardOutput == """
            \(defaultDataPath)/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.
            72 figures computed; 1 of the 72 that the article printed differs from it:
              outcome.eswl.complete: printed 7%, computed 9% (1/11) — explained: the article prints about 7%, while 1 of 11 patients is 9%

            """)
        let figures = try runReviewSite(["figures", "--data", defaultDataPath, "--templates", defaultTemplatesPath])
        let computed = String(decoding: FiguresJSON.bytes(try loadReport(defaultDataPath).figures), as: UTF8.self)
        #expect(figures.status == 0 && figures.standardOutput == computed)
    }
}
