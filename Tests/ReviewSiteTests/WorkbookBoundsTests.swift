import Foundation
import Testing
@testable import ReviewSite

/// Issue 24: every resource the workbook reader uses is bounded
/// (`Workbook.Limits`). Each finding is a small crafted workbook refused
/// before the work it would have caused: the refusal itself is what
/// bounds time and memory.
@Suite struct WorkbookBoundsTests {
    func errors(_ change: (inout WorkbookFixture) -> Void) throws -> [String] {
        try WorkbookFixture.errors(change)
    }

    /// Appends `cells` to row `row` of a table's sheet.
    static func append(_ cells: String, row: Int, of table: String, in workbook: inout WorkbookFixture) {
        workbook.edit(workbook.sheetPath(table)) { text in
            let range = text.range(of: "<row r=\"\(row)\"[^>]*>.*?</row>", options: .regularExpression)!
            let end = text[range].range(of: "</row>")!.lowerBound
            return text.replacingCharacters(in: end..<end, with: cells)
        }
    }

    static func inline(_ column: Int, _ row: Int, _ text: String) -> String {
        "<c r=\"\(SheetCell.letters(column))\(row)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// The studies sheet's header width in the written workbook.
    static let studiesWidth = try! WorkbookWriter.dataset(defaultDataPath).0.tables.first { $0.name == "studies" }!.allColumns.count

    // M1: one header cell at XFD1 made every row 16,384 fields wide.
    @Test func aFarHeaderCellIsRefusedAtItsCell() throws {
        let errors = try errors { Self.append(Self.inline(16_383, 1, "x_far"), row: 1, of: "studies", in: &$0) }
        let empty = 16_384 - Self.studiesWidth - 1
        #expect(errors.first == "data/extraction.xlsx: studies!XFD1: 'x_far' is column 16,384 of the header row, with \(grouped(empty)) empty header cells before it (expected the column names side by side, with at most 64 empty header cells among them; clear the cell, or move it next to the other names)")
    }

    @Test func sixtyFourEmptyHeaderCellsAreRead() throws {
        let width = Self.studiesWidth
        let fits = try errors { Self.append(Self.inline(width + 64, 1, "x_note"), row: 1, of: "studies", in: &$0) }
        #expect(fits == [])
        let past = try errors { Self.append(Self.inline(width + 65, 1, "x_note"), row: 1, of: "studies", in: &$0) }
        let cell = SheetCell.letters(width + 65)
        #expect(past.first == "data/extraction.xlsx: studies!\(cell)1: 'x_note' is column \(width + 66) of the header row, with 65 empty header cells before it (expected the column names side by side, with at most 64 empty header cells among them; clear the cell, or move it next to the other names)")
    }

    @Test func aHeaderWiderThanTheCapIsRefused() throws {
        let width = Self.studiesWidth
        let names = (width..<1_025).map { Self.inline($0, 1, "x_\($0)") }.joined()
        let errors = try errors { Self.append(names, row: 1, of: "studies", in: &$0) }
        #expect(errors.first == "data/extraction.xlsx: studies!AMK1: 'x_1024' is column 1,025 of the header row, more than the 1,024 columns a table's sheet may have (expected the codebook's columns and any x_ columns; clear the cells right of the table)")
    }

    /// A far cell in a row after the header stays one cell: an error at it, the row read at the header's width.
    @Test func aFarDataCellIsAnErrorAtItsCell() throws {
        let errors = try errors { Self.append(Self.inline(16_383, 2, "far"), row: 2, of: "adverse_events", in: &$0) }
        #expect(errors == ["data/extraction.xlsx: adverse_events!XFD2: 'far' is right of the header's last column (name the column in the header row, or clear the cell)"])
    }

    // Low: two entries of one name were read silently (the first; openpyxl reads the last).
    @Test func aDuplicateEntryIsRefused() throws {
        var workbook = try WorkbookFixture()
        let sheet = workbook.parts.first { $0.path == "xl/worksheets/sheet1.xml" }!
        workbook.parts.append(sheet)
        let fixture = try workbook.dataset()
        defer { fixture.delete() }
        #expect(fixture.errors() == ["data/extraction.xlsx: has two parts named 'xl/worksheets/sheet1.xml' (a spreadsheet program writes each part once, and programs differ on which copy they read; save the workbook again in a spreadsheet program)"])
    }

    // M2: no budget for the parts together. The sizes the archive declares are
    // budgeted before anything is inflated: three sheets said to be 1 GiB each
    // are refused at the second, with nothing unpacked.
    @Test func thePartsAreBudgetedTogetherBeforeInflating() throws {
        var bytes = try WorkbookFixture().bytes()
        for sheet in 1...3 { Self.declare(&bytes, "xl/worksheets/sheet\(sheet).xml", size: (1 << 30) - 1) }
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try fixture.writeBytes("extraction.xlsx", bytes)
        #expect(fixture.errors() == ["data/extraction.xlsx: part 'xl/worksheets/sheet2.xml' (sheet 'risk_of_bias') takes the parts to read past 2,048 MB unpacked in all, the most read from one workbook (a workbook of 1,000,000 patients is about 1,800 MB; keep the largest tables as CSV files)"])
    }

    /// A declared size that lies stops the inflation there.
    @Test func aPartLongerThanItsDeclaredSizeIsRefused() throws {
        var bytes = try WorkbookFixture().bytes()
        Self.declare(&bytes, "xl/worksheets/sheet3.xml", size: 100)
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try fixture.writeBytes("extraction.xlsx", bytes)
        #expect(fixture.errors() == ["data/extraction.xlsx: patients: part 'xl/worksheets/sheet3.xml' unpacks to more than the 100 bytes the archive declares for it (the file is damaged; save the workbook again)"])
    }

    /// A part over its own limit is refused from its declared size, before it is inflated.
    @Test func aPartOverItsLimitIsRefusedFromItsDeclaredSize() throws {
        var bytes = try WorkbookFixture().bytes()
        Self.declare(&bytes, "xl/styles.xml", size: (32 << 20) + 1)
        let fixture = try WorkbookFixture().dataset()
        defer { fixture.delete() }
        try fixture.writeBytes("extraction.xlsx", bytes)
        #expect(fixture.errors() == ["data/extraction.xlsx: part 'xl/styles.xml' unpacks to more than 32 MB (expected a smaller workbook, or the tables as CSV files)"])
    }

    // M2: 200 million empty shared strings took 3.1 GB; they are counted as read.
    @Test func sharedStringsAreCountedUpToTheLimit() throws {
        var limits = Workbook.Limits()
        limits.sharedStrings = 1_000
        let count = try Self.workbook(limits, { $0.addSharedStrings(String(repeating: "<si/>", count: 1_000)) }) { $0.strings.count }
        #expect(count == 1_000)
        #expect(Self.refusal {
            try Self.workbook(limits) { $0.addSharedStrings(String(repeating: "<si/>", count: 1_001)) }
        } == "part 'xl/sharedStrings.xml' has more than 1,000 shared strings (distinct texts), the most read from one workbook (a workbook of 1,000,000 patients has a few million; keep the largest tables as CSV files)")
    }

    @Test func cellFormatsAreCountedUpToTheLimit() throws {
        var limits = Workbook.Limits()
        limits.styles = 3
        #expect(try Self.workbook(limits, { _ in }) { $0.dateStyles.count } == 3)
        #expect(Self.refusal {
            try Self.workbook(limits) { $0.addStyle(numberFormat: 14) }
        } == "part 'xl/styles.xml' has more than 3 cell formats, the most read from one workbook (spreadsheet programs allow about 64,000; save the workbook again in a spreadsheet program)")
    }

    @Test func cellsAreCountedPerSheet() throws {
        var limits = Workbook.Limits()
        limits.cellsPerSheet = 10
        var rows = 0
        #expect(Self.refusal {
            try Self.workbook(limits, { _ in }) { book in
                let sheet = book.sheet(named: "studies")!
                try SheetReader(workbook: book, sheet: sheet).forEachRow(try book.sheetXML(sheet)) { _ in
                    rows += 1
                    return true
                }
            }
        } == "has more than 10 cells with something in them (part 'xl/worksheets/sheet1.xml'), the most read from one sheet (a sheet of 1,000,000 patients has about 15,000,000; keep the table as a CSV file)")
        // The header (more than 10 names) is itself over: no row reached the table.
        #expect(rows == 0)
    }

    /// The limits docs/dataset.md gives are the reader's.
    @Test func theDocumentedLimitsAreTheReadersLimits() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/dataset.md"), encoding: .utf8)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        let limits = Workbook.Limits.standard
        for phrase in ["\(Workbook.megabytes(limits.total)) in all", "\(Workbook.megabytes(limits.part)) for a sheet or the shared strings",
                       "\(Workbook.megabytes(limits.smallPart)) for each other part", "\(grouped(limits.sharedStrings)) shared strings",
                       "\(grouped(limits.styles)) cell formats", "\(grouped(limits.cellsPerSheet)) cells with something in them per sheet", "wider than \(grouped(limits.headerColumns)) columns",
                       "more than \(limits.emptyHeaderColumns) empty header cells"] {
            #expect(text.contains(phrase), "docs/dataset.md does not say \(phrase)")
        }
    }

    // MARK: - Helpers

    /// The message of the WorkbookProblem `body` throws; nil when it throws none.
    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? WorkbookProblem)?.message ?? "\(error)"
        }
    }

    /// The default dataset's workbook, changed, opened with `limits` (its file kept while `body` reads it).
    static func workbook<T>(_ limits: Workbook.Limits, _ change: (inout WorkbookFixture) -> Void,
                            _ body: (Workbook) throws -> T = { _ in () }) throws -> T {
        var workbook = try WorkbookFixture()
        change(&workbook)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-\(UUID().uuidString).xlsx")
        try Data(workbook.bytes()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(Workbook(file: "extraction.xlsx", path: file.path, limits: limits))
    }

    /// Sets the uncompressed size the central directory declares for `path`
    /// (a file header: signature PK\1\2, the size at offset 24, the name's
    /// length at 28, the name at 46).
    static func declare(_ bytes: inout [UInt8], _ path: String, size: Int) {
        let name = Array(path.utf8)
        var index = 0
        while index + 46 + name.count <= bytes.count {
            if bytes[index..<index + 4] == [0x50, 0x4B, 0x01, 0x02],
               Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8 == name.count,
               Array(bytes[index + 46..<index + 46 + name.count]) == name {
                for byte in 0..<4 { bytes[index + 24 + byte] = UInt8(truncatingIfNeeded: size >> (8 * byte)) }
                return
            }
            index += 1
        }
        Issue.record("no directory entry for \(path)")
    }
}
