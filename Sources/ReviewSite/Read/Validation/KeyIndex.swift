import Foundation

/// The distinct values of a key column, each numbered in order of first
/// appearance, with the line it first appeared on.
///
/// ASCII keys live in a hash table over their bytes, which is much cheaper
/// than String's SipHash. String equality follows Unicode equivalence, and a
/// non-ASCII key may equal an ASCII one (U+212A KELVIN SIGN is "K"), so the
/// first non-ASCII key moves every key to a `[String: Int]`, and a non-ASCII
/// probe is answered by one: answers are always String's.
struct KeyIndex: Sendable {
    /// The first line of each key, by number.
    private(set) var lines: [Int] = []
    /// The keys' bytes one after another; key n ends at `ends[n]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Open addressing with linear probing; a slot holds the key's number + 1
    /// in its low 32 bits (0 when free) and its hash's high 32 bits above,
    /// so that a probe rarely has to look at the key itself.
    private var slots = [UInt64](repeating: 0, count: 16)
    /// Every key as a String, once a non-ASCII key was inserted.
    private var strings: [String: Int]?
    /// The same for non-ASCII probes of ASCII keys, made at the first one.
    private let probes = ProbeTable()

    var count: Int { lines.count }

    /// The key's number and whether it is new; a new key is given `line`.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, isASCII: Bool, line: Int) -> (number: Int, isNew: Bool) {
        if !isASCII && strings == nil { strings = allStrings() }
        if strings != nil {
            let text = String(decoding: key, as: UTF8.self)
            if let number = strings![text] { return (number, false) }
            let number = append(key, line: line)
            strings![text] = number
            return (number, true)
        }
        let hash = hashBytes(key)
        let (slot, found) = find(key, hash)
        if let found { return (found, false) }
        let number = append(key, line: line)
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
        if count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The number of the key equal to `key`, if any. `hint` is a number to
    /// try first, without hashing: the next key in file order is likely.
    func number(of key: String, hint: Int? = nil) -> Int? {
        if let strings { return strings[key] }
        var copy = key
        let ascii: Int?? = copy.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            if let hint, hint >= 0, hint < count, matches(hint, bytes) { return hint }
            return find(bytes, hashBytes(bytes)).found
        }
        if let ascii { return ascii }
        return probes.number(of: key) { allStrings() }
    }

    /// The key's slot, or the free slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (slot: Int, found: Int?) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let tag = hash & 0xFFFF_FFFF_0000_0000
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let entry = slots[slot]
                let number = Int(entry & 0xFFFF_FFFF) - 1
                if entry & 0xFFFF_FFFF_0000_0000 == tag && matches(number, key) { return (slot, number) }
                slot = (slot + 1) & mask
            }
            return (slot, nil)
        }
    }

    private mutating func append(_ key: UnsafeBufferPointer<UInt8>, line: Int) -> Int {
        precondition(count < Int(UInt32.max) - 1, "too many keys")
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        lines.append(line)
        return lines.count - 1
    }

    private func range(_ number: Int) -> Range<Int> {
        (number == 0 ? 0 : ends[number - 1])..<ends[number]
    }

    private func matches(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(number)
        guard range.count == key.count else { return false }
        return range.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, key.baseAddress!, range.count) == 0 }
    }

    private mutating func grow() {
        resize(slots.count * 2)
    }

    /// Room for `capacity` keys without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        var size = slots.count
        while size < capacity * 2 { size *= 2 }
        if size > slots.count { resize(size) }
    }

    private mutating func resize(_ size: Int) {
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        bytes.withUnsafeBufferPointer { bytes in
            for number in lines.indices {
                let hash = hashBytes(UnsafeBufferPointer(rebasing: bytes[range(number)]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
            }
        }
        self.slots = slots
    }

    /// Every key so far as a String (they are ASCII and distinct, so their
    /// Strings are distinct too).
    private func allStrings() -> [String: Int] {
        var strings: [String: Int] = [:]
        bytes.withUnsafeBufferPointer { bytes in
            for number in lines.indices {
                strings[String(decoding: UnsafeBufferPointer(rebasing: bytes[range(number)]), as: UTF8.self)] = number
            }
        }
        return strings
    }
}

/// The keys as Strings for non-ASCII probes, made once under a lock
/// (validation may run on two threads).
private final class ProbeTable: @unchecked Sendable {
    private let lock = NSLock()
    private var strings: [String: Int]?

    func number(of key: String, _ make: () -> [String: Int]) -> Int? {
        lock.withLock {
            if strings == nil { strings = make() }
            return strings![key]
        }
    }
}

/// A fast hash of short byte strings (8 bytes at a time, then a final mix).
private func hashBytes(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    var index = 0
    while index + 8 <= key.count {
        let word = UnsafeRawBufferPointer(key).loadUnaligned(fromByteOffset: index, as: UInt64.self)
        hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < key.count {
        tail |= UInt64(key[index]) << shift
        shift += 8
        index += 1
    }
    hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
    hash ^= hash >> 29
    hash = hash &* 0xBF58_476D_1CE4_E5B9
    return hash ^ (hash >> 32)
}
