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
