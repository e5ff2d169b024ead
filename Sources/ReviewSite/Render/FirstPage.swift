/// A long table's first page as site.yaml's `rows: {pages: first, limit: N}`
/// publishes it: the first N rows of the page its renderer made, the other
/// pages' navigation gone, and a sentence before the table that says how
/// many rows it shows and links the downloads that hold all of them.
enum FirstPage {
    /// `page`: page 1 of a table of `total` rows (pages of `Paging.size`),
    /// made by one of the site's renderers, whose data are escaped (no raw
    /// `<` in a cell: each `</tr>` ends a row). `rows` names them (`patients`);
    /// `downloads` are the files that hold every row.
    static func cut(_ page: Page, stem: String, total: Int, limit: Int, rows: String, downloads: [String]) -> Page {
        guard total > limit else { return page }
        var page = page
        page.rows = Array(page.rows[..<end(ofRow: limit, in: page.rows)])
        let pages = Paging.count(total)
        var body = page.body
        let navigation = Paging.navigation(stem, pages: pages, current: 0)
        if !navigation.isEmpty { body = body.replacingOccurrences(of: navigation, with: "") }
        body = body.replacingOccurrences(of: ", page 1 of \(pages)</caption>", with: "</caption>")
        if let caption = body.range(of: "</caption>") {
            body.replaceSubrange(caption, with: ", the first \(grouped(limit)) shown</caption>")
        }
        if let box = body.range(of: "<div class=\"table-scroll\"") {
            body.insert(contentsOf: note(total: total, limit: limit, rows: rows, downloads: downloads), at: box.lowerBound)
        }
        page.body = body
        return page
    }

    /// The sentence before the table (HTML).
    static func note(total: Int, limit: Int, rows: String, downloads: [String]) -> String {
        let links = downloads.map { "<a href=\"data/\(Escape.html($0))\">\(Escape.html($0))</a>" }
        return "<p class=\"rows-note\">This page shows the first \(grouped(limit)) of the \(grouped(total)) \(Escape.html(rows))."
            + (links.isEmpty ? "" : " Every row is in the downloads: \(ListText.join(links)).") + "</p>\n"
    }

    /// The byte just after the `count`-th `</tr>` of `rows` (all of them when fewer).
    static func end(ofRow count: Int, in rows: [UInt8]) -> Int {
        let close = Array("</tr>".utf8)
        var found = 0
        var index = 0
        while index + close.count <= rows.count {
            if rows[index] == close[0], rows[index..<(index + close.count)].elementsEqual(close) {
                found += 1
                index += close.count
                if found == count {
                    // The row's own line break goes with it.
                    return index < rows.count && rows[index] == 10 ? index + 1 : index
                }
                continue
            }
            index += 1
        }
        return rows.count
    }
}
