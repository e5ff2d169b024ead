/// The position of each id in a list (patients or studies in byte order),
/// for joining rows by the million. A `KeyIndex` underneath: bytes hashed
/// cheaply, and ids equal exactly when Strings are (as the loader's checks).
struct IDIndex: Sendable {
    private var keys = KeyIndex()
    /// The list position of each key number (a repeat keeps the first).
    private var positions: [Int] = []

    init(_ ids: [String]) {
        keys.reserveCapacity(ids.count)
        positions.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            var id = id
            let isNew = id.withUTF8 { keys.insert($0, isASCII: !$0.contains { $0 >= 0x80 }, line: 0).isNew }
            if isNew { positions.append(position) }
        }
    }

    /// `after` is the previous answer: rows of one patient or study are
    /// usually next to each other, and a repeat is then found without hashing.
    func position(of id: String, after previous: Int? = nil) -> Int? {
        let hint = previous.flatMap { $0 < positions.count && positions[$0] == $0 ? $0 : nil }
        return keys.number(of: id, hint: hint).map { positions[$0] }
    }

    /// The position of each id (-1 for none), looked up in order.
    func positions(of ids: some Sequence<String>) -> [Int] {
        var previous: Int?
        return ids.map { id in
            previous = position(of: id, after: previous)
            return previous ?? -1
        }
    }
}
