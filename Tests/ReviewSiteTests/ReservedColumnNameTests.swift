import Testing
@testable import ReviewSite

/// Issue 24, H1 and H2: a column named like SQLite's row number, or like a
/// column a derived view adds, was accepted and gave each patient another's
/// treatments, or hid the summary's events.
@Suite("Reserved column names")
struct ReservedColumnNameTests {
    static func edited(_ old: String, _ new: String) -> String {
        precondition(smallCodebook.components(separatedBy: old).count == 2)
        return smallCodebook.replacingOccurrences(of: old, with: new)
    }

    @Test func aColumnNamedLikeTheRowNumberIsRefused() {
        for name in ["rowid", "oid", "_rowid_"] {
            let yaml = Self.edited("      - {column: sex, type: code}\n", "      - {column: sex, type: code}\n      - {column: \(name), type: integer}\n")
            #expect(codebookErrors(yaml) == [
                "codebook.yaml:18:18: key 'tables.patients.\(name)': the column '\(name)' of patients has a name SQLite reserves for a row's number (rename it)",
            ])
        }
        let studies = Self.edited("      - {column: design, type: code, required: yes}\n", "      - {column: design, type: code, required: yes}\n      - {column: oid, type: text}\n")
        #expect(codebookErrors(studies) == [
            "codebook.yaml:6:18: key 'tables.studies.oid': the column 'oid' of studies has a name SQLite reserves for a row's number (rename it)",
        ])
    }

    @Test func aPatientsColumnNamedLikeASummaryColumnIsRefused() {
        for name in ["events", "treatments", "monotherapy", "combined", "steps", "sequence"] {
            let yaml = Self.edited("      - {column: sex, type: code}\n", "      - {column: sex, type: code}\n      - {column: \(name), type: text}\n")
            #expect(codebookErrors(yaml) == [
                "codebook.yaml:18:18: key 'tables.patients.\(name)': the column '\(name)' of patients has the name of a column the view treated_patients adds from patient_summary (rename it)",
            ])
        }
    }

    @Test func aStepColumnNamedLikeWhatTreatmentStepsAddsIsRefused() {
        let yaml = Self.edited("      - {column: variant, type: code}\n", "      - {column: variant, type: code}\n      - {column: combined, type: integer}\n")
        #expect(codebookErrors(yaml) == [
            "codebook.yaml:24:18: key 'tables.treatments.combined': the column 'combined' of treatments has the name of a column the view treatment_steps adds from patient_summary (rename it)",
        ])
    }

    @Test func aSummaryColumnNamedLikeTheRowNumberIsRefused() {
        let yaml = smallCodebook + "summary:\n  columns:\n    - {column: _rowid_, codes: variant}\n"
        #expect(codebookErrors(yaml) == [
            "codebook.yaml:49:16: key 'summary.columns[1].column': the column '_rowid_' of patient_summary has a name SQLite reserves for a row's number (rename it)",
        ])
    }

    /// Even a name that got past the codebook cannot shadow: the views join
    /// on the key and name each column, the summary's last.
    @Test func theViewsJoinOnTheKeyAndNameTheirColumns() throws {
        let dataset = try loadDataset(defaultDataPath)
        let schema = try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma).schema()
        let view = try #require(schema.components(separatedBy: "CREATE VIEW treated_patients").last)
        #expect(view.contains("FROM patients AS p JOIN patient_summary AS s ON s.patient_id = p.patient_id;"))
        #expect(view.contains("SELECT p.patient_id, p.study_id, "))
        #expect(view.contains(", s.steps, s.sequence, s.treatments, s.monotherapy, s.combined, s.events"))
        #expect(!schema.contains("p.*") && !schema.contains("t.*") && !schema.lowercased().contains("rowid ="))
        #expect(schema.contains("SELECT t.patient_id, t.step, "))
    }
}
