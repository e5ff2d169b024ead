import Foundation

/// Searching and replacing by UTF-8 bytes. Foundation's `range(of:)` and
/// `replacingOccurrences` compare by characters through NSString, which
/// cost several times more on the long pages and templates searched for
/// markup of our own (all ASCII).
extension Collection<UInt8> {
    /// Where `pattern` first occurs in these bytes; nil for an empty pattern.
    func firstRange(ofBytes pattern: [UInt8]) -> Range<Index>? {
        guard let first = pattern.first else { return nil }
        // Contiguous bytes (arrays, native strings): memchr finds each
        // candidate first byte, memcmp checks the rest.
        if let offset = withContiguousStorageIfAvailable({ buffer in
            pattern.withUnsafeBufferPointer { wanted -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                var at = 0
                while buffer.count - at >= wanted.count, let found = memchr(base + at, Int32(first), buffer.count - at - wanted.count + 1) {
                    at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted.baseAddress!, wanted.count) == 0 { return at }
                    at += 1
                }
                return nil
            }
        }) {
            guard let offset else { return nil }
            let start = index(startIndex, offsetBy: offset)
            return start..<index(start, offsetBy: pattern.count)
        }
        var index = startIndex
        while let start = self[index...].firstIndex(of: first) {
            var end = start, matched = 0
            while matched < pattern.count, end < endIndex, self[end] == pattern[matched] {
                matched += 1
                end = self.index(after: end)
            }
            if matched == pattern.count { return start..<end }
            index = self.index(after: start)
        }
        return nil
    }
}

extension StringProtocol {
    /// Where `target` first occurs, found by its bytes; nil for an empty target.
    func byteRange(of target: String) -> Range<Index>? {
        utf8.firstRange(ofBytes: Array(target.utf8))
    }

    /// The pieces between each `separator`, found by its bytes, empty ones kept
    /// (`components(separatedBy:)`); the whole text for an empty separator.
    func byteComponents(separatedBy separator: String) -> [SubSequence] {
        var pieces: [SubSequence] = [], rest = self[...]
        while let found = rest.byteRange(of: separator) {
            pieces.append(rest[..<found.lowerBound])
            rest = rest[found.upperBound...]
        }
        return pieces + [rest]
    }

    /// Every `target` replaced, left to right, found by its bytes.
    func replacingBytes(_ target: String, with replacement: String) -> String {
        byteComponents(separatedBy: target).joined(separator: replacement)
    }

    /// Whether `word` occurs as a whole word, ignoring ASCII case (`\bword\b`):
    /// the bytes around it are no letter, digit or `_` (any non-ASCII byte counts as a letter).
    func containsWord(_ word: String) -> Bool {
        let bytes = Array(utf8), pattern = Array(word.lowercased().utf8)
        func isWord(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) {
            guard start == 0 || !isWord(bytes[start - 1]) else { continue }
            let end = start + pattern.count
            guard end == bytes.count || !isWord(bytes[end]) else { continue }
            if pattern.indices.allSatisfy({ index in
                let byte = bytes[start + index]
                return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == pattern[index]
            }) { return true }
        }
        return false
    }
}

extension String {
    /// The lines between `\n` bytes, empty ones kept: `split(separator: "\n")`
    /// compares whole characters, and a `\r\n` is one character to it, so
    /// such lines keep their `\r` here as they stayed whole there.
    var byteLines: [Substring] { byteComponents(separatedBy: "\n") }
}
