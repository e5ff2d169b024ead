/// A 64-bit hash of bytes, the same whether they come whole or in pieces:
/// it tells whether a file still holds the bytes a load read. It is not a
/// cryptographic hash; nobody is trying to fool it.
struct ByteHash {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3
    /// Bytes of the next word not yet mixed in, the first in the lowest byte.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private(set) var length = 0

    init() {}

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        var index = 0
        while pendingCount > 0 && index < bytes.count {
            take(bytes[index])
            index += 1
        }
        // Whole words at once, read as the bytes one after another would make them.
        while index + 8 <= bytes.count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        while index < bytes.count {
            take(bytes[index])
            index += 1
        }
    }

    var value: UInt64 {
        var copy = self
        copy.mix(copy.pending ^ UInt64(copy.pendingCount) << 61)
        copy.mix(UInt64(length))
        return copy.state
    }

    private mutating func take(_ byte: UInt8) {
        pending |= UInt64(byte) << (8 * UInt64(pendingCount))
        pendingCount += 1
        if pendingCount == 8 {
            mix(pending)
            pending = 0
            pendingCount = 0
        }
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }
}
