import Testing
@testable import ReviewSite

/// Escape.html on bytes gives what escaping scalar by scalar gave.
struct EscapeBytesTests {
    static func byScalars(_ text: String) -> String {
        var out = ""
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

    /// Escape.markdown as it was: scalar by scalar.
    static func markdownByScalars(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            if "\\`*_{}[]<>&!|~#".unicodeScalars.contains(character) { out += "\\" }
            out.unicodeScalars.append(character == "\n" || character == "\r" ? " " : character)
        }
        if let first = out.unicodeScalars.first, "-+=".unicodeScalars.contains(first) {
            out = "\\" + out
        } else if let marker = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), marker != out.startIndex,
                  out[marker] == "." || out[marker] == ")" {
            out.insert("\\", at: marker)
        }
        return out
    }

    @Test func markdownTheSameTextAsEscapingScalars() {
        let texts = ["", "plain words", "\\`*_{}[]<>&!|~#", "- a list", "+ b", "= c", "12. twelve", "3) three", "12 no marker",
                     "line\nbreak\r\nand \r", "café *bold* [link](x) <é>", "e\u{301}_x_ 👩‍👩‍👧 #tag", "\u{0}a\u{7F}"]
        for text in texts {
            #expect(Array(Escape.markdown(text).utf8) == Array(Self.markdownByScalars(text).utf8), "\(text)")
        }
    }

    @Test func theSameTextAsEscapingScalars() {
        let texts = ["", "plain", "a & b < c > d \"e\" 'f'", "&&&<<>>\"\"''", "café & thé <é>", "cafe\u{301} & \"x\u{301}\"",
                     "👩‍👩‍👧 <family> & 'emoji'", "tab\tnewline\n&\r\n", "Q1 'Was the case definition clear?' (yes/no)", "\u{0}&\u{7F}<"]
        for text in texts {
            #expect(Escape.html(text) == Self.byScalars(text))
            #expect(Array(Escape.html(text).utf8) == Array(Self.byScalars(text).utf8), "\(text)")
        }
    }
}
