import Foundation
import Testing
@testable import ReviewSite

/// `shown_as:` names a table's rows as the review does: study R4 is "Ref. 4"
/// wherever a study is linked.
@Suite("Rows shown as the review names them")
struct ShownAsTests {
    @Test func studyLinksShowTheDeclaredWords() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.write("codebook.yaml", try fixture.read("codebook.yaml").replacingOccurrences(of: "  studies:\n    columns:", with: "  studies:\n    shown_as: \"Ref. {ref}\"\n    columns:"))
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let appraisal = try #require(site["risk-of-bias.html"])
        #expect(appraisal.contains("<a href=\"table-1.html#R4\">Ref. 4</a>"))
        #expect(!appraisal.contains(">R4</a>"))
        let patients = try #require(site["patients.html"])
        #expect(patients.contains("<a href=\"table-1.html#R10\">Ref. 10</a>"))
    }

    @Test func withoutItTheKeyIsShown() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        #expect(try #require(site["risk-of-bias.html"]).contains("<a href=\"table-1.html#R4\">R4</a>"))
    }

    @Test(arguments: [
        ("\"Ref. {reff}\"", "'{reff}' is not a column of this table (expected one of study_id, ref, first_author, year, title, design, publication, language, control_group, rob_tool, source_note)"),
        ("\"Ref. {ref\"", "'Ref. {ref' names no column (expected text with columns in braces, e.g. \"Ref. {ref}\")"),
        ("Ref", "'Ref' names no column (expected text with columns in braces, e.g. \"Ref. {ref}\")"),
    ])
    func aPatternThatNamesNoColumnIsRefused(_ pattern: String, _ message: String) throws {
        let errors = try errorsAfter { fixture in
            try fixture.write("codebook.yaml", try fixture.read("codebook.yaml").replacingOccurrences(of: "  studies:\n    columns:", with: "  studies:\n    shown_as: \(pattern)\n    columns:"))
        }
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix(message) == true, "\(errors)")
        #expect(errors.first?.contains("key 'tables.studies.shown_as'") == true, "\(errors)")
    }
}
