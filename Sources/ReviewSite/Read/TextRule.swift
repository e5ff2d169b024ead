/// What text values of the dataset may hold: no control characters, which
/// would reach the pages, the diagram and the terminal. Tab and line breaks
/// are allowed in free text; an id allows neither and must not be blank.
enum TextRule {
    static func controlMessage(_ scalar: Unicode.Scalar) -> String {
        "contains a control character (\(code(scalar))) (expected text without control characters; tab and line breaks are allowed)"
    }

    /// `U+001B`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The first control character of a text cell, other than tab, LF and
    /// the CR of a CRLF; and whether there is a CRLF (a quoted line break of
    /// a Windows file), which the value then holds as LF.
    static func scanCell(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> (control: Unicode.Scalar?, crlf: Bool) {
        var crlf = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte >= 0x20 && byte != 0x7F { continue }
            if byte == 0x09 || byte == 0x0A { continue }
            if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A {
                crlf = true
                continue
            }
            return (Unicode.Scalar(byte), crlf)
        }
        // Non-ASCII controls: C1 (U+0080…U+009F), the line separators, the bidi overrides.
        if !isASCII, let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first(where: { $0.value >= 0x80 && Echo.isControl($0) }) {
            return (scalar, crlf)
        }
        return (nil, crlf)
    }

    /// The first control character of a YAML string other than tab and LF.
    static func firstControl(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { Echo.isControl($0) && $0 != "\t" && $0 != "\n" }
    }

    /// Why a cell cannot be an id: blank, or a control character (tab and
    /// line breaks included); nil when it can.
    static func idProblem(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
        var blank = true
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F {
                return "contains a control character (\(code(Unicode.Scalar(byte)))) (expected an id without control characters)"
            }
            if byte != 0x20 { blank = false }
        }
        if !isASCII {
            let text = String(decoding: bytes, as: UTF8.self)
            if let scalar = text.unicodeScalars.first(where: Echo.isControl) {
                return "contains a control character (\(code(scalar))) (expected an id without control characters)"
            }
            blank = text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return blank ? "\(Echo.quoted(String(decoding: bytes, as: UTF8.self))) is only spaces (expected a value)" : nil
    }
}
