import Testing
@testable import ReviewSite

@Suite("Rows inserted column by column")
struct ColumnRowsTests {
    @Test func everyKindOfColumnKeepsItsRowsInOrderAcrossBatches() throws {
        // 4 columns make batches of 150 rows: 701 rows take 4 full batches and a remainder of 101.
        let count = 701
        let texts: [String?] = (0..<count).map { $0 % 7 == 0 ? nil : "text \($0) " + String(repeating: "é", count: $0 % 20) }
        let integers: [Int?] = (0..<count).map { $0 % 5 == 0 ? nil : $0 * 1_000_003 }
        let numbers: [Double?] = (0..<count).map { $0 % 3 == 0 ? nil : Double($0) / 8 }
        let codes: [Int32] = (0..<count).map { $0 % 4 == 0 ? -1 : Int32($0 % 3) }
        let database = try Database()
        try database.execute("CREATE TABLE t (a TEXT, b INTEGER, c REAL, d TEXT)")
        let rows = ColumnRows(columns: [.text(texts), .integers(OptionalColumn(integers)), .numbers(OptionalColumn(numbers)), .codes(codes, names: ["x", "y", nil])],
                              count: count)
        #expect(try ReviewDatabase.insert(database, "t", rows) == count)
        let read = try database.rows("SELECT a, b, c, d FROM t ORDER BY rowid").rows
        #expect(read.count == count)
        for row in 0..<count {
            let code: DatabaseValue = codes[row] < 0 || codes[row] == 2 ? .null : .text(codes[row] == 0 ? "x" : "y")
            #expect(read[row] == [texts[row].map { .text($0) } ?? .null, integers[row].map { .integer(Int64($0)) } ?? .null,
                                  numbers[row].map { .real($0) } ?? .null, code], "row \(row)")
        }
    }

    @Test func noRowsInsertNothing() throws {
        let database = try Database()
        try database.execute("CREATE TABLE t (a TEXT)")
        #expect(try ReviewDatabase.insert(database, "t", ColumnRows(columns: [.text([])], count: 0)) == 0)
        #expect(try database.rows("SELECT count(*) FROM t").rows == [[.integer(0)]])
    }

    @Test func textCodesNumberEachDistinctTextOnce() {
        let codes = TextCodes(capacity: 6)
        for text in ["b", nil, "a", "b", "a;b", nil] { codes.append(text) }
        guard case .codes(let rows, let names) = codes.column else { Issue.record("not codes"); return }
        #expect(rows == [0, -1, 1, 0, 2, -1])
        #expect(names == ["b", "a", "a;b"])
    }
}
