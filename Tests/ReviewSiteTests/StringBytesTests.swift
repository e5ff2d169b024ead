import Testing
@testable import ReviewSite

/// Searching by UTF-8 bytes (String+Bytes.swift) gives what Foundation's
/// character search and the `\bover\b` expression gave for our markup.
@Suite("Byte search")
struct StringBytesTests {
    @Test func findsTheFirstOccurrence() {
        let text = "see [a](a.md) and [b](b.md)"
        let found = text.byteRange(of: "](")
        #expect(found.map { String(text[$0.upperBound...]) } == "a.md) and [b](b.md)")
        #expect(text.byteRange(of: "](x") == nil)
        #expect(text.byteRange(of: "") == nil)
        #expect("é](ü".byteRange(of: "](").map { String("é](ü"[$0.upperBound...]) } == "ü")
    }

    /// Contiguous bytes are searched by memchr and memcmp, other collections
    /// byte by byte: both give the same ranges, in a slice's own indices.
    @Test(arguments: [
        ("aaab", "aab", 1), ("abc", "abc", 0), ("xabc", "bc", 2), ("abc", "abcd", nil), ("", "a", nil), ("a", "a", 0),
        ("ab<table x>y</table>", "</table>", 12), ("aaa", "b", nil), ("abab", "ba", 1),
    ] as [(String, String, Int?)])
    func findsTheSameRangeInEveryKindOfCollection(_ text: String, _ pattern: String, _ offset: Int?) {
        let wanted = Array(pattern.utf8), bytes = Array(text.utf8)
        #expect(bytes.firstRange(ofBytes: wanted) == offset.map { $0..<($0 + wanted.count) })
        #expect(bytes.lazy.map { $0 }.firstRange(ofBytes: wanted).map { $0.lowerBound } == offset)
        let slice = ([UInt8]("--".utf8) + bytes)[2...]
        #expect(slice.firstRange(ofBytes: wanted) == offset.map { ($0 + 2)..<($0 + 2 + wanted.count) })
        #expect(text.utf8.firstRange(ofBytes: wanted).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) } == offset)
    }

    @Test func replacesEveryOccurrenceLeftToRight() {
        #expect("<h2>A</h2><h2>B</h2>".replacingBytes("<h2>", with: "<h2 class=\"t\">") == "<h2 class=\"t\">A</h2><h2 class=\"t\">B</h2>")
        #expect("aaa".replacingBytes("aa", with: "b") == "ba")
        #expect("none here".replacingBytes("<h2>", with: "x") == "none here")
    }

    @Test(arguments: [
        ("sum(count(p.patient_id)) OVER ()", true), ("x over(y)", true), ("over", true), ("(Over)", true),
        ("overall", false), ("hangover", false), ("over_y", false), ("_over", false), ("éover", false), ("2over", false), ("", false),
    ]) func findsAWholeWordInAnyCase(_ text: String, _ expected: Bool) {
        #expect(text.containsWord("over") == expected)
    }

    @Test func splitsLinesAtNewlineBytesKeepingEmptyOnes() {
        #expect("a\n\nb\n".byteLines == ["a", "", "b", ""])
        #expect("".byteLines == [""])
        #expect("é\nü".byteLines == ["é", "ü"])
    }
}
