// What a stacked bar chart needs to explain itself: a percentage axis under
// each panel's bars and a key giving the wording of their short labels.

extension StackedBarChart {
    /// Light vertical lines at 0, 25, 50, 75 and 100 % from the panel's first
    /// bar (`top`) to a little below its last one (`bottom`), and the ticks'
    /// percentages under them.
    static func axis(from top: Int, to bottom: Int) -> (grid: String, ticks: String, end: Int) {
        var grid = "", ticks = ""
        for step in 0...4 {
            let x = Metrics.barLeft + step * Metrics.barWidth / 4
            grid += "<line x1=\"\(x)\" y1=\"\(top - 3)\" x2=\"\(x)\" y2=\"\(bottom + 4)\" stroke=\"#d4d4d4\" stroke-width=\"1\"/>\n"
            ticks += "<text x=\"\(x)\" y=\"\(bottom + 16)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555555\">\(step * 25)%</text>\n"
        }
        return (grid, ticks, bottom + 20)
    }

    /// The wording of the bars that give one, a label and its text a line,
    /// the text wrapped at the drawing's width; nothing when no bar does.
    static func key(_ bars: [Bar], y: Int) -> (text: String, end: Int) {
        let entries = bars.compactMap { bar in bar.detail.map { (bar.label, $0) } }
        guard !entries.isEmpty else { return ("", y + 8) }
        var text = "<g font-size=\"12\" fill=\"#111111\">\n", y = y
        for (label, detail) in entries {
            text += "<text x=\"0\" y=\"\(y + 12)\" font-weight=\"bold\">\(Escape.html(cut(label, 5)))</text>\n"
            for line in wrap(detail, Metrics.keyCharacters) {
                text += "<text x=\"\(Metrics.keyIndent)\" y=\"\(y + 12)\">\(Escape.html(line))</text>\n"
                y += Metrics.keyLineHeight
            }
        }
        return (text + "</g>\n", y + 22)
    }

    /// Words onto lines of at most `width` characters; a longer word is cut.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            let word = cut(String(word), width)
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        return line.isEmpty ? [""] : lines + [line]
    }
}
