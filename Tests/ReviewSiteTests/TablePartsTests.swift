import Foundation
import Testing
@testable import ReviewSite

/// A large dataset's tables run in parts of their rows on two connections:
/// the parts put together must be the table run whole, problems included.
@Suite("Declared tables in parts")
struct TablePartsTests {
    static let report = try! loadReport(defaultDataPath)

    static func tables(_ file: TableFile, inParts: Bool, rowsPerPart: Int = Report.rowsPerPart) -> Result<[DeclaredTable], TemplateErrors> {
        report.declaredTables(file, readErrors: [], inParts: inParts, rowsPerPart: rowsPerPart)
    }

    static func file(_ yaml: String) -> TableFile {
        let path = NSTemporaryDirectory() + "tables-\(UUID().uuidString).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return TableFile.read(path).file
    }

    /// Two parts each at the default size; with 5 rows a part, Table 1's 40 rows run in 8 parts.
    @Test(arguments: [Report.rowsPerPart, 5])
    func theDefaultTablesInPartsAreTheTablesWhole(_ rowsPerPart: Int) throws {
        let file = TableFile.read(TableFile.path(inTemplates: defaultTemplatesPath)).file
        let whole = try Self.tables(file, inParts: false).get(), parts = try Self.tables(file, inParts: true, rowsPerPart: rowsPerPart).get()
        #expect(whole.count == 2)
        for (a, b) in zip(whole, parts) {
            #expect(a.result.rows.count > 5)
            #expect(a.result.rows.map(\.key) == b.result.rows.map(\.key))
            #expect(a.result.rows.map { $0.cells.map(\.text) } == b.result.rows.map { $0.cells.map(\.text) })
            #expect(a.result.rows.map { $0.cells.map(\.link) } == b.result.rows.map { $0.cells.map(\.link) })
            #expect(a.markdown == b.markdown)
        }
    }

    @Test func aTableRunsInTwoToEightPartsOfAboutTwoThousandRows() {
        #expect([0, 1, 2, 10, 2_944, 5_999, 6_000, 8_000, 16_000, 29_440, 294_400].map { Report.parts($0) } == [1, 1, 2, 2, 2, 2, 3, 4, 8, 8, 8])
        #expect([2, 3, 40].map { Report.parts($0, rowsPerPart: 5) } == [2, 2, 8])
    }

    static let bySex = """
    - id: by-sex
      title: Patients by sex
      caption: Patients by sex
      rows: SELECT DISTINCT coalesce(sex, 'NR') AS sex FROM patients ORDER BY 1
      patients: SELECT coalesce(sex, 'NR'), patient_id FROM patients
      columns:
        - heading: Sex
          cell: r.sex
        - heading: Patients
          cell: count(p.patient_id)
    """

    @Test func aCellThatLooksAcrossRowsKeepsTheTableWhole() throws {
        let file = Self.file(Self.bySex + "\n    - heading: Share\n      cell: count(p.patient_id) * 100 / sum(count(p.patient_id)) OVER ()\n")
        #expect(!TableQuery(table: file.tables[0], path: file.path, patientKey: "patient_id").divisible)
        #expect(TableQuery(table: Self.file(Self.bySex).tables[0], path: file.path, patientKey: "patient_id").divisible)
        let whole = try Self.tables(file, inParts: false).get()[0], parts = try Self.tables(file, inParts: true).get()[0]
        #expect(whole.result.rows.map { $0.cells.map(\.text) } == parts.result.rows.map { $0.cells.map(\.text) })
        #expect(whole.result.rows.map { $0.cells[2].text }.contains { $0 != "100" })
    }

    @Test func aTableThatFailsInPartsReportsWhatItWholeReports() {
        // Row m's sex and row f's count link to no figure: the parts of rows f and m each see one of the two.
        let file = Self.file(Self.bySex.replacingOccurrences(of: "cell: r.sex", with: "cell: r.sex\n      link: CASE r.sex WHEN 'm' THEN 'nope.m' END")
                             + "\n      link: CASE r.sex WHEN 'f' THEN 'nope.f' END\n")
        var problems: [[String]] = []
        for inParts in [false, true] {
            guard case .failure(let errors) = Self.tables(file, inParts: inParts) else { Issue.record("no error"); return }
            problems.append(errors.errors.map(\.description))
        }
        #expect(problems[0].count == 2)
        #expect(problems[0] == problems[1])
    }

    static let withEmptyRows = """
    - id: with-empty-rows
      title: Rows with and without patients
      caption: Rows
      rows: SELECT column1 AS sex FROM (VALUES ('f'), ('x'), ('m'), ('ghost'))
      patients: SELECT sex, patient_id FROM patients WHERE sex IS NOT NULL UNION ALL SELECT 'ghost', 'no such patient'
      columns:
        - heading: Sex
          cell: r.sex
        - heading: Patients
          cell: count(p.patient_id)
        - heading: Rows
          cell: count(*)
        - heading: Age
          cell: median_range(p.age_years)
    """

    @Test(arguments: [false, true]) func aRowWithoutPatientsKeepsItsPlaceWithNone(_ inParts: Bool) throws {
        // Without a window function, rows with and without patients are two SELECTs of one query.
        let window = "\n    - heading: Of all\n      cell: count(p.patient_id) || '/' || sum(count(p.patient_id)) OVER ()\n"
        let counts = try Self.report.database.database.rows("SELECT sex, count(*) FROM patients WHERE sex IS NOT NULL GROUP BY 1").rows
        let count = Dictionary(uniqueKeysWithValues: counts.map { ($0[0].display, $0[1].display) })
        let total = counts.compactMap { $0[1].integer }.reduce(0, +)
        for yaml in [Self.withEmptyRows, Self.withEmptyRows + window] {
            let table = try Self.tables(Self.file(yaml), inParts: inParts).get()[0]
            #expect(table.result.rows.map(\.key) == ["f", "x", "m", "ghost"])
            #expect(table.result.rows.map { $0.cells[1].text } == [count["f"], "0", count["m"], "0"])
            // A member that is no patient is no patient of its row: the row is one empty group.
            #expect(table.result.rows.map { $0.cells[2].text } == [count["f"], "1", count["m"], "1"])
            #expect(table.result.rows.map { $0.cells[3].text }[1] == "–")
            if yaml != Self.withEmptyRows {
                #expect(table.result.rows.map { $0.cells[4].text } == ["\(count["f"]!)/\(total)", "0/\(total)", "\(count["m"]!)/\(total)", "0/\(total)"])
            }
        }
    }
}
