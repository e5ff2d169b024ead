import Foundation

/// A code column's codes, looked up from a cell's bytes: built once per
/// column from the codebook, so that an ASCII cell is matched without making
/// a String, however many codes the list has. A class: rows share one.
final class CodeLookup: Sendable {
    /// The codes in the codebook's order; a cell's value is its index here.
    let names: [String]
    /// `names` for messages: `f, m`.
    let allowed: String
    /// The names' bytes one after another; `ends[i]` closes `names[i]`'s.
    private let bytes: [UInt8]
    private let ends: [Int]
    /// Open addressing: each slot holds a code's index + 1, 0 when free.
    private let slots: [Int32]
    /// Non-ASCII cells compare as Strings (Unicode equivalence), as before.
    private let byString: [String: Int32]

    init(_ names: [String]) {
        self.names = names
        allowed = names.joined(separator: ", ")
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var byString: [String: Int32] = [:]
        for (index, name) in names.enumerated() {
            bytes.append(contentsOf: name.utf8)
            ends.append(bytes.count)
            if byString[name] == nil { byString[name] = Int32(index) }
        }
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var start = 0
        for (index, end) in ends.enumerated() {
            let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            var slot = hash & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
            start = end
        }
        self.bytes = bytes
        self.ends = ends
        self.slots = slots
        self.byString = byString
    }

    /// The index of the code spelled by ASCII `cell` exactly.
    func index(_ cell: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(cell) & mask
        return bytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeBufferPointer { slots in
                while slots[slot] != 0 {
                    let index = Int(slots[slot]) - 1
                    let start = index == 0 ? 0 : ends[index - 1]
                    if ends[index] - start == cell.count && (cell.isEmpty || memcmp(bytes.baseAddress! + start, cell.baseAddress!, cell.count) == 0) {
                        return Int32(index)
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    func index(_ text: String) -> Int32? {
        byString[text]
    }

    /// FNV-1a: codes are short, and a few collisions only cost a comparison.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
