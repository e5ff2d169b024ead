import Foundation
import Testing
@testable import ReviewSite

/// Figures and tables read treated_patients through a temporary view of
/// each reading connection, joined by row number; `review.sqlite` keeps the
/// view joined by key. Both must give the same rows in the same order.
@Suite("Reading views")
struct ReadingViewTests {
    static func columns(_ database: Database, _ view: String) throws -> [[DatabaseValue]] {
        try database.rows("SELECT * FROM \(view)").rows
    }

    @Test(arguments: [defaultDataPath, systemicDataPath, DeclaredTablesTests.data])
    func theReadingViewHasThePublishedRows(_ path: String) throws {
        // published.yaml quotes figures: the default review's are checked against its catalogue.
        let dataset = try DatasetLoader.load(from: path, figureFields: path == defaultDataPath ? defaultCatalogue.fields : [:])
        let review = try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma)
        let published = try Self.columns(review.database, "main.treated_patients")
        #expect(published.count == dataset.tables.table(for: .patient)?.count)
        let second = try review.connect()
        // Each reading connection has the view of its own, and reads the published rows through it.
        for connection in [review.database, second] {
            #expect(try connection.rows("SELECT count(*) FROM sqlite_temp_schema WHERE name = 'treated_patients' AND sql LIKE '%s.rowid = p.rowid%'").rows == [[.integer(1)]])
            #expect(try Self.columns(connection, "treated_patients") == published)
        }
        // The rows joined by key and by row number are the same pairs.
        let patientID = Database.identifier(dataset.codebook.core.patientID ?? "")
        let mismatched = try review.database.rows("""
            SELECT count(*) FROM main.patient_summary AS s JOIN main.\(Database.identifier(dataset.codebook.core.patients ?? "")) AS p
            ON s.rowid = p.rowid WHERE s.\(patientID) IS NOT p.\(patientID)
            """).rows
        #expect(mismatched == [[.integer(0)]])
    }

    @Test func theReadingViewIsNeverPublished() throws {
        let dataset = try loadDataset(defaultDataPath)
        let review = try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma)
        // A copy is SQLite's backup of "main", as `review.sqlite` is written.
        let written = try review.database.copy()
        let sql = try written.rows("SELECT sql FROM sqlite_schema WHERE name = 'treated_patients'").rows
        #expect(sql.count == 1)
        #expect(sql.first?.first?.text?.contains("ON s.patient_id = p.patient_id") == true)
        #expect(sql.first?.first?.text?.contains("rowid") == false)
        #expect(try written.rows("SELECT count(*) FROM sqlite_temp_schema").rows == [[.integer(0)]])
        #expect(try review.schema().contains("rowid") == false)
    }

    /// A large review's reading connections are read-only views of a shared
    /// store: a temporary view is still theirs to make, and the store is unchanged.
    @Test func aReadOnlyViewMakesItsOwnTemporaryView() throws {
        let store = try DatabaseViewTests.store()
        let view = try store.view()
        try view.execute("CREATE TEMP VIEW t AS SELECT x FROM main.t WHERE x <= 2")
        #expect(try view.rows("SELECT count(*) FROM t").rows == [[.integer(2)]])
        #expect(try store.rows("SELECT count(*) FROM t").rows == [[.integer(20000)]])
    }
}
