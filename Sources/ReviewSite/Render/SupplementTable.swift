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

    /// A declared table as the site computed it: its words and the text of
    /// the cells of its first `shown` rows (site.yaml's `rows:`), every row by default.
    init(_ table: DeclaredTable, shown: Int = Int.max) {
        title = table.result.table.title
        let total = table.result.rows.count
        introduction = table.result.table.introduction
            + (total > shown ? " The first \(grouped(shown)) of the \(grouped(total)) rows, as the site shows them." : "")
        caption = table.caption
        data = table.data.prefix(shown)
        subgroups = (0..<min(total, shown)).map(table.result.rows.subgroup)
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
