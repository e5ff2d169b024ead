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
        var sentences: [String] = []
        for paragraph in markdown.components(separatedBy: "\n\n") {
            let lines = paragraph.split(separator: "\n").filter { !$0.hasPrefix("#") }
            var text = lines.joined(separator: " ")
            text = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "")
            sentences += split(text)
        }
        return sentences
    }

    /// Splits after `.`, `!` or `?` followed by a space and a capital or a digit.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " ",
               characters[index + 2].isUppercase || characters[index + 2].isNumber {
                sentences.append(current.trimmed())
                current = ""
            }
        }
        if !current.trimmed().isEmpty { sentences.append(current.trimmed()) }
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
}

private extension String {
    func trimmed() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
