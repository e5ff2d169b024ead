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
            // character a byte: wrapped as bytes, the same lines.
            if label.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                return plainItem(Array(label.utf8), count: count, wrapAt: wrapAt).enumerated().map { Line(text: $1, indent: $0 == 0 ? indent : indent + 1) }
            }
            var words: [String] = label.split(separator: " ").flatMap { chunks(String($0), wrapAt) }
            if let count { words.append("(n = \(count))") }
            var lines: [String] = []
            for word in words {
                if let last = lines.last, last.count + 1 + word.count <= wrapAt {
                    lines[lines.count - 1] = last + " " + word
                } else {
                    lines.append(word)
                }
            }
            return lines.enumerated().map { Line(text: $1, indent: $0 == 0 ? indent : indent + 1) }
        }

        /// item(_:count:indent:wrapAt:)'s lines of a printable ASCII label.
        private static func plainItem(_ label: [UInt8], count: Int?, wrapAt: Int) -> [String] {
            var words: [ArraySlice<UInt8>] = []
            for word in label.split(separator: UInt8(ascii: " ")) {
                // A word longer than a line is cut (as chunks(_:_:) does).
                for start in stride(from: word.startIndex, to: word.endIndex, by: wrapAt) {
                    words.append(word[start..<min(start + wrapAt, word.endIndex)])
                }
            }
            if let count { words.append(ArraySlice("(n = \(count))".utf8)) }
            var lines: [[UInt8]] = []
            for word in words {
                if let last = lines.last, last.count + 1 + word.count <= wrapAt {
                    lines[lines.count - 1] += [UInt8(ascii: " ")] + word
                } else {
                    lines.append(Array(word))
                }
            }
            return lines.map { String(decoding: $0, as: UTF8.self) }
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
