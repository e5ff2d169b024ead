/// Sorting ids in byte order (UTF-8 code units), the order of every list
/// of rows; compares a 16-byte prefix as two integers before the bytes.
enum ByteOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        // Over the bytes in place: the generic comparison steps two iterators byte by byte.
        let inPlace = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                for index in 0..<min(x.count, y.count) where x[index] != y[index] { return x[index] < y[index] }
                return x.count < y.count
            }
        }
        return (inPlace ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
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
