/// Escaping for every data string that reaches HTML, SVG or Markdown.
public enum Escape {
    /// Text content and attribute values of HTML and SVG (`& < > " '`).
    public static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Markdown text that CommonMark renders literally: every ASCII
    /// punctuation character that could start markup is backslash-escaped
    /// (CommonMark allows a backslash before any ASCII punctuation).
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            if character.isASCII, "\\`*_{}[]()<>#+-.!|~\"&'=:$%@^;,/?".unicodeScalars.contains(character) {
                out += "\\"
            }
            // A newline in data would start a new block: keep it one line.
            out.unicodeScalars.append(character == "\n" || character == "\r" ? " " : character)
        }
        return out
    }
}
