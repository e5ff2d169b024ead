import Yams

/// A piece of SQL from figures.yaml with where each of its bytes stands in
/// the file, so that SQLite's offset of a token becomes a line and column.
struct SQLPiece: Sendable {
    var text: String
    /// The position of each UTF-8 byte of `text`.
    private var positions: [TextPosition]
    var start: TextPosition

    init(text: String, positions: [TextPosition], start: TextPosition) {
        self.text = text
        self.positions = positions
        self.start = start
    }

    func position(atByte offset: Int) -> TextPosition {
        offset >= 0 && offset < positions.count ? positions[offset] : start
    }

    /// Walks the scalar's value and the file's text side by side from where
    /// the value starts: a block scalar's content on the lines below its
    /// indicator, a quoted one after its quote. Whitespace runs match
    /// whitespace runs, so indentation and folded line breaks line up.
    init(_ scalar: Node.Scalar, lines: [[Unicode.Scalar]]) {
        var line = scalar.mark?.line ?? 1, column = scalar.mark?.column ?? 1
        switch scalar.style {
        case .literal, .folded: (line, column) = (line + 1, 1)
        case .singleQuoted, .doubleQuoted: column += 1
        default: break
        }
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
        var positions: [TextPosition] = []
        let value = Array(scalar.string.unicodeScalars)
        for (index, character) in value.enumerated() {
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
                if scalar.style == .singleQuoted && character == "'" && current() == "'" { advance() }
            }
            positions += Array(repeating: here, count: String(character).utf8.count)
        }
        self.init(text: scalar.string, positions: positions, start: positions.first ?? TextPosition(line: line, column: column))
    }
}
