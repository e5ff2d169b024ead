/// The catalogue page: every figure with its value, definition, the value
/// as published, whether it matches, and the rows it came from.
enum FigureListPage {
    /// Links listed per figure; the rest of a longer list is in figures.json.
    static let listedRows = 1_000

    static func page(_ figures: [Figure], _ definitions: [String: String], _ published: [String: PublishedValue], _ links: RowLinks,
                     title: String = "Figures", heading: String = "Figures", keyRole: (Figure) -> (role: Codebook.Role, one: String, many: String)?) -> Page {
        let differing = PublishedCheck.differences(figures, published)
        var html = """
        <h1>\(Escape.html(heading))</h1>
        <p>Every figure the report quotes, computed from the dataset. <em>Published</em> is the value as the article printed it; a difference is listed, not hidden. The rows are the patients or studies each figure was computed from; for a proportion, those in the numerator come first. All of it is also in <a href="data/figures.json">figures.json</a>.</p>
        <p class="summary">\(figures.count) figures; \(published.count) were printed in the article, and \(differing.isEmpty ? "all of them match" : "\(differing.count) \(differing.count == 1 ? "differs" : "differ")"): \
        \(differing.map { Cells.figureLink($0.id, Escape.html($0.id)) }.joined(separator: ", "))</p>
        \(Cells.scrollBox("Figures"))
        <table class="figures">
        <caption>The figure catalogue</caption>
        <thead>
        <tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Definition</th><th scope="col">Published</th><th scope="col">Rows</th></tr>
        </thead>
        <tbody>

        """
        for figure in figures {
            let definition = definitions[figure.id] ?? ""
            var printed = "not quoted"
            if let value = published[figure.id] {
                let matches = PublishedCheck.matches(figure, value)
                printed = "\(Escape.html(value.display(figure.kind))) <span class=\"\(matches ? "match" : "mismatch")\">\(matches ? "matches" : "differs")</span>"
            }
            html += """
            <tr id="\(Escape.html(figure.id))"><th scope="row"><code>\(Escape.html(figure.id))</code></th>\
            <td>\(Escape.html(figure.fullDisplay))</td><td>\(Escape.html(definition))</td><td>\(printed)</td><td>\(rows(figure, links, keyRole: keyRole(figure)))</td></tr>

            """
        }
        return Page(file: "figures.html", title: title, body: html + "</tbody>\n</table>\n</div>")
    }

    /// Row links in a collapsed list: by the key column the figure's query
    /// returned, study keys link to the studies' table, patients to the
    /// patient pages, other keys are listed as text.
    static func rows(_ figure: Figure, _ links: RowLinks, keyRole: (role: Codebook.Role, one: String, many: String)?) -> String {
        guard !figure.rows.isEmpty else { return figure.id.hasPrefix("prisma.") ? "from the PRISMA counts" : "none" }
        let one = figure.rows.count == 1
        let (link, noun): ((String, inout HTMLBytes) -> Void, String) = switch keyRole?.role {
        case .study: (links.study, Escape.html(one ? keyRole!.one : keyRole!.many))
        case .patient: (links.patient, Escape.html(one ? keyRole!.one : keyRole!.many))
        default: ({ $1.text($0) }, one ? "row" : "rows")
        }
        guard let numerator = figure.numeratorRows else {
            return "<details><summary>\(figure.rows.count) \(noun)</summary>\(list(figure.rows, link))</details>"
        }
        let others = figure.rows.subtracting(numerator)
        return """
        <details><summary>\(figure.rows.count) \(noun), \(numerator.count) in the numerator</summary>\
        <p><strong>Numerator:</strong> \(list(numerator, link))</p>\
        <p><strong>Others:</strong> \(list(others, link))</p></details>
        """
    }

    private static func list(_ rows: FigureRows, _ link: (String, inout HTMLBytes) -> Void) -> String {
        guard !rows.isEmpty else { return "none" }
        var shown = HTMLBytes(capacity: min(rows.count, listedRows) * 48)
        for (index, row) in rows.prefix(listedRows).enumerated() {
            if index > 0 { shown.raw(" ") }
            link(row, &shown)
        }
        let list = String(decoding: shown.bytes, as: UTF8.self)
        return rows.count > listedRows ? list + " … and \(rows.count - listedRows) more in <a href=\"data/figures.json\">figures.json</a>" : list
    }
}
