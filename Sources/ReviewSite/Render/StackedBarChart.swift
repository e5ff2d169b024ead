/// Horizontal bars split into shares of categories, as robvis's summary
/// plot of an appraisal: one bar per checklist question (and one for the
/// overall judgements), each the 100 % of the studies it applies to. The
/// categories differ in lightness and, for the lightest, by a hatch, so the
/// chart reads in greyscale and to colour-blind readers.
enum StackedBarChart {
    struct Category: Sendable {
        var label: String
        var fill: String
        /// Drawn with diagonal hatching over the fill.
        var hatched = false
    }

    struct Bar: Sendable {
        var label: String
        /// Counts per category, in the categories' order.
        var counts: [Int]
        /// A heading row before this bar (e.g. the checklist's name).
        var group: String?
    }

    enum Metrics {
        static let width = 600
        static let labelWidth = 150, barLeft = 160, barWidth = 420
        static let top = 8, rowHeight = 22, barHeight = 16, groupHeight = 22, legendHeight = 48
    }

    static func svg(title: String, categories: [Category], bars: [Bar], id: String) -> String {
        let groups = bars.filter { $0.group != nil }.count
        let height = Metrics.top + bars.count * Metrics.rowHeight + groups * Metrics.groupHeight + Metrics.legendHeight
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Metrics.width) \(height)\" width=\"\(Metrics.width)\" height=\"\(height)\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"Arial, 'DejaVu Sans', sans-serif\" font-size=\"13\">\n"
        svg += "<title id=\"\(id)-title\">\(Escape.html(title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(Escape.html(description(categories, bars)))</desc>\n"
        svg += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        svg += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555555\" stroke-width=\"1.5\"/></pattern></defs>\n"
        svg += "<rect width=\"\(Metrics.width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        var y = Metrics.top
        for bar in bars {
            if let group = bar.group {
                svg += "<text x=\"0\" y=\"\(y + 16)\" font-weight=\"bold\" fill=\"#111111\">\(Escape.html(group))</text>\n"
                y += Metrics.groupHeight
            }
            svg += self.bar(bar, categories, y: y, id: id)
            y += Metrics.rowHeight
        }
        return svg + legend(categories, y: y + 12, id: id) + "</svg>"
    }

    private static func bar(_ bar: Bar, _ categories: [Category], y: Int, id: String) -> String {
        let total = bar.counts.reduce(0, +)
        var text = "<g><title>\(Escape.html(summary(bar, categories)))</title>\n"
        text += "<text x=\"\(Metrics.labelWidth)\" y=\"\(y + 13)\" text-anchor=\"end\" fill=\"#111111\">\(Escape.html(bar.label))</text>\n"
        var start = 0
        for (index, count) in bar.counts.enumerated() where count > 0 && index < categories.count && total > 0 {
            // Edges from running totals, so the segments always meet and end at the bar's end.
            let x0 = Metrics.barLeft + start * Metrics.barWidth / total
            start += count
            let x1 = Metrics.barLeft + start * Metrics.barWidth / total
            text += segment(categories[index], x: x0, width: x1 - x0, y: y, id: id)
        }
        if total == 0 {
            text += "<text x=\"\(Metrics.barLeft)\" y=\"\(y + 13)\" fill=\"#555555\">no studies</text>\n"
        }
        return text + "</g>\n"
    }

    private static func segment(_ category: Category, x: Int, width: Int, y: Int, id: String) -> String {
        var text = "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(Metrics.barHeight)\" fill=\"\(category.fill)\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
        if category.hatched {
            text += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(Metrics.barHeight)\" fill=\"url(#\(id)-hatch)\"/>\n"
        }
        return text
    }

    private static func legend(_ categories: [Category], y: Int, id: String) -> String {
        var text = "", x = Metrics.barLeft
        for category in categories {
            text += segment(category, x: x, width: 16, y: y, id: id)
            text += "<text x=\"\(x + 22)\" y=\"\(y + 13)\" fill=\"#111111\">\(Escape.html(category.label))</text>\n"
            x += 34 + category.label.count * 7
        }
        return text
    }

    /// `Q1: yes 30 (75%), no 10 (25%) of 40 studies`.
    static func summary(_ bar: Bar, _ categories: [Category]) -> String {
        let total = bar.counts.reduce(0, +)
        let parts = zip(categories, bar.counts).filter { $0.1 > 0 }.map { category, count in
            "\(category.label) \(count) (\(Statistics.percent(count, total) ?? 0)%)"
        }
        let name = bar.group.map { "\($0), \(bar.label)" } ?? bar.label
        return total == 0 ? "\(name): no studies" : "\(name): \(parts.joined(separator: ", ")) of \(total) \(total == 1 ? "study" : "studies")"
    }

    static func description(_ categories: [Category], _ bars: [Bar]) -> String {
        bars.map { summary($0, categories) }.joined(separator: "; ") + "."
    }
}
