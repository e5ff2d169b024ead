/// How a message quotes a value from the user's files: at most `limit`
/// characters (then "…"), with control characters written as `\u{1B}`, so
/// that a message is always one line and never drives the terminal.
enum Echo {
    static let limit = 80

    /// `value` cut and escaped, without quotes.
    static func value(_ value: some StringProtocol, limit: Int = Echo.limit) -> String {
        var text = ""
        var count = 0
        for character in value {
            if count == limit {
                text += "…"
                break
            }
            count += 1
            for scalar in character.unicodeScalars {
                if isControl(scalar) {
                    text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text
    }

    /// `'value'`, cut and escaped.
    static func quoted(_ value: some StringProtocol, limit: Int = Echo.limit) -> String {
        "'" + Self.value(value, limit: limit) + "'"
    }

    /// A path, quoted and escaped; cut only when absurdly long, since a
    /// path cut short would name another file.
    static func path(_ path: some StringProtocol) -> String {
        quoted(path, limit: 4096)
    }

    /// C0 and C1 controls and DEL; tab and newline included, since a
    /// message is one line. Also the line and paragraph separators and the
    /// bidirectional overrides, which can make a line read as another.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
