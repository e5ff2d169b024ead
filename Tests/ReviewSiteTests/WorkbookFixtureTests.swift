import Foundation
import Testing
@testable import ReviewSite

/// Workbooks as openpyxl and LibreOffice write them (Fixtures/workbooks/make.py).
@Suite struct WorkbookFixtureTests {
    /// The default dataset with `workbook` in place of its CSV files.
    func dataset(_ workbook: String) throws -> DatasetFixture {
        let fixture = try DatasetFixture()
        for file in WorkbookReadingTests.tableFiles { try fixture.remove(file) }
        try FileManager.default.copyItem(atPath: "\(workbookFixtures)/\(workbook)", toPath: "\(fixture.path)/extraction.xlsx")
        return fixture
    }

    @Test(arguments: ["openpyxl.xlsx", "libreoffice.xlsx"])
    func aWorkbookSavedByAnotherProgramGivesTheSameFigures(_ workbook: String) throws {
        let fixture = try dataset(workbook)
        defer { fixture.delete() }
        let fromCSV = try loadReport(defaultDataPath), fromSheets = try loadReport(fixture.path)
        #expect(FiguresJSON.bytes(fromSheets.figures) == FiguresJSON.bytes(fromCSV.figures))
        for file in WorkbookReadingTests.tableFiles {
            let committed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(defaultDataPath)/\(file)")))
            #expect(fromSheets.files[file]?.source == .sheet(committed), "\(file)")
            #expect(fromCSV.files[file] != nil)
        }
    }

    /// Row 2 of the kinds sheet, cell by cell: its text or its problem.
    func kinds(_ workbook: String) throws -> (rows: [Int], cells: [String: String], problems: [String: CellProblem], hidden: [String]) {
        let book = try Workbook(file: workbook, path: "\(workbookFixtures)/\(workbook)")
        let sheet = try #require(book.sheet(named: "kinds"))
        var rows: [Int] = [], cells: [String: String] = [:], problems: [String: CellProblem] = [:]
        try SheetReader(workbook: book, sheet: sheet).forEachRow(try book.sheetXML(sheet)) { row in
            rows.append(row.number)
            guard row.number == 2 else { return true }
            for index in row.cells.indices { cells[SheetCell.letters(row.cells[index].column)] = row.text(index) }
            for (column, problem) in row.problems { problems[SheetCell.letters(column)] = problem }
            return true
        }
        return (rows, cells, problems, book.hiddenSheets)
    }

    @Test func openpyxlCellKinds() throws {
        let read = try kinds("kinds-openpyxl.xlsx")
        // The empty rows after row 3 are not rows.
        #expect(read.rows == [1, 2, 3])
        #expect(read.cells == ["A": "plain", "B": "3", "C": "3.5", "H": "a_b"])
        // openpyxl saves a formula without its result, and dates with its own format (id 164).
        #expect(read.problems == ["D": .logical(true), "E": .date, "F": .noResult, "G": .error("#N/A")])
        #expect(read.hidden == ["secret"])
    }

    @Test func libreOfficeCellKinds() throws {
        let read = try kinds("kinds-libreoffice.xlsx")
        #expect(read.rows == [1, 2, 3])
        // LibreOffice computed the formula and wrote shared strings.
        #expect(read.cells == ["A": "plain", "B": "3", "C": "3.5", "F": "3", "H": "a_b"])
        #expect(read.problems == ["D": .logical(true), "E": .date, "G": .error("#N/A")])
        #expect(read.hidden == ["secret"])
    }
}
