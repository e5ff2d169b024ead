import Foundation

/// A piece of SQL from figures.yaml that knows where it stands in the file,
/// so that SQLite's offset of a token becomes a line and column. Positions
/// are worked out only for an error: most pieces never need them.
struct SQLPiece: Sendable {
    var text: String
    private let source: SourceText
    private let line: Int
    private let column: Int
    /// Where the value starts after its mark: 1 for a quote, the next line for a block.
    private let quoted: Bool
    private let block: Bool
    private let singleQuoted: Bool
    private let doubleQuoted: Bool

    init(_ scalar: YAMLNode.Scalar, source: SourceText) {
        text = scalar.string
        self.source = source
        line = scalar.mark.line
        column = scalar.mark.column
        quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        block = scalar.style == .literal || scalar.style == .folded
        singleQuoted = scalar.style == .singleQuoted
        doubleQuoted = scalar.style == .doubleQuoted
    }

    /// Where the value's first character stands.
    var start: TextPosition { positions().first ?? TextPosition(line: line, column: column) }

    func position(atByte offset: Int) -> TextPosition {
        let all = positions()
        return offset >= 0 && offset < all.count ? all[offset] : start
    }

    /// The position of each UTF-8 byte of the value. Walks the value and the
    /// file side by side from where the value starts (a block scalar's
    /// content on the lines below its indicator, a quoted one after its
    /// quote); whitespace runs match whitespace runs, so indentation and
    /// folded line breaks line up.
    private func positions() -> [TextPosition] {
        let lines = source.lines
        var line = line, column = column
        if block { (line, column) = (line + 1, 1) }
        if quoted { column += 1 }
        func current() -> Unicode.Scalar? {
            guard line - 1 < lines.count else { return nil }
            let text = lines[line - 1]
            return column - 1 < text.count ? text[column - 1] : "\n"
        }
        func advance() {
            guard line - 1 < lines.count else { return }
            if column - 1 < lines[line - 1].count { column += 1 } else { (line, column) = (line + 1, 1) }
        }
        func skipSpace() {
            while let here = current(), here.properties.isWhitespace { advance() }
        }
        /// In a double-quoted scalar, one character of the value may be an
        /// escape of 2 to 10 characters in the file (`\t`, `\x41`, `\u00e9`),
        /// and a `\` that ends a line joins the next without any.
        func escape() -> TextPosition? {
            guard doubleQuoted else { return nil }
            while current() == "\\", line - 1 < lines.count, column == lines[line - 1].count {
                advance(); advance()
                while let here = current(), here == " " || here == "\t" { advance() }
            }
            guard current() == "\\" else { return nil }
            let here = TextPosition(line: line, column: column)
            advance()
            let digits = current() == "x" ? 2 : current() == "u" ? 4 : current() == "U" ? 8 : 0
            for _ in 0...digits { advance() }
            return here
        }
        var positions: [TextPosition] = []
        let value = Array(text.unicodeScalars)
        for (index, character) in value.enumerated() {
            if let here = escape() {
                positions += Array(repeating: here, count: String(character).utf8.count)
                continue
            }
            let here: TextPosition
            if character.properties.isWhitespace {
                here = TextPosition(line: line, column: column)
                if index + 1 < value.count && value[index + 1].properties.isWhitespace {
                    if current()?.properties.isWhitespace == true { advance() }
                } else {
                    skipSpace()
                }
            } else {
                skipSpace()
                here = TextPosition(line: line, column: column)
                advance()
                // A doubled quote in a single-quoted scalar is one quote of the value.
                if singleQuoted && character == "'" && current() == "'" { advance() }
            }
            positions += Array(repeating: here, count: String(character).utf8.count)
        }
        return positions
    }
}

/// The text of figures.yaml, split into lines of characters when an error
/// first needs a position.
final class SourceText: @unchecked Sendable {
    private let text: String
    private var split: [[Unicode.Scalar]]?
    private let lock = NSLock()

    init(_ text: String) {
        self.text = text
    }

    var lines: [[Unicode.Scalar]] {
        lock.withLock {
            if let split { return split }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            split = lines
            return lines
        }
    }
}
