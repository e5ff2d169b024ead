extension PrismaDiagram {
    /// Sizes in px; text width is estimated, as no font metrics are at hand.
    enum Metrics {
        static let fontSize = 13
        static let charWidth = 7
        static let lineHeight = 18
        static let ascent = 13
        static let padX = 12, padY = 9
        static let indent = 14
        static let wrapAt = 42
        static let margin = 10
        static let headerHeight = 32
        static let bandWidth = 32
        static let arrowGap = 50      // main box → side box
        static let columnGap = 40     // left side box ↔ right main box
        static let rowGap = 32
        static let minBoxWidth = 200

        static func width(_ line: Line) -> Int {
            line.text.count * charWidth + line.indent * indent
        }

        /// Words of `label` then `count` (never split) in lines of at most
        /// `wrapAt` characters; tails are indented one level more.
        static func item(_ label: String, count: Int? = nil, indent: Int = 0, wrapAt: Int = wrapAt) -> [Line] {
            // Printable ASCII (every label of a review so far) has one
            // character a byte: lengths are counted once, not per word added.
            let plain = label.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            var words: [String] = label.split(separator: " ").flatMap { plain ? plainChunks($0, wrapAt) : chunks(String($0), wrapAt) }
            if let count { words.append("(n = \(count))") }
            var lines: [String] = [], length = 0
            for word in words {
                let wordLength = plain ? word.utf8.count : word.count
                if let last = lines.last, (plain ? length : last.count) + 1 + wordLength <= wrapAt {
                    lines[lines.count - 1] = last + " " + word
                    length += 1 + wordLength
                } else {
                    lines.append(word)
                    length = wordLength
                }
            }
            return lines.enumerated().map { Line(text: $1, indent: $0 == 0 ? indent : indent + 1) }
        }

        /// chunks(_:_:) of a printable ASCII word, cut by bytes.
        private static func plainChunks(_ word: Substring, _ wrapAt: Int) -> [String] {
            let bytes = Array(word.utf8)
            return stride(from: 0, to: max(bytes.count, 1), by: wrapAt).map { String(decoding: bytes[$0..<min($0 + wrapAt, bytes.count)], as: UTF8.self) }
        }

        /// A word longer than a line is cut, so one URL cannot widen a column.
        /// Each step walks `wrapAt` characters, never the rest of the word,
        /// so a megabyte-long word costs linear time.
        private static func chunks(_ word: String, _ wrapAt: Int) -> [String] {
            var out: [String] = [], start = word.startIndex
            while let end = word.index(start, offsetBy: wrapAt, limitedBy: word.endIndex), end < word.endIndex {
                out.append(String(word[start..<end]))
                start = end
            }
            return out + [String(word[start...])]
        }
    }
}
