import Foundation
import Testing
@testable import ReviewSite

/// The engine's pages speak the review's words (issue 27): a table's rows
/// as its codebook label names them, every declared heading honoured, and a
/// table's patients counted once per row.
@Suite("The review's own words and counts")
struct ReviewWordsTests {
    /// Table 1's patients taken from the treatment steps list a patient once per step.
    @Test func aPatientListedTwiceForARowIsAnError() throws {
        let templates = try Scratch()
        defer { templates.delete() }
        for file in try FileManager.default.contentsOfDirectory(atPath: templatesPath) {
            try FileManager.default.copyItem(atPath: "\(templatesPath)/\(file)", toPath: "\(templates.path)/\(file)")
        }
        let tables = try String(contentsOfFile: templates.path + "/tables.yaml", encoding: .utf8)
        let line = try #require(tables.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  patients: SELECT study_id, patient_id FROM patients" }) + 1
        try templates.write("tables.yaml", tables.replacingOccurrences(of: "  patients: SELECT study_id, patient_id FROM patients",
                                                                       with: "  patients: SELECT p.study_id, t.patient_id FROM treatments AS t JOIN patients AS p USING (patient_id)"))
        let report = try loadReport(defaultDataPath)
        let result = report.declaredTables(TableFile.path(inTemplates: templates.path))
        guard case .failure(let errors) = result else {
            Issue.record("the table was built with patients counted once per treatment step")
            return
        }
        #expect(errors.errors.map { $0.description.replacingOccurrences(of: templates.path, with: "templates") }
                == ["templates/tables.yaml:\(line):13: table 'table-1': the patients of row 'R31' list patient 'R31-01' 2 times (expected each patient once per row: select from the patients, or SELECT DISTINCT)"])
    }

    /// The default review's tables, whose patients are each listed once, build as before.
    @Test func theDefaultTablesListEachPatientOnce() throws {
        let report = try loadReport(defaultDataPath)
        let tables = try report.declaredTables(TableFile.path(inTemplates: templatesPath)).get()
        #expect(tables.map(\.id) == ["table-1", "table-2"])
    }

    @Test func thePatientsPageNamesTheRowsAsTheCodebookDoes() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let codebook = try fixture.read("codebook.yaml")
        try fixture.write("codebook.yaml", codebook.replacingOccurrences(of: "  treatments:\n    columns:", with: "  treatments:\n    label: lines of therapy\n    columns:"))
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let page = try #require(site["patients.html"])
        #expect(page.contains("<th scope=\"col\">Lines of therapy</th>"))
        #expect(page.contains("<p>The patients one by one, as extracted (see the note on where the data come from below). Lines of therapy and adverse events are listed in the order given.</p>"))
        #expect(!page.contains("Treatment steps") && !page.contains(">Treatments<"))
    }

    @Test func theFiguresPageHonoursItsDeclaredHeadingAndTitle() throws {
        let templates = try Scratch()
        defer { templates.delete() }
        for file in try FileManager.default.contentsOfDirectory(atPath: templatesPath) {
            try FileManager.default.copyItem(atPath: "\(templatesPath)/\(file)", toPath: "\(templates.path)/\(file)")
        }
        let site = try String(contentsOfFile: templates.path + "/site.yaml", encoding: .utf8)
        try templates.write("site.yaml", site.replacingOccurrences(of: "  - builtin: figures\n    title: Figures\n", with: "  - builtin: figures\n    title: Numbers\n    heading: Every number of the review\n"))
        let built = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
        let page = try #require(built["figures.html"])
        #expect(page.contains("<h1>Every number of the review</h1>"))
        #expect(page.contains("<title>Numbers · "))
    }
}
