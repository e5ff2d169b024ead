import Foundation

/// A declared table for the supplement: its title, introduction, caption
/// and the plain text of every cell, the same cells the site's table pages
/// and Markdown twins show.
struct SupplementTable {
    var title = ""
    var introduction = ""
    var caption = ""
    var header: [String] = []
    var rows: [[String]] = []

    /// A declared table as the site computed it: its words and every cell's text.
    init(_ table: DeclaredTable) {
        let data = table.data
        title = table.result.table.title
        introduction = table.result.table.introduction
        caption = table.caption
        header = data.columns
        rows = (0..<data.rowCount).map(data.cells)
    }

    /// The table with a header that repeats on every printed page.
    var html: String {
        var html = "<h2>\(Escape.html(title))</h2>\n"
        if !introduction.isEmpty { html += "<p>\(Escape.html(introduction))</p>\n" }
        html += "<div class=\"table-scroll\">\n<table>\n"
        if !caption.isEmpty { html += "<caption>\(Escape.html(caption))</caption>\n" }
        html += "<thead>\n<tr>" + header.map { "<th scope=\"col\">\(Escape.html($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(Escape.html(cell))</th>" : "<td>\(Escape.html(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }
}
