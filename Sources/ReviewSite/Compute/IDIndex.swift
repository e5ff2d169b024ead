/// The position of each id in a list (patients or studies in byte order),
/// for joining rows by the million. A `KeyIndex` underneath: bytes hashed
/// cheaply, and ids equal exactly when Strings are (as the loader's checks).
struct IDIndex: Sendable {
    private var keys = KeyIndex()
    /// The list position of each key number (a repeat keeps the first).
    private var positions: [Int] = []

    /// `ids` in file order, and the position each has in the list: rows
    /// that refer to them mostly come in the same order, which the lookups
    /// of `positions(of:)` take advantage of.
    init(_ ids: [String], positions: [Int]? = nil) {
        keys.reserveCapacity(ids.count)
        self.positions.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() {
            var id = id
            let isNew = id.withUTF8 { keys.insert($0, isASCII: !$0.contains { $0 >= 0x80 }, line: 0).isNew }
            if isNew { self.positions.append(positions?[index] ?? index) }
        }
    }

    func position(of id: String) -> Int? {
        keys.number(of: id).map { positions[$0] }
    }

    /// The position of each id (-1 for none), looked up in order.
    func positions(of ids: some Sequence<String>) -> [Int] {
        var lookup = KeyLookup(keys)
        return ids.map { lookup.number(of: $0).map { positions[$0] } ?? -1 }
    }
}
