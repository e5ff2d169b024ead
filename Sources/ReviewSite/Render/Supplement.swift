import Foundation

/// supplement.html: what a journal's supplementary file holds, on one
/// printable page without the site's navigation: the methods, the PRISMA
/// diagram, Table 1, the appraisal table and chart, Table 2, the other
/// charts and the figure catalogue. `make supplement` prints it to PDF.
/// Made after the other files, because it prints the appraisal table as
/// the site wrote it; the declared tables are printed from their cells.
enum Supplement {
    static let file = "supplement.html"

    static func add(_ report: Report, texts: [String: String], charts: ChartSet, tables: [DeclaredTable],
                    to site: any SiteOutput) throws(BuildFailure) {
        let sections = sections(report, methods: texts["methods.md"] ?? "", charts: charts, tables: tables, written: site.written)
        try site.add(file) { path throws(BuildFailure) in
            let file = try PieceFile(path)
            var out = HTMLBytes(capacity: PieceFile.piece + PieceFile.piece / 4)
            write(sections, title: report.review.title, authors: report.review.authors, provenance: report.review.provenance, into: &out) {
                file.write(&$0, atLeast: PieceFile.piece)
            }
            file.write(&out)
            try file.close()
        }
    }

    /// What a section holds.
    enum Body {
        /// Markup of our own; every `<h2>` becomes a section title.
        case html(String)
        /// A long section that starts with its title (`<h2>`); nothing after it is searched.
        case wide(String)
        case table(SupplementTable)
        /// The appraisal table as the site wrote it.
        case written(ArraySlice<UInt8>)
    }

    typealias Section = (id: String, title: String, body: Body)

    static func sections(_ report: Report, methods: String, charts: ChartSet, tables: [DeclaredTable],
                         written: (String) -> [UInt8]?) -> [Section] {
        let printed = tables.map { (id: $0.id, table: SupplementTable($0)) }
        var sections: [Section] = []
        sections.append(("s-methods", "Search and methods", .html(charts.html(methods))))
        sections.append(("s-prisma", "PRISMA 2020 flow diagram", .html("""
            <h2>PRISMA 2020 flow diagram</h2>
            <figure class="figure-svg">
            \(PrismaDiagram.svg(report.prisma))
            <figcaption>How the records found by the searches became the included studies (PRISMA 2020).</figcaption>
            </figure>

            """)))
        // The first table (the studies'), then the appraisal, then the other tables.
        if let first = printed.first {
            sections.append(("s-\(first.id)", first.table.title, .table(first.table)))
        }
        // The appraisal chart on a portrait page, its table on landscape ones.
        let appraisalCharts = charts.charts.filter(\.isAppraisal).map(charts.figure).joined()
        if !appraisalCharts.isEmpty {
            sections.append(("s-appraisal", "Appraisal of the included studies", .html("<h2>Appraisal of the included studies</h2>\n" + appraisalCharts)))
        }
        if let table = written("risk-of-bias.html").flatMap(tableElement) {
            sections.append(("s-appraisal-table", "Answers to the appraisal checklists", .written(table)))
        }
        for other in printed.dropFirst() {
            sections.append(("s-\(other.id)", other.table.title, .table(other.table)))
        }
        let others = charts.charts.filter { !$0.isAppraisal }.map(charts.figure).joined()
        if !others.isEmpty { sections.append(("s-charts", "Charts", .html("<h2>Charts</h2>\n" + others))) }
        sections.append(("s-figures", "Figure catalogue", .wide(catalogue(report))))
        return sections
    }

    /// The whole file; `spill` may take what is written so far, after any section or table row.
    static func write(_ sections: [Section], title: String, authors: [String], provenance: String, into out: inout HTMLBytes,
                      spill: (inout HTMLBytes) -> Void) {
        out.raw("""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Supplementary material · \(Escape.html(title))</title>
        <link rel="stylesheet" href="style.css">
        <style>\(style)</style>
        </head>
        <body class="supplement">
        <main>
        <h1>Supplementary material</h1>
        <p class="review-title"><cite>\(Escape.html(title))</cite>. \(Escape.html(ListText.join(authors))).</p>
        <p class="provenance"><strong>Where the data come from.</strong> \(Escape.html(provenance))</p>
        <ul class="supplement-contents">

        """)
        for (number, section) in sections.enumerated() {
            out.raw("<li><a href=\"#\(section.id)\">S\(number + 1). \(Escape.html(section.title))</a></li>\n")
        }
        out.raw("</ul>\n")
        let title = "<h2 class=\"section-title\">"
        for (number, section) in sections.enumerated() {
            let wide: Bool
            if case .html = section.body { wide = false } else { wide = true }
            out.raw("<section id=\"\(section.id)\" class=\"supplement-section\(wide ? " wide" : "")\">\n")
            out.raw("<p class=\"supplement-label\">Supplement S\(number + 1)</p>\n")
            switch section.body {
            case .html(let html): out.raw(html.replacingBytes("<h2>", with: title))
            case .wide(let html): out.raw(html.replacingFirst("<h2>", with: title))
            case .table(let table): table.write(into: &out, afterRow: spill)
            case .written(let table):
                out.raw(title + "Answers to the appraisal checklists</h2>\n<div class=\"table-scroll\">\n")
                out.raw(table)
                out.raw("\n</div>\n")
            }
            out.raw("</section>\n")
            spill(&out)
        }
        out.raw("</main>\n</body>\n</html>\n")
    }

    /// Every figure with its value, interval and definition, in the file's order.
    static func catalogue(_ report: Report) -> String {
        let definitions = report.catalogue.definitions
        var html = """
        <h2>Figure catalogue</h2>
        <p>Every number of the report with its definition; proportions with their 95% Wilson score interval. The site's figure page lists the rows behind each.</p>
        <div class="table-scroll">
        <table>
        <thead>
        <tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Definition</th></tr>
        </thead>
        <tbody>

        """
        for figure in report.figures {
            let value = figure.kind == .proportion ? figure.intervalText : figure.fullDisplay
            html += "<tr><th scope=\"row\"><code>\(Escape.html(figure.id))</code></th><td>\(Escape.html(value))</td>"
            html += "<td>\(Escape.html(definitions[figure.id] ?? ""))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// The first table of a page the build wrote (the appraisal table):
    /// markup of the site's own renderers, which escaped its data.
    static func tableElement(_ page: [UInt8]) -> ArraySlice<UInt8>? {
        guard let start = page.firstRange(ofBytes: Array("<table".utf8)),
              let end = page[start.upperBound...].firstRange(ofBytes: Array("</table>".utf8)) else { return nil }
        return page[start.lowerBound..<end.upperBound]
    }

    /// Print: A4, the wide sections in landscape, each section on a new page,
    /// table headers repeated, no row split across pages.
    static let style = """

    body.supplement main { max-width: 60rem; }
    .supplement-label { font-family: Arial, "DejaVu Sans", sans-serif; font-size: 0.8rem; color: #555; margin: 2rem 0 0; text-transform: uppercase; letter-spacing: 0.05em; }
    .supplement-contents { list-style: none; padding-left: 0; }
    .supplement-contents a { text-decoration: none; }
    @page { size: A4; margin: 16mm 14mm; }
    @page wide { size: A4 landscape; margin: 12mm 12mm; }
    @media print {
      body.supplement main { max-width: none; }
      .supplement-section { break-before: page; }
      .supplement-section.wide { page: wide; }
      .supplement-label { margin-top: 0; }
      thead { display: table-header-group; }
      tr, figure, h2, h3 { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      .supplement-section figure svg { max-height: 21cm; width: auto; }
      a[href]::after { content: none; }
    }

    """
}

extension String {
    /// The text with its first `target` replaced, when it starts with it.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        hasPrefix(target) ? replacement + dropFirst(target.count) : self
    }
}
