import Foundation

/// A declared table for the supplement: its title, introduction, caption
/// and the plain text of every cell, the same cells the site's table pages
/// and Markdown twins show.
struct SupplementTable {
    let title: String
    let introduction: String
    let caption: String
    let data: TableData
    /// The rows shown as a group's sub-rows (indented under their parent).
    let subgroups: [Bool]

    /// A declared table as the site computed it: its words and every cell's text.
    init(_ table: DeclaredTable) {
        title = table.result.table.title
        introduction = table.result.table.introduction
        caption = table.caption
        data = table.data
        subgroups = (0..<table.result.rows.count).map(table.result.rows.subgroup)
    }

    /// The table with a header that repeats on every printed page, after
    /// `heading` (the opened `<h2>` with the part's label); `afterRow` may
    /// take what is written so far (a long table goes to the file in pieces).
    func write(heading: String, into out: inout HTMLBytes, afterRow: (inout HTMLBytes) -> Void = { _ in }) {
        out.raw(heading)
        out.text(title)
        out.raw("</h2>\n")
        if !introduction.isEmpty {
            out.raw("<p>")
            out.text(introduction)
            out.raw("</p>\n")
        }
        // On screen a wide table scrolls sideways; the keyboard reaches it.
        out.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
        out.text(title)
        out.raw("\">\n<table>\n")
        if !caption.isEmpty {
            out.raw("<caption>")
            out.text(caption)
            out.raw("</caption>\n")
        }
        out.raw("<thead>\n<tr>")
        for heading in data.columns {
            out.raw("<th scope=\"col\">")
            out.text(heading)
            out.raw("</th>")
        }
        out.raw("</tr>\n</thead>\n<tbody>\n")
        for row in 0..<data.rowCount {
            out.raw(subgroups[row] ? "<tr class=\"subgroup\">" : "<tr>")
            for column in data.columns.indices {
                out.raw(column == 0 ? "<th scope=\"row\">" : "<td>")
                out.text(data.bytes[data.range(row, column)])
                out.raw(column == 0 ? "</th>" : "</td>")
            }
            out.raw("</tr>\n")
            afterRow(&out)
        }
        out.raw("</tbody>\n</table>\n</div>\n")
    }
}
