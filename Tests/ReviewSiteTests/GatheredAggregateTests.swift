import Foundation
import Testing
@testable import ReviewSite

/// An aggregate's rows are gathered in C as bytes (shim.h) and decoded once
/// per group: every value comes back as SQLite gave it, group by group.
@Suite("Aggregate rows gathered in C")
struct GatheredAggregateTests {
    static func database() throws -> Database {
        let database = try Database()
        database.define([.aggregate("rows_seen", 2) { rows in
            .text(rows.map { row in [row[0], row[1]].map(Self.shown).joined(separator: "|") }.joined(separator: ", "))
        }])
        return database
    }

    static func shown(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): "int \(number)"
        case .real(let number): "real \(number)"
        case .text(let text): "text '\(text)'"
        }
    }

    @Test func everyValueComesBackAsItWasGiven() throws {
        let sql = """
        WITH v(g, a, b) AS (VALUES
          (1, NULL, 'code'), (1, 9223372036854775807, 'code'), (1, -2.5, ''), (1, 'é long text of more than sixteen bytes', x'41'),
          (2, 'a' || char(0) || 'b', 7), (3, 1e300, -9223372036854775808))
        SELECT g, rows_seen(a, b) FROM v GROUP BY g ORDER BY g
        """
        #expect(try Self.database().rows(sql).rows == [
            [.integer(1), .text("NULL|text 'code', int 9223372036854775807|text 'code', real -2.5|text '', text 'é long text of more than sixteen bytes'|text 'A'")],
            // A text ends at a NUL byte, as the arguments of a scalar function do.
            [.integer(2), .text("text 'a'|int 7")],
            [.integer(3), .text("real 1e+300|int -9223372036854775808")],
        ])
    }

    @Test func aGroupOfManyRowsKeepsThemAll() throws {
        let sql = """
        WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50000)
        SELECT length(rows_seen(i, 'code ' || (i % 3))) FROM c
        """
        let expected = (1...50000).map { "int \($0)|text 'code \($0 % 3)'" }.joined(separator: ", ").utf8.count
        #expect(try Self.database().rows(sql).rows == [[.integer(Int64(expected))]])
    }

    @Test func anEmptyGroupHasNoRows() throws {
        #expect(try Self.database().rows("SELECT rows_seen(1, 2) FROM (SELECT 1 WHERE 0)").rows == [[.text("")]])
    }
}
