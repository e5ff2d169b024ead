/// Proportions with their 95 % Wilson intervals, forest style: one row per
/// figure, a square at the percentage, a whisker over the interval and
/// `n/N (p%)` at the right; each row links to its figure. A standalone SVG
/// document (no `<style>`, ids prefixed) that is also inlined in a page.
enum ForestPlot {
    struct Row: Sendable {
        var label: String
        var numerator: Int
        var denominator: Int
        /// The figure's id: the row links to `figures.html#id`.
        var figure: String?
    }

    enum Metrics {
        static let width = 600
        static let labelWidth = 200
        static let plotLeft = 210, plotWidth = 260
        static let valueLeft = 482
        static let top = 12, rowHeight = 24, axisHeight = 44
        static let labelCharacters = 28
    }

    static func svg(title: String, rows: [Row], id: String) -> String {
        let height = Metrics.top + rows.count * Metrics.rowHeight + Metrics.axisHeight
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Metrics.width) \(height)\" width=\"\(Metrics.width)\" height=\"\(height)\""
        // Rows that link are interactive: an image role would hide them (axe's nested-interactive).
        let role = rows.contains { $0.figure != nil } ? "group" : "img"
        svg += " role=\"\(role)\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"Arial, 'DejaVu Sans', sans-serif\" font-size=\"13\">\n"
        svg += "<title id=\"\(id)-title\">\(Escape.html(title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(Escape.html(description(rows)))</desc>\n"
        svg += "<rect width=\"\(Metrics.width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        let bottom = Metrics.top + rows.count * Metrics.rowHeight
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = xPosition(Double(tick))
            svg += "<line x1=\"\(x)\" y1=\"\(Metrics.top - 4)\" x2=\"\(x)\" y2=\"\(bottom + 4)\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(x)\" y=\"\(bottom + 20)\" text-anchor=\"middle\" fill=\"#333333\">\(tick)%</text>\n"
        }
        svg += "<text x=\"\(Metrics.plotLeft + Metrics.plotWidth / 2)\" y=\"\(bottom + 38)\" text-anchor=\"middle\" fill=\"#333333\">percent with 95% Wilson interval</text>\n"
        for (index, row) in rows.enumerated() {
            svg += self.row(row, y: Metrics.top + index * Metrics.rowHeight + Metrics.rowHeight / 2)
        }
        return svg + "</svg>"
    }

    private static func row(_ row: Row, y: Int) -> String {
        var text = ""
        if let figure = row.figure { text += "<a href=\"figures.html#\(Escape.fragment(figure))\">" }
        text += "<g><title>\(Escape.html(summary(row)))</title>\n"
        text += "<text x=\"\(Metrics.labelWidth)\" y=\"\(y + 5)\" text-anchor=\"end\" fill=\"#111111\">\(Escape.html(cut(row.label)))</text>\n"
        if let percent = Statistics.percent(row.numerator, row.denominator),
           let interval = WilsonInterval.percent(row.numerator, row.denominator) {
            let (low, high, point) = (xPosition(interval.low), xPosition(interval.high), xPosition(Double(row.numerator) * 100 / Double(row.denominator)))
            text += "<line x1=\"\(low)\" y1=\"\(y)\" x2=\"\(high)\" y2=\"\(y)\" stroke=\"#111111\" stroke-width=\"2\"/>\n"
            for end in [low, high] {
                text += "<line x1=\"\(end)\" y1=\"\(y - 5)\" x2=\"\(end)\" y2=\"\(y + 5)\" stroke=\"#111111\" stroke-width=\"2\"/>\n"
            }
            text += "<rect x=\"\(point - 5)\" y=\"\(y - 5)\" width=\"10\" height=\"10\" fill=\"#111111\"/>\n"
            text += "<text x=\"\(Metrics.valueLeft)\" y=\"\(y + 5)\" fill=\"#111111\">\(row.numerator)/\(row.denominator) (\(percent)%)</text>\n"
        } else {
            text += "<text x=\"\(Metrics.valueLeft)\" y=\"\(y + 5)\" fill=\"#555555\">0/0 (no patients)</text>\n"
        }
        text += "</g>"
        if row.figure != nil { text += "</a>" }
        return text + "\n"
    }

    /// The x of a percentage, in whole pixels so the output is stable.
    static func xPosition(_ percent: Double) -> Int {
        Metrics.plotLeft + Int((percent * Double(Metrics.plotWidth) / 100).rounded())
    }

    /// `Option A: 15/21 (71%; 95% CI 50.0–86.2)`.
    static func summary(_ row: Row) -> String {
        guard let percent = Statistics.percent(row.numerator, row.denominator),
              let interval = WilsonInterval.percent(row.numerator, row.denominator) else {
            return "\(row.label): no patients"
        }
        return "\(row.label): \(row.numerator)/\(row.denominator) (\(percent)%; 95% CI \(tenth(interval.low))–\(tenth(interval.high)))"
    }

    static func description(_ rows: [Row]) -> String {
        rows.map(summary).joined(separator: "; ") + "."
    }

    static func tenth(_ value: Double) -> String { WilsonInterval.tenth(value) }

    /// A label longer than its column is cut; the row's title has it whole.
    private static func cut(_ label: String) -> String {
        label.count <= Metrics.labelCharacters ? label : String(label.prefix(Metrics.labelCharacters - 1)) + "…"
    }
}
