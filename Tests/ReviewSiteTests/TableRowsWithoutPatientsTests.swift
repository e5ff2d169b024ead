import Foundation
import Testing
@testable import ReviewSite

/// A table's rows without patients come from a second query, run only when
/// the first (rows joined to their patients) misses some: by their numbers
/// when few, by a NOT EXISTS check when many or when no row has patients.
/// Every way gives each such row one empty group, in its place.
@Suite("Declared tables: rows without patients")
struct TableRowsWithoutPatientsTests {
    static func table(rows: Int, patients: String, inParts: Bool) throws -> [(key: String, cells: [String])] {
        let yaml = """
        - id: numbers
          title: Numbers
          caption: Numbers
          rows: WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < \(rows)) SELECT k FROM n
          patients: \(patients)
          columns:
            - heading: Patients
              cell: count(p.patient_id) || '/' || count(*)
        """
        let path = NSTemporaryDirectory() + "tables-\(UUID().uuidString).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tables = try TablePartsTests.report.declaredTables(TableFile.read(path).file, readErrors: [], inParts: inParts).get()
        return tables[0].result.rows.map { ($0.key, $0.cells.map(\.text)) }
    }

    /// Row 3 has every patient, the others none: 20 rows (by their numbers) and 10,050 (more than a list holds).
    @Test(arguments: [(20, false), (20, true), (10_050, false), (10_050, true)])
    func oneRowWithPatientsAmongMany(_ rows: Int, _ inParts: Bool) throws {
        let table = try Self.table(rows: rows, patients: "SELECT 3, patient_id FROM patients", inParts: inParts)
        #expect(table.map(\.key) == (1...rows).map(String.init))
        #expect(table.map(\.cells) == (1...rows).map { [$0 == 3 ? "136/136" : "0/1"] })
    }

    @Test(arguments: [false, true]) func noRowWithPatients(_ inParts: Bool) throws {
        let table = try Self.table(rows: 5, patients: "SELECT 0, patient_id FROM patients", inParts: inParts)
        #expect(table.map(\.key) == ["1", "2", "3", "4", "5"])
        #expect(table.map(\.cells) == Array(repeating: ["0/1"], count: 5))
    }

    @Test(arguments: [false, true]) func everyRowWithPatients(_ inParts: Bool) throws {
        let table = try Self.table(rows: 4, patients: "SELECT k, patient_id FROM patients, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)",
                                   inParts: inParts)
        #expect(table.map(\.cells) == Array(repeating: ["136/136"], count: 4))
    }
}
