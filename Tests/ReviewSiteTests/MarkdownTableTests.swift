import Testing
@testable import ReviewSite

@Suite("Markdown twins of the tables")
struct MarkdownTableTests {
    @Test func dataIsLiteralTextInACell() {
        #expect(MarkdownTable.escape("a|b <script> *x* [l](j) AT&T") == "a\\|b \\<script\\> \\*x\\* \\[l\\](j) AT\\&T")
        #expect(MarkdownTable.escape("two\nlines\r\nhere") == "two lines here")
        #expect(MarkdownTable.escape("57.5 (44–71)") == "57.5 (44–71)")
    }

    @Test func aTableIsAPipeTableWithItsTitleAndCaption() {
        let data = TableData(columns: ["Study", "n"], bytes: Array("R1 | x3R2 y10".utf8), cellEnds: [6, 7, 11, 13])
        #expect(MarkdownTable.markdown(title: "Table 9", introduction: "Rows.", caption: "Two studies", data) == """
        # Table 9

        Rows.

        **Two studies**

        | Study | n |
        | --- | --- |
        | R1 \\| x | 3 |
        | R2 y | 10 |

        """)
    }

    @Test func theDefaultTablesHaveEveryRowAndCell() throws {
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let table1 = try #require(site["table-1.md"]).split(separator: "\n", omittingEmptySubsequences: false)
        // Title, blank, introduction, blank, caption, blank, header, rule, 40 rows, final newline.
        #expect(table1.count == 8 + 40 + 1)
        #expect(table1[4] == "**Characteristics of the 40 included studies**")
        #expect(table1[8].hasPrefix("| Ref. 4 R4 | case series | 6 | 57.5 (44–71) | 5/1/0 | systemic sclerosis 5, trauma 1 |"))
        let table2 = try #require(site["table-2.md"])
        #expect(table2.contains("\n| Topical STS | 48 (12) | top-STS: cold cream 17, zinc oxide 27,"))
        #expect(table2.contains("| 39/48 (81%) |"))
    }
}
