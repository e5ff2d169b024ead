/// The PRISMA 2020 flow diagram (template for new reviews with searches of
/// databases, registers and other sources, or for updated reviews:
/// PrismaDiagram+Updated.swift) as a standalone SVG document.
/// The same string is saved as `prisma.svg` and inlined into `prisma.html`,
/// so: no XML declaration, no `<style>` (it would leak into the page) and
/// every id starts with `prisma-`.
public enum PrismaDiagram {
    /// The whole SVG document, starting with `<svg`; deterministic.
    public static func svg(_ prisma: Prisma) -> String {
        Writer(layout: layout(prisma), title: title(prisma), description: description(prisma)).document()
    }

    /// For a printed page of `room` (points): the lines wrapped so that the
    /// diagram, scaled to fit, shows its text largest; with the scale.
    static func printed(_ prisma: Prisma, room: (width: Double, height: Double)) -> (svg: String, width: Int, height: Int, scale: Double) {
        func scale(_ layout: Layout) -> Double { min(room.width / Double(layout.width), room.height / Double(layout.height)) }
        // Each shape at its best wrap; the first shape whose text prints at 8 pt, else the largest.
        let bests = shapes(prisma).map { layouts in layouts.max { scale($0) < scale($1) }! }
        let best = bests.first { Double(Metrics.fontSize) * scale($0) >= 8 } ?? bests.max { scale($0) < scale($1) }!
        return (Writer(layout: best, title: title(prisma), description: description(prisma)).document(), best.width, best.height, scale(best))
    }

    /// The flow in plain sentences, for screen readers (`<desc>`).
    static func description(_ p: Prisma) -> String {
        if let update = p.update { return updatedDescription(p, update) }
        return searchDescription(p) + "\(p.includedStudies) studies included in review, from \(p.includedReports) reports."
    }

    /// The search's boxes in sentences, up to the studies it included.
    static func searchDescription(_ p: Prisma) -> String {
        let d = p.databases, o = p.otherMethods
        return "Databases and registers: \(d.recordsIdentified) records identified from databases and \(d.registersRecords) from registers; "
            + "\(d.removedBeforeScreening) removed before screening (\(d.removedDuplicates) duplicates, \(d.removedAutomation) by automation tools, "
            + "\(d.removedOther) for other reasons); \(d.screened) records screened and \(d.recordsExcluded) excluded; "
            + "\(d.sought) reports sought, \(d.reportsNotRetrieved) not retrieved, \(d.assessed) assessed for eligibility and \(d.excluded) excluded. "
            + "Other methods: \(o.recordsIdentified) records identified; \(o.sought) reports sought, \(o.reportsNotRetrieved) not retrieved, "
            + "\(o.assessed) assessed for eligibility and \(o.excluded) excluded; "
    }
}

// MARK: - Layout model

extension PrismaDiagram {
    /// One line of a box; `indent` levels mark list items and their wrapped tails.
    struct Line: Equatable {
        var text: String
        var indent = 0
    }

    /// A box: its lines, alignment and (once laid out) its rectangle.
    struct Box {
        var lines: [Line]
        var centred = false
        var x = 0, y = 0, width = 0

        var height: Int { lines.count * Metrics.lineHeight + 2 * Metrics.padY }
        var contentWidth: Int { lines.map { Metrics.width($0) }.max() ?? 0 }
        var right: Int { x + width }
        var bottom: Int { y + height }
        var centreX: Int { x + width / 2 }
        var centreY: Int { y + height / 2 }
    }

    /// Boxes in a grid of 5 rows (identification, 3 screening, included) and
    /// 4 columns (databases main/side, other methods main/side), then placed.
    struct Layout {
        /// A column header over `columns`, in the template's colour.
        struct Header {
            var text: String
            var columns: ClosedRange<Int>
            var fill: String
        }

        var phases: [(label: String, rows: ClosedRange<Int>)] = [("Identification", 0...0), ("Screening", 1...3), ("Included", 4...4)]
        var headers = [Header(text: "Identification of studies via databases and registers", columns: 0...1, fill: "#ffd966"),
                       Header(text: "Identification of studies via other methods", columns: 2...3, fill: "#d9d9d9")]
        /// The space after each column: a main box's arrow to its side box, or between column pairs.
        var gaps = [Metrics.arrowGap, Metrics.columnGap, Metrics.arrowGap, Metrics.columnGap]
        var minBoxWidth = Metrics.minBoxWidth
        var rowGap = Metrics.rowGap
        var cells: [[Box?]]
        /// Each arrow's path (`M… V… H…`).
        var arrows: [String] = []
        var columnX: [Int] = [], columnWidth: [Int] = []
        var rowY: [Int] = [], rowHeight: [Int] = []
        var width = 0, height = 0

        init(_ p: Prisma, wrapAt: Int = Metrics.wrapAt) {
            cells = Self.search(p, wrapAt: wrapAt) + [
                [Box(lines: Metrics.item("Studies included in review", count: p.includedStudies, wrapAt: wrapAt)
                    + Metrics.item("Reports of included studies", count: p.includedReports, wrapAt: wrapAt), centred: true), nil, nil, nil],
            ]
            place()
            arrows = searchArrows(first: 0, included: (4, 0))
        }

        /// The search's four rows (identification and screening) of 4 columns.
        static func search(_ p: Prisma, wrapAt: Int) -> [[Box?]] {
            let d = p.databases, o = p.otherMethods
            func item(_ label: String, count: Int? = nil, indent: Int = 0) -> [Line] {
                Metrics.item(label, count: count, indent: indent, wrapAt: wrapAt)
            }
            let identified = [Line(text: "Records identified from:")]
                + item("Databases", count: d.recordsIdentified, indent: 1)
                + d.bySource.flatMap { item($0.name, count: $0.records, indent: 2) }
                + item("Registers", count: d.registersRecords, indent: 1)
            let removed = [Line(text: "Records removed before screening:")]
                + item("Duplicate records removed", count: d.removedDuplicates, indent: 1)
                + item("Records marked as ineligible by automation tools", count: d.removedAutomation, indent: 1)
                + item("Records removed for other reasons", count: d.removedOther, indent: 1)
            let sources = o.sources.isEmpty ? "Other methods" : o.sources.joined(separator: ", ")
            let otherIdentified = [Line(text: "Records identified from:")] + item(sources, count: o.recordsIdentified, indent: 1)

            func main(_ label: String, _ count: Int) -> Box { Box(lines: item(label, count: count), centred: true) }
            func side(_ label: String, _ count: Int) -> Box { Box(lines: item(label, count: count)) }
            func excluded(_ reasons: [Prisma.Exclusion]) -> Box {
                if reasons.isEmpty { return side("Reports excluded", 0) }
                return Box(lines: [Line(text: "Reports excluded:")]
                    + reasons.flatMap { item($0.reason, count: $0.count, indent: 1) })
            }

            return [
                [Box(lines: identified), Box(lines: removed), Box(lines: otherIdentified), nil],
                [main("Records screened", d.screened), side("Records excluded", d.recordsExcluded), nil, nil],
                [main("Reports sought for retrieval", d.sought), side("Reports not retrieved", d.reportsNotRetrieved),
                 main("Reports sought for retrieval", o.sought), side("Reports not retrieved", o.reportsNotRetrieved)],
                [main("Reports assessed for eligibility", d.assessed), excluded(d.reportsExcluded),
                 main("Reports assessed for eligibility", o.assessed), excluded(o.reportsExcluded)],
            ]
        }

        mutating func place() {
            // Column widths: the widest box, and each header must fit over its columns.
            columnWidth = cells[0].indices.map { column in
                cells.compactMap { $0[column]?.contentWidth }.reduce(minBoxWidth - 2 * Metrics.padX, max) + 2 * Metrics.padX
            }
            for header in headers {
                let needed = header.text.count * (Metrics.charWidth + 1) + 2 * Metrics.padX  // bold is wider
                let columns = header.columns
                let span = columns.map { columnWidth[$0] }.reduce(0, +) + columns.dropLast().map { gaps[$0] }.reduce(0, +)
                if needed > span { columnWidth[columns.upperBound] += needed - span }
            }
            var x = Metrics.margin + Metrics.bandWidth + Metrics.columnGap / 2
            for column in cells[0].indices {
                columnX.append(x)
                x += columnWidth[column] + gaps[column]
            }
            width = x - gaps[gaps.count - 1] + Metrics.margin

            // Row heights: the tallest box; a one-row phase band must fit its rotated label.
            rowHeight = cells.enumerated().map { row, boxes in
                let band = phases.first { $0.rows == row...row }.map { $0.label.count * (Metrics.charWidth + 1) + 16 } ?? 0
                return max(boxes.compactMap { $0?.height }.max() ?? 0, band)
            }
            var y = Metrics.margin + Metrics.headerHeight + rowGap / 2
            for row in 0..<cells.count {
                rowY.append(y)
                y += rowHeight[row] + rowGap
            }
            height = y - rowGap + Metrics.margin

            // Each box takes its column's width and sits centred in its row, so
            // the horizontal arrows run straight along the row's middle.
            for row in cells.indices {
                for column in cells[row].indices where cells[row][column] != nil {
                    cells[row][column]!.x = columnX[column]
                    cells[row][column]!.width = columnWidth[column]
                    cells[row][column]!.y = rowY[row] + (rowHeight[row] - cells[row][column]!.height) / 2
                }
            }
        }

        subscript(row: Int, column: Int) -> Box { cells[row][column]! }
    }

    // MARK: - SVG writer

    struct Writer {
        let layout: Layout
        let title: String
        let description: String
        var out: [String] = []

        func document() -> String {
            var w = self
            let size = "width=\"\(layout.width)\" height=\"\(layout.height)\" viewBox=\"0 0 \(layout.width) \(layout.height)\""
            w.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) role=\"img\" aria-labelledby=\"prisma-title prisma-desc\" "
                + "font-family=\"system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif\" font-size=\"\(Metrics.fontSize)\">")
            w.out.append("  <title id=\"prisma-title\">\(Escape.html(title))</title>")
            w.out.append("  <desc id=\"prisma-desc\">\(Escape.html(description))</desc>")
            w.out.append("  <defs>")
            w.out.append("    <marker id=\"prisma-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
            w.out.append("      <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/>")
            w.out.append("    </marker>")
            w.out.append("  </defs>")
            w.out.append("  <rect width=\"\(layout.width)\" height=\"\(layout.height)\" fill=\"#fff\"/>")
            w.headers()
            w.phaseBands()
            for row in layout.cells { for box in row.compactMap({ $0 }) { w.box(box) } }
            w.arrows()
            w.out.append("</svg>")
            return w.out.joined(separator: "\n") + "\n"
        }

        private mutating func headers() {
            for header in layout.headers {
                let first = header.columns.lowerBound, last = header.columns.upperBound
                let x = layout.columnX[first], end = layout.columnX[last] + layout.columnWidth[last]
                out.append("  <rect x=\"\(x)\" y=\"\(Metrics.margin)\" width=\"\(end - x)\" height=\"\(Metrics.headerHeight)\" rx=\"8\" fill=\"\(header.fill)\"/>")
                out.append("  <text x=\"\((x + end) / 2)\" y=\"\(Metrics.margin + Metrics.headerHeight / 2 + 5)\" text-anchor=\"middle\" font-weight=\"bold\">\(Escape.html(header.text))</text>")
            }
        }

        private mutating func phaseBands() {
            let x = Metrics.margin
            for phase in layout.phases {
                let top = layout.rowY[phase.rows.lowerBound]
                let bottom = layout.rowY[phase.rows.upperBound] + layout.rowHeight[phase.rows.upperBound]
                // Rotated -90°, the glyphs stand left of the baseline: shift it right by half a cap height.
                let cx = x + Metrics.bandWidth / 2 + 5, cy = (top + bottom) / 2
                out.append("  <rect x=\"\(x)\" y=\"\(top)\" width=\"\(Metrics.bandWidth)\" height=\"\(bottom - top)\" rx=\"8\" fill=\"#9dc3e6\"/>")
                out.append("  <text x=\"\(cx)\" y=\"\(cy)\" transform=\"rotate(-90 \(cx) \(cy))\" text-anchor=\"middle\" font-weight=\"bold\">\(phase.label)</text>")
            }
        }

        private mutating func box(_ box: Box) {
            out.append("  <rect x=\"\(box.x)\" y=\"\(box.y)\" width=\"\(box.width)\" height=\"\(box.height)\" fill=\"#fff\" stroke=\"#333\"/>")
            let anchor = box.centred ? "middle" : "start"
            out.append("  <text text-anchor=\"\(anchor)\">")
            for (index, line) in box.lines.enumerated() {
                let x = box.centred ? box.centreX : box.x + Metrics.padX + line.indent * Metrics.indent
                let y = box.y + Metrics.padY + index * Metrics.lineHeight + Metrics.ascent
                out.append("    <tspan x=\"\(x)\" y=\"\(y)\">\(Escape.html(line.text))</tspan>")
            }
            out.append("  </text>")
        }

        private mutating func arrows() {
            for d in layout.arrows {
                out.append("  <path d=\"\(d)\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" marker-end=\"url(#prisma-arrow)\"/>")
            }
        }
    }
}
