/// The links a page makes to the rows of other pages (RowLinks's API), so
/// that the generic pages can be made from any review's tables.
protocol RowLinking: Sendable {
    func patient(_ id: String, into html: inout HTMLBytes)
    func study(_ id: String, into html: inout HTMLBytes)
    /// The studies table's rows (by their ids in file order) in the review's order.
    func studyOrder(_ ids: [String]) -> [Int]
}

extension RowLinks: RowLinking {}

/// The individual patients' data, every column the codebook declares: where
/// every figure's patient rows link to. The tables that refer to a patient
/// (treatment steps, adverse events) each fill one more column.
struct PatientTable: Sendable {
    let cells: DataCells
    let links: any RowLinking
    let page: SitePage
    /// Row numbers of the patients table in the order of the page.
    let order: [Int]
    let id: Int
    let children: [Child]
    /// What readers call the table's rows (the codebook's label of the table).
    let rowsWords: String
    /// The study and patient tables' names: a reference to either links to its row.
    let studyTable: String?, patientTable: String

    /// Another table's rows of each patient.
    struct Child: Sendable {
        let cells: DataCells
        let heading: String
        /// What readers call its rows (the codebook's label of the table).
        let words: String
        /// Each patient's rows (by row number of the patients table) are
        /// `rows[start[patient]..<start[patient + 1]]`, in file order.
        let start: [Int]
        let rows: [Int]
        let reference: Int
        /// Each column's name as written after a number, escaped.
        let names: [String]
        /// Each column's type, and whether it has no unit: read per cell.
        let types: [Codebook.ColumnType]
        let unitless: [Bool]
    }

    /// `order`: the rows in byte order of their ids, when the caller has it (RowLinks.patientOrder).
    init?(_ tables: [DataTable], _ codebook: Codebook, links: any RowLinking, page: SitePage, order: [Int]? = nil) {
        guard let patients = tables.table(for: .patient),
              let id = patients.columns.firstIndex(where: { $0.type == .id }) else { return nil }
        cells = DataCells(patients, codebook)
        (studyTable, patientTable) = (tables.table(for: .study)?.name, patients.name)
        rowsWords = codebook.table(patients.name)?.rowsInWords ?? patients.name
        self.links = links
        self.page = page
        self.id = id
        let ids = patients.texts(id).map { $0 ?? "" }
        self.order = order ?? Self.order(ids)
        let index = IDIndex(ids)
        children = tables.compactMap { table in
            guard let reference = table.columns.firstIndex(where: { $0.type == .reference && $0.references == patients.name }) else { return nil }
            // Rows grouped by patient, each group in file order.
            let groups = RowGroups(owners: index.positions(of: table.texts(reference).map { $0 ?? "" }), count: ids.count)
            let words = codebook.table(table.name)?.rowsInWords ?? table.name.replacingOccurrences(of: "_", with: " ")
            return Child(cells: DataCells(table, codebook), heading: Escape.html(Self.heading(words)), words: words, start: groups.bounds, rows: groups.rows,
                         reference: reference, names: table.columns.map { Escape.html($0.label.lowercased()) },
                         types: table.columns.map(\.type), unitless: table.columns.map { $0.unit == nil && $0.unitBy == nil })
        }
    }

    /// The order of the rows: by id in byte order, as RowLinks finds a patient's page.
    static func order(_ ids: [String]) -> [Int] { ByteOrder.sortedPositions(ids) }

    /// `adverse events` → `Adverse events`.
    static func heading(_ words: String) -> String {
        words.prefix(1).uppercased() + words.dropFirst()
    }

    var pageCount: Int { Paging.count(order.count) }

    func page(_ number: Int) -> Page {
        let table = cells.table
        let pages = pageCount
        let rows = order[(number * Paging.size)..<min(order.count, (number + 1) * Paging.size)]
        let listed = children.isEmpty ? "" : " \(Escape.html(Self.heading(ListText.join(children.map(\.words))))) are listed in the order given."
        let intro = page.intro.map { Markdown.html($0) }
            ?? "<p>The \(Escape.html(rowsWords)) one by one, as extracted (see the note on where the data come from below).\(listed)</p>\n"
        var headings = "<th scope=\"col\">\(cells.heading(id))</th>"
        for column in table.columns.indices where column != id { headings += "<th scope=\"col\">\(cells.heading(column))</th>" }
        for child in children { headings += "<th scope=\"col\">\(child.heading)</th>" }
        let html = """
        <h1>\(Escape.html(page.shownHeading))</h1>
        \(intro)\(Paging.navigation(page.stem, pages: pages, current: number))\(Cells.scrollBox(Escape.html(page.title)))
        <table class="sortable patients">
        <caption>Individual data of the \(order.count) \(Escape.html(rowsWords))\(pages > 1 ? ", page \(number + 1) of \(pages)" : "")</caption>
        <thead>
        <tr>\(headings)</tr>
        </thead>
        <tbody>

        """
        var out = HTMLBytes(capacity: rows.count * 512)
        // What each column's cells are, read once rather than per cell.
        let kinds = table.columns.map { column -> CellKind in
            switch (column.type, column.references) {
            case (.reference, studyTable): .study
            case (.reference, patientTable): .patient
            case (.reference, _): .otherReference
            case (.text, _): .wide
            default: .plain
            }
        }
        for row in rows { write(row, kinds, into: &out) }
        return Page(file: Paging.file(page.stem, page: number), title: page.title, body: html, sortable: true, rows: out.bytes,
                    end: "</tbody>\n</table>\n</div>")
    }

    private enum CellKind { case study, patient, otherReference, wide, plain }

    private func write(_ row: Int, _ kinds: [CellKind], into html: inout HTMLBytes) {
        let table = cells.table
        let key = table.text(id, row) ?? ""
        html.raw("<tr id=\"")
        html.text(key)
        html.raw("\"><th scope=\"row\">")
        html.text(key)
        html.raw("</th>")
        for column in table.columns.indices where column != id {
            let kind = kinds[column]
            // Free text and the other tables' rows get room: the table scrolls rather than wraps them into slivers.
            html.raw(cells.isNumeric(column) ? "<td class=\"num\">" : kind == .wide ? "<td class=\"wide\">" : "<td>")
            if kind == .study || kind == .patient || kind == .otherReference, let target = table.text(column, row) {
                switch kind {
                case .study: links.study(target, into: &html)
                case .patient: links.patient(target, into: &html)
                default: html.text(target)
                }
            } else if !cells.write(column, row, unit: false, into: &html) {
                html.raw("–")
            }
            html.raw("</td>")
        }
        for child in children {
            html.raw("<td class=\"wide\">")
            let own = child.rows[child.start[row]..<child.start[row + 1]]
            if own.isEmpty { html.raw("–") }
            for (index, childRow) in own.enumerated() {
                if index > 0 { html.raw("<br>") }
                child.write(childRow, into: &html)
            }
            html.raw("</td>")
        }
        html.raw("</tr>\n")
    }
}

extension PatientTable.Child {
    /// One row of the other table in words: `Step 1: IL-STS, 150 mg/ml,
    /// 3 sessions, intradermal`. A whole number right after the patient
    /// (the step) leads; codes by their short labels; numbers with their
    /// unit, or before their column's name (`3 sessions`); yes/no as the
    /// column's name, or `not` and the name.
    func write(_ row: Int, into html: inout HTMLBytes) {
        let table = cells.table
        var columns = Array(table.columns.indices.filter { $0 != reference })
        if let first = columns.first, first == reference + 1, case .integers(let values) = table.values[first], let value = values[row] {
            html.raw(Escape.html(table.columns[first].label))
            html.raw(" ")
            html.int(value)
            html.raw(": ")
            columns.removeFirst()
        }
        var written = false
        for column in columns where cells.isReported(column, row) {
            if written { html.raw(", ") }
            written = true
            switch types[column] {
            case .yesNo:
                if table.code(column, row) != "yes" { html.raw("not ") }
                html.raw(names[column])
            case .integer, .number:
                cells.write(column, row, unit: true, into: &html)
                if unitless[column] {
                    html.raw(" ")
                    // `1 session`, `3 sessions`: the column's name is a plural.
                    html.raw(cells.isOne(column, row) && names[column].hasSuffix("s") ? String(names[column].dropLast()) : names[column])
                }
            default:
                cells.write(column, row, unit: false, short: true, into: &html)
            }
        }
    }
}
