/// Table rows built as UTF-8 bytes. Appending to a String checks capacity,
/// uniqueness and ASCII-ness for every piece; the long tables append tens of
/// millions of pieces, so they write here, and the bytes go to the file as
/// they are (`Page.rows`).
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup of our own.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text known to hold no markup characters (labels, formatted numbers).
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Markup already made (a page the build wrote), copied as it is.
    mutating func raw(_ utf8: ArraySlice<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    /// Everything written so far goes; the capacity stays for what comes next.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Data: escaped like `Escape.html`; runs without markup characters are copied whole.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { escaped($0) }
    }

    /// Data already in UTF-8 (a cell of `TableData`), escaped like `text`.
    mutating func text(_ utf8: ArraySlice<UInt8>) {
        utf8.withUnsafeBufferPointer { escaped($0) }
    }

    private mutating func escaped(_ source: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for (index, byte) in source.enumerated() {
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
            append(entity)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
    }

    mutating func int(_ value: Int) {
        guard value >= 0 && value < 10 else { return raw(String(value)) }
        bytes.append(UInt8(ascii: "0") + UInt8(value))
    }

    /// `formatNumber`'s text, without making a String for whole numbers.
    mutating func number(_ value: Double) {
        if value >= 0 && value < 1e12 && value == value.rounded(.towardZero) {
            var whole = Int(value)
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[11 - count] = UInt8(ascii: "0") + UInt8(whole % 10)
                    whole /= 10
                    count += 1
                } while whole > 0
                bytes.append(contentsOf: buffer[(12 - count)...])
            }
        } else {
            raw(formatNumber(value))
        }
    }

    private mutating func append(_ entity: StaticString) {
        entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
