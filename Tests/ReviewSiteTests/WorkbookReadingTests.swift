import Foundation
import Testing
@testable import ReviewSite

/// The dataset's tables read from a workbook (docs/dataset.md, "The
/// workbook"): every kind of cell, and every error at its sheet!cell.
@Suite struct WorkbookReadingTests {
    static let tableFiles = ["studies.csv", "risk_of_bias.csv", "patients.csv", "treatments.csv", "adverse_events.csv"]

    func errors(_ change: (inout WorkbookFixture) -> Void) throws -> [String] {
        try WorkbookFixture.errors(change)
    }

    let female = "data/extraction.xlsx: patients!D2: column 'sex': 'female' is not one of f, m (empty when not reported); codes are declared in codebook.yaml (the codes sheet is a copy)"

    @Test func theWrittenWorkbookGivesTheSameFiguresAndFiles() throws {
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        let fromCSV = try loadReport(defaultDataPath), fromSheets = try loadReport(fixture.path)
        #expect(FiguresJSON.bytes(fromSheets.figures) == FiguresJSON.bytes(fromCSV.figures))
        // The downloads are the tables as CSV files, byte for byte the committed ones.
        for file in Self.tableFiles {
            let committed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(defaultDataPath)/\(file)")))
            #expect(fromSheets.files[file]?.source == .sheet(committed), "\(file)")
            #expect(fromCSV.files[file] != nil)
        }
    }

    @Test func sharedStringsJoinTheirRichTextRunsWithoutPhoneticGuides() throws {
        let errors = try errors {
            $0.addSharedStrings("<si><t>unused</t></si><si><r><t>fe</t></r><r><rPr><b/></rPr><t>male</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>")
            $0.setCell("patients", "D2", "<c r=\"D2\" t=\"s\"><v>1</v></c>")
        }
        #expect(errors == [female])
    }

    @Test func aSharedStringTheWorkbookLacksIsAnError() throws {
        let errors = try errors {
            $0.addSharedStrings("<si><t>f</t></si>")
            $0.setCell("patients", "D2", "<c r=\"D2\" t=\"s\"><v>7</v></c>")
        }
        #expect(errors == ["data/extraction.xlsx: patients!D2: column 'sex': refers to shared string 8, which the workbook does not have (the file is damaged; save the workbook again)"])
    }

    @Test func inlineStringsJoinTheirRuns() throws {
        let errors = try errors { $0.setCell("patients", "D2", "<c r=\"D2\" t=\"inlineStr\"><is><r><t>fem</t></r><r><t>ale</t></r></is></c>") }
        #expect(errors == [female])
    }

    @Test func escapesAreDecoded() throws {
        let escaped = try errors { $0.setCell("patients", "D2", "<c r=\"D2\" t=\"inlineStr\"><is><t>_x0066_emale</t></is></c>") }
        #expect(escaped == [female])
        // An escaped underscore keeps the rest as written.
        let literal = try errors { $0.setCell("patients", "D2", "<c r=\"D2\" t=\"inlineStr\"><is><t>_x005F_x0066_</t></is></c>") }
        #expect(literal == ["data/extraction.xlsx: patients!D2: column 'sex': '_x0066_' is not one of f, m (empty when not reported); codes are declared in codebook.yaml (the codes sheet is a copy)"])
        // A control character is refused as in a CSV file.
        let control = try errors { $0.setCell("patients", "F2", "<c r=\"F2\" t=\"inlineStr\"><is><t>a_x0007_b</t></is></c>") }
        #expect(control.count == 1 && control[0].hasPrefix("data/extraction.xlsx: patients!F2: column 'diagnosis_detail': "))
    }

    @Test func anIntegerColumnTakesAWholeNumberStoredAsDecimal() throws {
        #expect(try errors { $0.setCell("treatments", "G2", "<c r=\"G2\"><v>4.0</v></c>") } == [])
        let errors = try errors { $0.setCell("treatments", "G2", "<c r=\"G2\"><v>3.5</v></c>") }
        #expect(errors == ["data/extraction.xlsx: treatments!G2: column 'sessions': '3.5' is not a whole number (expected an integer ≥ 1)"])
    }

    @Test func numbersReadAsTheirShortestDecimal() {
        #expect(numberText(3.0) == "3")
        #expect(numberText(0.1) == "0.1")
        #expect(numberText(1e-05) == "0.00001")
        #expect(numberText(-2.5e-7) == "-0.00000025")
        #expect(numberText(1.5e16) == "15000000000000000")
        #expect(numberText(123456.789) == "123456.789")
    }

    @Test func aLogicalCellSaysWhatTheColumnExpects() throws {
        let errors = try errors { $0.setCell("patients", "D2", "<c r=\"D2\" t=\"b\"><v>1</v></c>") }
        #expect(errors == ["data/extraction.xlsx: patients!D2: column 'sex': is the logical value TRUE, not text (expected one of f, m, or empty when not reported; type the value as text)"])
    }

    @Test func anErrorCellIsAnError() throws {
        let errors = try errors { $0.setCell("patients", "C2", "<c r=\"C2\" t=\"e\"><v>#N/A</v></c>") }
        #expect(errors == ["data/extraction.xlsx: patients!C2: column 'age_years': holds the error '#N/A' (expected a number ≥ 0; correct the formula or the cells it uses)"])
    }

    @Test func aFormulaIsReadAsItsSavedResult() throws {
        #expect(try errors {
            $0.setCell("patients", "C2", "<c r=\"C2\"><f>40+4</f><v>44</v></c>")
            $0.setCell("patients", "D2", "<c r=\"D2\" t=\"str\"><f>LOWER(\"F\")</f><v>f</v></c>")
        } == [])
        let errors = try errors { $0.setCell("patients", "C2", "<c r=\"C2\"><f>40+4</f></c>") }
        #expect(errors == ["data/extraction.xlsx: patients!C2: column 'age_years': is a formula whose result was not saved (open the workbook in a spreadsheet program and save it, which saves the results)"])
    }

    @Test(arguments: [(14, nil), (22, nil), (164, "yyyy\\-mm\\-dd"), (165, "[$-409]d mmm yy")] as [(Int, String?)])
    func aNumberFormattedAsADateIsAnError(format: Int, code: String?) throws {
        let errors = try errors {
            $0.addStyle(numberFormat: format, code: code)
            $0.setCell("patients", "C2", "<c r=\"C2\" s=\"3\"><v>44</v></c>")
        }
        #expect(errors == ["data/extraction.xlsx: patients!C2: column 'age_years': is formatted as a date (expected a number ≥ 0; format the cell as a number or as text)"])
    }

    @Test func dateFormatsAreToldByTheirCode() {
        for code in ["d/m/yyyy", "yyyy-mm-dd h:mm:ss", "[h]:mm", "mmm", "[$-409]mmmm d, yyyy;@"] {
            #expect(NumberFormats.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "[Red]0.0", "\"days\" 0", "0.00E+00", "#,##0_);(#,##0)", "@"] {
            #expect(!NumberFormats.isDateFormat(code), "\(code)")
        }
    }

    @Test func hiddenSheetsAreNotRead() throws {
        // The codes sheet hidden: no error, and a note says it was left aside.
        var hidden = try WorkbookFixture()
        hidden.edit("xl/workbook.xml") { $0.replacingOccurrences(of: "<sheet name=\"codes\"", with: "<sheet state=\"hidden\" name=\"codes\"") }
        let folder = try hidden.dataset()
        defer { folder.delete() }
        #expect(folder.errors() == [])
        #expect(try loadDataset(folder.path).notes == ["\(folder.path)/extraction.xlsx: sheet 'codes' is hidden and was not read (unhide it if it holds rows of a table)"])
        let check = try runReviewSite(["check", "--data", folder.path, "--templates", defaultTemplatesPath])
        #expect(check.standardOutput.contains("\nNote: \(folder.path)/extraction.xlsx: sheet 'codes' is hidden and was not read (unhide it if it holds rows of a table).\n"))
        let errors = try errors { $0.edit("xl/workbook.xml") { $0.replacingOccurrences(of: "<sheet name=\"patients\"", with: "<sheet state=\"hidden\" name=\"patients\"") } }
        #expect(errors.first == "data/patients.csv: file not found (expected the patients.csv table of the dataset format, or a sheet patients in data/extraction.xlsx (it has one, but hidden: unhide it))")
    }

    @Test func emptyRowsAreIgnored() throws {
        #expect(try errors {
            $0.edit($0.sheetPath("patients")) { $0.replacingOccurrences(of: "</sheetData>", with: "<row r=\"900\"/><row r=\"901\"><c r=\"A901\" s=\"2\"/><c r=\"B901\" t=\"inlineStr\"><is><t></t></is></c></row></sheetData>") }
        } == [])
    }

    @Test func aSheetWithoutRowsIsEmpty() throws {
        let errors = try errors {
            $0.edit($0.sheetPath("adverse_events")) { $0.replacingOccurrences(of: "<sheetData>.*</sheetData>", with: "<sheetData/>", options: .regularExpression) }
        }
        #expect(errors == ["data/extraction.xlsx: adverse_events!1:1: the sheet is empty (expected a header row naming the columns)"])
    }

    @Test func aLogicalHeaderCellIsAnUnknownColumn() throws {
        let errors = try errors { $0.setCell("adverse_events", "E1", "<c r=\"E1\" t=\"b\"><v>0</v></c>") }
        #expect(errors == ["data/extraction.xlsx: adverse_events!E1: column 'FALSE': unknown column (expected one of patient_id, step, event, transient, detail; a column whose name starts with x_ is ignored)"])
    }

    @Test func aTableInBothTheWorkbookAndACSVFileIsAnError() throws {
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try FileManager.default.copyItem(atPath: "\(defaultDataPath)/patients.csv", toPath: "\(fixture.path)/patients.csv")
        #expect(fixture.errors().contains("data/extraction.xlsx: patients: the sheet and data/patients.csv both hold the patients table (expected one of them: delete the sheet or the file)"))
    }

    @Test func aTableMayStayACSVFile() throws {
        var workbook = try WorkbookFixture()
        workbook.edit("xl/workbook.xml") { $0.replacingOccurrences(of: "<sheet name=\"studies\"", with: "<sheet name=\"old studies\"") }
        let fixture = try workbook.dataset()
        defer { fixture.delete() }
        try FileManager.default.copyItem(atPath: "\(defaultDataPath)/studies.csv", toPath: "\(fixture.path)/studies.csv")
        #expect(fixture.errors() == [])
    }

    @Test func aDuplicateKeyNamesTheEarlierRow() throws {
        let errors = try errors { $0.setCell("patients", "A3", "<c r=\"A3\" s=\"2\" t=\"inlineStr\"><is><t>R4-01</t></is></c>") }
        #expect(errors.first == "data/extraction.xlsx: patients!A3: column 'patient_id': 'R4-01' is a duplicate (first on row 2)")
    }

    @Test func aCheckBetweenTablesPointsAtTheCell() throws {
        let errors = try errors { $0.setCell("treatments", "A2", "<c r=\"A2\" s=\"2\" t=\"inlineStr\"><is><t>R4-99</t></is></c>") }
        #expect(errors.contains("data/extraction.xlsx: treatments!A2: column 'patient_id': 'R4-99' is not a patient_id of the sheet 'patients' of extraction.xlsx"))
    }

    @Test func aHeaderProblemPointsAtTheHeaderCell() throws {
        let errors = try errors { $0.setCell("patients", "D1", "<c r=\"D1\" s=\"1\" t=\"inlineStr\"><is><t>gender</t></is></c>") }
        #expect(errors.count == 1 && errors[0].hasPrefix("data/extraction.xlsx: patients!D1: column 'gender': unknown column (expected one of patient_id, study_id, "))
    }

    @Test func aValueRightOfTheHeaderIsAnError() throws {
        let errors = try errors {
            $0.edit($0.sheetPath("patients")) { text in
                let row = text.range(of: "<row r=\"2\">.*?</row>", options: .regularExpression)!
                let end = text[row].range(of: "</row>")!.lowerBound
                return text.replacingCharacters(in: end..<end, with: "<c r=\"X2\" t=\"inlineStr\"><is><t>oops</t></is></c>")
            }
        }
        #expect(errors.first == "data/extraction.xlsx: patients!X2: 'oops' is right of the header's last column (name the column in the header row, or clear the cell)")
    }

    @Test func malformedXMLIsAnErrorOfTheSheet() throws {
        let errors = try errors { $0.setCell("treatments", "G2", "<c r=\"G2\"><v>4&bad;</v></c>") }
        #expect(errors.count == 1 && errors[0].hasPrefix("data/extraction.xlsx: treatments: is not well-formed XML (an unknown entity &bad;, at byte ") && errors[0].hasSuffix(" of 'xl/worksheets/sheet4.xml'; save the workbook again in a spreadsheet program)"))
    }

    @Test func aFileThatIsNoWorkbookIsAnError() throws {
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try fixture.write("extraction.xlsx", "patient_id,sex\n")
        #expect(fixture.errors() == ["data/extraction.xlsx: is not a readable .xlsx workbook (not a ZIP archive; expected a workbook saved by a spreadsheet program as .xlsx)"])
    }

    @Test func anyOneWorkbookIsRead() throws {
        let fixture = try WorkbookFixture().dataset(named: "team sheet.xlsx")
        defer { fixture.delete() }
        #expect(fixture.errors() == [])
        try fixture.writeBytes("other.xlsx", try WorkbookFixture().bytes())
        #expect(fixture.errors().first == "data: has 2 workbooks ('other.xlsx', 'team sheet.xlsx'): expected at most one, or one named extraction.xlsx")
    }

    /// FuzzWorkbook (`z` + a workbook whose directory points past its end)
    /// trapped in ZIPFoundation's archive in memory: the file is now read as a file.
    @Test func aDirectoryPastTheEndIsAnErrorNotATrap() throws {
        let bytes = try Data(contentsOf: repositoryRoot.appendingPathComponent("fuzz/crashes/FuzzWorkbook-directory-past-end"))
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try fixture.writeBytes("extraction.xlsx", Array(bytes.dropFirst()))
        #expect(fixture.errors() == ["data/extraction.xlsx: has no part 'xl/workbook.xml' (expected a workbook saved by a spreadsheet program as .xlsx)"])
    }

    @Test func aPartIsInflatedOnlyUpToTheLimit() throws {
        let bytes = try WorkbookWriter.zip([("big.xml", String(repeating: "<a/>", count: 50_000))])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: WorkbookProblem.self) { _ = try Workbook.part(inFile: file.path, "big.xml", limit: 100_000) }
        #expect(try Workbook.part(inFile: file.path, "big.xml", limit: 200_000).count == 200_000)
    }
}
