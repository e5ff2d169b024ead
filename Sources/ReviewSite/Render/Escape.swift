/// Escaping for every data string that reaches HTML, SVG or Markdown.
public enum Escape {
    /// Text content and attribute values of HTML and SVG (`& < > " '`).
    public static func html(_ text: String) -> String {
        guard anyByte(of: text, where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        // Byte by byte: the five are ASCII, and a String appended a scalar at a time costs tenfold.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 64)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Markdown text that CommonMark renders literally, for data inserted
    /// into a sentence: every character that can open inline markup is
    /// backslash-escaped (CommonMark allows a backslash before any ASCII
    /// punctuation), and so is a start that could open a block.
    public static func markdown(_ text: String) -> String {
        // Byte by byte: what is escaped or replaced is ASCII.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if isMarkdownPunctuation(byte) { bytes.append(UInt8(ascii: "\\")) }
            // A newline in data would start a new block: keep it one line.
            bytes.append(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
        }
        var out = String(decoding: bytes, as: UTF8.self)
        // A list marker or setext underline at the start (`- x`, `12. x`, `= x`).
        if let first = out.unicodeScalars.first, "-+=".unicodeScalars.contains(first) {
            out = "\\" + out
        } else if let marker = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), marker != out.startIndex,
                  out[marker] == "." || out[marker] == ")" {
            out.insert("\\", at: marker)
        }
        return out
    }

    /// A backslash or one of ` * _ { } [ ] < > & ! | ~ #.
    private static func isMarkdownPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x7B, 0x7D, 0x5B, 0x5D, 0x3C, 0x3E, 0x26, 0x21, 0x7C, 0x7E, 0x23: true
        default: false
        }
    }

    /// A key (patient or study id, figure id) as a URL fragment: bytes other
    /// than letters, digits and `-._~` are percent-encoded.
    public static func fragment(_ key: String) -> String {
        guard anyByte(of: key, where: { !isUnreserved($0) }) else { return key }
        var out = ""
        for byte in key.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Scans the contiguous UTF-8 of a native string: far faster than
    /// iterating `utf8` for the millions of cells of a large site.
    static func anyByte(of text: String, where test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where test(byte) { return true }
            return false
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
