/// One table's sheet of the extraction workbook.
struct TableSheet {
    let table: Codebook.Table
    let text: WorkbookWriter.TableText
    let codebook: Codebook
    let codes: CodesSheet

    /// The codebook's column under each header name; nil for x_ and unknown columns.
    private var columns: [Codebook.Column?] { text.header.map { table.column($0) } }

    func xml() -> String {
        let columns = self.columns
        var xml = WorkbookParts.header + "<worksheet \(WorkbookParts.namespaces)>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        if !text.header.isEmpty {
            xml += "<cols>"
            for (index, name) in text.header.enumerated() {
                let width = min(max(name.count + 4, 10), 40)
                let style = columns[index].map(Self.isNumeric) == true ? "" : " style=\"2\""
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"\(style)/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, text.header.map { ($0, false) }, style: 1)
        for (index, values) in text.rows.enumerated() {
            let cells = values.enumerated().map { field, value in
                (value, field < columns.count && columns[field].map(Self.isNumeric) == true && Self.isPlainNumber(value))
            }
            xml += row(index + 2, cells, style: 2)
        }
        xml += "</sheetData>"
        let validations = columns.enumerated().compactMap { index, column in column.flatMap { validation($0, at: index) } }
        if !validations.isEmpty {
            xml += "<dataValidations count=\"\(validations.count)\">" + validations.joined() + "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        if !text.header.isEmpty { xml += "<legacyDrawing r:id=\"rId2\"/>" }
        return xml + "</worksheet>"
    }

    /// A row of cells: numbers as numbers, the rest as inline strings; empty cells left out.
    private func row(_ number: Int, _ cells: [(value: String, isNumber: Bool)], style: Int) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() where !cell.value.isEmpty {
            let reference = "\(SheetCell.letters(index))\(number)"
            if cell.isNumber {
                xml += "<c r=\"\(reference)\"><v>\(cell.value)</v></c>"
            } else {
                let space = cell.value.first?.isWhitespace == true || cell.value.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t\(space)>\(xmlText(cell.value))</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// A drop-down of the column's codes, or a number check with its bounds.
    private func validation(_ column: Codebook.Column, at index: Int) -> String? {
        let letters = SheetCell.letters(index)
        let range = "\(letters)2:\(letters)\(SheetCell.maxRows)"
        if let list = codes.range(of: column) {
            // A code list holds several codes separated by ;, which a list check would refuse: offer, do not check.
            let check = column.type == .codeList ? "0" : "1"
            let message = xmlText("Expected a code of the list \(list.name) (see the sheet \(WorkbookWriter.codesSheet)); \(Self.emptyCell(column))")
            return "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"0\" showErrorMessage=\"\(check)\" errorTitle=\"\(xmlText(column.name))\" error=\"\(message)\" sqref=\"\(range)\">"
                + "<formula1>\(WorkbookWriter.codesSheet)!$B$\(list.rows.lowerBound):$B$\(list.rows.upperBound - 1)</formula1></dataValidation>"
        }
        guard Self.isNumeric(column) else { return nil }
        let bounds = column.bounds
        let type = column.type == .integer ? "whole" : "decimal"
        let low = bounds.min.map(numberText) ?? "-1000000000000000", high = bounds.max.map(numberText) ?? "1000000000000000"
        let (operation, first, second): (String, String, String?)
        switch (bounds.min, bounds.max) {
        case (_?, nil): (operation, first, second) = (bounds.minExclusive ? "greaterThan" : "greaterThanOrEqual", low, nil)
        case (nil, _?): (operation, first, second) = (bounds.maxExclusive ? "lessThan" : "lessThanOrEqual", high, nil)
        default: (operation, first, second) = ("between", low, high)
        }
        let rule = NumberRule(bounds, integer: column.type == .integer)
        let message = xmlText("Expected \(rule.expected); \(Self.emptyCell(column))")
        return "<dataValidation type=\"\(type)\" operator=\"\(operation)\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"\(xmlText(column.name))\" error=\"\(message)\" sqref=\"\(range)\">"
            + "<formula1>\(first)</formula1>" + (second.map { "<formula2>\($0)</formula2>" } ?? "") + "</dataValidation>"
    }

    /// What the header's note says of a column: its label, type, unit and bounds.
    func note(_ column: Codebook.Column?) -> String {
        guard let column else { return "Not in the codebook: not read (a column whose name starts with x_ is ignored)." }
        var lines = [column.label]
        switch column.type {
        case .integer, .number: lines.append(NumberRule(column.bounds, integer: column.type == .integer).expected.capitalizedFirst)
        case .id: lines.append("An id: each row's own, once in the table.")
        case .reference: lines.append("A \(column.references.flatMap { codebook.table($0)?.allColumns.first { $0.type == .id }?.name } ?? "key") of the sheet \(column.references ?? "")")
        case .text: lines.append("Text")
        case .codeList: lines.append("Codes of the list \(codes.range(of: column)?.name ?? ""), separated by ; (see the sheet \(WorkbookWriter.codesSheet))")
        case .code, .yesNo, .checklist, .answer, .level:
            lines.append("A code of the list \(codes.range(of: column)?.name ?? "") (see the sheet \(WorkbookWriter.codesSheet))")
        }
        if let unit = column.unit { lines.append("Unit: \(unit)") }
        if let by = column.unitBy {
            lines.append("Unit by \(by): " + column.units.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if let condition = column.onlyFor { lines.append("Only for \(condition.column) \(condition.codes.joined(separator: " or "))") }
        lines.append(column.required ? "Required." : "Empty when not reported.")
        return lines.joined(separator: "\n")
    }

    func commentsXML() -> String? {
        guard !text.header.isEmpty else { return nil }
        let columns = self.columns
        var xml = WorkbookParts.header + "<comments xmlns=\"\(WorkbookParts.main)\"><authors><author>reviewsite</author></authors><commentList>"
        for (index, column) in columns.enumerated() {
            xml += "<comment ref=\"\(SheetCell.letters(index))1\" authorId=\"0\"><text><t xml:space=\"preserve\">\(xmlText(note(column)))</t></text></comment>"
        }
        return xml + "</commentList></comments>"
    }

    /// The notes' boxes, which Excel needs to show them (LibreOffice reads the comments alone).
    func vml() -> String? {
        guard !text.header.isEmpty else { return nil }
        let sheet = (codebook.tables.firstIndex { $0.name == table.name } ?? 0) + 1
        var xml = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
        xml += "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"\(sheet)\"/></o:shapelayout>"
        xml += "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"
        for index in text.header.indices {
            xml += "<v:shape id=\"_x0000_s\(sheet * 1024 + index + 1)\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:60pt;margin-top:2pt;width:200pt;height:80pt;z-index:\(index + 1);visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">"
            xml += "<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox/>"
            xml += "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>\(index + 1), 15, 0, 2, \(index + 4), 15, 5, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>\(index)</x:Column></x:ClientData></v:shape>"
        }
        return xml + "</xml>"
    }

    /// What a drop-down or number check's message says of an empty cell.
    static func emptyCell(_ column: Codebook.Column) -> String {
        column.required ? "the value is required (a row cannot leave it empty)." : "leave empty when not reported."
    }

    static func isNumeric(_ column: Codebook.Column) -> Bool {
        column.type == .integer || column.type == .number
    }

    /// A number cell reads back as the same text: plain digits, written as the reader formats them.
    static func isPlainNumber(_ text: String) -> Bool {
        var text = text
        guard let value = text.withUTF8({ parseDecimal($0) }) else { return false }
        return numberText(value) == text
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
