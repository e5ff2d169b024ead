import Testing
@testable import ReviewSite

/// A figure's keys are found by trying the next file row first, and sorted
/// by counting: both must give what a lookup and a stable sort give.
@Suite("A figure's keys")
struct FigureKeyTests {
    static let fileOrder = ["R4-02", "R4-01", "R10-01", "R2-01", "Łódź", "R10-02", "A", "a"]

    /// The positions a plain lookup gives, in the query's order.
    func expected(_ keys: [String], _ list: KeyList) -> [Int32] {
        keys.map { key in Int32(list.ids.firstIndex(of: key)!) }
    }

    func read(_ keys: [String], _ list: KeyList) -> FigureKeyedRows {
        var reader = KeyPositions(["patient_id": list]).reader("patient_id")
        for key in keys {
            var key = key
            key.withUTF8 { reader.add($0) }
        }
        return reader.rows(values: keys.indices.map { Double($0) })
    }

    @Test func keysInAnyOrderFindTheirPositions() {
        let list = KeyList(fileOrder: Self.fileOrder)
        #expect(list.ids == ["A", "R10-01", "R10-02", "R2-01", "R4-01", "R4-02", "a", "Łódź"])
        for keys in [Self.fileOrder, Self.fileOrder.reversed(), ["R10-02", "R10-02", "A", "R4-02", "R4-01"], ["a"], []] {
            let rows = read(keys, list)
            let positions = expected(keys, list)
            // Stable: a key's rows keep the query's order, which the values record.
            let order = positions.indices.sorted { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }
            #expect(rows.positions == order.map { positions[$0] }, "\(keys)")
            #expect(rows.values == order.map { Double($0) }, "\(keys)")
            #expect(rows.keys === list)
        }
    }

    @Test func aKeyOfNoRowGivesTheFigureItsOwnList() {
        let list = KeyList(fileOrder: Self.fileOrder)
        let rows = read(["R4-02", "R4-01", "X9"], list)
        #expect(rows.keys !== list)
        #expect(rows.keys.ids == ["R4-01", "R4-02", "X9"])
        #expect(rows.positions == [0, 1, 2])
        #expect(rows.values == [1, 0, 2])
    }

    @Test func countingSortIsAStableSort() {
        let positions: [Int32] = [5, 1, 5, 0, 1, 9, 0, 5]
        let stable = positions.indices.sorted { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }.map { Int32($0) }
        #expect(KeyReader.order(positions, keys: 10) == stable)
        // Few rows for many keys take the comparison sort, with the same result.
        #expect(KeyReader.order(positions, keys: 1_000) == stable)
        #expect(KeyReader.order([], keys: 10) == [])
    }
}
