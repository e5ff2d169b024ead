/// A sheet's cells as text, unchecked, for `reviewsite workbook`, which
/// writes them into a new workbook: the rows with something in them, each
/// cell's text at its column, and the cells whose value has no text.
struct SheetTexts {
    struct Row {
        /// The row's number in the sheet, from 1.
        var number: Int
        /// Every column's text up to the row's last cell, "" for empty cells.
        var texts: [String]
    }

    var rows: [Row] = []
    /// Cells that would be lost as text: a date, a formula without a saved
    /// result, a missing shared string, bytes that are not UTF-8.
    var lost: [(row: Int, column: Int, problem: CellProblem)] = []
}

extension Workbook {
    /// Every row of `sheet` with its cells' text; TRUE, FALSE and error
    /// values as a spreadsheet shows them (as the site's downloads do).
    func texts(of sheet: Sheet) throws(WorkbookProblem) -> SheetTexts {
        let xml = try sheetXML(sheet)
        var texts = SheetTexts()
        try SheetReader(workbook: self, sheet: sheet).forEachRow(xml) { row in
            texts.rows.append(SheetTexts.Row(number: row.number, texts: row.texts(width: row.width)))
            for (column, problem) in row.problems where problem.shown.isEmpty {
                texts.lost.append((row.number, column, problem))
            }
            return true
        }
        return texts
    }
}
