import Foundation

/// A hash table of row numbers by key bytes (open addressing, linear
/// probing): a million keys cost two Int32 per key and no String. Rows
/// with the same key sit along the probe sequence in insertion order, so
/// the n-th one found is the n-th occurrence.
struct RowIndex {
    private var slots: [Int32] = []
    private var mask = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Adds `row` (whose key is `keys[ends[row - 1]..<ends[row]]`) and
    /// returns which occurrence of its key it is.
    mutating func insert(_ row: Int, _ keys: UnsafeBufferPointer<UInt8>, _ ends: [Int]) -> Int32 {
        let key = UnsafeBufferPointer(rebasing: keys[Self.range(row, ends)])
        var slot = Self.hash(key) & mask
        var seen: Int32 = 0
        while slots[slot] >= 0 {
            if Self.equal(key, keys, Int(slots[slot]), ends) { seen += 1 }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(row)
        return seen + 1
    }

    /// The row holding the `occurrence`-th `key`.
    func find(_ key: UnsafeBufferPointer<UInt8>, occurrence: Int32, in keys: UnsafeBufferPointer<UInt8>, _ ends: [Int]) -> Int? {
        var slot = Self.hash(key) & mask
        var seen: Int32 = 0
        while slots[slot] >= 0 {
            if Self.equal(key, keys, Int(slots[slot]), ends) {
                seen += 1
                if seen == occurrence { return Int(slots[slot]) }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func range(_ row: Int, _ ends: [Int]) -> Range<Int> { (row == 0 ? 0 : ends[row - 1])..<ends[row] }

    private static func equal(_ key: UnsafeBufferPointer<UInt8>, _ keys: UnsafeBufferPointer<UInt8>, _ row: Int, _ ends: [Int]) -> Bool {
        let other = range(row, ends)
        return other.count == key.count && (key.isEmpty || memcmp(key.baseAddress!, keys.baseAddress! + other.lowerBound, key.count) == 0)
    }

    /// FNV-1a, folded so that the low bits the mask keeps see every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
