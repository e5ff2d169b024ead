import Testing
@testable import ReviewSite

/// Issue 24, M5: the table functions trapped (SIGILL) on numbers past Int's
/// range or infinite; now such a call has no value, and a text too long
/// to make is an error.
@Suite("Checked SQL functions")
struct CheckedSQLFunctionTests {
    static let database: ReviewDatabase = {
        let dataset = try! loadDataset(defaultDataPath)
        return try! ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma)
    }()

    func value(_ sql: String) throws -> DatabaseValue {
        try Self.database.database.rows("SELECT " + sql).rows[0][0]
    }

    @Test(arguments: ["share(1e300, 1)", "percent(9e999, 2)", "share(9223372036854775807, 1)", "percent(-9223372036854775807, 3)",
                      "share(1, 9e999)", "percent(5, -9223372036854775808)", "format_number(9e999)", "format_number(-9e999)",
                      "median(x) FROM (SELECT 9e999 AS x UNION ALL SELECT 1)", "median(x) FROM (SELECT 1.7e308 AS x UNION ALL SELECT 1.7e308)",
                      "median_range(x) FROM (SELECT -9e999 AS x)", "range_text(x) FROM (SELECT 9e999 AS x)", "numbers(x, 'mg') FROM (SELECT 9e999 AS x)"])
    func anOutOfRangeNumberHasNoValue(_ call: String) throws {
        #expect(try value(call) == .null)
    }

    @Test func numbersInRangeAreAsBefore() throws {
        #expect(try value("share(3, 4)") == .text("3/4 (75%)"))
        #expect(try value("percent(1, 8)") == .integer(13))
        #expect(try value("share(2.0, 0)") == .text("2/0 (n/a)"))
        #expect(try value("median(x) FROM (SELECT 1.7e308 AS x UNION ALL SELECT 1.6e308)") == .null)
        #expect(try value("median(x) FROM (SELECT 1 AS x UNION ALL SELECT 4)") == .real(2.5))
    }

    @Test func aTextTooLongToMakeIsAnError() {
        let sql = "SELECT labels('sites', (SELECT group_concat('a', ';') FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000) SELECT i FROM c)), hex(zeroblob(1000)))"
        let error = #expect(throws: DatabaseError.self) { try Self.database.database.rows(sql) }
        #expect(error?.message == "labels(): the text would be longer than 32 MiB (a long separator between many codes?)")
    }
}
