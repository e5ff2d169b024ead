import Foundation

/// Turns the keys a query returned into positions in the shared key lists
/// (patient ids, study ids), sorted in byte order, with each row's value.
/// A key of no list (another review's key column) gets a list of its own.
final class KeyPositions: @unchecked Sendable {
    private let lists: [String: KeyList]
    private var indexes: [String: [String: Int32]] = [:]
    private let lock = NSLock()

    init(_ lists: [String: KeyList]) {
        self.lists = lists
    }

    /// Each list's index is made when a figure first needs it.
    private func index(_ column: String) -> (KeyList, [String: Int32])? {
        guard let list = lists[column] else { return nil }
        return lock.withLock {
            if let index = indexes[column] { return (list, index) }
            var index: [String: Int32] = [:]
            index.reserveCapacity(list.ids.count)
            for (position, id) in list.ids.enumerated() { index[id] = Int32(position) }
            indexes[column] = index
            return (list, index)
        }
    }

    /// The rows in key order (a stable sort: a key's rows keep the query's order).
    func rows(_ texts: [String], column: String, values: [Double?]) -> KeyedRows {
        var keys: KeyList
        var positions: [Int32] = []
        positions.reserveCapacity(texts.count)
        if let (list, index) = index(column), let mapped = Self.map(texts, index) {
            keys = list
            positions = mapped
        } else {
            let distinct = Array(Set(texts)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let own = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, Int32($0.offset)) })
            keys = KeyList(distinct)
            positions = texts.map { own[$0]! }
        }
        var order = Array(positions.indices)
        if !zip(positions, positions.dropFirst()).allSatisfy({ $0 <= $1 }) {
            order.sort { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }
        }
        return KeyedRows(keys: keys, positions: order.map { positions[$0] }, values: values.isEmpty ? [] : order.map { values[$0] })
    }

    private static func map(_ texts: [String], _ index: [String: Int32]) -> [Int32]? {
        var positions: [Int32] = []
        positions.reserveCapacity(texts.count)
        for text in texts {
            guard let position = index[text] else { return nil }
            positions.append(position)
        }
        return positions
    }
}

/// A query's rows in key order: positions in `keys`, and each row's value
/// (for a proportion 1 or 0: in the numerator or not).
struct KeyedRows {
    var keys: KeyList
    var positions: [Int32]
    var values: [Double?]

    /// The distinct keys of the rows that pass `include`.
    func distinct(_ include: (Int) -> Bool = { _ in true }) -> FigureRows {
        var kept: [Int32] = []
        for index in positions.indices where include(index) && kept.last != positions[index] {
            kept.append(positions[index])
        }
        return FigureRows(keys, kept)
    }
}
