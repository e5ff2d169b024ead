import Foundation
import Testing
@testable import ReviewSite

/// The cells `reviewsite diff` compares come from the table model; these
/// tests prove they are the cells a reader sees on the rendered pages.
@Suite("Table data")
struct TableDataTests {
    static func tables(_ report: Report) throws -> [DeclaredTable] {
        try report.declaredTables(TableFile.path(inTemplates: defaultTemplatesPath)).get()
    }

    @Test func cellsFromTheModelEqualTheCellsOfTheRenderedPage() throws {
        let tables = try Self.tables(try loadReport(defaultDataPath))
        #expect(tables.map(\.id) == ["table-1", "table-2"])
        #expect(tables[0].data.rowCount == 40)
        #expect(tables[1].data.rowCount > 5)
        for table in tables {
            let data = table.data
            #expect(RenderedTable.rows(table.page(0)) == [data.columns] + (0..<data.rowCount).map(data.cells))
        }
    }

    @Test func hostileTextIsTheSameInTheModelAndOnThePage() throws {
        let fixture = try hostileFixture()
        defer { fixture.delete() }
        for table in try Self.tables(try loadReport(fixture.path)) {
            let data = table.data
            #expect(RenderedTable.rows(table.page(0)) == [data.columns] + (0..<data.rowCount).map(data.cells))
        }
    }

    @Test func rowsOfTheSameBytesAreTheSameRow() throws {
        let data = try Self.tables(try loadReport(defaultDataPath))[0].data
        #expect(data.sameRow(3, as: data, 3))
        #expect(!data.sameRow(3, as: data, 4))
        #expect(TableCells.changes("Table 1", old: data, new: data).isEmpty)
    }
}

/// Reads a rendered table page back into text, the way the diff did before
/// it had the model: each `<tr>` line's `<th>`/`<td>` texts, tags dropped,
/// `<br>` as `; `, the key span as a space, entities decoded.
enum RenderedTable {
    static func rows(_ page: Page) -> [[String]] {
        page.content.components(separatedBy: "\n").filter { $0.hasPrefix("<tr") }.map(cellTexts)
    }

    private static func cellTexts(_ line: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"<t[hd][^>]*>(.*?)</t[hd]>"#)
        return regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).map { match in
            var text = String(line[Range(match.range(at: 1), in: line)!])
            text = text.replacingOccurrences(of: "<br>", with: "; ")
            text = text.replacingOccurrences(of: "<span class=\"key\">", with: " ")
            text = text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
