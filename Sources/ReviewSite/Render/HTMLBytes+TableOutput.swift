/// The HTML of a table row.
extension HTMLBytes: TableOutput {
    mutating func startRow(id: String?, subgroup: Bool) {
        raw("<tr")
        if let id {
            raw(" id=\"")
            text(id)
            raw("\"")
        }
        if subgroup { raw(" class=\"subgroup\"") }
        raw(">")
    }

    mutating func startCell(heading: Bool, style: StaticString?, sort: SortKey?) {
        raw(heading ? "<th scope=\"row\"" : "<td")
        if let style {
            raw(" class=\"")
            raw(style)
            raw("\"")
        }
        switch sort {
        case .int(let value)?:
            raw(" data-sort=\"")
            if let value { int(value) }
            raw("\"")
        case .text(let value)?:
            raw(" data-sort=\"")
            text(value)
            raw("\"")
        case .utf8(let value)?:
            raw(" data-sort=\"")
            text(value)
            raw("\"")
        case nil:
            break
        }
        raw(">")
    }

    mutating func endCell(heading: Bool) { raw(heading ? "</th>" : "</td>") }
    mutating func endRow() { raw("</tr>\n") }
    mutating func markup(_ html: StaticString) { raw(html) }
    mutating func lineBreak() { raw("<br>") }

    mutating func key(_ id: String) {
        raw("<span class=\"key\">")
        text(id)
        raw("</span>")
    }

    mutating func figureLink(_ id: String, _ text: String) {
        raw("<a href=\"figures.html#")
        raw(Escape.fragment(id))
        raw("\">")
        self.text(text)
        raw("</a>")
    }
}
