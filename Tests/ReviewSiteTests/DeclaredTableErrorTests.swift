import Foundation
import Testing
@testable import ReviewSite

/// One edit of the declared fixture per rule of `role`, `file` and `key`,
/// and every line `check` reports: each problem once, no follow-on.
struct DeclaredCase: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var old: String
    var new: String
    var expected: [String]
    var testDescription: String { name }

    init(_ name: String, file: String = "codebook.yaml", _ old: String, _ new: String, _ expected: [String]) {
        (self.name, self.file, self.old, self.new, self.expected) = (name, file, old, new, expected)
    }
}

@Suite("Tables declared by the codebook: errors")
struct DeclaredTableErrorTests {
    static let cases: [DeclaredCase] = [
        DeclaredCase("an unknown role", "role: step", "role: steps",
                     ["codebook.yaml:40:11: key 'tables.lines.role': unknown role 'steps' (expected one of study, appraisal, patient, step, event, or no role for a table of the review's own)"]),
        DeclaredCase("a role twice", "  harms:\n    role: event", "  harms:\n    role: step",
                     ["codebook.yaml:7:1: key 'tables': no table has the role event (every codebook declares tables with the roles study, patient, step and event)",
                      "codebook.yaml:51:3: key 'tables.harms.role': the table lines already has the role step (expected each role once)",
                      "codebook.yaml:73:11: key 'summary.events': the codebook declares no table for it"]),
        DeclaredCase("no key", "    key: [case_id, month]\n", "",
                     ["codebook.yaml:61:3: key 'tables.outcomes.key': required key is missing (a table without an id column names the columns that identify a row, e.g. key: [patient_id, step])"]),
        DeclaredCase("a step key in the wrong order", "key: [case_id, line]\n", "key: [line, case_id]\n",
                     ["codebook.yaml:42:10: key 'tables.lines.key': the step table is keyed by a reference to the patient table (cases) and an integer step number (expected e.g. key: [patient_id, step])"]),
        DeclaredCase("a key of an undeclared column", "key: [case_id, month]", "key: [case_id, week]",
                     ["codebook.yaml:62:10: key 'tables.outcomes.key': 'week' is not a column of outcomes (expected columns declared under columns)"]),
        DeclaredCase("a key beside an id", "  cases:\n    role: patient", "  cases:\n    role: patient\n    key: [case_id, study_id]",
                     ["codebook.yaml:29:10: key 'tables.cases.key': a table with an id column is keyed by it (expected key: [case_id], or no key)"]),
        DeclaredCase("the name of the program's table", "  outcomes:", "  patient_summary:",
                     ["codebook.yaml:61:3: key 'tables.patient_summary': 'patient_summary' is the name of a table the program makes (choose another name)"]),
        DeclaredCase("a file outside the folder", "file: therapy_lines.csv", "file: ../lines.csv",
                     ["codebook.yaml:41:11: key 'tables.lines.file': '../lines.csv' is not a CSV file of the data folder (expected a name like lines.csv: letters, digits, _, - and .)"]),
        DeclaredCase("one file for two tables", "file: therapy_lines.csv", "file: harms.csv",
                     ["codebook.yaml:51:3: key 'tables.harms.file': 'harms.csv' is already the file of lines (expected one file per table)"]),
        DeclaredCase("patients without their study", "      - {column: study_id, type: reference, to: studies, label: Study}\n      - {column: age_years",
                     "      - {column: age_years",
                     ["codebook.yaml:27:3: key 'tables.cases': the patient table needs a reference to the study table (e.g. - {column: study_id, type: reference, to: studies})"]),
        DeclaredCase("checklists without an appraisal table", "    role: appraisal\n", "",
                     ["codebook.yaml:7:1: key 'tables': no table has the role appraisal (it holds the answers to appraisal.checklists)"]),
        DeclaredCase("a row of the sixth table twice", file: "outcomes.csv", "S1-01,12,1,no", "S1-01,6,1,no",
                     ["outcomes.csv:4: column 'month': the key (case_id 'S1-01', month '6') is given twice (first on line 3; expected each row once)"]),
        DeclaredCase("a row of the sixth table without its key", file: "outcomes.csv", "S1-01,12,1,no", "S1-01,,1,no",
                     ["outcomes.csv:4: column 'month': is empty (expected an integer ≥ 0)"]),
    ]

    @Test(arguments: cases)
    func reported(_ test: DeclaredCase) throws {
        let fixture = try DatasetFixture(from: DeclaredTablesTests.data)
        defer { fixture.delete() }
        let text = try fixture.read(test.file)
        #expect(text.contains(test.old))
        try fixture.write(test.file, text.replacingOccurrences(of: test.old, with: test.new))
        #expect(Self.errors(fixture.path) == test.expected.map { "\(fixture.path)/\($0)" })
    }

    static func errors(_ path: String) -> [String] {
        do {
            _ = try DatasetLoader.load(from: path, figureFields: [:])
            return []
        } catch {
            return error.list.errors.map(\.description)
        }
    }

    @Test func aCSVFileNoTableReadsIsAnError() throws {
        let fixture = try DatasetFixture(from: DeclaredTablesTests.data)
        defer { fixture.delete() }
        try fixture.write("notes.csv", "a,b\n")
        #expect(Self.errors(fixture.path) == [
            "\(fixture.path)/notes.csv: no table of the codebook reads this file, so it would be neither checked nor published (declare a table with file: notes.csv, or move the file out of the data folder)",
        ])
    }

    @Test func aTableWhoseFileIsMissingSaysWhichTable() throws {
        let fixture = try DatasetFixture(from: DeclaredTablesTests.data)
        defer { fixture.delete() }
        try FileManager.default.moveItem(atPath: "\(fixture.path)/therapy_lines.csv", toPath: "\(fixture.path)/lines.csv")
        #expect(Self.errors(fixture.path) == [
            "\(fixture.path)/lines.csv: no table of the codebook reads this file, so it would be neither checked nor published (declare a table with file: lines.csv, or move the file out of the data folder)",
            "\(fixture.path)/therapy_lines.csv: file not found (expected the rows of the table lines, which codebook.yaml reads from this file)",
        ])
    }

    /// The first form: a codebook that gives no role still names its five tables, as before.
    @Test func aCodebookWithoutRolesKeepsItsFiveNames() {
        let errors = codebookErrors(smallCodebook.replacingOccurrences(of: "  adverse_events:", with: "  harms:"))
        #expect(errors == [
            "codebook.yaml:1:1: key 'tables': the table 'adverse_events' is missing (every codebook declares studies, patients, treatments, adverse_events)",
            "codebook.yaml:24:3: key 'tables.harms': unknown key (expected one of studies, risk_of_bias, patients, treatments, adverse_events)",
        ])
    }
}
