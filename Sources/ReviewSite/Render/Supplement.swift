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
        try site.add(file, html(report, methods: texts["methods.md"] ?? "", charts: charts, tables: tables, written: site.written))
    }

    static func html(_ report: Report, methods: String, charts: ChartSet, tables: [DeclaredTable], written: (String) -> [UInt8]?) -> String {
        let printed = tables.map { (id: $0.id, table: SupplementTable($0)) }
        let review = report.review
        var sections: [(id: String, title: String, html: String, wide: Bool)] = []
        sections.append(("s-methods", "Search and methods", charts.html(methods), false))
        sections.append(("s-prisma", "PRISMA 2020 flow diagram", """
            <h2>PRISMA 2020 flow diagram</h2>
            <figure class="figure-svg">
            \(PrismaDiagram.svg(report.prisma))
            <figcaption>How the records found by the searches became the included studies (PRISMA 2020).</figcaption>
            </figure>

            """, false))
        // The first table (the studies'), then the appraisal, then the other tables.
        if let first = printed.first {
            sections.append(("s-\(first.id)", first.table.title, first.table.html, true))
        }
        // The appraisal chart on a portrait page, its table on landscape ones.
        let appraisalCharts = charts.charts.filter(\.isAppraisal).map(charts.figure).joined()
        if !appraisalCharts.isEmpty {
            sections.append(("s-appraisal", "Appraisal of the included studies", "<h2>Appraisal of the included studies</h2>\n" + appraisalCharts, false))
        }
        if let table = written("risk-of-bias.html").flatMap(tableElement) {
            sections.append(("s-appraisal-table", "Answers to the appraisal checklists", table, true))
        }
        for other in printed.dropFirst() {
            sections.append(("s-\(other.id)", other.table.title, other.table.html, true))
        }
        let others = charts.charts.filter { !$0.isAppraisal }.map(charts.figure).joined()
        if !others.isEmpty { sections.append(("s-charts", "Charts", "<h2>Charts</h2>\n" + others, false)) }
        sections.append(("s-figures", "Figure catalogue", catalogue(report), true))

        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Supplementary material · \(Escape.html(review.title))</title>
        <link rel="stylesheet" href="style.css">
        <style>\(style)</style>
        </head>
        <body class="supplement">
        <main>
        <h1>Supplementary material</h1>
        <p class="review-title"><cite>\(Escape.html(review.title))</cite>. \(Escape.html(ListText.join(review.authors))).</p>
        <p class="provenance"><strong>Where the data come from.</strong> \(Escape.html(review.provenance))</p>
        <ul class="supplement-contents">

        """
        for (number, section) in sections.enumerated() {
            html += "<li><a href=\"#\(section.id)\">S\(number + 1). \(Escape.html(section.title))</a></li>\n"
        }
        html += "</ul>\n"
        for (number, section) in sections.enumerated() {
            html += "<section id=\"\(section.id)\" class=\"supplement-section\(section.wide ? " wide" : "")\">\n"
            html += "<p class=\"supplement-label\">Supplement S\(number + 1)</p>\n"
            // A section's own heading is its title; the long tables are not searched for more.
            html += (section.wide ? section.html.replacingFirst("<h2>", with: "<h2 class=\"section-title\">")
                                  : section.html.replacingBytes("<h2>", with: "<h2 class=\"section-title\">")) + "</section>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
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
    static func tableElement(_ page: [UInt8]) -> String? {
        guard let start = page.firstRange(ofBytes: Array("<table".utf8)),
              let end = page[start.upperBound...].firstRange(ofBytes: Array("</table>".utf8)) else { return nil }
        return "<h2>Answers to the appraisal checklists</h2>\n<div class=\"table-scroll\">\n" + String(decoding: page[start.lowerBound..<end.upperBound], as: UTF8.self) + "\n</div>\n"
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
