import Foundation
import Testing
@testable import ReviewSite

/// Issue 28: every page that lists studies or patients lists them in the
/// order Table 1 declares (`ORDER BY ref`: R4, R5, R10 …), not in the text
/// order of their ids (R10 … R39, R4, R40).
@Suite("Rows in the review's order")
struct ReviewOrderTests {
    /// The ids of `<tr id="…">` rows of a page, in order.
    static func rowIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<tr id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func patientsFollowTheirStudiesRowsInTableOne() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let studies = Self.rowIDs(try #require(site["table-1.html"]))
        #expect(Array(studies.prefix(4)) == ["R4", "R5", "R10", "R11"])
        let patients = Self.rowIDs(try #require(site["patients.html"]))
        #expect(Array(patients.prefix(7)) == ["R4-01", "R4-02", "R4-03", "R4-04", "R4-05", "R4-06", "R5-01"])
        // Each patient's study (its id's prefix) in Table 1's order.
        var seen: [String] = []
        for patient in patients {
            let study = String(patient.prefix { $0 != "-" })
            if seen.last != study { seen.append(study) }
        }
        #expect(seen == studies.filter { study in patients.contains { $0.hasPrefix(study + "-") } })
        // The appraisal page's rows link to their studies, one per row.
        let appraisal = try #require(site["risk-of-bias.html"]).components(separatedBy: "\"><a href=\"table-1.html#").dropFirst()
        #expect(appraisal.map { String($0.prefix { $0 != "\"" }) } == studies)
    }

    @Test func aPatientOfNoListedStudyComesLastAndEachStudyKeepsTheFilesOrder() {
        // Patients' study rows in Table 1 (-1: none): file positions 0…5.
        #expect(RowLinks.order(6, studyRow: [2, 0, -1, 0, 1, 2], studies: 3) == [1, 3, 4, 0, 5, 2])
        #expect(RowLinks.order(3, studyRow: [], studies: 3) == [0, 1, 2])
    }
}
