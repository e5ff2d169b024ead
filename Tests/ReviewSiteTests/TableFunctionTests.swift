import Foundation
import Testing
@testable import ReviewSite

/// The aggregates tables count codes with (docs/tables.md), each case one
/// query over literal rows against the default codebook's `sites` list
/// (fingers, hand, …, face, … in that order).
@Suite("Table functions")
struct TableFunctionTests {
    static let database = try! loadReport(defaultDataPath).database.database

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var sql: String
        var expected: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "most frequent first, then codebook order", sql: "tally_by_count('sites', column1, column2) FROM (VALUES ('hand', 'k1'), ('fingers', 'k1'), ('hand', 'k2'), ('face', 'k3'))",
             expected: "hand 2, fingers 1, face 1"),
        Case(name: "one key: labels without numbers", sql: "tally_by_count('sites', column1, column2) FROM (VALUES ('hand', 'k1'), ('fingers', 'k1'))",
             expected: "fingers, hand"),
        Case(name: "each NULL key is a key of its own", sql: "tally_by_count('sites', column1, column2) FROM (VALUES ('hand', NULL), ('hand', NULL))",
             expected: "hand 2"),
        Case(name: "codes outside the list in byte order, not reported last",
             sql: "tally_by_count('sites', column1, column2) FROM (VALUES (NULL, 'k1'), ('zz', 'k2'), ('hand', 'k2'), ('aa', 'k3'))",
             expected: "hand 1, aa 1, zz 1, not reported 1"),
        Case(name: "no code at all", sql: "tally_by_count('sites', column1, column2) FROM (VALUES (NULL, 'k1'))", expected: nil),
        Case(name: "tally: distinct keys per code, in codebook order",
             sql: "tally('sites', column1, column2, NULL) FROM (VALUES ('face', 'k1'), ('fingers', 'k2'), ('face', 'k2'), (NULL, 'k3'), ('face', 'k1'))",
             expected: "fingers 1, face 2, not reported 1"),
        // More than 16 rows: a large group's pairs are sorted another way; the result must not change.
        Case(name: "a large group: ties in codebook order",
             sql: "tally_by_count('sites', column1, column2) FROM (VALUES ('face', 'k0'), ('face', 'k1'), ('face', 'k2'), ('face', 'k3'), ('face', 'k4'), ('face', 'k5'), ('face', 'k6'), ('face', 'k7'), ('face', 'k8'), ('face', 'k9'), ('hand', 'k10'), ('hand', 'k11'), ('hand', 'k12'), ('hand', 'k13'), ('hand', 'k14'), ('hand', 'k15'), ('hand', 'k16'), ('hand', 'k17'), ('hand', 'k18'), ('hand', 'k19'), ('zz', 'k20'), (NULL, 'k21'))",
             expected: "hand 10, face 10, zz 1, not reported 1"),
        Case(name: "tally of no code", sql: "tally('sites', column1, column2, NULL) FROM (VALUES (NULL, 'k1'))", expected: nil),
        Case(name: "join_codes: distinct, codebook order, then byte order",
             sql: "join_codes('sites', column1, ' or ') FROM (VALUES ('face'), ('zz'), ('fingers'), ('face'), ('aa'))",
             expected: "fingers or face or aa or zz"),
        Case(name: "tally_lists: rows holding each code once", sql: "tally_lists('sites', column1) FROM (VALUES ('face;hand'), ('hand'), ('hand;hand'))",
             expected: "hand 3, face 1"),
    ]

    @Test(arguments: cases) func aggregateCountsAsDocumented(_ test: Case) throws {
        let value = try Self.database.rows("SELECT " + test.sql).rows[0][0]
        #expect(value.text == test.expected)
    }
}
