import Foundation
import Testing
@testable import ReviewSite

/// Issue 25, item 4: the workbook's codes sheet is protected under a first
/// row saying that codes are declared in codebook.yaml; the drop-down lists
/// still take their codes from the right rows; a required column's check
/// says the value is required.
@Suite struct WrittenCodesSheetTests {
    static let note = "The codes are declared in codebook.yaml: this sheet is only a copy, for the drop-down lists, and is not read."
        + " To add or change a code, edit codebook.yaml, then write the workbook again (reviewsite workbook)."

    /// The default dataset's workbook, written to a temporary file and opened by the reader.
    func written() throws -> (parts: [(path: String, text: String)], workbook: Workbook, codebook: Codebook, folder: String) {
        let (codebook, tables) = try WorkbookWriter.dataset(defaultDataPath)
        let parts = WorkbookWriter.parts(codebook: codebook, tables: tables)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-codes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data(try WorkbookWriter.zip(parts)).write(to: URL(fileURLWithPath: "\(folder)/extraction.xlsx"))
        return (parts, try Workbook(file: "extraction.xlsx", path: "\(folder)/extraction.xlsx"), codebook, folder)
    }

    func part(_ parts: [(path: String, text: String)], _ path: String) -> String {
        parts.first { $0.path == path }?.text ?? ""
    }

    @Test func theCodesSheetIsProtectedUnderItsNote() throws {
        let (parts, workbook, _, folder) = try written()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xml = part(parts, "xl/worksheets/sheet6.xml")
        #expect(xml.hasSuffix("</sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"/></worksheet>"))
        #expect(xml.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        let rows = try workbook.texts(of: try #require(workbook.sheet(named: "codes"))).rows
        #expect(rows.prefix(3).map(\.texts) == [[Self.note], ["list", "code", "label"], ["design", "pilot_rct", "pilot RCT"]])
        #expect(rows.map(\.number) == Array(1...rows.count))
        // The table sheets are not protected: only the copy is.
        for number in 1...5 { #expect(!part(parts, "xl/worksheets/sheet\(number).xml").contains("sheetProtection")) }
    }

    /// Every drop-down's range is exactly its column's codes, in the codebook's order.
    @Test func everyDropDownListsItsColumnsCodes() throws {
        let (parts, workbook, codebook, folder) = try written()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let codes = try workbook.texts(of: try #require(workbook.sheet(named: "codes"))).rows
        var checked = 0
        for (index, table) in codebook.tables.enumerated() {
            let xml = part(parts, "xl/worksheets/sheet\(index + 1).xml")
            let pattern = #/sqref="([A-Z]+)2:[A-Z]+1048576"><formula1>codes!\$B\$(\d+):\$B\$(\d+)</formula1>/#
            for match in xml.matches(of: pattern) {
                let column = try #require(SheetCell.column(match.1.utf8))
                let rule = table.allColumns[column]
                let rows = codes.filter { $0.number >= Int(match.2)! && $0.number <= Int(match.3)! }
                #expect(rows.map { $0.texts[1] } == codebook.codeNames(of: rule), "\(table.name).\(rule.name)")
                #expect(Set(rows.map { $0.texts[0] }).count == 1, "\(table.name).\(rule.name)")
                checked += 1
            }
        }
        // Every code, yes/no, checklist, answer, level and code list column of the default codebook.
        #expect(checked == codebook.tables.flatMap(\.allColumns).filter { codebook.codeNames(of: $0) != nil }.count)
        #expect(checked == 22)
    }

    @Test func aRequiredColumnsCheckSaysTheValueIsRequired() throws {
        let (parts, _, _, folder) = try written()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let studies = part(parts, "xl/worksheets/sheet1.xml"), patients = part(parts, "xl/worksheets/sheet3.xml")
        // design is a required code column, ref a required integer; sex and age_years are optional.
        #expect(studies.contains("errorTitle=\"design\" error=\"Expected a code of the list design (see the sheet codes); the value is required (a row cannot leave it empty).\""))
        #expect(studies.contains("errorTitle=\"ref\" error=\"Expected an integer ≥ 1; the value is required (a row cannot leave it empty).\""))
        #expect(patients.contains("errorTitle=\"sex\" error=\"Expected a code of the list sex (see the sheet codes); leave empty when not reported.\""))
        #expect(patients.contains("errorTitle=\"age_years\" error=\"Expected a number ≥ 0; leave empty when not reported.\""))
    }

    /// `init --workbook` writes the same sheet, and the new review still checks.
    @Test func initWorkbookWritesTheProtectedCopy() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-init-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try runReviewSite(["init", "--workbook", root])
        #expect(made.status == 0 && made.standardError == "")
        let workbook = try Workbook(file: "extraction.xlsx", path: root + "/data/extraction.xlsx")
        let sheet = try #require(workbook.sheet(named: "codes"))
        #expect(try workbook.texts(of: sheet).rows.first?.texts == [Self.note])
        let xml = String(decoding: try workbook.sheetXML(sheet), as: UTF8.self)
        #expect(xml.contains("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"/>"))
        let check = try runReviewSite(["check", "--data", root + "/data", "--templates", root + "/templates"])
        #expect(check.status == 0)
    }
}
