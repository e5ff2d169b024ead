import Foundation

/// Turns the keys a query returned into positions in the shared key lists
/// (patient ids, study ids), read from SQLite's bytes without a String per
/// row, then sorted in byte order with each row's value. A key of no list
/// (another review's key column) gives the figure a list of its own.
final class KeyPositions: @unchecked Sendable {
    private let lists: [String: KeyList]
    private var indexes: [String: KeyIndex] = [:]
    private let lock = NSLock()

    init(_ lists: [String: KeyList]) {
        self.lists = lists
    }

    /// Each list's index is made when a figure first needs it: key n is at position n.
    func reader(_ column: String) -> KeyReader {
        guard let list = lists[column] else { return KeyReader(list: nil, index: nil) }
        let index = lock.withLock {
            if let index = indexes[column] { return index }
            var index = KeyIndex()
            index.reserveCapacity(list.ids.count)
            for id in list.ids {
                var id = id
                _ = id.withUTF8 { index.insert($0, isASCII: $0.allSatisfy { $0 < 0x80 }, line: 0) }
            }
            indexes[column] = index
            return index
        }
        return KeyReader(list: list, index: index)
    }
}

/// Collects one query's keys: positions in the shared list while every key
/// is in it, the keys' text once one is not.
struct KeyReader {
    let list: KeyList?
    private var index: KeyIndex?
    private var positions: [Int32] = []
    private var texts: [String]?
    /// The file row whose key is tried first: the one after the last found.
    private var nextRow = 0

    init(list: KeyList?, index: KeyIndex?) {
        self.list = list
        self.index = index
        if list == nil { texts = [] }
    }

    mutating func add(_ key: UnsafeBufferPointer<UInt8>) {
        if texts == nil, index != nil {
            if let order = list!.fileOrder, nextRow < order.positions.count {
                // Equal bytes are equal keys; most queries scan a table in file order.
                let position = Int(order.positions[nextRow])
                let start = position == 0 ? 0 : order.ends[position - 1]
                if order.ends[position] - start == key.count,
                   order.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }) {
                    positions.append(Int32(position))
                    nextRow += 1
                    return
                }
            }
            // In place: a key that is found writes nothing, so the shared index is not copied.
            let ascii = key.allSatisfy { $0 < 0x80 }
            let number = ascii ? index!.insert(key, isASCII: true, line: 0) : nil
            if let number, !number.isNew {
                found(number.number)
                return
            }
            if !ascii, let number = index!.number(of: String(decoding: key, as: UTF8.self)) {
                found(number)
                return
            }
            // Not a key of the list: the figure keeps its keys' text.
            texts = positions.map { list!.ids[Int($0)] }
        }
        texts!.append(String(decoding: key, as: UTF8.self))
    }

    private mutating func found(_ position: Int) {
        positions.append(Int32(position))
        if let order = list!.fileOrder { nextRow = Int(order.rows[position]) + 1 }
    }

    /// The rows in key order (a stable sort: a key's rows keep the query's order).
    func rows(values: [Double?]) -> FigureKeyedRows {
        var keys: KeyList
        var positions = self.positions
        if let texts {
            let distinct = Array(Set(texts)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let own = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, Int32($0.offset)) })
            keys = KeyList(distinct)
            positions = texts.map { own[$0]! }
        } else {
            keys = list!
        }
        guard !zip(positions, positions.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            return FigureKeyedRows(keys: keys, positions: positions, values: values)
        }
        let order = Self.order(positions, keys: keys.ids.count)
        return FigureKeyedRows(keys: keys, positions: order.map { positions[Int($0)] }, values: values.isEmpty ? [] : order.map { values[Int($0)] })
    }
}

extension KeyReader {
    /// The rows' indices sorted by position, a key's rows in query order: a
    /// counting sort when the rows are many for the keys, else a comparison sort.
    static func order(_ positions: [Int32], keys: Int) -> [Int32] {
        guard positions.count * 8 >= keys else {
            return positions.indices.sorted { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }.map { Int32($0) }
        }
        return RowGroups(owners: positions.map { Int($0) }, count: keys).rows.map { Int32($0) }
    }
}

/// A query's rows in key order: positions in `keys`, and each row's value
/// (for a proportion 1 or 0: in the numerator or not).
struct FigureKeyedRows {
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
