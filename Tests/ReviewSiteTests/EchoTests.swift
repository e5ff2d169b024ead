import Testing
@testable import ReviewSite

@Suite("Values quoted in messages")
struct EchoTests {
    @Test func shortValuesAreQuotedAsTheyAre() {
        #expect(Echo.quoted("female") == "'female'")
        #expect(Echo.quoted("") == "''")
        #expect(Echo.quoted("Müller, é") == "'Müller, é'")
    }

    @Test func longValuesAreCutAtEightyCharacters() {
        let long = String(repeating: "a", count: 81)
        #expect(Echo.quoted(long) == "'" + String(repeating: "a", count: 80) + "…'")
        #expect(Echo.quoted(String(repeating: "a", count: 80)) == "'" + String(repeating: "a", count: 80) + "'")
        #expect(Echo.value(String(repeating: "é", count: 90), limit: 3) == "ééé…")
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect(Echo.quoted("a\u{1B}[31mred") == "'a\\u{1B}[31mred'")
        #expect(Echo.quoted("two\nlines\r\t") == "'two\\u{A}lines\\u{D}\\u{9}'")
        #expect(Echo.quoted("\u{7F}\u{85}\u{2028}\u{202E}x") == "'\\u{7F}\\u{85}\\u{2028}\\u{202E}x'")
    }

    @Test func anEscapedControlCountsAsOneCharacter() {
        #expect(Echo.value("\u{1B}\u{1B}\u{1B}", limit: 2) == "\\u{1B}\\u{1B}…")
    }
}
