import Foundation
import Testing
@testable import ReviewSite

/// SQL that a read-only connection must refuse, and why.
struct RefusedQuery: CustomTestStringConvertible, Sendable {
    var sql: String
    var message: String
    var testDescription: String { sql }
}

@Suite("SQLite")
struct DatabaseTests {
    func sample() throws -> Database {
        let database = try Database()
        try database.execute("""
        CREATE TABLE patients (patient_id TEXT PRIMARY KEY, age REAL, sessions INTEGER, note TEXT);
        INSERT INTO patients VALUES ('P1', 44.5, 3, 'é'), ('P2', NULL, 1, NULL);
        """)
        return database
    }

    @Test func valuesComeBackWithTheirTypes() throws {
        let rows = try sample().rows("SELECT patient_id, age, sessions, note FROM patients ORDER BY 1")
        #expect(rows.columns == ["patient_id", "age", "sessions", "note"])
        #expect(rows.rows == [[.text("P1"), .real(44.5), .integer(3), .text("é")], [.text("P2"), .null, .integer(1), .null]])
        #expect(try sample().rows("SELECT count(*) FROM patients WHERE age > ?1", [.real(40)]).rows == [[.integer(1)]])
    }

    @Test func errorsCarryTheOffsetOfTheTokenAtFault() throws {
        let database = try sample()
        let unknown = #expect(throws: DatabaseError.self) { try database.rows("SELECT nme FROM patients") }
        #expect(unknown == DatabaseError(message: "no such column: nme", sql: "SELECT nme FROM patients", offset: 7))
        let syntax = #expect(throws: DatabaseError.self) { try database.rows("SELECT age FROM patients WHERE") }
        #expect(syntax == DatabaseError(message: "incomplete input", sql: "SELECT age FROM patients WHERE", offset: nil))
        let table = #expect(throws: DatabaseError.self) { try database.rows("SELECT 1 FROM studies") }
        // SQLite 3.40 gives no position for an unknown table.
        #expect(table == DatabaseError(message: "no such table: studies", sql: "SELECT 1 FROM studies", offset: nil))
        let two = #expect(throws: DatabaseError.self) { try database.rows("SELECT 1; SELECT 2") }
        #expect(two == DatabaseError(message: "only one statement is allowed; this one ends before the last one", sql: "SELECT 1; SELECT 2", offset: 9))
    }

    static let refused: [RefusedQuery] = [
        RefusedQuery(sql: "INSERT INTO patients VALUES ('P3', 1, 1, NULL)", message: "INSERT (patients) is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "UPDATE patients SET age = 1", message: "UPDATE (patients) is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "DELETE FROM patients", message: "DELETE (patients) is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "DROP TABLE patients", message: "changing the schema (CREATE, DROP) is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "CREATE TABLE t (x)", message: "changing the schema (CREATE, DROP) is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "CREATE TEMP TABLE t (x)", message: "changing the schema (CREATE, DROP) is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "ATTACH DATABASE '/tmp/other.sqlite' AS other", message: "ATTACH is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "PRAGMA query_only = 0", message: "PRAGMA query_only is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "PRAGMA writable_schema = 1", message: "PRAGMA writable_schema is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "SELECT load_extension('/tmp/evil.so')", message: "the function load_extension is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "BEGIN", message: "a transaction is not allowed: queries only read the review's database"),
        RefusedQuery(sql: "VACUUM INTO '/tmp/copy.sqlite'", message: "ATTACH is not allowed: queries only read the review's database"),
    ]

    @Test(arguments: refused)
    func aGuardedConnectionOnlyReads(_ query: RefusedQuery) throws {
        let database = try sample()
        try database.guardReads(workLimit: 1_000_000)
        let error = #expect(throws: DatabaseError.self) { try database.rows(query.sql) }
        #expect(error?.message == query.message)
        #expect(try database.rows("SELECT count(*) FROM patients").rows == [[.integer(2)]])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/copy.sqlite"))
    }

    @Test func aGuardedConnectionStillDescribesItsTables() throws {
        let database = try sample()
        try database.guardReads(workLimit: 1_000_000)
        #expect(try database.rows("PRAGMA table_info(patients)").rows.map { $0[1] } == [.text("patient_id"), .text("age"), .text("sessions"), .text("note")])
        #expect(try database.rows("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n").rows == [[.integer(15)]])
    }

    @Test func aRunawayQueryIsStopped() throws {
        let database = try Database()
        try database.execute("CREATE TABLE n (i INTEGER); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 10000) INSERT INTO n SELECT i FROM c")
        try database.guardReads(workLimit: 5_000_000)
        let sql = "SELECT count(*) FROM n AS a, n AS b"
        let error = #expect(throws: DatabaseError.self) { try database.rows(sql) }
        #expect(error == DatabaseError(message: "stopped after more than 5000000 steps of work: the query does too much (a join without a condition?)", sql: sql))
        // The limit is per query: the next one runs.
        #expect(try database.rows("SELECT count(*) FROM n").rows == [[.integer(10000)]])
    }

    @Test func aCopyHoldsTheSameRows() throws {
        let database = try sample()
        let copy = try database.copy()
        try database.execute("DELETE FROM patients")
        #expect(try copy.rows("SELECT patient_id FROM patients ORDER BY 1").rows == [[.text("P1")], [.text("P2")]])
    }

    @Test func aSharedDatabaseIsReadByASecondConnectionNotACopy() throws {
        let database = try Database(shared: true)
        try database.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)")
        let other = try database.connect()
        #expect(try other.rows("SELECT sum(x) FROM t").rows == [[.integer(3)]])
        // The second connection reads the first one's bytes, which must then stay put.
        let error = #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO t VALUES (4)") }
        #expect(error?.message == "attempt to write a readonly database")
    }

    @Test func theWrittenFileIsTheSameBytesEveryTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try sample().write(to: folder.appendingPathComponent("a.sqlite").path)
        try sample().write(to: folder.appendingPathComponent("b.sqlite").path)
        let a = try Data(contentsOf: folder.appendingPathComponent("a.sqlite"))
        #expect(a.count > 0)
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.sqlite"))))
        #expect(a.prefix(15) == Data("SQLite format 3".utf8))
    }
}
