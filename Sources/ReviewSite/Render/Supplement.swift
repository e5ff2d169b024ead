import Foundation

/// supplement.html: the review's supplementary material as a journal's
/// supplement file holds it, numbered in one series: a first page with the
/// review's citation and a contents list, then eMethods (the search),
/// eTables (the declared tables, the appraisal), eFigures (PRISMA, the
/// charts) and eReferences (the included studies). Made for print:
/// nothing in it links to another page of the site, and `reviewsite
/// publish` prints it to PDF with the page numbers filled in. Made after
/// the appraisal page, whose table it prints as the site wrote it.
enum Supplement {
    static let file = "supplement.html"

    /// What the appraisal page says of its table: how overall risk follows
    /// from the answers, and the key to its marks (AppraisalTable's words).
    struct AppraisalText: Sendable {
        var intro: String
        var legend: String
        var file: String
        /// The checklists' questions in words, when the codebook gives them (a section with its `<h2>`).
        var questions = ""
    }

    static func add(_ report: Report, plan: SitePlan, appraisal: AppraisalText?, release: String? = nil, to site: any SiteOutput) throws(BuildFailure) {
        let parts = parts(report, plan: plan, appraisal: appraisal, written: site.written)
        let front = Front(review: report.review, parts: parts, release: release)
        try site.add(file) { path throws(BuildFailure) in
            let file = try PieceFile(path)
            var out = HTMLBytes(capacity: PieceFile.piece + PieceFile.piece / 4)
            write(parts, front: front, into: &out) { file.write(&$0, atLeast: PieceFile.piece) }
            file.write(&out)
            try file.close()
        }
    }

    /// A numbered part of the supplement.
    struct Part {
        enum Kind { case methods, table, figure, references }
        var kind: Kind
        /// Its number among the parts of its kind (eTable 2).
        var number = 1
        var title: String
        /// Printed on landscape pages.
        var wide = false
        var body: Body

        var label: String {
            switch kind {
            case .methods: "eMethods"
            case .table: "eTable \(number)"
            case .figure: "eFigure \(number)"
            case .references: "eReferences"
            }
        }
        /// The section's id: the contents' link target, and the PDF's named destination.
        var id: String { label.lowercased().replacingOccurrences(of: " ", with: "-") }
    }

    enum Body {
        /// Markup of our own renderers.
        case html(String)
        case table(SupplementTable)
        /// The appraisal table as the site wrote it, after its explanation and key.
        case written(ArraySlice<UInt8>, before: String, after: String)
    }

    static func parts(_ report: Report, plan: SitePlan, appraisal: AppraisalText?, written: (String) -> [UInt8]?) -> [Part] {
        var parts = [Part(kind: .methods, title: "Search strategy", body: .html(SupplementMethods.html(report)))]
        // The declared tables in site.yaml's order, then the appraisal.
        let declared = plan.site.pages.compactMap { page -> String? in
            if case .table(let id) = page.kind { return id }
            return nil
        }
        for id in declared {
            guard let table = plan.tables.first(where: { $0.id == id }) else { continue }
            let printed = SupplementTable(table, shown: plan.site.rows.shown)
            parts.append(Part(kind: .table, title: printed.title, wide: true, body: .table(printed)))
        }
        if let appraisal, let table = written(appraisal.file).flatMap(tableElement) {
            let key = appraisal.legend.isEmpty ? "" : "<p class=\"key-title\">Key</p>\n" + appraisal.legend
                + "<p class=\"key-note\">A blank cell: the question is not part of the study's checklist.</p>\n"
            // The questions' key goes one heading level down, under the part's heading.
            let questions = appraisal.questions.replacingBytes("<h3>", with: "<h4>").replacingBytes("</h3>", with: "</h4>")
                .replacingBytes("<h2 ", with: "<h3 ").replacingBytes("</h2>", with: "</h3>")
            parts.append(Part(kind: .table, title: "Appraisal of each included study", wide: true,
                              body: .written(table, before: appraisal.intro + key, after: questions)))
        }
        let prisma = PrismaDiagram.printed(report.prisma, room: printRoom)
        parts.append(Part(kind: .figure, title: "PRISMA 2020 flow diagram", wide: true, body: .html("""
            <figure class="figure-svg prisma-print" style="width: \(String(format: "%.0f", Double(prisma.width) * prisma.scale))pt">
            \(prisma.svg)<figcaption>\(PrismaDiagram.caption(report.prisma))</figcaption>
            </figure>

            """)))
        for chart in plan.charts.charts {
            parts.append(Part(kind: .figure, title: chart.title, body: .html("""
                <figure class="figure-svg chart">
                \(unlinked((chart.isAppraisal ? appraisalForPrint(report, chart) : chart.svg).utf8))
                <figcaption>\(Escape.html(chart.description))</figcaption>
                </figure>

                """)))
        }
        parts.append(Part(kind: .references, title: "References of the included studies", body: .html(SupplementReferences.html(report, shown: plan.site.rows.shown))))
        var counts: [Part.Kind: Int] = [:]
        for index in parts.indices {
            counts[parts[index].kind, default: 0] += 1
            parts[index].number = counts[parts[index].kind]!
        }
        return parts
    }

    /// The appraisal chart without its key of the questions' wording: on
    /// paper the key made it taller than a page (its text shrank to 4 pt),
    /// and eTable's list of the questions gives the wording.
    static func appraisalForPrint(_ report: Report, _ chart: ChartSet.Chart) -> String {
        let panels = AppraisalChart.panels(codebook: report.codebook, tables: report.tables).map { panel in
            var panel = panel
            for index in panel.bars.indices { panel.bars[index].detail = nil }
            return panel
        }
        return StackedBarChart.svg(title: chart.title, panels: panels, id: "chart-\(chart.id)")
    }

    /// Which version of the review the supplement is, for its first page.
    static func releaseWords(_ history: SiteHistory) -> String {
        switch history.shown {
        case .frozen(let release), .latest(let release): "\(release.title)."
        case .draft(let after): "Not a released version: the data changed since \(after.title.prefix(1).lowercased() + after.title.dropFirst())."
        }
    }

    /// Room for the PRISMA diagram on a landscape A4 page under its heading, in points.
    static let printRoom = (width: 750.0, height: 430.0)

    /// The whole file; `spill` may take what is written so far, after any part or table row.
    static func write(_ parts: [Part], front: Front, into out: inout HTMLBytes, spill: (inout HTMLBytes) -> Void) {
        front.write(into: &out)
        for part in parts {
            out.raw("<section id=\"\(part.id)\" class=\"supplement-part\(part.wide ? " wide" : "")\">\n")
            let heading = "<h2 class=\"part-title\"><span class=\"part-label\">\(part.label).</span> "
            switch part.body {
            case .html(let html):
                out.raw(heading + Escape.html(part.title) + "</h2>\n" + html)
            case .table(let table):
                table.write(heading: heading, into: &out, afterRow: spill)
            case .written(let table, let before, let after):
                out.raw(heading + Escape.html(part.title) + "</h2>\n" + before)
                out.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(Escape.html(part.title))\">\n")
                out.raw(unlinked(table))
                out.raw("\n</div>\n" + after)
            }
            out.raw("</section>\n")
            spill(&out)
        }
        out.raw("</main>\n</body>\n</html>\n")
    }

    /// The first table of a page the build wrote (the appraisal table):
    /// markup of the site's own renderers, which escaped its data.
    static func tableElement(_ page: [UInt8]) -> ArraySlice<UInt8>? {
        guard let start = page.firstRange(ofBytes: Array("<table".utf8)),
              let end = page[start.upperBound...].firstRange(ofBytes: Array("</table>".utf8)) else { return nil }
        return page[start.lowerBound..<end.upperBound]
    }

    /// Markup of our own renderers without its links: on paper a link to
    /// another page of the site leads nowhere. Data never holds a raw `<`
    /// (every renderer escapes it), so every `<a` here is a tag.
    static func unlinked<Bytes: Collection<UInt8>>(_ html: Bytes) -> String {
        // One pass over the bytes, copying the runs between tags whole: a
        // search from the start for every link made the appraisal table
        // cost 270 M instructions of a 531 M build, and a byte at a time 90 M.
        let bytes = Array(html)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var copied = 0, index = 0
            while index < count {
                guard let found = memchr(buffer.baseAddress! + index, Int32(UInt8(ascii: "<")), count - index) else { break }
                index = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var skip = 0
                if index + 2 < count {
                    let next = buffer[index + 1], after = buffer[index + 2]
                    if next == UInt8(ascii: "a"), after == UInt8(ascii: " ") || after == UInt8(ascii: ">"),
                       let close = buffer[index...].firstIndex(of: UInt8(ascii: ">")) {
                        skip = close + 1 - index
                    } else if next == UInt8(ascii: "/"), after == UInt8(ascii: "a"), index + 3 < count, buffer[index + 3] == UInt8(ascii: ">") {
                        skip = 4
                    }
                }
                guard skip > 0 else {
                    index += 1
                    continue
                }
                out.append(contentsOf: buffer[copied..<index])
                index += skip
                copied = index
            }
            out.append(contentsOf: buffer[copied..<count])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
