import Foundation
import Testing
@testable import ReviewSite

/// tables.yaml: a table is its rows' query and a cell per column; each
/// problem is placed in the file, with SQLite's words where SQL is wrong.
@Suite("Declared tables")
struct DeclaredTableTests {
    static let report = try! loadReport(defaultDataPath)

    static func errors(_ yaml: String) -> [String] {
        let path = NSTemporaryDirectory() + "tables-\(UUID().uuidString).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        switch report.declaredTables(path) {
        case .success: return []
        case .failure(let errors):
            let figures = FigureFile.path(beside: path)
            return errors.errors.map { $0.description.replacingOccurrences(of: path, with: "tables.yaml").replacingOccurrences(of: figures, with: "figures.yaml") }
        }
    }

    static let good = """
    - id: by-sex
      title: Patients by sex
      caption: "{rows} rows"
      rows: SELECT DISTINCT coalesce(sex, 'NR') AS sex FROM patients ORDER BY 1
      patients: SELECT coalesce(sex, 'NR'), patient_id FROM patients
      columns:
        - heading: Sex
          cell: r.sex
        - heading: Patients
          cell: count(p.patient_id)
          style: num
        - heading: Age
          cell: median_range(p.age_years)
    """

    @Test func aTableIsComputedFromItsDeclaration() throws {
        let path = NSTemporaryDirectory() + "tables-\(UUID().uuidString).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(Self.good.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try Self.report.declaredTables(path).get()[0]
        #expect(table.caption == "3 rows")
        let counts = try Self.report.database.database.rows("SELECT coalesce(sex, 'NR'), count(*) FROM patients GROUP BY 1 ORDER BY 1").rows
        #expect(table.result.rows.map { [$0.cells[0].text, $0.cells[1].text] } == counts.map { [$0[0].display, $0[1].display] })
        #expect(table.markdown.count > 0 && String(decoding: table.markdown, as: UTF8.self).contains("| Sex | Patients | Age |"))
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var errors: [String]
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "not a list", yaml: "id: x\n", errors: ["tables.yaml:1:1: expected a list of tables (- id: table-1, title: …, rows: …, columns: …)"]),
        Bad(name: "unknown key", yaml: good.replacingOccurrences(of: "  caption:", with: "  colour: red\n  caption:"),
            errors: ["tables.yaml:3:3: a table: 'colour' is not a key here (expected one of id, title, introduction, caption, rows, patients, columns)"]),
        Bad(name: "no rows", yaml: good.replacingOccurrences(of: "  rows: SELECT DISTINCT coalesce(sex, 'NR') AS sex FROM patients ORDER BY 1\n", with: ""),
            errors: ["tables.yaml:1:3: table 'by-sex': no rows (expected a piece of SQL)"]),
        Bad(name: "unknown column in a cell", yaml: good.replacingOccurrences(of: "cell: r.sex", with: "cell: r.gender"),
            errors: ["tables.yaml:8:13: table 'by-sex': no such column: r.gender"]),
        Bad(name: "an unfinished cell is placed at the cell", yaml: good.replacingOccurrences(of: "cell: count(p.patient_id)", with: "cell: count(p.patient_id"),
            errors: ["tables.yaml:10:13: table 'by-sex', column 'Patients': incomplete input"]),
        Bad(name: "a syntax error in a cell is placed in the cell", yaml: good.replacingOccurrences(of: "cell: median_range(p.age_years)", with: "cell: median_range(p.age_years,, 1)"),
            errors: ["tables.yaml:13:38: table 'by-sex', column 'Age': near \",\": syntax error"]),
        Bad(name: "a cell that makes a control character", yaml: good.replacingOccurrences(of: "cell: r.sex", with: "cell: r.sex || char(27) || '[31m'"),
            errors: ["tables.yaml:8:13: table 'by-sex', column 'Sex': the cell of row 'NR' contains a control character (U+001B) (expected text without control characters; tab and line breaks are allowed)"]),
        Bad(name: "SQL error in the rows", yaml: good.replacingOccurrences(of: "FROM patients ORDER BY 1", with: "FROM patiens ORDER BY 1"),
            errors: ["tables.yaml:4:9: table 'by-sex': no such table: patiens"]),
        Bad(name: "bad style", yaml: good.replacingOccurrences(of: "style: num", with: "style: big"),
            errors: ["tables.yaml:11:14: table 'by-sex', column 'Patients': style 'big' (expected num or wide)"]),
        Bad(name: "link to no figure", yaml: good + "\n      link: \"'no.such.figure'\"",
            errors: ["tables.yaml:14:14: table 'by-sex', column 'Age': the link 'no.such.figure' is no figure of figures.yaml (expected a figure id, or NULL for no link)"]),
        // The first row has no patients, so SQLite gives it after the others: the link reported is still the first row's.
        Bad(name: "links to no figure, the first in the rows' order",
            yaml: good.replacingOccurrences(of: "rows: SELECT DISTINCT coalesce(sex, 'NR') AS sex FROM patients ORDER BY 1",
                                            with: "rows: SELECT 'none' AS sex UNION ALL SELECT * FROM (SELECT DISTINCT coalesce(sex, 'NR') FROM patients ORDER BY 1)")
                + "\n      link: \"'no.' || r.sex\"",
            errors: ["tables.yaml:14:14: table 'by-sex', column 'Age': the link 'no.none' is no figure of figures.yaml (expected a figure id, or NULL for no link)"]),
        Bad(name: "a write refused", yaml: good.replacingOccurrences(of: "cell: r.sex", with: "cell: (SELECT 1 FROM pragma_writable_schema)"),
            errors: []),
        Bad(name: "duplicate id", yaml: good + "\n" + good,
            errors: ["tables.yaml:14:7: table 'by-sex': the id is already declared on line 1"]),
    ]

    @Test(arguments: bad) func badDeclarationIsPlaced(_ bad: Bad) {
        let errors = Self.errors(bad.yaml)
        if bad.errors.isEmpty {
            #expect(!errors.isEmpty)
        } else {
            #expect(errors == bad.errors)
        }
    }
}
