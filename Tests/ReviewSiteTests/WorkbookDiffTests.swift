import Foundation
import Testing
@testable import ReviewSite

/// `diff` and `build --baseline` on a dataset whose tables are a workbook.
@Suite struct WorkbookDiffTests {
    @Test func aChangedCellNamesItsSheetAndCell() throws {
        var workbook = try WorkbookFixture()
        workbook.setCell("patients", "D2", "<c r=\"D2\" s=\"2\" t=\"inlineStr\"><is><t>m</t></is></c>")
        let head = try workbook.dataset()
        defer { head.delete() }
        // Against the CSV files: the base is CSV, the head a workbook.
        let changes = DataChanges.between(defaultDataPath, head.path)
        #expect(changes.cells == [CellChange(file: "patients.csv", key: "R4-01", column: "sex", old: "f", new: "m", cell: "patients!D2")])
        // Both sides workbooks, the change the other way.
        let base = try WorkbookFixture().dataset()
        defer { base.delete() }
        #expect(DataChanges.between(head.path, base.path).cells == [CellChange(file: "patients.csv", key: "R4-01", column: "sex", old: "m", new: "f", cell: "patients!D2")])
    }

    @Test func theSameDataAsCSVOrWorkbookAreNoChange() throws {
        let workbook = try WorkbookFixture().dataset()
        defer { workbook.delete() }
        #expect(DataChanges.between(defaultDataPath, workbook.path).isEmpty)
    }
}
