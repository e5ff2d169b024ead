/// The PRISMA 2020 flow diagram for updated systematic reviews (template
/// for searches of databases, registers and other sources): the studies
/// and reports of the previous version at the top left, the new search's
/// columns as in the diagram for new reviews, the new studies included and
/// the total. The previous version's counts come from its frozen data
/// (DatasetValidator+PrismaUpdate.swift), never from prisma.yaml.
extension PrismaDiagram {
    /// The layout `prisma` takes: for an updated review when it has an update.
    static func layout(_ prisma: Prisma, wrapAt: Int = Metrics.wrapAt) -> Layout {
        prisma.update.map { Layout(updated: prisma, $0, wrapAt: wrapAt) } ?? Layout(prisma, wrapAt: wrapAt)
    }

    /// The shapes a printed diagram may take, each at every wrap from the
    /// widest lines to the narrowest: the template's; for an updated review
    /// also a compact one, for when the template's five columns and six
    /// rows would print their text below 8 pt.
    static func shapes(_ prisma: Prisma) -> [[Layout]] {
        let wraps = Array(stride(from: Metrics.wrapAt, through: 20, by: -2))
        guard let update = prisma.update else { return [wraps.map { Layout(prisma, wrapAt: $0) }] }
        return [false, true].map { compact in wraps.map { Layout(updated: prisma, update, wrapAt: $0, compact: compact) } }
    }

    /// The SVG's `<title>`: the template's name.
    static func title(_ prisma: Prisma) -> String {
        prisma.update == nil ? "PRISMA 2020 flow diagram" : "PRISMA 2020 flow diagram for updated systematic reviews"
    }

    /// The updated flow in plain sentences, every box's count in them.
    static func updatedDescription(_ p: Prisma, _ update: Prisma.Update) -> String {
        "Previous studies: \(update.previousStudies) studies included in the previous version of the review (version \(update.version)), "
            + "from \(update.previousReports) reports. Identification of new studies. " + searchDescription(p)
            + "\(p.includedStudies) new studies included in review, from \(p.includedReports) reports. "
            + "In total, \(p.totalStudies) studies included in review, from \(p.totalReports) reports."
    }

    /// The PRISMA page's introduction when site.yaml gives none (HTML).
    static func updatedIntro(_ update: Prisma.Update) -> String {
        "<p>How the studies of version \(Escape.html(update.version)) and the records found by the new search became the included studies, "
            + "after the PRISMA 2020 template for updated reviews that searched databases, registers and other sources. "
            + "The studies and reports of version \(Escape.html(update.version)) are counted from its published data; the new search's counts "
            + "come from the review's search records, and its new studies are those of the table of included studies that version \(Escape.html(update.version)) did not have.</p>"
    }

    /// The printed figure's caption (HTML).
    static func caption(_ prisma: Prisma) -> String {
        guard let update = prisma.update else {
            return "How the records the searches found became the included studies (PRISMA 2020, for new reviews)."
        }
        return "How the studies of version \(Escape.html(update.version)) and the records the new search found became the included studies (PRISMA 2020, for updated reviews)."
    }
}

extension PrismaDiagram.Layout {
    private typealias Box = PrismaDiagram.Box
    private typealias Metrics = PrismaDiagram.Metrics

    /// Rows: identification, 3 of screening, new studies, total. Columns: the
    /// previous studies, then the new search's four as for a new review.
    /// `compact` (for print only): the total box beside the new studies, below
    /// the previous ones (one row fewer), and narrower gaps.
    init(updated p: Prisma, _ update: Prisma.Update, wrapAt: Int, compact: Bool = false) {
        func lines(_ label: String, _ count: Int) -> [PrismaDiagram.Line] { Metrics.item(label, count: count, wrapAt: wrapAt) }
        let previous = Box(lines: lines("Studies included in previous version of review", update.previousStudies)
            + lines("Reports of studies included in previous version of review", update.previousReports), centred: true)
        let new = Box(lines: lines("New studies included in review", p.includedStudies)
            + lines("Reports of new included studies", p.includedReports), centred: true)
        let total = Box(lines: lines("Total studies included in review", p.totalStudies)
            + lines("Reports of total included studies", p.totalReports), centred: true)
        let search = Self.search(p, wrapAt: wrapAt)
        cells = [[previous] + search[0]] + search.dropFirst().map { [nil] + $0 }
            + (compact ? [[total, new, nil, nil, nil]] : [[nil, new, nil, nil, nil], [nil, total, nil, nil, nil]])
        phases = [("Identification", 0...0), ("Screening", 1...3), ("Included", 4...(compact ? 4 : 5))]
        headers = [Header(text: "Previous studies", columns: 0...0, fill: "#d9d9d9"),
                   Header(text: "Identification of new studies via databases and registers", columns: 1...2, fill: "#ffd966"),
                   Header(text: "Identification of new studies via other methods", columns: 3...4, fill: "#d9d9d9")]
        gaps = compact ? [24, 30, 24, 30, 24] : [Metrics.columnGap] + gaps
        if compact { rowGap = 20 }
        // Five columns: for print, narrow lines make narrow boxes, or the text would print below 8 pt.
        minBoxWidth = min(Metrics.minBoxWidth, wrapAt * Metrics.charWidth + 2 * Metrics.padX)
        place()
        arrows = searchArrows(first: 1, included: (4, 1))
        let newBox = self[4, 1], previousBox = self[0, 0]
        if compact {
            // The previous studies straight down into the total, the new ones left into it.
            let totalBox = self[4, 0]
            arrows.append("M\(newBox.x),\(newBox.centreY) H\(totalBox.right)")
            arrows.append("M\(previousBox.centreX),\(previousBox.bottom) V\(totalBox.y)")
        } else {
            // New studies down into the total; the previous studies down their own column, then into it from the left.
            let totalBox = self[5, 1]
            arrows.append("M\(newBox.centreX),\(newBox.bottom) V\(totalBox.y)")
            arrows.append("M\(previousBox.centreX),\(previousBox.bottom) V\(totalBox.centreY) H\(totalBox.x)")
        }
    }

    /// The search's arrows (both layouts), its main columns starting at `first`, into the included box.
    func searchArrows(first: Int, included: (row: Int, column: Int)) -> [String] {
        var paths: [String] = []
        // Main box → side box, along the row's middle.
        for row in cells.indices {
            for column in [first, first + 2] where cells[row][column] != nil && cells[row][column + 1] != nil {
                let from = self[row, column], to = self[row, column + 1]
                paths.append("M\(from.right),\(from.centreY) H\(to.x)")
            }
        }
        // Down each main column, then from the other methods' assessed box into the included box.
        for (column, rows) in [(first, [0, 1, 2, 3, included.row]), (first + 2, [0, 2, 3])] {
            for (upper, lower) in zip(rows, rows.dropFirst()) {
                let from = self[upper, column], to = self[lower, column]
                paths.append("M\(from.centreX),\(from.bottom) V\(to.y)")
            }
        }
        let other = self[3, first + 2], into = self[included.row, included.column]
        paths.append("M\(other.centreX),\(other.bottom) V\(into.centreY) H\(into.right)")
        return paths
    }
}
