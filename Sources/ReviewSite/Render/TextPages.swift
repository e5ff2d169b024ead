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
        // A page made of its extra part alone (the changes page) starts with it, not with blank lines.
        var twin = markdown.isEmpty ? "" : charts.markdown(markdown).trimmingTrailingNewlines() + "\n"
        if let extra { twin += (twin.isEmpty ? "" : "\n") + extra.markdown }
        twin += "\n" + Self.footer(provenance)
        let body = charts.html(markdown) + (extra?.html ?? "")
        return (frame.render(Page(file: file, title: title, body: body)), twin)
    }

    /// The Markdown twins' last lines: where the data come from.
    static func footer(_ provenance: String) -> String {
        "---\n\n*Where the data come from.* " + Escape.markdown(provenance) + "\n"
    }

    /// The home page's Markdown: its text, then the contents of site.yaml
    /// (every other page, under its heading, with what it holds).
    static func home(_ text: String, contents pages: [SitePage]) -> String {
        var home = text.trimmingTrailingNewlines() + "\n\n## Contents\n\n"
        for page in pages {
            home += "- [\(Escape.markdown(page.shownHeading))](\(page.file))" + (page.about.map { ": " + $0 } ?? "") + "\n"
        }
        return home
    }

    /// The downloads section, with the id the footer links to; it warns of
    /// `formulas`, the cells a spreadsheet may run, when there are any.
    static func downloads(_ files: [String], formulas: FormulaCells = FormulaCells(tables: [])) -> (html: String, markdown: String) {
        let intro = "The dataset behind every number, as the review team extracted it (its tables and the codebook that explains them), and the computed figures:"
        let warning = formulas.warning
        let html = "<section id=\"downloads\">\n<h2>Downloads</h2>\n<p>\(intro)</p>\n" + (warning?.html ?? "") + "<ul>\n"
            + files.map { "<li><a href=\"data/\(Escape.html($0))\">\(Escape.html($0))</a></li>\n" }.joined() + "</ul>\n</section>\n"
        let markdown = "## Downloads\n\n\(intro)\n\n" + (warning.map { $0.markdown + "\n" } ?? "") + files.map { "- [\($0)](data/\($0))\n" }.joined()
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
