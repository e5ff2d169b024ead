/// The text pages: filled Markdown, rendered by libcmark, and the same
/// Markdown kept as the page's `.md` twin.
struct TextPages {
    let frame: PageFrame
    let provenance: String
    /// The charts that `{{chart ID}}` lines place.
    var charts = ChartSet.none

    /// A text page and its Markdown twin from filled Markdown; `extra`
    /// is a section that both forms end with (HTML, Markdown).
    func page(file: String, title: String, markdown: String, extra: (html: String, markdown: String)? = nil) -> (html: String, markdown: String) {
        var twin = charts.markdown(markdown).trimmingTrailingNewlines() + "\n"
        if let extra { twin += "\n" + extra.markdown }
        twin += "\n---\n\n*Where the data come from.* " + Escape.markdown(provenance) + "\n"
        let body = charts.html(markdown) + (extra?.html ?? "")
        return (frame.render(Page(file: file, title: title, body: body)), twin)
    }

    /// The home page's Markdown: the abstract and the contents.
    static func index(abstract: String) -> String {
        var text = abstract.trimmingTrailingNewlines() + "\n\n## Contents\n\n"
        let contents = [
            ("methods.html", "Methods in brief", "protocol, search, eligibility, extraction, risk of bias, analysis"),
            ("results.html", "Results", "study selection, quality, patients, treatments, outcomes, pain, perioperative care, adverse effects"),
            ("table-1.html", "Table 1", "characteristics of the included studies"),
            ("table-2.html", "Table 2", "summary of the treatment options"),
            ("prisma.html", "PRISMA 2020 flow diagram", "how the studies were selected"),
            ("risk-of-bias.html", "Risk of bias", "checklist answers per study and question"),
            ("figures.html", "Figures", "every number of the report with its definition, published value and rows"),
            ("patients.html", "Patients", "the individual patients' data"),
            ("changes.html", "Changes", "what changed since the baseline data"),
        ]
        for (file, title, about) in contents {
            text += "- [\(title)](\(file)): \(about)\n"
        }
        return text
    }

    /// The downloads section, with the id the footer links to.
    static func downloads(_ files: [String]) -> (html: String, markdown: String) {
        let intro = "The dataset behind every number, in the format of the extraction sheet (docs/dataset.md), and the computed figures:"
        let html = "<section id=\"downloads\">\n<h2>Downloads</h2>\n<p>\(intro)</p>\n<ul>\n"
            + files.map { "<li><a href=\"data/\(Escape.html($0))\">\(Escape.html($0))</a></li>\n" }.joined() + "</ul>\n</section>\n"
        let markdown = "## Downloads\n\n\(intro)\n\n" + files.map { "- [\($0)](data/\($0))\n" }.joined()
        return (html, markdown)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text.removeLast() }
        return String(text)
    }
}
