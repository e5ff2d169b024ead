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

    @Test func theSameTextAsEscapingScalars() {
        let texts = ["", "plain", "a & b < c > d \"e\" 'f'", "&&&<<>>\"\"''", "café & thé <é>", "cafe\u{301} & \"x\u{301}\"",
                     "👩‍👩‍👧 <family> & 'emoji'", "tab\tnewline\n&\r\n", "Q1 'Was the case definition clear?' (yes/no)", "\u{0}&\u{7F}<"]
        for text in texts {
            #expect(Escape.html(text) == Self.byScalars(text))
            #expect(Array(Escape.html(text).utf8) == Array(Self.byScalars(text).utf8), "\(text)")
        }
    }
}
