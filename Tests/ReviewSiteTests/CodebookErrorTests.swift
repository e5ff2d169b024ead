import Testing
@testable import ReviewSite

/// One bad codebook per rule: the edits to `smallCodebook` and every line reported.
struct CodebookCase: CustomTestStringConvertible, Sendable {
    var name: String
    var edits: [(String, String)]
    var expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ old: String, _ new: String, _ expected: [String]) {
        self.name = name
        edits = [(old, new)]
        self.expected = expected
    }

    init(_ name: String, edits: [(String, String)], _ expected: [String]) {
        self.name = name
        self.edits = edits
        self.expected = expected
    }
}

@Suite("Codebook errors")
struct CodebookErrorTests {
    @Test func smallCodebookReads() throws {
        let codebook = try Codebook.read(yaml: smallCodebook, file: "codebook.yaml")
        #expect(codebook.tables.map(\.name) == ["studies", "risk_of_bias", "patients", "treatments", "adverse_events"])
        #expect(codebook.codeList("variant")?.within == "modality")
        #expect(codebook.appraisal.checklists.map(\.questions) == [10])
        // Core columns are required even when the codebook does not say so.
        #expect(codebook.table("treatments")?.column("step")?.required == true)
        #expect(codebook.table("treatments")?.column("variant")?.required == false)
    }

    static let cases: [CodebookCase] = [
        CodebookCase("unknown type", "{column: sex, type: code}", "{column: sex, type: cod}",
                     ["codebook.yaml:17:29: key 'tables.patients.sex.type': unknown type 'cod' (expected one of id, reference, integer, number, text, code, code list, yes/no, checklist, answer, level)"]),
        CodebookCase("duplicate column", "{column: age_years,", "{column: sex,",
                     ["codebook.yaml:17:18: key 'tables.patients.sex': column 'sex' is declared twice in patients (first on line 16)"]),
        CodebookCase("duplicate code", "sex: [f, m]", "sex: [f, m, f]",
                     ["codebook.yaml:31:15: key 'codes.sex': code 'f' appears twice (first on line 31)"]),
        CodebookCase("empty code list", "sex: [f, m]", "sex: []",
                     ["codebook.yaml:31:8: key 'codes.sex': the code list is empty (expected at least one code)"]),
        CodebookCase("bound on a code column", "{column: sex, type: code}", "{column: sex, type: code, max: 2}",
                     ["codebook.yaml:17:40: key 'tables.patients.sex.max': bounds apply only to integer and number columns (this one is code)"]),
        CodebookCase("min above max", "min: 0, unit: years", "min: 130, max: 0, unit: years",
                     ["codebook.yaml:16:48: key 'tables.patients.age_years.min': min 130 is above max 0 (no value would fit)"]),
        CodebookCase("variant of an unknown treatment", "of: eswl}", "of: eswi}",
                     ["codebook.yaml:39:16: key 'codes.variant.focused.of': 'eswi' is not a code of modality (expected one of laser, eswl)"]),
        CodebookCase("checklist a design names is not declared", "checklist: jbi_case_series}", "checklist: jbi_case_sries}",
                     ["codebook.yaml:30:14: key 'codes.design.case_series.checklist': 'jbi_case_sries' is not a checklist of appraisal.checklists (expected one of jbi_case_series)"]),
        CodebookCase("threshold above 100 %", "low_above: 75", "low_above: 120",
                     ["codebook.yaml:44:24: key 'appraisal.overall.low_above': '120' is out of range (expected a number from 0 to 100)"]),
        CodebookCase("low threshold below the high one", "low_above: 75", "low_above: 40",
                     ["codebook.yaml:44:24: key 'appraisal.overall.low_above': 40 is below high_below 50 (expected low_above ≥ high_below)"]),
        CodebookCase("misspelt key", "{code: laser, label: Laser}", "{code: laser, lable: Laser}",
                     ["codebook.yaml:33:21: key 'codes.modality.laser.lable': unknown key (did you mean 'label'?)"]),
        CodebookCase("unknown key far from any", "{column: sex, type: code}", "{column: sex, type: code, colour: red}",
                     ["codebook.yaml:17:35: key 'tables.patients.sex.colour': unknown key (expected one of column, type, required, label, min, max, min_exclusive, max_exclusive, unit, unit_by, units, to, codes, only_for, unique, item, citation)"]),
        CodebookCase("core column missing", "patient_id, type: id}\n      - {column: study_id, type: reference, to: studies}", "patient_id, type: id}",
                     ["codebook.yaml:12:3: key 'tables.patients': the core column 'study_id' is missing (expected study_id: reference to studies)"]),
        CodebookCase("core column of another type", "step, type: integer, min: 1}\n      - {column: modality", "step, type: text}\n      - {column: modality",
                     ["codebook.yaml:21:30: key 'tables.treatments.step.type': 'text' for a core column (expected integer)"]),
        CodebookCase("core reference to another table", "type: reference, to: studies}\n      - {column: age_years", "type: reference, to: study}\n      - {column: age_years",
                     ["codebook.yaml:15:49: key 'tables.patients.study_id.to': 'study' for a core column (expected reference to studies)"]),
        CodebookCase("column name reserved for ignored columns", "{column: sex, type: code}", "{column: x_sex, type: yes/no}",
                     ["codebook.yaml:17:18: key 'tables.patients.x_sex': names starting with x_ are reserved for columns the tool ignores (declare it without x_)"]),
        CodebookCase("extra column with a reserved name", "{column: sex, type: code}\n", "{column: sex, type: code}\n    extra:\n      - {column: x_healed, type: yes/no}\n",
                     ["codebook.yaml:19:18: key 'tables.patients.x_healed': names starting with x_ are reserved for columns the tool ignores (declare it without x_)"]),
        CodebookCase("level column without a scale", "{column: rob_tool, type: checklist}", "{column: rob_tool, type: checklist}\n      - {column: level, type: level}",
                     ["codebook.yaml:7:31: key 'tables.studies.level.type': a column of type level needs a scale under appraisal.levels"]),
        CodebookCase("table missing", "  adverse_events:\n    columns:\n      - {column: patient_id, type: reference, to: patients}\n      - {column: step, type: integer, min: 1}\n", "",
                     ["codebook.yaml:1:1: key 'tables': the table 'adverse_events' is missing (every codebook declares studies, patients, treatments, adverse_events)"]),
        CodebookCase("question count not a number", "questions: 10", "questions: ten",
                     ["codebook.yaml:46:66: key 'appraisal.checklists.jbi_case_series.questions': 'ten' is not an integer (expected an integer ≥ 1)"]),
        CodebookCase("code list not declared", "{column: variant, type: code}", "{column: variant, type: code, codes: variants}",
                     ["codebook.yaml:23:46: key 'tables.treatments.variant.codes': there is no code list 'variants' under codes (a code column takes the list named like it, or the one codes: names)"]),
        CodebookCase("within names no list", "within: modality", "within: modalities",
                     ["codebook.yaml:36:13: key 'codes.variant.within': 'modalities' is not a code list of this codebook"]),
        CodebookCase("code not spelt as in the CSV files", "sex: [f, m]", "sex: [f-1, m]",
                     ["codebook.yaml:31:9: key 'codes.sex[1]': 'f-1' is not a code (expected letters, digits and _)"]),
        CodebookCase("YAML syntax error", "{column: sex, type: code}", "{column: sex, type: code",
                     ["codebook.yaml:18:13: YAML syntax error: did not find expected ',' or '}'"]),
        CodebookCase("every problem in one run, in file order", edits: [("low_above: 75", "low_above: 40"), ("{column: sex, type: code}", "{column: sex, type: cod}"),
                                                                          ("of: eswl}", "of: eswi}")],
                     ["codebook.yaml:17:29: key 'tables.patients.sex.type': unknown type 'cod' (expected one of id, reference, integer, number, text, code, code list, yes/no, checklist, answer, level)",
                      "codebook.yaml:39:16: key 'codes.variant.focused.of': 'eswi' is not a code of modality (expected one of laser, eswl)",
                      "codebook.yaml:44:24: key 'appraisal.overall.low_above': 40 is below high_below 50 (expected low_above ≥ high_below)"]),
    ]

    @Test(arguments: cases)
    func badCodebook(_ test: CodebookCase) {
        var text = smallCodebook
        for (old, new) in test.edits {
            precondition(text.components(separatedBy: old).count == 2, "'\(old)' is not in the small codebook exactly once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        #expect(codebookErrors(text) == test.expected)
    }

    @Test func missingFileIsNamed() {
        #expect(throws: CodebookErrors.self) { try Codebook.read(folder: "/nonexistent-folder") }
        do {
            _ = try Codebook.read(folder: "/nonexistent-folder")
        } catch {
            #expect(error.description == "/nonexistent-folder/codebook.yaml: file not found (expected the review's codebook)\n1 error in the codebook.")
        }
    }
}
