/// The position of each id in a list, for joining rows to patients and
/// studies by the million: open addressing over a cheap hash of the id's
/// bytes, where a `[String: Int]` would run SipHash on every lookup.
struct IDIndex: Sendable {
    private let ids: [String]
    /// Position in `ids` plus one; 0 is an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// Ids must be unique (the loader checks it); a repeat keeps the first.
    init(_ ids: [String]) {
        self.ids = ids
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        for (position, id) in ids.enumerated() {
            var slot = IDIndex.hash(id) & mask
            while slots[slot] != 0 {
                if ids[Int(slots[slot]) - 1] == id { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] == 0 { slots[slot] = Int32(position + 1) }
        }
        self.slots = slots
    }

    func position(of id: String) -> Int? {
        var slot = IDIndex.hash(id) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if ids[entry - 1] == id { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// A multiply–xorshift mix of the id's bytes, eight at a time.
    static func hash(_ id: String) -> Int {
        var text = id
        return text.withUTF8 { bytes in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(bytes.count &+ 1)
            var offset = 0
            while offset < bytes.count {
                var word: UInt64 = 0
                for shift in 0..<min(8, bytes.count - offset) {
                    word |= UInt64(bytes[offset + shift]) << (8 * shift)
                }
                state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
                state ^= state >> 29
                offset += 8
            }
            state = (state ^ (state >> 32)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: state ^ (state >> 31))
        }
    }
}

/// Sorting ids in byte order (UTF-8 code units), the order of every list
/// of rows; compares a 16-byte prefix as two integers before the bytes.
enum ByteOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The positions of `ids` in byte order of the ids (stable).
    static func sortedPositions(_ ids: [String]) -> [Int] {
        let keys = ids.map(prefix)
        return ids.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.high != y.high { return x.high < y.high }
            if x.low != y.low { return x.low < y.low }
            return precedes(ids[a], ids[b])
        }
    }

    /// The first 16 bytes, big-endian, zero-padded: their order is the bytes' order.
    private static func prefix(_ id: String) -> (high: UInt64, low: UInt64) {
        var text = id
        return text.withUTF8 { bytes in
            var high: UInt64 = 0, low: UInt64 = 0
            for index in 0..<16 {
                let byte = index < bytes.count ? UInt64(bytes[index]) : 0
                if index < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
            }
            return (high, low)
        }
    }
}
