import Foundation
import Testing
@testable import ReviewSite

/// Issue 24, C1: `reviewsite workbook` reads the review as `check` does, so
/// a workbook review's rows, x_ columns and own sheets reach the new
/// workbook; what it could not keep is refused by name, never dropped.
@Suite struct WorkbookCarryOverTests {
    /// Runs `workbook --out new.xlsx` in `scratch`; returns the new workbook's path.
    func write(in scratch: Scratch, _ expected: String) throws -> String {
        let result = try runReviewSite(["workbook", "--out", "new.xlsx"], in: URL(fileURLWithPath: scratch.path))
        #expect(result.standardError == "")
        #expect(result.status == 0)
        #expect(result.standardOutput == expected + "\n")
        return scratch.path + "/new.xlsx"
    }

    /// The default dataset's YAML files with `workbook` as its tables.
    func review(with workbook: String) throws -> DatasetFixture {
        let fixture = try DatasetFixture()
        try TeamWorkbook.install([UInt8](Data(contentsOf: URL(fileURLWithPath: workbook))), in: fixture.path)
        return fixture
    }

    @Test func aCSVReviewGivesItsRows() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let written = try review(with: write(in: scratch, "new.xlsx: 6 sheets, 689 rows from data/."))
        defer { written.delete() }
        let tables = try TeamWorkbook.tables(of: written.path)
        for file in TeamWorkbook.tableFiles {
            let committed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(defaultDataPath)/\(file)")))
            #expect(tables[file]?.source == .sheet(committed), "\(file)")
        }
    }

    /// C1: the rows came out as 0 when the review was a workbook.
    @Test func aWorkbookReviewGivesItsRows() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let saved = try [UInt8](Data(contentsOf: URL(fileURLWithPath: workbookFixtures + "/libreoffice.xlsx")))
        try TeamWorkbook.install(saved, in: scratch.path + "/data")
        let written = try review(with: write(in: scratch, "new.xlsx: 6 sheets, 689 rows from data/extraction.xlsx."))
        defer { written.delete() }
        let tables = try TeamWorkbook.tables(of: written.path)
        let read = try TeamWorkbook.tables(of: scratch.path + "/data")
        #expect(tables.count == 5)
        for file in TeamWorkbook.tableFiles { #expect(tables[file] == read[file], "\(file)") }
    }

    @Test func theTeamsColumnAndSheetAreCarriedOver() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try TeamWorkbook.install(TeamWorkbook.bytes(), in: scratch.path + "/data")
        let path = try write(in: scratch, "new.xlsx: 7 sheets, 689 rows from data/extraction.xlsx.")
        let written = try review(with: path)
        defer { written.delete() }
        // Every table as read, the x_notes column included in the studies' text.
        #expect(try TeamWorkbook.tables(of: written.path) == TeamWorkbook.tables(of: scratch.path + "/data"))

        let workbook = try Workbook(file: "new.xlsx", path: path)
        #expect(workbook.sheets.map(\.name) == ["studies", "risk_of_bias", "patients", "treatments", "adverse_events", "codes", TeamWorkbook.log])
        let studies = try workbook.texts(of: workbook.sheet(named: "studies")!).rows
        #expect(studies[0].texts.last == "x_notes")
        #expect(studies[1].texts.last == "ask the authors")
        #expect(studies[2].texts.last == "42")
        let log = try workbook.texts(of: workbook.sheet(named: TeamWorkbook.log)!).rows
        #expect(log.map(\.number) == [1, 3])
        #expect(log.map(\.texts) == [["record", "decision"], ["PMID 123", "3.5", "2", "", "TRUE"]])
        // As text: no number, formula or logical cell is left, and 42 stays the text 42.
        let logXML = String(decoding: try Workbook.part(inFile: path, workbook.sheet(named: TeamWorkbook.log)!.part, limit: 1 << 20), as: UTF8.self)
        #expect(!logXML.contains("<v>") && !logXML.contains("<f>") && !logXML.contains("t=\"b\""))
        #expect(logXML.contains("<c r=\"B3\" s=\"2\" t=\"inlineStr\"><is><t>3.5</t></is></c>"))
        let studiesXML = String(decoding: try Workbook.part(inFile: path, "xl/worksheets/sheet1.xml", limit: 1 << 24), as: UTF8.self)
        #expect(studiesXML.contains("t=\"inlineStr\"><is><t>42</t></is></c></row>"))
        // Written again from itself, the workbook is the same bytes.
        #expect(try WorkbookWriter.workbook(fromDataset: written.path).bytes == [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test(arguments: [
        (TeamWorkbookCase.hiddenSheet, "data/extraction.xlsx: sheet 'old' is hidden, and the new workbook would not keep it (unhide it to have its cells carried over as text, or delete it)"),
        (TeamWorkbookCase.formulaWithoutResult, "data/extraction.xlsx: 'screening log'!F3: is a formula whose result was not saved (open the workbook in a spreadsheet program and save it, which saves the results)"),
        (TeamWorkbookCase.sheetNamedLikeATable, "data/extraction.xlsx: Studies: the new workbook has a sheet studies, and a spreadsheet cannot hold this sheet beside it (names differing only in case are the same name): rename the sheet"),
    ])
    func whatCannotBeKeptIsRefusedByName(_ change: TeamWorkbookCase, _ expected: String) throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try TeamWorkbook.install(change.bytes(), in: scratch.path + "/data")
        let before = try TeamWorkbook.snapshot(scratch.path)
        let result = try runReviewSite(["workbook", "--out", "new.xlsx"], in: URL(fileURLWithPath: scratch.path))
        #expect(result.standardError == expected + "\n1 error in the dataset.\n")
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(try TeamWorkbook.snapshot(scratch.path) == before)
    }
}

enum TeamWorkbookCase: Sendable {
    case hiddenSheet, formulaWithoutResult, sheetNamedLikeATable

    func bytes() throws -> [UInt8] {
        switch self {
        case .hiddenSheet: return try TeamWorkbook.bytes(hiddenSheet: true)
        case .formulaWithoutResult: return try TeamWorkbook.bytes(moreCells: "<c r=\"F3\"><f>NOW()</f></c>")
        case .sheetNamedLikeATable:
            var parts = WorkbookWriter.parts(codebook: try WorkbookWriter.dataset(defaultDataPath).0, tables: try WorkbookWriter.dataset(defaultDataPath).1)
            TeamWorkbook.add(&parts, sheet: "Studies", number: 7, xml: WorkbookParts.header + "<worksheet \(WorkbookParts.namespaces)><sheetData/></worksheet>")
            return try WorkbookWriter.zip(parts)
        }
    }
}
