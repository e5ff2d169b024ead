import Foundation

/// The keys a figure was computed from (patient_id or study_id), in byte
/// order. Stored as positions in one list of keys that every figure shares:
/// a million-row figure is then four bytes a row, not a million strings.
public struct FigureRows: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    let keys: KeyList
    let positions: [Int32]

    init(_ keys: KeyList, _ positions: [Int32]) {
        self.keys = keys
        self.positions = positions
    }

    public init(arrayLiteral keys: String...) {
        self.init(KeyList(keys), keys.indices.map { Int32($0) })
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> String { keys.ids[Int(positions[index])] }

    public static func == (a: FigureRows, b: FigureRows) -> Bool {
        a.elementsEqual(b)
    }

    /// These rows without those of `other` (a proportion's rows outside its numerator).
    func subtracting(_ other: FigureRows) -> FigureRows {
        guard other.keys === keys else {
            let removed = Set(other)
            return FigureRows(keys, zip(self, positions).filter { !removed.contains($0.0) }.map(\.1))
        }
        // Both ascending positions of one list: one merging pass.
        var kept: [Int32] = []
        kept.reserveCapacity(count - other.count)
        var cursor = 0
        for position in positions {
            while cursor < other.positions.count && other.positions[cursor] < position { cursor += 1 }
            if cursor < other.positions.count && other.positions[cursor] == position { continue }
            kept.append(position)
        }
        return FigureRows(keys, kept)
    }
}

/// A list of keys the figures' rows point into, with each key once as a
/// JSON string for figures.json (made when first asked for).
final class KeyList: @unchecked Sendable {
    let ids: [String]
    /// For a table's keys: the position of the key of file row n, and the
    /// file row of the key at each position. Queries that scan a table
    /// return its keys in file order: KeyReader tries the next row's key first.
    let fileOrder: FileOrder?
    private let lock = NSLock()
    private var quoted: (bytes: [UInt8], ends: [Int])?

    struct FileOrder {
        var positions: [Int32]
        var rows: [Int32]
        /// The keys' UTF-8 one after another by position: key n ends at `ends[n]`.
        var bytes: [UInt8]
        var ends: [Int]
    }

    init(_ ids: [String]) {
        self.ids = ids
        fileOrder = nil
    }

    /// A table's keys given in file order, kept in byte order.
    init(fileOrder keys: [String]) {
        let order = ByteOrder.sortedPositions(keys)
        ids = order.map { keys[$0] }
        var positions = [Int32](repeating: 0, count: keys.count)
        for (position, row) in order.enumerated() { positions[row] = Int32(position) }
        var bytes: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(ids.count)
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            ends.append(bytes.count)
        }
        fileOrder = FileOrder(positions: positions, rows: order.map { Int32($0) }, bytes: bytes, ends: ends)
    }

    /// Each key as a JSON string literal: key n is `bytes[ends[n - 1]..<ends[n]]`.
    var json: (bytes: [UInt8], ends: [Int]) {
        lock.withLock {
            if let quoted { return quoted }
            var bytes: [UInt8] = [], ends: [Int] = []
            ends.reserveCapacity(ids.count)
            for id in ids {
                FiguresJSON.append(quoted: id, to: &bytes)
                ends.append(bytes.count)
            }
            quoted = (bytes, ends)
            return (bytes, ends)
        }
    }
}

extension FigureRows {
    /// The keys of any of `parts`, in byte order, each once.
    static func union(_ parts: [FigureRows]) -> FigureRows {
        guard let first = parts.first else { return [] }
        if parts.allSatisfy({ $0.keys === first.keys }) {
            return FigureRows(first.keys, Array(Set(parts.flatMap(\.positions))).sorted())
        }
        let keys = Array(Set(parts.flatMap { Array($0) })).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return FigureRows(KeyList(keys), keys.indices.map { Int32($0) })
    }
}
