/// A page body built as UTF-8 bytes. Appending to a String checks capacity,
/// uniqueness and ASCII-ness for every piece; the long tables append tens of
/// millions of pieces, so they write here and make one String at the end.
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

    /// Data: escaped like `Escape.html`.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { source in
            for byte in source {
                switch byte {
                case UInt8(ascii: "&"): append("&amp;")
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "\""): append("&quot;")
                case UInt8(ascii: "'"): append("&#39;")
                default: bytes.append(byte)
                }
            }
        }
    }

    mutating func int(_ value: Int) {
        raw(String(value))
    }

    private mutating func append(_ entity: StaticString) {
        entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
