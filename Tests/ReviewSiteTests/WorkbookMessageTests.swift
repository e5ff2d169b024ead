import Foundation
import Testing
@testable import ReviewSite

/// Issue 25, item 4: a workbook review's messages name the sheet a table
/// was read from, never a CSV file the review does not have; a table that
/// stays a CSV file is still named as one. A code not in the codebook says
/// where codes are declared, since the workbook's codes sheet looks editable.
@Suite struct WorkbookMessageTests {
    static let codesNote = "; codes are declared in codebook.yaml (the codes sheet is a copy)"

    func text(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\" s=\"2\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }

    /// prisma.yaml with 41 studies included, as its flow gives: one fewer
    /// report excluded, and one more study than the table's 40 rows.
    func flowOf41(_ fixture: DatasetFixture) throws {
        try fixture.edit("prisma.yaml", line: 18, "count: 3", "count: 2")
        try fixture.edit("prisma.yaml", line: 27, "studies: 40", "studies: 41")
    }

    @Test func thePrismaCountNamesTheStudiesSheet() throws {
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try flowOf41(fixture)
        #expect(fixture.errors() == ["data/prisma.yaml:27: key 'included.studies': '41' differs from the 40 rows of the sheet 'studies' of extraction.xlsx"])
    }

    @Test func aReferenceToAMissingParentNamesItsSheet() throws {
        let errors = try WorkbookFixture.errors { $0.setCell("treatments", "A2", text("A2", "R4-99")) }
        #expect(errors == [
            "data/extraction.xlsx: patients!A2: column 'patient_id': patient 'R4-01' has no treatment step in the sheet 'treatments' of extraction.xlsx",
            "data/extraction.xlsx: treatments!A2: column 'patient_id': 'R4-99' is not a patient_id of the sheet 'patients' of extraction.xlsx",
        ])
    }

    @Test func aStepThatIsNotThereNamesTheTreatmentsSheet() throws {
        let errors = try WorkbookFixture.errors { $0.setCell("adverse_events", "B2", "<c r=\"B2\"><v>2</v></c>") }
        #expect(errors == ["data/extraction.xlsx: adverse_events!B2: column 'step': '2' is not a step of patient 'R4-04' in the sheet 'treatments' of extraction.xlsx"])
    }

    @Test func aMissingAnswerNamesTheRiskOfBiasSheet() throws {
        let errors = try WorkbookFixture.errors { $0.setCell("risk_of_bias", "B10", "<c r=\"B10\"><v>10</v></c>") }
        #expect(errors == [
            "data/extraction.xlsx: risk_of_bias!B11: column 'question': question 10 of study 'R4' is answered twice (first on row 10)",
            "data/extraction.xlsx: studies!J2: column 'rob_tool': study 'R4' has no answer in the sheet 'risk_of_bias' of extraction.xlsx for question 9 of jbi_case_series",
        ])
    }

    /// The studies table a CSV file beside a workbook holding the others: it is named as the file.
    @Test func aTableThatStaysACSVFileIsNamedAsTheFile() throws {
        var workbook = try WorkbookFixture()
        workbook.edit("xl/workbook.xml") { $0.replacingOccurrences(of: "<sheet name=\"studies\"", with: "<sheet name=\"old studies\"") }
        workbook.setCell("patients", "B2", text("B2", "R99"))
        let fixture = try workbook.dataset()
        defer { fixture.delete() }
        try FileManager.default.copyItem(atPath: "\(defaultDataPath)/studies.csv", toPath: "\(fixture.path)/studies.csv")
        try flowOf41(fixture)
        #expect(fixture.errors() == [
            "data/extraction.xlsx: patients!B2: column 'study_id': 'R99' is not a study_id of studies.csv",
            "data/prisma.yaml:27: key 'included.studies': '41' differs from the 40 rows of studies.csv",
        ])
    }

    @Test func aCodeNotInTheCodebookSaysWhereCodesAreDeclared() throws {
        let errors = try WorkbookFixture.errors {
            $0.setCell("patients", "D2", text("D2", "female"))
            $0.setCell("patients", "I2", text("I2", "fingers;knee"))
            $0.setCell("treatments", "C2", text("C2", "injection"))
        }
        let sites = "fingers, hand, upper_limb, lower_limb, foot, trunk, buttock, pelvis, face, earlobe, eyelid, other"
        #expect(errors == [
            "data/extraction.xlsx: patients!D2: column 'sex': 'female' is not one of f, m (empty when not reported)" + Self.codesNote,
            "data/extraction.xlsx: patients!I2: column 'sites': 'knee' in 'fingers;knee' is not one of \(sites) (a list separated by ;)" + Self.codesNote,
            "data/extraction.xlsx: treatments!C2: column 'modality': 'injection' is not one of top_sts, il_sts, laser, eswl" + Self.codesNote,
        ])
    }

    /// yes and no are no list of the codebook's: nothing to point at.
    @Test func aYesNoColumnSaysNothingOfTheCodebook() throws {
        let errors = try WorkbookFixture.errors { $0.setCell("patients", "K2", text("K2", "maybe")) }
        #expect(errors == ["data/extraction.xlsx: patients!K2: column 'ulceration': 'maybe' is not one of yes, no (empty when not reported)"])
    }

    /// A team's workbook without a codes sheet: only where codes are declared.
    @Test func aWorkbookWithoutACodesSheetNamesOnlyTheCodebook() throws {
        let errors = try WorkbookFixture.errors {
            $0.edit("xl/workbook.xml") { $0.replacingOccurrences(of: "<sheet name=\"codes\"", with: "<sheet name=\"lists\"") }
            $0.setCell("patients", "D2", text("D2", "female"))
        }
        #expect(errors == ["data/extraction.xlsx: patients!D2: column 'sex': 'female' is not one of f, m (empty when not reported); codes are declared in codebook.yaml"])
    }

    /// The same mistakes in the CSV files say what they always said.
    @Test func aCSVReviewNamesItsFiles() throws {
        let errors = try errorsAfter { fixture in
            try fixture.edit("patients.csv", line: 2, "R4-01,R4,44,f,", "R4-01,R99,44,female,")
            try fixture.edit("adverse_events.csv", line: 2, "R4-04,1,", "R4-04,2,")
            try flowOf41(fixture)
        }
        #expect(errors == [
            "data/adverse_events.csv:2: column 'step': '2' is not a step of patient 'R4-04' in treatments.csv",
            "data/patients.csv:2: column 'sex': 'female' is not one of f, m (empty when not reported)",
            "data/patients.csv:2: column 'study_id': 'R99' is not a study_id of studies.csv",
            "data/prisma.yaml:27: key 'included.studies': '41' differs from the 40 rows of studies.csv",
        ])
    }
}
