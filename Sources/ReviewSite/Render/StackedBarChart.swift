import Foundation

/// Horizontal bars split into shares of categories, as robvis's summary
/// plot of an appraisal: one bar per checklist question (and one for the
/// overall judgements), each the 100 % of the studies it applies to. The
/// categories differ in lightness and, for the lightest, by a hatch, so the
/// chart reads in greyscale and to colour-blind readers; a segment wide
/// enough carries its count, so print needs no colour at all.
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
        /// What a short label stands for (a question's wording): listed in
        /// the panel's key under the legend, and in the bar's title.
        var detail: String?
    }

    /// Bars that share categories, with a heading and their own legend:
    /// checklist answers, then overall judgements, in one chart.
    struct Panel: Sendable {
        var heading: String?
        var categories: [Category]
        var bars: [Bar]
    }

    enum Metrics {
        static let width = 600
        static let labelWidth = 150, barLeft = 160, barWidth = 420
        static let top = 8, rowHeight = 22, barHeight = 16, groupHeight = 22, legendHeight = 48
        /// Characters of a bar's label that fit its column at 13 px.
        static let labelCharacters = 21
        /// The key's lines: 12 px text from `keyIndent` to the drawing's edge.
        static let keyIndent = 36, keyLineHeight = 16, keyCharacters = 78
    }

    static func svg(title: String, categories: [Category], bars: [Bar], id: String) -> String {
        svg(title: title, panels: [Panel(heading: nil, categories: categories, bars: bars)], id: id)
    }

    static func svg(title: String, panels: [Panel], id: String) -> String {
        // The body first: its height is the drawing's.
        var body = "", y = Metrics.top
        for panel in panels {
            if let heading = panel.heading {
                body += "<text x=\"0\" y=\"\(y + 16)\" font-weight=\"bold\" font-size=\"14\" fill=\"#111111\">\(Escape.html(cut(heading, 70)))</text>\n"
                y += Metrics.groupHeight
            }
            // The grid lies behind the bars: drawn first, once their extent is known.
            var bars = "", first: Int?
            for bar in panel.bars {
                if let group = bar.group {
                    bars += "<text x=\"0\" y=\"\(y + 16)\" font-weight=\"bold\" fill=\"#111111\">\(Escape.html(cut(group, 75)))</text>\n"
                    y += Metrics.groupHeight
                }
                if first == nil { first = y }
                bars += self.bar(bar, panel.categories, y: y, id: id)
                y += Metrics.rowHeight
            }
            if let first {
                let axis = self.axis(from: first, to: y - Metrics.rowHeight + Metrics.barHeight)
                body += axis.grid + bars + axis.ticks
                y = axis.end
            }
            let legend = legend(panel.categories, y: y + 12, id: id)
            body += legend.text
            y = legend.end + Metrics.legendHeight - Metrics.rowHeight - 12
            let key = key(panel.bars, y: y - 8)
            body += key.text
            y = key.end
        }
        let height = y
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Metrics.width) \(height)\" width=\"\(Metrics.width)\" height=\"\(height)\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"Arial, 'DejaVu Sans', sans-serif\" font-size=\"13\">\n"
        svg += "<title id=\"\(id)-title\">\(Escape.html(title))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(Escape.html(description(panels)))</desc>\n"
        svg += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        svg += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555555\" stroke-width=\"1.5\"/></pattern></defs>\n"
        svg += "<rect width=\"\(Metrics.width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        return svg + body + "</svg>"
    }

    private static func bar(_ bar: Bar, _ categories: [Category], y: Int, id: String) -> String {
        let total = bar.counts.reduce(0, +)
        var text = "<g><title>\(Escape.html(summary(bar, categories)))</title>\n"
        text += "<text x=\"\(Metrics.labelWidth)\" y=\"\(y + 13)\" text-anchor=\"end\" fill=\"#111111\">\(Escape.html(cut(bar.label, Metrics.labelCharacters)))</text>\n"
        var start = 0
        for (index, count) in bar.counts.enumerated() where count > 0 && index < categories.count && total > 0 {
            // Edges from running totals, so the segments always meet and end at the bar's end.
            let x0 = Metrics.barLeft + start * Metrics.barWidth / total
            start += count
            let x1 = Metrics.barLeft + start * Metrics.barWidth / total
            text += segment(categories[index], x: x0, width: x1 - x0, y: y, id: id)
            let digits = String(count), room = 8 * digits.count + 6
            guard x1 - x0 >= room else { continue }
            // On a hatch the count stands on a white plate, so no line crosses it.
            let middle = (x0 + x1) / 2
            if categories[index].hatched {
                text += "<rect x=\"\(middle - room / 2 + 1)\" y=\"\(y + 2)\" width=\"\(room - 2)\" height=\"\(Metrics.barHeight - 4)\" fill=\"#ffffff\"/>\n"
            }
            let fill = categories[index].hatched ? "#111111" : textFill(categories[index].fill)
            text += "<text x=\"\(middle)\" y=\"\(y + 12)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(fill)\">\(digits)</text>\n"
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

    /// The legend's entries, wrapped onto as many lines as they need.
    private static func legend(_ categories: [Category], y: Int, id: String) -> (text: String, end: Int) {
        var text = "", x = Metrics.barLeft, y = y
        for category in categories {
            let label = cut(category.label, 40)
            let width = 34 + label.count * 7
            if x > Metrics.barLeft && x + width > Metrics.width {
                x = Metrics.barLeft
                y += Metrics.rowHeight
            }
            // A light fill needs an outline to show against the page.
            text += segment(category, x: x, width: 16, y: y, id: id)
            text += "<rect x=\"\(x)\" y=\"\(y)\" width=\"16\" height=\"\(Metrics.barHeight)\" fill=\"none\" stroke=\"#555555\" stroke-width=\"0.5\"/>\n"
            text += "<text x=\"\(x + 22)\" y=\"\(y + 13)\" fill=\"#111111\">\(Escape.html(label))</text>\n"
            x += width
        }
        return (text, y + Metrics.rowHeight)
    }

    /// Near-black or white, whichever contrasts more with `fill` (`#rrggbb`);
    /// black when neither reaches WCAG AA's 4.5:1 (a mid-grey fill), which
    /// always does.
    static func textFill(_ fill: String) -> String {
        let dark = contrast("#111111", fill), light = contrast("#ffffff", fill)
        if max(dark, light) < 4.5 && contrast("#000000", fill) > light { return "#000000" }
        return dark >= light ? "#111111" : "#ffffff"
    }

    /// WCAG 2.1's contrast ratio of two `#rrggbb` colours, from 1 to 21.
    static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// WCAG 2.1's relative luminance; white for a colour that is not `#rrggbb`.
    static func luminance(_ colour: String) -> Double {
        let digits = Array(colour.utf8.dropFirst())
        guard digits.count == 6 else { return 1 }
        func channel(_ at: Int) -> Double {
            let value = Double(Int(String(decoding: digits[at..<(at + 2)], as: UTF8.self), radix: 16) ?? 255) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// `Q1: yes 30 (75%), no 10 (25%) of 40 studies`.
    static func summary(_ bar: Bar, _ categories: [Category]) -> String {
        let total = bar.counts.reduce(0, +)
        let parts = zip(categories, bar.counts).filter { $0.1 > 0 }.map { category, count in
            "\(category.label) \(count) (\(Statistics.percent(count, total) ?? 0)%)"
        }
        var name = bar.group.map { "\($0), \(bar.label)" } ?? bar.label
        if let detail = bar.detail { name += " (\(detail))" }
        return total == 0 ? "\(name): no studies" : "\(name): \(parts.joined(separator: ", ")) of \(total) \(total == 1 ? "study" : "studies")"
    }

    static func description(_ categories: [Category], _ bars: [Bar]) -> String {
        bars.map { summary($0, categories) }.joined(separator: "; ") + "."
    }

    static func description(_ panels: [Panel]) -> String {
        panels.map { panel in
            let bars = panel.bars.map { summary($0, panel.categories) }.joined(separator: "; ")
            return panel.heading.map { "\($0): \(bars)" } ?? bars
        }.joined(separator: ". ") + "."
    }

    /// A label longer than its room is cut; the bar's title has it whole.
    static func cut(_ label: String, _ characters: Int) -> String {
        label.count <= characters ? label : String(label.prefix(characters - 1)) + "…"
    }
}
