import Foundation

/// A piece of a word-level diff.
public enum WordPiece: Sendable, Equatable {
    case same(String)
    case removed(String)
    case added(String)
}

/// A sentence of a text page that changed: removed, added, or modified.
public struct SentenceChange: Sendable, Equatable {
    /// The page's file (`index.html`) and title (`Abstract`).
    public var page = ""
    public var pageTitle = ""
    public var old: String?
    public var new: String?
    public var pieces: [WordPiece]

    /// `[-old words-]{+new words+}`, as `git diff --word-diff` writes it.
    public var marked: String {
        pieces.map { piece in
            switch piece {
            case .same(let text): text
            case .removed(let text): "[-\(text)-]"
            case .added(let text): "{+\(text)+}"
            }
        }.joined(separator: " ")
    }
}

/// Sentences of rendered text and their word-level differences.
enum TextDiff {
    /// Plain sentences of filled Markdown: links reduced to their text,
    /// emphasis and headings dropped.
    static func sentences(ofMarkdown markdown: String) -> [String] {
        sentences(ofMarkdown: Substring(markdown))
    }

    static func sentences(ofMarkdown markdown: Substring) -> [String] {
        var sentences: [String] = []
        for paragraph in pieces(markdown, blankLines: true) {
            let lines = pieces(paragraph, blankLines: false).filter { !$0.hasPrefix("#") }
            sentences += split(plain(lines.joined(separator: " ")))
        }
        return sentences
    }

    /// The text between blank lines (as `components(separatedBy: "\n\n")`
    /// gives them), or its lines, empty ones left out (as `split(separator:
    /// "\n")`). Both compare characters: the `\n` of a `\r\n` is not one.
    static func pieces(_ text: Substring, blankLines: Bool) -> [Substring] {
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex, index = utf8.startIndex
        var previous: UInt8 = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                if !blankLines {
                    if start < index { pieces.append(text[start..<index]) }
                    start = next
                } else if next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    pieces.append(text[start..<index])
                    start = utf8.index(after: next)
                    (index, previous) = (start, 0)
                    continue
                }
            }
            (index, previous) = (next, byte)
        }
        if blankLines || start < utf8.endIndex { pieces.append(text[start...]) }
        return pieces
    }

    /// A paragraph's text without `[text](target)` links (their text kept)
    /// and without asterisks. Done on the bytes, which gives what the
    /// regular expression `\[([^\]]*)\]\([^)]*\)` → `$1` and the removal
    /// of `**` then `*` give (TextDiffSentenceTests compares them), at a
    /// small part of their cost.
    static func plain(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "*") }) else { return text }
        if bytes.contains(UInt8(ascii: "[")) { bytes = withoutLinks(bytes) }
        guard let star = bytes.firstIndex(of: UInt8(ascii: "*")) else { return String(decoding: bytes, as: UTF8.self) }
        // An asterisk beside a non-ASCII character may be part of a larger
        // character (a combining accent after it): Foundation decides those.
        let alone = bytes[star...].indices.allSatisfy { index in
            bytes[index] != UInt8(ascii: "*") || ((index == 0 || bytes[index - 1] < 0x80) && (index + 1 == bytes.count || bytes[index + 1] < 0x80))
        }
        guard alone else {
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
        }
        bytes.removeAll { $0 == UInt8(ascii: "*") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each `[text](target)` as its text: `[`, then everything up to the
    /// first `]`, then `(` at once, then everything up to the first `)`.
    private static func withoutLinks(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "]")),
               close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
               let end = bytes[(close + 2)...].firstIndex(of: UInt8(ascii: ")")) {
                out += bytes[(index + 1)..<close]
                index = end + 1
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Splits after `.`, `!` or `?` followed by a space and a capital or a digit.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var start = text.startIndex
        // Three characters at a time: the mark, the space, the next word's first.
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            // A one-byte character is that byte: `.` with an accent is not a mark.
            if Self.isMark(text, index, next), next < text.endIndex, text[next] == " " {
                let third = text.index(after: next)
                if third < text.endIndex, text[third].isUppercase || text[third].isNumber {
                    sentences.append(trimmed(text[start..<next]))
                    start = next
                }
            }
            index = next
        }
        let rest = trimmed(text[start...])
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// The changed sentences, aligned by their longest common subsequence;
    /// a removed sentence next to an added one is one modified sentence.
    static func changes(_ old: [String], _ new: [String]) -> [SentenceChange] {
        var changes: [SentenceChange] = []
        var removed: [String] = [], added: [String] = []
        func flush() {
            for index in 0..<max(removed.count, added.count) {
                let before = index < removed.count ? removed[index] : nil
                let after = index < added.count ? added[index] : nil
                changes.append(SentenceChange(old: before, new: after, pieces: words(before ?? "", after ?? "")))
            }
            removed = []
            added = []
        }
        for piece in diff(old, new) {
            switch piece {
            case .same: flush()
            case .removed(let sentence): removed.append(sentence)
            case .added(let sentence): added.append(sentence)
            }
        }
        flush()
        return changes
    }

    /// Word-level diff, consecutive words of one kind grouped.
    static func words(_ old: String, _ new: String) -> [WordPiece] {
        let pieces = diff(old.split(separator: " ").map(String.init), new.split(separator: " ").map(String.init))
        var grouped: [WordPiece] = []
        for piece in pieces {
            switch (grouped.last, piece) {
            case let (.same(a)?, .same(b)): grouped[grouped.count - 1] = .same(a + " " + b)
            case let (.removed(a)?, .removed(b)): grouped[grouped.count - 1] = .removed(a + " " + b)
            case let (.added(a)?, .added(b)): grouped[grouped.count - 1] = .added(a + " " + b)
            default: grouped.append(piece)
            }
        }
        return grouped
    }

    /// Longest-common-subsequence diff of two lists; removals before additions.
    static func diff(_ old: [String], _ new: [String]) -> [WordPiece] {
        let n = old.count, m = new.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pieces: [WordPiece] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                pieces.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                pieces.append(.removed(old[i]))
                i += 1
            } else {
                pieces.append(.added(new[j]))
                j += 1
            }
        }
        return pieces
    }

    /// Whether the character from `index` to `next` is `.`, `!` or `?`.
    private static func isMark(_ text: String, _ index: String.Index, _ next: String.Index) -> Bool {
        let byte = text.utf8[index]
        return (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")) && text.utf8.index(after: index) == next
    }

    /// Without the spaces (whole characters) at either end.
    private static func trimmed(_ text: Substring) -> String {
        var text = text
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
