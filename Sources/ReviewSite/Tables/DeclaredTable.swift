/// A declared table's computed rows as the site shows them: HTML pages of
/// at most `Paging.size` rows, its Markdown twin, and the plain cells that
/// `reviewsite diff` compares. One row writer serves all three.
struct DeclaredTable: Sendable {
    let result: TableQuery.Result
    /// Whether each row anchors its key (a table of studies is where study links lead).
    let anchored: Bool

    init(_ result: TableQuery.Result, keyColumns: Set<String>) {
        self.result = result
        anchored = keyColumns.contains(result.keyColumn)
    }

    var id: String { result.table.id }
    var headings: [String] { result.table.columns.map(\.heading) }
    var pageCount: Int { Paging.count(result.rows.count) }
    var caption: String { result.table.caption.replacingOccurrences(of: "{rows}", with: String(result.rows.count)) }

    /// The page of each row key, for links to a row.
    func pages() -> [String: Int] {
        Dictionary(result.rows.enumerated().map { ($1.key, $0 / Paging.size) }, uniquingKeysWith: { first, _ in first })
    }

    var data: TableData {
        var text = TableText(capacity: result.rows.count * 256)
        for row in result.rows { write(row, into: &text) }
        return text.data(columns: headings)
    }

    var markdown: [UInt8] {
        MarkdownTable.bytes(title: result.table.title, introduction: result.table.introduction, caption: caption, data)
    }

    func page(_ number: Int) -> Page {
        let table = result.table
        let pages = pageCount
        let links = result.rows.contains { row in row.cells.contains { $0.link != nil } }
        let intro = [Escape.html(table.introduction), "Select a column heading to sort.",
                     links ? "Where a cell is a figure of the report, it links to the rows behind it." : "",
                     "The table is also available as <a href=\"\(id).md\">Markdown</a>."].filter { !$0.isEmpty }.joined(separator: " ")
        let html = """
        <h1>\(Escape.html(table.title))</h1>
        <p>\(intro)</p>
        \(Paging.navigation(id, pages: pages, current: number))<div class="table-scroll">
        <table class="sortable">
        <caption>\(Escape.html(caption))\(pages > 1 ? ", page \(number + 1) of \(pages)" : "")</caption>
        <thead>
        <tr>\(headings.map { "<th scope=\"col\">\(Escape.html($0))</th>" }.joined())</tr>
        </thead>
        <tbody>

        """
        let rows = result.rows[(number * Paging.size)..<min(result.rows.count, (number + 1) * Paging.size)]
        var out = HTMLBytes(capacity: rows.count * 640)
        for row in rows { write(row, into: &out) }
        return Page(file: Paging.file(id, page: number), title: shortTitle, body: html, sortable: true, rows: out.bytes,
                    end: "</tbody>\n</table>\n</div>")
    }

    /// The title up to its first full stop (`Table 1`), for the window title.
    var shortTitle: String {
        let title = result.table.title
        return title.firstIndex(of: ".").map { String(title[..<$0]) } ?? title
    }

    private func write(_ row: TableQuery.Row, into out: inout some TableOutput) {
        out.startRow(id: anchored ? row.key : nil, subgroup: row.subgroup)
        for (index, cell) in row.cells.enumerated() {
            let heading = index == 0
            out.startCell(heading: heading, style: style(result.table.columns[index].style), sort: sortKey(cell.sort))
            if let link = cell.link {
                out.figureLink(link, cell.text)
            } else {
                Self.write(cell.text, into: &out)
            }
            if heading && anchored { out.key(row.key) }
            out.endCell(heading: heading)
        }
        out.endRow()
    }

    /// A cell's text: a line break for each newline, `**…**` in bold; the rest escaped.
    static func write(_ text: String, into out: inout some TableOutput) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0 { out.lineBreak() }
            let pieces = line.components(separatedBy: "**")
            guard pieces.count % 2 == 1 else {
                out.text(String(line))
                continue
            }
            for (part, piece) in pieces.enumerated() {
                if part > 0 { out.markup(part % 2 == 1 ? "<strong>" : "</strong>") }
                if !piece.isEmpty { out.text(piece) }
            }
        }
    }

    private func style(_ style: DeclaredColumn.Style?) -> StaticString? {
        switch style {
        case .num: "num"
        case .wide: "wide"
        case nil: nil
        }
    }

    private func sortKey(_ value: DatabaseValue) -> SortKey? {
        switch value {
        case .null: nil
        case .integer(let number): .int(Int(number))
        case .real(let number): .text(formatNumber(number))
        case .text(let text): .text(text)
        }
    }
}
