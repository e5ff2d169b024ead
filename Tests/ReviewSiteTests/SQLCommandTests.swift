import Foundation
import Testing

@Suite("reviewsite sql")
struct SQLCommandTests {
    static let query = "SELECT patient_id, age_years, sex, symptom_months FROM patients WHERE patient_id IN ('R4-01', 'R4-02') ORDER BY 1"

    @Test func tableFormat() throws {
        let result = try runReviewSite(["sql", Self.query])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            patient_id | age_years | sex | symptom_months
            -----------+-----------+-----+---------------
            R4-01      | 44        | f   | 63
            R4-02      | 68        | f   | NULL
            (2 rows)

            """)
    }

    @Test func csvFormat() throws {
        let result = try runReviewSite(["sql", Self.query, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "patient_id,age_years,sex,symptom_months\nR4-01,44,f,63\nR4-02,68,f,\n")
    }

    @Test func jsonFormat() throws {
        let result = try runReviewSite(["sql", Self.query, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            [
              {"patient_id": "R4-01", "age_years": 44, "sex": "f", "symptom_months": 63},
              {"patient_id": "R4-02", "age_years": 68, "sex": "f", "symptom_months": null}
            ]

            """)
    }

    @Test func schemaListsTheTablesAndViews() throws {
        let result = try runReviewSite(["sql", "--schema"])
        #expect(result.status == 0)
        for name in ["CREATE TABLE patients (", "CREATE TABLE patients_sites (", "CREATE TABLE patient_summary (",
                     "CREATE TABLE study_appraisal (", "CREATE VIEW treated_patients AS", "CREATE TABLE prisma_flow ("] {
            #expect(result.standardOutput.contains(name), "schema lacks \(name)")
        }
    }

    @Test func anSQLErrorExitsOneWithItsPosition() throws {
        let result = try runReviewSite(["sql", "SELECT nme FROM patients"])
        #expect(result.status == 1)
        #expect(result.standardError == "sql:1:8: no such column: nme\n")
        let write = try runReviewSite(["sql", "DROP TABLE patients"])
        #expect(write.status == 1)
        #expect(write.standardError == "sql:1:1: changing the schema (CREATE, DROP) is not allowed: queries only read the review's database\n")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runReviewSite(["sql"]).status == 2)
        #expect(try runReviewSite(["sql", "SELECT 1", "--schema"]).status == 2)
        #expect(try runReviewSite(["sql", "SELECT 1", "--format", "xml"]).status == 2)
    }
}
