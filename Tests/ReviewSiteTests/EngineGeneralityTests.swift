import Foundation
import Testing
@testable import ReviewSite

/// Capabilities the second review needed, each a general one: the engine
/// decides from the data and the codebook, never from a review's names.
@Suite("What another review needs of the engine")
struct EngineGeneralityTests {
    /// A figure's rows link by the key column its query returned, whatever its id says.
    @Test func figureRowsLinkByTheirKeyColumn() throws {
        let folder = NSTemporaryDirectory() + "templates-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: defaultTemplatesPath, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let figures = try String(contentsOfFile: "\(folder)/figures.yaml", encoding: .utf8) + """

            - id: trials.with_control
              kind: count
              definition: studies with a control group
              from: studies
              where: control_group = 'yes'
            - id: appraisal.codes
              kind: count
              definition: checklist codes used
              sql: SELECT DISTINCT rob_tool FROM studies

            """
        try figures.write(toFile: "\(folder)/figures.yaml", atomically: true, encoding: .utf8)
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: folder).build()
        let page = try #require(site["figures.html"])
        let row = try #require(page.components(separatedBy: "\n").first { $0.hasPrefix("<tr id=\"trials.with_control\">") })
        #expect(row.contains("2 studies</summary><a href=\"table-1.html#"))
        let codes = try #require(page.components(separatedBy: "\n").first { $0.hasPrefix("<tr id=\"appraisal.codes\">") })
        #expect(codes.contains("3 rows</summary>jbi_case_report jbi_case_series jbi_rct"))
        #expect(!codes.contains("patients.html"))
    }

    /// Table functions find a column's codes by `table.column`: levels,
    /// checklists, answers and yes/no, which have no list under `codes:`.
    @Test func tableFunctionsReadAColumnsCodes() throws {
        let report = try loadReport(defaultDataPath)
        let rows = try report.database.database.rows("""
            SELECT label('studies.rob_tool', 'jbi_rct'), label('risk_of_bias.answer', 'not_applicable'),
                   code_order('studies.control_group', 'no'), label('sex', 'f')
            """).rows
        #expect(rows == [[.text("JBI RCT"), .text("not applicable"), .integer(1), .text("f")]])
        let levels = try loadReport(systemicDataPath, templates: systemicDataPath + "-templates")
        #expect(try levels.database.database.rows("SELECT label('studies.evidence_level', '2b'), code_order('studies.evidence_level', '2b')").rows
            == [[.text("individual cohort study or low-quality randomised trial"), .integer(4)]])
    }

    /// Without --templates, a dataset folder finds the templates beside it.
    @Test func theTemplatesBesideTheDataAreTheDefault() throws {
        let root = NSTemporaryDirectory() + "review-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: systemicDataPath, toPath: root + "/data")
        _ = try systemicTemplates(in: root)
        let result = try runReviewSite(["check", "--data", root + "/data"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("4 figures computed.\n"))
        // Given, --templates wins: the default review's figures do not fit this data.
        let given = try runReviewSite(["check", "--data", root + "/data", "--templates", defaultTemplatesPath])
        #expect(given.status == 1)
    }
}
