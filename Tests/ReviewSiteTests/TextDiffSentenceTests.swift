import Foundation
import Testing
@testable import ReviewSite

/// TextDiff.sentences works on bytes and string indices instead of a
/// regular expression, Foundation's replacements and an array of
/// characters: it must give exactly what those gave.
@Suite("Sentences of filled Markdown, as the regular expression gave them")
struct TextDiffSentenceTests {
    /// The implementation before, kept as the reference.
    static func reference(_ markdown: String) -> [String] {
        var sentences: [String] = []
        for paragraph in markdown.components(separatedBy: "\n\n") {
            let lines = paragraph.split(separator: "\n").filter { !$0.hasPrefix("#") }
            var text = lines.joined(separator: " ")
            text = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
            var current = ""
            let characters = Array(text)
            for (index, character) in characters.enumerated() {
                current.append(character)
                if ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " ",
                   characters[index + 2].isUppercase || characters[index + 2].isNumber {
                    sentences.append(trim(current))
                    current = ""
                }
            }
            if !trim(current).isEmpty { sentences.append(trim(current)) }
        }
        return sentences
    }

    static func trim(_ text: String) -> String {
        var text = Substring(text)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    @Test func linksEmphasisAndSentenceEndsAsBefore() {
        let cases = [
            "# Results\n\nOf [40 studies](figures.html#studies.included), **12** were *trials*. 136 patients took part! Was it 9%? Yes.",
            "[a [b](c) d](e) and [x]y(z) and [open](no close and [](empty).",
            "Ref. 4 said so. É is a capital. ٣ is a digit. Ⅻ too. e\u{301}. Next",
            "An asterisk with an accent *\u{301} stays? A star é*é goes. *\u{301}*",
            "Flags 🇫🇷. 🇩🇪 and \u{600}. Then\r\n\nCRLF. Lines\r\nkept. A",
            "Ends with a mark. ", "  ", "", "\n\n\n\n", "**", "[]()", "1. 2. 3.",
            "Spaces .  Double. \u{00A0}Nbsp. A.\u{301} B",
        ]
        for text in cases {
            #expect(TextDiff.sentences(ofMarkdown: text) == Self.reference(text), "\(text.debugDescription)")
        }
        // The filled pages of the default review.
        for name in ["abstract.md", "methods.md", "results.md"] {
            let text = (try? String(contentsOfFile: "\(defaultTemplatesPath)/\(name)", encoding: .utf8)) ?? ""
            #expect(!text.isEmpty)
            #expect(TextDiff.sentences(ofMarkdown: text) == Self.reference(text), "\(name)")
        }
    }

    @Test func randomTextsOfTheTrickyCharacters() {
        let pieces = ["[", "]", "(", ")", "*", "**", ".", "!", "?", " ", " ", "\n", "\n\n", "#", "A", "a", "1", "é", "e\u{301}",
                      "\u{301}", "\r\n", "\r", "🇫🇷", "\u{600}", "É", "Ⅻ", "٣", "ß", "\u{200D}", "x"]
        var generator = SeededGenerator(seed: 30)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextDiff.sentences(ofMarkdown: text) == Self.reference(text), "\(text.debugDescription)")
            // Compared as scalars too: equal strings may differ in their bytes.
            #expect(TextDiff.sentences(ofMarkdown: text).map { Array($0.unicodeScalars) } == Self.reference(text).map { Array($0.unicodeScalars) })
        }
    }
}

/// A fixed pseudo-random sequence (SplitMix64), so a failure repeats.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
