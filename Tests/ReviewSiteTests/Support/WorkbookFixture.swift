import Foundation
@testable import ReviewSite

/// The default dataset with its tables as a workbook written by
/// WorkbookWriter, whose parts a test edits (a cell, the styles, a shared
/// string table) before the workbook replaces the CSV files.
struct WorkbookFixture {
    var parts: [(path: String, text: String)]

    init(from source: String = defaultDataPath) throws {
        let (codebook, tables) = try WorkbookWriter.dataset(source)
        parts = WorkbookWriter.parts(codebook: codebook, tables: tables)
    }

    /// The part of the sheet of `table` (sheets are in the codebook's order, then codes).
    func sheetPath(_ table: String) -> String {
        let names = ["studies", "risk_of_bias", "patients", "treatments", "adverse_events", "codes"]
        return "xl/worksheets/sheet\(names.firstIndex(of: table)! + 1).xml"
    }

    mutating func edit(_ path: String, _ change: (String) -> String) {
        let index = parts.firstIndex { $0.path == path }!
        let before = parts[index].text
        parts[index].text = change(before)
        precondition(parts[index].text != before, "\(path) unchanged")
    }

    /// Replaces the whole `<c>` of a cell (`D2`) of a table's sheet.
    mutating func setCell(_ table: String, _ reference: String, _ xml: String) {
        edit(sheetPath(table)) { text in
            let pattern = "<c r=\"\(reference)\"[^>]*?(/>|>.*?</c>)"
            let range = text.range(of: pattern, options: .regularExpression)!
            return text.replacingCharacters(in: range, with: xml)
        }
    }

    /// Adds a shared string table (`<si>` elements) to the package.
    mutating func addSharedStrings(_ items: String) {
        parts.append(("xl/sharedStrings.xml", WorkbookParts.header + "<sst xmlns=\"\(WorkbookParts.main)\">\(items)</sst>"))
        edit("xl/_rels/workbook.xml.rels") {
            $0.replacingOccurrences(of: "</Relationships>", with: "<Relationship Id=\"rId99\" Type=\"\(WorkbookParts.relationshipsNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")
        }
    }

    /// Adds cell styles after the writer's three: style 3 is numFmt `id`, with `code` when given.
    mutating func addStyle(numberFormat id: Int, code: String? = nil) {
        edit("xl/styles.xml") { text in
            var text = text.replacingOccurrences(of: "<cellXfs count=\"3\">", with: "<cellXfs count=\"4\">")
                .replacingOccurrences(of: "</cellXfs>", with: "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>")
            if let code {
                text = text.replacingOccurrences(of: "<fonts", with: "<numFmts count=\"1\"><numFmt numFmtId=\"\(id)\" formatCode=\"\(code)\"/></numFmts><fonts")
            }
            return text
        }
    }

    func bytes() throws -> [UInt8] {
        try WorkbookWriter.zip(parts)
    }

    /// A copy of the dataset with the workbook in place of its CSV files.
    func dataset(named name: String = "extraction.xlsx") throws -> DatasetFixture {
        let fixture = try DatasetFixture()
        for table in ["studies", "risk_of_bias", "patients", "treatments", "adverse_events"] { try fixture.remove("\(table).csv") }
        try fixture.writeBytes(name, try bytes())
        return fixture
    }
}

/// The committed workbooks of Fixtures/workbooks (made by make.py).
let workbookFixtures = repositoryRoot.appendingPathComponent("Tests/ReviewSiteTests/Fixtures/workbooks").path

extension WorkbookFixture {
    /// Errors of the default dataset whose workbook had `change` made to it.
    static func errors(_ change: (inout WorkbookFixture) -> Void) throws -> [String] {
        var workbook = try WorkbookFixture()
        change(&workbook)
        let fixture = try workbook.dataset()
        defer { fixture.delete() }
        return fixture.errors()
    }
}
