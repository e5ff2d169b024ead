import Testing
@testable import ReviewSite

/// The PRISMA diagram's line wrapping: counting a printable ASCII label's
/// lengths by bytes gives the lines that counting characters gave.
struct PrismaWrapTests {
    /// The wrapping as it was: every length counted in characters.
    static func byCharacters(_ label: String, count: Int?, indent: Int, wrapAt: Int) -> [PrismaDiagram.Line] {
        func chunks(_ word: String) -> [String] {
            var out: [String] = [], start = word.startIndex
            while let end = word.index(start, offsetBy: wrapAt, limitedBy: word.endIndex), end < word.endIndex {
                out.append(String(word[start..<end]))
                start = end
            }
            return out + [String(word[start...])]
        }
        var words: [String] = label.split(separator: " ").flatMap { chunks(String($0)) }
        if let count { words.append("(n = \(count))") }
        var lines: [String] = []
        for word in words {
            if let last = lines.last, last.count + 1 + word.count <= wrapAt {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.enumerated().map { PrismaDiagram.Line(text: $1, indent: $0 == 0 ? indent : indent + 1) }
    }

    static let labels = [
        "Records identified from:", "Reports of included studies", "Records marked as ineligible by automation tools",
        "Duplicate records removed", "Citation searching, Websites, Organisations",
        "https://example.org/a-very-long-address-that-is-longer-than-any-line-of-the-diagram/and-then-some-more",
        String(repeating: "x", count: 84), String(repeating: "y", count: 85), "  two  spaces  between  ", "",
        "Études exclues", "cafe\u{301} au lait, with a combining accent", "a \u{301}mark starting a word", "emoji 👩‍👩‍👧 family words here",
        "Wrong population (no patients with the condition of interest in the included sample)",
    ]

    @Test func linesAreThoseOfCountingCharacters() {
        for label in Self.labels {
            for wrapAt in stride(from: 42, through: 20, by: -2) {
                for count in [nil, 7, 12345] as [Int?] {
                    for indent in [0, 2] {
                        #expect(PrismaDiagram.Metrics.item(label, count: count, indent: indent, wrapAt: wrapAt)
                                == Self.byCharacters(label, count: count, indent: indent, wrapAt: wrapAt), "\(label) at \(wrapAt)")
                    }
                }
            }
        }
    }
}
