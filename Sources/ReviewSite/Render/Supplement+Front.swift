// The supplement's first page (the review's citation and the contents) and
// its print style: running head and page numbers on every page.

extension Supplement {
    struct Front {
        let review: Review
        let parts: [Part]
        /// The release printed under the citation (version, date), when the review has one.
        var release: String?

        init(review: Review, parts: [Part], release: String? = nil) {
            self.review = review
            self.parts = parts
            self.release = release
        }

        func write(into out: inout HTMLBytes) {
            let title = Escape.html(review.title)
            out.raw("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Supplementary material · \(title)</title>
            <link rel="stylesheet" href="style.css">
            <style>\(Supplement.style(runningHead: "Supplement to: " + review.title))</style>
            </head>
            <body class="supplement">
            <main>
            <section class="supplement-front">
            <p class="supplement-kicker">Supplementary material</p>
            <h1>\(title)</h1>
            <p class="supplement-citation">\(citation)</p>

            """)
            var facts: [String] = []
            if let registration = review.registration { facts.append("Registration: \(Escape.html(registration)).") }
            if let release { facts.append(Escape.html(release)) }
            if !facts.isEmpty { out.raw("<p class=\"supplement-facts\">\(facts.joined(separator: " "))</p>\n") }
            out.raw("<h2>Contents</h2>\n<ol class=\"supplement-contents\">\n")
            for part in parts {
                out.raw("<li><a href=\"#\(part.id)\"><span class=\"part-label\">\(part.label).</span> \(Escape.html(part.title))</a>")
                out.raw("<span class=\"page-ref\" data-part=\"\(part.id)\"></span></li>\n")
            }
            out.raw("""
            </ol>
            <p>This material supplements the review: it gives the details its text refers to. It is made from the review's dataset by the same program, from the same data, as the review's figures and tables.</p>
            <p class="provenance"><strong>Where the data come from.</strong> \(Escape.html(review.provenance))</p>
            </section>

            """)
        }

        /// Authors. Title. Journal. Year. DOI: the parts the review gives.
        var citation: String {
            var parts = [ListText.join(review.authors), review.title]
            if let journal = review.journal { parts.append(journal) }
            if let year = review.year { parts.append(String(year)) }
            var text = parts.map { Escape.html($0.hasSuffix(".") ? String($0.dropLast()) : $0) }.joined(separator: ". ") + "."
            if let doi = review.doi { text += " doi:\(Escape.html(doi))" }
            return text
        }
    }

    /// A CSS string literal of `text`, safe inside a `<style>` element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\\(String(scalar.value, radix: 16)) "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\\(String(scalar.value, radix: 16)) "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Print: A4, wide parts in landscape, each part on a new page, table
    /// headers repeated, no row split, a running head and page numbers.
    static func style(runningHead: String) -> String {
        """

        body.supplement main { max-width: 60rem; }
        .supplement-kicker { font-family: Arial, "DejaVu Sans", sans-serif; font-size: 0.9rem; color: #444; text-transform: uppercase; letter-spacing: 0.05em; margin: 0; }
        .supplement-contents { list-style: none; padding-left: 0; }
        .supplement-contents li { display: flex; gap: 1em; align-items: baseline; margin: 0.2em 0; }
        .supplement-contents a { flex: 1; text-decoration: none; color: inherit; }
        .page-ref { display: inline-block; min-width: 2.5em; text-align: right; }
        .part-label { font-weight: bold; }
        .key-title { font-weight: bold; margin-bottom: 0.2em; }
        .not-reported { font-style: italic; color: #444; }
        pre.search-string { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85em; border-left: 3px solid #ccc; padding-left: 0.6em; }
        .question-key dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1em 1em; margin: 0.3em 0 0.8em; }
        .question-key dd { margin: 0; }
        .question-key h4 { margin: 0.8em 0 0.2em; }
        .study-references { list-style: none; padding-left: 0; }
        .study-references li { margin: 0.25em 0; padding-left: 3.5em; text-indent: -3.5em; }
        .study-references strong { display: inline-block; min-width: 3em; text-indent: 0; }
        .search-sources td, .search-sources th { vertical-align: top; }
        .prisma-print { max-width: 100%; margin: 0; }
        .prisma-print svg { width: 100%; height: auto; font-family: Arial, "DejaVu Sans", sans-serif; }
        @page { size: A4; margin: 18mm 14mm 16mm;
          @top-left { content: \(cssString(runningHead)); font: 8pt Arial, "DejaVu Sans", sans-serif; color: #444; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, "DejaVu Sans", sans-serif; color: #444; } }
        @page wide { size: A4 landscape; margin: 16mm 12mm 14mm; }
        @media print {
          body.supplement main { max-width: none; }
          .supplement-part { break-before: page; }
          .supplement-part.wide { page: wide; }
          .table-scroll { overflow: visible; }
          .part-title { margin-top: 0; }
          .prisma-print figcaption { margin-top: 0.3em; }
          thead { display: table-header-group; }
          tr, figure, h2, h3, dt, dd { break-inside: avoid; }
          h2, h3, dt, .key-title { break-after: avoid; }
          .supplement-part figure.chart svg { max-height: 22cm; width: auto; max-width: 100%; }
        }

        """
    }
}
