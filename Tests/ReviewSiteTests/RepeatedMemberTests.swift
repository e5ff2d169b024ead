import Foundation
import Testing
@testable import ReviewSite

/// A patient listed twice for one row is an error. The check first hashes
/// each (row, patient) in one pass and only groups the pairs when two
/// hashes meet, so it must see a repeat as SQLite's GROUP BY does.
@Suite("Declared tables: a patient listed twice for a row")
struct RepeatedMemberTests {
    static func messages(_ patients: String) -> [String] {
        let yaml = """
        - id: by-sex
          title: Patients by sex
          caption: Patients by sex
          rows: SELECT DISTINCT coalesce(sex, 'NR') AS sex FROM patients ORDER BY 1
          patients: \(patients)
          columns:
            - heading: Patients
              cell: count(p.patient_id)
        """
        let path = NSTemporaryDirectory() + "tables-\(UUID().uuidString).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let errors) = TablePartsTests.report.declaredTables(TableFile.read(path).file, readErrors: []) else { return [] }
        return errors.errors.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
    }

    static func repeated(_ row: String, _ patient: String, _ times: Int) -> [String] {
        ["5:13: table 'by-sex': the patients of row '\(row)' list patient '\(patient)' \(times) times (expected each patient once per row: select from the patients, or SELECT DISTINCT)"]
    }

    @Test func eachPatientOnceIsNoError() {
        #expect(Self.messages("SELECT coalesce(sex, 'NR'), patient_id FROM patients") == [])
    }

    @Test func aPatientTwiceIsNamed() {
        #expect(Self.messages("SELECT coalesce(sex, 'NR'), patient_id FROM patients UNION ALL SELECT 'f', 'R31-01'")
                == Self.repeated("f", "R31-01", 2))
    }

    /// 1 and 1.0 are one value to SQLite's GROUP BY, and so one row key here.
    @Test func anIntegerAndTheSameRealAreOneRow() {
        #expect(Self.messages("SELECT coalesce(sex, 'NR'), patient_id FROM patients UNION ALL SELECT 1, 'R31-01' UNION ALL SELECT 1.0, 'R31-01'")
                == Self.repeated("1", "R31-01", 2))
    }

    /// Under a collation two texts may be one patient.
    @Test func aCollationDecidesWhatRepeats() {
        #expect(Self.messages("SELECT coalesce(sex, 'NR'), patient_id COLLATE NOCASE FROM patients UNION ALL SELECT 'f', 'r31-01'")
                == Self.repeated("f", "R31-01", 2))
    }

    /// A text and a number are two values, as in SQLite.
    @Test func aTextAndANumberAreTwoRows() {
        #expect(Self.messages("SELECT coalesce(sex, 'NR'), patient_id FROM patients UNION ALL SELECT 1, 'R31-01' UNION ALL SELECT '1', 'R31-01'") == [])
    }
}
