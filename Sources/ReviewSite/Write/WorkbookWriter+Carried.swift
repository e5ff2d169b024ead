/// A sheet of the team's workbook that the codebook does not declare (their
/// notes, a screening log), carried into the new workbook: every cell's
/// value as text, at its row and column. Formatting and formulas are not
/// kept, only what the cells show.
struct CarriedSheet: Sendable {
    var name: String
    var rows: [SheetTexts.Row]

    func xml() -> String {
        var xml = WorkbookParts.header + "<worksheet \(WorkbookParts.namespaces)><sheetData>"
        for row in rows {
            xml += "<row r=\"\(row.number)\">"
            for (column, value) in row.texts.enumerated() where !value.isEmpty {
                let space = value.first?.isWhitespace == true || value.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                xml += "<c r=\"\(SheetCell.letters(column))\(row.number)\" s=\"2\" t=\"inlineStr\"><is><t\(space)>\(xmlText(value))</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }
}
