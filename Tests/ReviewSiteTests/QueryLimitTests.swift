import Foundation
import Testing
@testable import ReviewSite

/// Issue 24, M3, M4 and fts3_tokenizer: SQL from templates is bounded in
/// the length of a value, memory and time, not only in steps.
@Suite("Query limits")
struct QueryLimitTests {
    func guarded(_ limits: QueryLimits) throws -> Database {
        let database = try Database()
        database.define(TableFunctions(codebook: Codebook(tables: [], codeLists: [], appraisal: Codebook.Appraisal())).all)
        try database.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
        try database.guardReads(limits)
        return database
    }

    @Test func aValueLongerThanTheLimitIsRefused() throws {
        let database = try guarded(QueryLimits(steps: 100_000_000))
        let sql = "SELECT length(hex(zeroblob(4e8)))"
        let error = #expect(throws: DatabaseError.self) { try database.rows(sql) }
        #expect(error == DatabaseError(message: "stopped at a text or blob of more than 32 MiB: the query makes too long a value", sql: sql))
        #expect(try database.rows("SELECT length(hex(zeroblob(1e6)))").rows == [[.integer(2_000_000)]])
    }

    @Test func aQueryHoldingTooMuchMemoryIsStopped() throws {
        let database = try guarded(QueryLimits(steps: 100_000_000, seconds: 60, bytes: 64 << 20))
        // 100 texts of 2 MB in one sort.
        let sorted = "SELECT length(x) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100) SELECT hex(randomblob(1e6)) AS x FROM c ORDER BY random())"
        let error = #expect(throws: DatabaseError.self) { try database.rows(sorted) }
        #expect(error?.message == "stopped at 64 MiB of memory: the query holds too much at once (a sort or group over long texts?)")
        // The same texts held by one of the tool's aggregates.
        let grouped = "SELECT median(x) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100) SELECT hex(randomblob(1e6)) AS x FROM c)"
        let aggregate = #expect(throws: DatabaseError.self) { try database.rows(grouped) }
        #expect(aggregate?.message == "stopped at 64 MiB of memory: the query holds too much at once (a sort or group over long texts?)")
        // The limit is per query: the next one runs, and a small one fits.
        #expect(try database.rows("SELECT count(*) FROM (SELECT hex(randomblob(1e6)) AS x FROM t ORDER BY random())").rows == [[.integer(1)]])
    }

    @Test func aSlowQueryIsStoppedAtItsDeadline() throws {
        let database = try guarded(QueryLimits(steps: Int.max / 2, seconds: 1))
        let sql = "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) SELECT count(*) FROM c WHERE hex(randomblob(1000)) = ''"
        let started = Date()
        let error = #expect(throws: DatabaseError.self) { try database.rows(sql) }
        #expect(error == DatabaseError(message: "stopped after 1 s: the query takes too long (a join without a condition?)", sql: sql))
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(try database.rows("SELECT x FROM t").rows == [[.integer(1)]])
    }

    @Test func fts3TokenizerIsRefused() throws {
        let database = try guarded(QueryLimits(steps: 1_000_000))
        for sql in ["SELECT hex(fts3_tokenizer('simple'))", "SELECT fts3_tokenizer('mine', x'0000000000000000')"] {
            let error = #expect(throws: DatabaseError.self) { try database.rows(sql) }
            #expect(error?.message == "the function fts3_tokenizer is not allowed: queries only read the review's database")
        }
    }

    @Test func aFigureStoppedByALimitIsNamed() {
        let yaml = FigureDefinitionTests.head + "  kind: count\n  value: length(hex(zeroblob(4e8)))\n"
        #expect(FigureDefinitionTests.errors(yaml) == [
            "templates/figures.yaml:4:10: figure 'x': stopped at a text or blob of more than 32 MiB: the query makes too long a value",
        ])
    }

    @Test func theLimitsGrowWithTheRows() {
        #expect(QueryLimits.forRows(1_000) == QueryLimits(steps: 10_200_000, seconds: 10, bytes: (512 << 20) + 256_000))
        #expect(QueryLimits.forRows(5_000_000).seconds == 60)
    }

    /// REVIEWSITE_QUERY_SECONDS replaces the time limit (10 s at this size).
    @Test func theTimeLimitCanBeSetForASlowerMachine() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["REVIEWSITE_QUERY_SECONDS"] = "1"
        let slow = "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000) SELECT count(*) FROM c WHERE hex(randomblob(1e6)) = ''"
        let started = Date()
        let stopped = try runReviewSite(["sql", slow], environment: environment)
        #expect(stopped.status == 1)
        #expect(stopped.standardError.contains("stopped after 1 s: the query takes too long (a join without a condition?)"), "\(stopped.standardError)")
        #expect(Date().timeIntervalSince(started) < 8)
    }
}
