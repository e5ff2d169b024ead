import Foundation
import Testing
@testable import ReviewSite

/// supplement.html: the printable gathering of the report's supplementary
/// material (print/supplement.sh makes the PDF and DOCX; make test checks them).
@Suite("The supplement")
struct SupplementTests {
    @Test func itGathersTheTablesChartsAndCatalogueWithoutNavigation() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let supplement = try #require(site["supplement.html"])
        #expect(!supplement.contains("<nav"))
        #expect(supplement.contains("@media print"))
        #expect(supplement.contains("thead { display: table-header-group; }"))
        let regex = try NSRegularExpression(pattern: ##"<li><a href="#s-[a-z0-9-]+">([^<]+)</a></li>"##)
        let titles = regex.matches(in: supplement, range: NSRange(supplement.startIndex..., in: supplement)).map {
            String(supplement[Range($0.range(at: 1), in: supplement)!])
        }
        #expect(titles == ["S1. Search and methods", "S2. PRISMA 2020 flow diagram", "S3. Table 1. Characteristics of the included studies",
                           "S4. Appraisal of the included studies", "S5. Answers to the appraisal checklists",
                           "S6. Table 2. Summary of the treatment options", "S7. Charts", "S8. Figure catalogue"])
        // Every row of both tables' twins is a row of the supplement.
        for twin in ["table-1.md", "table-2.md"] {
            let table = try #require(SupplementTable(twin: Array(site[twin]!.utf8)))
            #expect(!table.rows.isEmpty)
            for row in table.rows {
                let cells = "<tr><th scope=\"row\">\(Escape.html(row[0]))</th>" + row.dropFirst().map { "<td>\(Escape.html($0))</td>" }.joined() + "</tr>"
                #expect(supplement.contains(cells), "\(twin): \(row[0])")
            }
        }
        #expect(supplement.contains("<td>71% (15/21; 95% CI 50.0–86.2)</td>"))
        #expect(supplement.contains("id=\"chart-appraisal-summary\"") && supplement.contains("id=\"chart-response-by-option\""))
        #expect(supplement.contains("aria-labelledby=\"prisma-title prisma-desc\""))
        #expect(supplement.contains("<table class=\"sortable rob-table\">"))
    }

    @Test func aTwinsEscapedCellsReadBackLiterally() throws {
        let twin = "# T \\*1\\*\n\nIntro \\<b\\>.\n\n**Cap \\| x**\n\n| A | B \\| C |\n| --- | --- |\n| \\<script\\> | a \\\\ b \\| c |\n"
        let table = try #require(SupplementTable(twin: Array(twin.utf8)))
        #expect(table.title == "T *1*" && table.introduction == "Intro <b>." && table.caption == "Cap | x")
        #expect(table.header == ["A", "B | C"])
        #expect(table.rows == [["<script>", "a \\ b | c"]])
        #expect(table.html.contains("<tr><th scope=\"row\">&lt;script&gt;</th><td>a \\ b | c</td></tr>"))
    }
}
