import Foundation
import Testing
@testable import ReviewSite

/// Issue 25, item 5: one root cause, one message. A key given to two rows
/// (two patients entered under one id) is the error; the rows of other
/// tables that name it, grouped as one patient's or one study's, are not
/// reported again as a step or a question given twice.
@Suite struct DuplicateKeyTests {
    /// R4-02 entered as R4-01 in patients and in treatments: R4-01's step 1 twice follows from the duplicate.
    @Test func aDuplicatedPatientIsOneMessage() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("patients.csv", line: 3, "R4-02,", "R4-01,")
            try fixture.edit("treatments.csv", line: 3, "R4-02,1,", "R4-01,1,")
        }
        #expect(errors == ["data/patients.csv:3: column 'patient_id': 'R4-01' is a duplicate (first on line 2)"])
    }

    /// The case: the workbook of a team that typed one patient id twice.
    @Test func aDuplicatedPatientInAWorkbookIsOneMessage() throws {
        let errors = try WorkbookFixture.errors {
            $0.setCell("patients", "A3", "<c r=\"A3\" s=\"2\" t=\"inlineStr\"><is><t>R4-01</t></is></c>")
            $0.setCell("treatments", "A3", "<c r=\"A3\" s=\"2\" t=\"inlineStr\"><is><t>R4-01</t></is></c>")
        }
        #expect(errors == ["data/extraction.xlsx: patients!A3: column 'patient_id': 'R4-01' is a duplicate (first on row 2)"])
    }

    /// Any table whose rows name a duplicated key: R50 entered as R4, a case
    /// report's 8 answers gathered with R4's 10 to another checklist.
    @Test func aDuplicatedStudyIsOneMessage() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("studies.csv", line: 32, "R50,50,", "R4,50,")
            try fixture.edit("patients.csv", line: 128, "R50-01,R50,", "R50-01,R4,")
            for line in 265...272 { try fixture.edit("risk_of_bias.csv", line: line, "R50,", "R4,") }
        }
        #expect(errors == ["data/studies.csv:32: column 'study_id': 'R4' is a duplicate (first on line 2)"])
    }

    /// Only the duplicated key's rows are spared: another patient's step given twice is still an error.
    @Test func otherPatientsAreStillChecked() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("patients.csv", line: 3, "R4-02,", "R4-01,")
            try fixture.edit("treatments.csv", line: 3, "R4-02,1,", "R4-01,1,")
            try fixture.append("treatments.csv", "R4-03,1,il_sts,,250,250,4,,,,,\n")
        }
        #expect(errors == [
            "data/patients.csv:3: column 'patient_id': 'R4-01' is a duplicate (first on line 2)",
            "data/treatments.csv:146: column 'step': step 1 of patient 'R4-03' appears twice (first on line 4)",
        ])
    }

    /// A checklist question of a duplicated study left unanswered by both rows is its own error.
    @Test func anUnansweredQuestionOfADuplicatedStudyIsStillReported() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("studies.csv", line: 32, "R50,50,", "R4,50,")
            try fixture.edit("patients.csv", line: 128, "R50-01,R50,", "R50-01,R4,")
            for line in 265...272 { try fixture.edit("risk_of_bias.csv", line: line, "R50,", "R4,") }
            try fixture.edit("risk_of_bias.csv", line: 10, "R4,9,", "R4,8,")
        }
        #expect(errors == [
            "data/studies.csv:2: column 'rob_tool': study 'R4' has no answer in risk_of_bias.csv for question 9 of jbi_case_series",
            "data/studies.csv:32: column 'study_id': 'R4' is a duplicate (first on line 2)",
        ])
    }
}
