/// The `codes` sheet: every code of every list with its label, one list
/// after another, so that each code column's drop-down is a range of it.
/// Codes are declared in the codebook: the sheet is protected, and its
/// first row says so, the table below it.
struct CodesSheet {
    struct List {
        var name: String
        /// The sheet's rows of the list's codes.
        var rows: Range<Int>
    }

    private(set) var lists: [List] = []
    private var entries: [(list: String, code: String, label: String)] = []

    init(_ codebook: Codebook) {
        for list in codebook.codeLists { add(list.name, list.codes.map { ($0.code, $0.label) }) }
        add(Self.yesNo, [("yes", "yes"), ("no", "no")])
        add(Self.checklists, codebook.appraisal.checklists.map { ($0.code, $0.label) })
        var answers: [(String, String)] = []
        for checklist in codebook.appraisal.checklists {
            for answer in checklist.answers where !answers.contains(where: { $0.0 == answer.code }) { answers.append((answer.code, answer.label)) }
        }
        add(Self.answers, answers)
        add(Self.levels, codebook.appraisal.levels.map { ($0.code, $0.label) })
    }

    static let yesNo = "yes/no", checklists = "checklists", answers = "answers", levels = "levels"

    /// The sheet's first row.
    static let note = "The codes are declared in \(Codebook.fileName): this sheet is only a copy, for the drop-down lists, and is not read."
        + " To add or change a code, edit \(Codebook.fileName), then write the workbook again (reviewsite workbook)."
    /// The row of the header (list, code, label); the codes follow it.
    static let headerRow = 2

    private mutating func add(_ name: String, _ codes: [(String, String)]) {
        guard !codes.isEmpty else { return }
        let first = entries.count + Self.headerRow + 1
        entries += codes.map { (name, $0.0, $0.1) }
        lists.append(List(name: name, rows: first..<entries.count + Self.headerRow + 1))
    }

    /// The list a column's codes come from; nil for columns without codes.
    func range(of column: Codebook.Column) -> List? {
        let name: String?
        switch column.type {
        case .code, .codeList: name = column.codeList
        case .yesNo: name = Self.yesNo
        case .checklist: name = Self.checklists
        case .answer: name = Self.answers
        case .level: name = Self.levels
        case .id, .reference, .text, .integer, .number: name = nil
        }
        return lists.first { $0.name == name }
    }

    func xml() -> String {
        let header = Self.headerRow
        var xml = WorkbookParts.header + "<worksheet \(WorkbookParts.namespaces)>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(header)\" topLeftCell=\"A\(header + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        xml += "<cols><col min=\"1\" max=\"2\" width=\"20\" customWidth=\"1\" style=\"2\"/><col min=\"3\" max=\"3\" width=\"50\" customWidth=\"1\" style=\"2\"/></cols><sheetData>"
        xml += "<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>\(xmlText(Self.note))</t></is></c></row>"
        let rows = [("list", "code", "label")] + entries.map { ($0.list, $0.code, $0.label) }
        for (index, row) in rows.enumerated() {
            let style = index == 0 ? 1 : 2, number = header + index
            xml += "<row r=\"\(number)\">"
            for (column, value) in [row.0, row.1, row.2].enumerated() {
                xml += "<c r=\"\(SheetCell.letters(column))\(number)\" s=\"\(style)\" t=\"inlineStr\"><is><t>\(xmlText(value))</t></is></c>"
            }
            xml += "</row>"
        }
        // Protected without a password: a reminder, not a lock (Review, Unprotect Sheet).
        return xml + "</sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"/></worksheet>"
    }
}

/// The fixed parts of the workbook's package.
enum WorkbookParts {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let namespaces = "xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\""
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(_ hasComments: [Bool]) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for (index, comments) in hasComments.enumerated() {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            if comments {
                xml += "<Override PartName=\"/xl/comments\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>"
            }
        }
        return xml + "</Types>"
    }

    static let rootRelationships = header + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(_ sheets: [String]) -> String {
        var xml = header + "<workbook \(namespaces)><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in sheets.enumerated() {
            xml += "<sheet name=\"\(xmlText(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(_ sheetCount: Int) -> String {
        var xml = header + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in 0..<sheetCount {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    static func sheetRelationships(_ number: Int) -> String {
        header + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/comments\" Target=\"../comments\(number).xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relationshipsNamespace)/vmlDrawing\" Target=\"../drawings/vmlDrawing\(number).vml\"/>"
            + "</Relationships>"
    }

    /// Style 0 the default, 1 the header (bold, text), 2 text cells: typed
    /// ids such as 001 stay text rather than become numbers.
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
