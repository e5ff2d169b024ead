import Foundation

/// The charts of one build, drawn once from the report: each chart's SVG,
/// and how a text page shows it where the template's `{{chart ID}}` line
/// stood (the figure inline in HTML, an image link in the Markdown twin).
struct ChartSet: Sendable {
    struct Chart: Sendable {
        var id: String
        var title: String
        var description: String
        var svg: String
        /// An appraisal summary (the supplement shows it with the appraisal table).
        var isAppraisal = false

        var file: String { "charts/\(id).svg" }

        /// The SVG as `charts/ID.svg`: its links to the figure list go up
        /// one folder. Data reach the SVG escaped, so no data string holds
        /// `href="`.
        var standalone: String {
            svg.replacingBytes("<a href=\"figures.html#", with: "<a href=\"../figures.html#")
        }
    }

    /// In the order of charts.yaml.
    let charts: [Chart]

    static let none = ChartSet(charts: [])

    init(charts: [Chart]) {
        self.charts = charts
    }

    /// Draws every chart of `file` from the report's figures and tables.
    init(_ file: ChartFile, report: Report) {
        let figures = Dictionary(report.figures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        charts = file.charts.map { declaration in
            let id = "chart-\(declaration.id)"
            let svg: String
            var isAppraisal = false
            switch declaration.kind {
            case .appraisal:
                let panels = AppraisalChart.panels(codebook: report.codebook, tables: report.tables)
                svg = StackedBarChart.svg(title: declaration.title, panels: panels, id: id)
                isAppraisal = true
            case .proportions(let rows):
                svg = ForestPlot.svg(title: declaration.title, rows: rows.map { row in
                    let figure = figures[row.figure]
                    return ForestPlot.Row(label: row.label, numerator: Int(figure?["numerator"] ?? 0),
                                          denominator: Int(figure?["denominator"] ?? 0), figure: row.figure)
                }, id: id)
            }
            return Chart(id: declaration.id, title: declaration.title, description: declaration.description, svg: svg, isAppraisal: isAppraisal)
        }
    }

    func chart(_ id: String) -> Chart? {
        charts.first { $0.id == id }
    }

    /// The line a filled template holds for a chart: only the template can
    /// write it, since data reach the text with `{` and `}` escaped.
    static func line(_ id: String) -> String { "{{chart \(id)}}" }

    /// The chart a filled line places, if it is one.
    func placed(_ line: Substring) -> Chart? {
        guard line.hasPrefix("{{chart "), line.hasSuffix("}}") else { return nil }
        return chart(String(line.dropFirst(8).dropLast(2)))
    }

    /// A text page's HTML: the Markdown between chart lines rendered by
    /// libcmark (safe mode), each chart spliced in between as a figure.
    func html(_ markdown: String) -> String {
        guard !charts.isEmpty else { return Markdown.html(markdown) }
        var html = "", pending: [Substring] = []
        for line in markdown.byteLines {
            guard let chart = placed(line) else {
                pending.append(line)
                continue
            }
            html += Markdown.html(pending.joined(separator: "\n")) + figure(chart)
            pending = []
        }
        return html + Markdown.html(pending.joined(separator: "\n"))
    }

    /// The Markdown twin: each chart as an image of its SVG file, with its description.
    func markdown(_ markdown: String) -> String {
        guard !charts.isEmpty else { return markdown }
        return markdown.byteLines.map { line in
            guard let chart = placed(line) else { return String(line) }
            return "![\(Escape.markdown(chart.title))](\(chart.file))\n\n" + Escape.markdown(chart.description)
        }.joined(separator: "\n")
    }

    /// A title as the start of a caption: with a full stop.
    static func sentence(_ title: String) -> String {
        title.hasSuffix(".") || title.hasSuffix("?") || title.hasSuffix("!") ? title : title + "."
    }

    /// The chart inline, with its caption and a link to the standalone file;
    /// narrower than its drawing (a phone), it shrinks to the page's width
    /// rather than hide bars in a scroll box, and the file shows it full size.
    func figure(_ chart: Chart) -> String {
        """
        <figure class="figure-svg chart" id="chart-\(chart.id)">
        \(chart.svg)
        <figcaption><strong>\(Escape.html(Self.sentence(chart.title)))</strong> \(Escape.html(chart.description)) <a href="\(chart.file)">Open the chart at full size</a>.</figcaption>
        </figure>

        """
    }
}
