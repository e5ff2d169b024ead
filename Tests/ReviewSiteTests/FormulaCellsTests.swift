import Foundation
import Testing
@testable import ReviewSite

/// The downloads hold every cell as the data have it; the downloads section
/// warns readers when a table has cells a spreadsheet may run as formulas
/// (`=HYPERLINK(…)`), naming how many and the tables. Numbers such as -1.5
/// are not such cells.
@Suite("cells a spreadsheet may run")
struct FormulaCellsTests {
    static func count(_ csv: String) -> Int {
        var scanner = FormulaScanner()
        Array(csv.utf8).withUnsafeBytes { scanner.add($0) }
        scanner.finish()
        return scanner.cells
    }

    @Test(arguments: [
        "=HYPERLINK(\"http://evil.example\",\"click\")", "=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "-", "+", "-1+2", "- 1", "-1.5x", "--1", "-e5", "-1e", "-.", "@",
    ])
    func aCellThatMayBeAFormulaIsCounted(cell: String) {
        if !cell.contains("\"") && !cell.contains(",") {
            #expect(Self.count("a,b\nx,\(cell)\n") == 1, "\(cell)")
        }
        // Quoted as CSV, it is the same cell.
        let quoted = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(Self.count("a,b\n\(quoted),x\r\n") == 1, "\(quoted)")
    }

    @Test(arguments: ["-1.5", "+3", "-0", "-2e5", "-2E-5", "+1.5e+3", "-.5", "-1.", "1", "a=b", "x@y.org", "", " =1", "\"=\" is equals"])
    func aNumberOrOtherTextIsNot(cell: String) {
        let quoted = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(Self.count("a,b\n\(quoted),\(quoted)\r\n\(quoted)") == 0, "\(quoted)")
        if !cell.contains("\"") {
            #expect(Self.count("a,b\n\(cell),\(cell)\r\n\(cell),\(cell)") == 0, "\(cell)")
        }
    }

    @Test func theHeaderLineIsNotCountedNorALineBreakInAQuotedCell() {
        #expect(Self.count("=a,@b\n1,2\n") == 0)
        #expect(Self.count("a,b\n\"x\n=y\",2\n-1,\"\"\"=z\"\"\"\n") == 0)
        #expect(Self.count("a,b\n\"x\n=y\",=2\n@1,\"=z\"\n") == 3)
    }

    /// Read in pieces of any size, the count is the count of the whole.
    @Test func piecesOfAnySizeCountAsTheWhole() {
        let csv = Array("id,title,n\nR1,\"=HYPERLINK(\"\"a\"\",\"\"b\"\")\",-1.5\r\nR2,@x,+2\nR3,\"-1.5\",-a\n".utf8)
        #expect(Self.count(String(decoding: csv, as: UTF8.self)) == 3)
        for size in 1...csv.count {
            var scanner = FormulaScanner()
            var start = 0
            while start < csv.count {
                let end = min(csv.count, start + size)
                csv[start..<end].withUnsafeBytes { scanner.add($0) }
                start = end
            }
            scanner.finish()
            #expect(scanner.cells == 3, "pieces of \(size)")
        }
    }

    /// A dataset with formula-like cells in text columns and in an ignored
    /// `x_` column, and numbers and number-like text that are not.
    static func hostileFixture() throws -> DatasetFixture {
        let fixture = try DatasetFixture()
        try fixture.edit("studies.csv", line: 2, "R4,4,,,,", "R4,4,,,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
        try fixture.edit("studies.csv", line: 3, "R5,5,,,,", "R5,5,@SUM(1+1),,,")
        // VAS may be negative in this codebook: -1.5 is a number, not a formula.
        try fixture.edit("codebook.yaml", line: 52, "type: number, min: 0, max: 10", "type: number, max: 10")
        // Text that reads as a number is no formula; text that begins with - and is not one is.
        try fixture.edit("patients.csv", line: 2, "R4-01,R4,44,f,ssc,limited cutaneous SSc,dystrophic,63,fingers,2,yes,no,no,,bisphosphonates,complete,,,",
                         "R4-01,R4,44,f,ssc,-1.5,dystrophic,63,fingers,2,yes,no,no,,bisphosphonates,complete,,-1.5,")
        try fixture.edit("patients.csv", line: 3, "R4-02,R4,68,f,ssc,diffuse cutaneous SSc,", "R4-02,R4,68,f,ssc,-- see the notes,")
        var treatments = try fixture.read("treatments.csv").components(separatedBy: "\n")
        for index in treatments.indices where !treatments[index].isEmpty {
            treatments[index] += index == 0 ? ",x_note" : index == 3 ? ",=1+1" : ","
        }
        try fixture.write("treatments.csv", treatments.joined(separator: "\n"))
        return fixture
    }

    @Test func theDownloadsSectionWarnsOfSuchCellsAndTheFilesAreAsTheDataSay() throws {
        let fixture = try Self.hostileFixture()
        defer { fixture.delete() }
        #expect(fixture.errors() == [])
        let site = try SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath).build()
        let html = try #require(site["index.html"])
        let markdown = try #require(site["index.md"])
        #expect(html.contains("""
            <h2>Downloads</h2>
            <p>The dataset behind every number, as the review team extracted it (its tables and the codebook that explains them), and the computed figures:</p>
            <p><strong>Before opening a table in a spreadsheet:</strong> 4 cells of studies.csv (2), patients.csv (1) and treatments.csv (1) begin with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> and are not a number. The downloads hold every cell as the data have it, but a spreadsheet program may take such a cell for a formula and run it when it opens the file: import the file with every column as text, or read it in a text editor.</p>
            <ul>
            <li><a href="data/codebook.yaml">codebook.yaml</a></li>
            """))
        #expect(markdown.contains("""
            ## Downloads

            The dataset behind every number, as the review team extracted it (its tables and the codebook that explains them), and the computed figures:

            **Before opening a table in a spreadsheet:** 4 cells of studies.csv (2), patients.csv (1) and treatments.csv (1) begin with `=`, `+`, `-` or `@` and are not a number. The downloads hold every cell as the data have it, but a spreadsheet program may take such a cell for a formula and run it when it opens the file: import the file with every column as text, or read it in a text editor.

            - [codebook.yaml](data/codebook.yaml)
            """))
        // Published as the data say, formulas and all.
        for file in ["studies.csv", "patients.csv", "treatments.csv"] {
            #expect(site.files["data/\(file)"] == Array(try fixture.read(file).utf8), "\(file)")
        }
        #expect(site["data/studies.csv"]?.contains("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"") == true)
        // Only the home page has the downloads.
        #expect(site.paths.filter { site[$0]?.contains("Before opening a table in a spreadsheet") == true } == ["index.html", "index.md"])
    }

    @Test func oneCellInOneTableIsSaidInTheSingular() {
        let one = FormulaCells(tables: [("risk_of_bias.csv", 1)]).warning
        #expect(one?.markdown == "**Before opening a table in a spreadsheet:** 1 cell of risk\\_of\\_bias.csv begins with `=`, `+`, `-` or `@` and is not a number. The downloads hold every cell as the data have it, but a spreadsheet program may take such a cell for a formula and run it when it opens the file: import the file with every column as text, or read it in a text editor.\n")
        #expect(one?.html.hasPrefix("<p><strong>Before opening a table in a spreadsheet:</strong> 1 cell of risk_of_bias.csv begins with <code>=</code>") == true)
        #expect(FormulaCells(tables: [("studies.csv", 1_200)]).warning?.html.contains(" 1,200 cells of studies.csv begin with ") == true)
        #expect(FormulaCells(tables: []).warning == nil)
    }

    /// The default review has no such cell: its downloads section, and so its site, are as before.
    @Test func theDefaultReviewHasNoWarning() throws {
        let report = try loadReport(defaultDataPath)
        #expect(FormulaCells(SiteBuilder.datasetFiles(report.codebook), sources: report.files) == FormulaCells(tables: []))
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build(report)
        #expect(site["index.html"]?.contains("""
            <p>The dataset behind every number, as the review team extracted it (its tables and the codebook that explains them), and the computed figures:</p>
            <ul>
            """) == true)
    }

    /// A table read from a workbook's sheet is offered as CSV text: it is counted the same way.
    @Test func aTableFromASheetIsCountedFromItsCSV() {
        let sheet = DatasetFile(sheet: Array("study_id,title\nR1,=cmd\nR2,-3\n".utf8))
        #expect(FormulaCells(["studies.csv", "review.yaml"], sources: ["studies.csv": sheet, "review.yaml": sheet]) == FormulaCells(tables: [("studies.csv", 1)]))
    }
}
