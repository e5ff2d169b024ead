/// A declared table's computed rows as the site shows them: HTML pages of
/// at most `Paging.size` rows, its Markdown twin, and the plain cells that
/// `reviewsite diff` compares. One row writer serves all three.
struct DeclaredTable: Sendable {
    let result: TableQuery.Result
    /// Whether each row anchors its key (a table of studies is where study links lead).
    let anchored: Bool

    /// Every cell's plain text, made once: the Markdown twin, the
    /// supplement and the diff all read it.
    let data: TableData

    init(_ result: TableQuery.Result, keyColumns: Set<String>) {
        self.result = result
        anchored = keyColumns.contains(result.keyColumn)
        var text = TableText(capacity: result.rows.count * 256)
        let writer = Writer(anchored: anchored, columns: result.table.columns)
        for row in 0..<result.rows.count { writer.write(result.rows, row, into: &text) }
        data = text.data(columns: result.table.columns.map(\.heading))
    }

    var id: String { result.table.id }
    var headings: [String] { result.table.columns.map(\.heading) }
    var pageCount: Int { Paging.count(result.rows.count) }
    var caption: String { result.table.caption.replacingOccurrences(of: "{rows}", with: String(result.rows.count)) }

    /// The page of each row key, for links to a row.
    func pages() -> [String: Int] {
        Dictionary(result.rows.keys.enumerated().map { ($1, $0 / Paging.size) }, uniquingKeysWith: { first, _ in first })
    }

    var markdown: [UInt8] { markdown(heading: "#") }

    func markdown(heading: String) -> [UInt8] {
        MarkdownTable.bytes(title: result.table.title, introduction: result.table.introduction, caption: caption, data, heading: heading)
    }

    func page(_ number: Int) -> Page {
        let table = result.table
        let pages = pageCount
        let links = result.rows.hasLinks
        let intro = [Escape.html(table.introduction), "Select a column heading to sort.",
                     links ? "Where a cell is a figure of the report, it links to the rows behind it." : "",
                     "The table is also available as <a href=\"\(id).md\">Markdown</a>."].filter { !$0.isEmpty }.joined(separator: " ")
        let html = """
        <h1>\(Escape.html(table.title))</h1>
        <p>\(intro)</p>
        \(Paging.navigation(id, pages: pages, current: number))\(Cells.scrollBox(Escape.html(shortTitle)))
        <table class="sortable">
        <caption>\(Escape.html(caption))\(pages > 1 ? ", page \(number + 1) of \(pages)" : "")</caption>
        <thead>
        <tr>\(headings.map { "<th scope=\"col\">\(Escape.html($0))</th>" }.joined())</tr>
        </thead>
        <tbody>

        """
        let rows = (number * Paging.size)..<min(result.rows.count, (number + 1) * Paging.size)
        var out = HTMLBytes(capacity: rows.count * 640)
        let writer = Writer(anchored: anchored, columns: table.columns)
        for row in rows { writer.write(result.rows, row, into: &out) }
        return Page(file: Paging.file(id, page: number), title: shortTitle, body: html, sortable: true, rows: out.bytes,
                    end: "</tbody>\n</table>\n</div>")
    }

    /// The title up to its first full stop (`Table 1`), for the window title.
    var shortTitle: String {
        let title = result.table.title
        return title.firstIndex(of: ".").map { String(title[..<$0]) } ?? title
    }

}

/// Writes a row of a declared table to the page or to the plain cells.
private struct Writer {
    let anchored: Bool
    let columns: [DeclaredColumn]

    func write(_ rows: ComputedRows, _ row: Int, into out: inout some TableOutput) {
        let key = rows.key(row)
        out.startRow(id: anchored ? key : nil, subgroup: rows.subgroup(row))
        for index in columns.indices {
            let heading = index == 0
            out.startCell(heading: heading, style: style(columns[index].style), sort: rows.sort(row, index))
            if let link = rows.link(row, index) {
                out.figureLink(link, String(decoding: rows.text(row, index), as: UTF8.self))
            } else {
                DeclaredTable.write(rows.text(row, index), into: &out)
            }
            if heading && anchored { out.key(key) }
            out.endCell(heading: heading)
        }
        out.endRow()
    }

    private func style(_ style: DeclaredColumn.Style?) -> StaticString? {
        switch style {
        case .num: "num"
        case .wide: "wide"
        case nil: nil
        }
    }
}

extension DeclaredTable {
    /// A cell's text: a line break for each newline, `**…**` in bold; the rest escaped.
    static func write(_ utf8: ArraySlice<UInt8>, into out: inout some TableOutput) {
        // Most cells are plain: no search of their text for markup.
        if !utf8.contains(where: { $0 == 0x0A || $0 == 0x2A }) {
            if !utf8.isEmpty { out.text(utf8) }
            return
        }
        let text = String(decoding: utf8, as: UTF8.self)
        for (number, line) in text.byteLines.enumerated() {
            if number > 0 { out.lineBreak() }
            let pieces = line.byteComponents(separatedBy: "**")
            guard pieces.count % 2 == 1 else {
                out.text(String(line))
                continue
            }
            for (part, piece) in pieces.enumerated() {
                if part > 0 { out.markup(part % 2 == 1 ? "<strong>" : "</strong>") }
                if !piece.isEmpty { out.text(String(piece)) }
            }
        }
    }
}
