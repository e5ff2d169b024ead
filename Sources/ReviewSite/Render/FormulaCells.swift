/// The cells of the downloaded tables that a spreadsheet program may run
/// as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`). The downloads hold
/// every cell as the data have it; the downloads section warns readers
/// when there are such cells, with how many and in which tables
/// (docs/site.md).
struct FormulaCells: Equatable {
    /// The tables with such cells, in the downloads' order, with how many.
    var tables: [(file: String, cells: Int)] = []

    var total: Int { tables.reduce(0) { $0 + $1.cells } }

    static func == (a: FormulaCells, b: FormulaCells) -> Bool {
        a.tables.elementsEqual(b.tables) { $0.file == $1.file && $0.cells == $1.cells }
    }

    /// The cells of the CSV files among `files`, as the loader counted them.
    init(_ files: [String], sources: [String: DatasetFile]) {
        for file in files where file.hasSuffix(".csv") {
            guard let cells = sources[file]?.formulaCells, cells > 0 else { continue }
            tables.append((file, cells))
        }
    }

    init(tables: [(file: String, cells: Int)]) {
        self.tables = tables
    }

    /// The warning of the downloads section (HTML, Markdown); nil when no cell is such.
    var warning: (html: String, markdown: String)? {
        guard total > 0 else { return nil }
        let named = tables.count == 1 ? tables[0].file
            : ListText.join(tables.map { "\($0.file) (\(grouped($0.cells)))" })
        let cells = total == 1 ? "1 cell of \(named) begins" : "\(grouped(total)) cells of \(named) begin"
        let rest = "and \(total == 1 ? "is" : "are") not a number. The downloads hold every cell as the data have it, but a spreadsheet program may take such a cell for a formula and run it when it opens the file: import the file with every column as text, or read it in a text editor."
        let heading = "Before opening a table in a spreadsheet:"
        let html = "<p><strong>\(heading)</strong> \(Escape.html(cells)) with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> \(rest)</p>\n"
        let markdown = "**\(heading)** \(Escape.markdown(cells)) with `=`, `+`, `-` or `@` \(rest)\n"
        return (html, markdown)
    }
}
