/// Long tables are split into pages of `size` rows, so that a page stays
/// readable and a build's memory stays bounded however large the dataset;
/// a review of a few hundred studies has one page per table.
struct Paging: Sendable {
    static let size = 10_000

    /// `patients.html`, then `patients-2.html`, …
    static func file(_ stem: String, page: Int) -> String {
        page == 0 ? "\(stem).html" : "\(stem)-\(page + 1).html"
    }

    static func count(_ rows: Int) -> Int { max(1, (rows + size - 1) / size) }

    /// Links to every page of a table, for the top of each page.
    static func navigation(_ stem: String, pages: Int, current: Int) -> String {
        guard pages > 1 else { return "" }
        let links = (0..<pages).map { page in
            page == current ? "<strong>\(page + 1)</strong>" : "<a href=\"\(file(stem, page: page))\">\(page + 1)</a>"
        }
        return "<nav class=\"pager\" aria-label=\"Pages of this table\"><p>Page \(links.joined(separator: " "))</p></nav>\n"
    }
}

/// Where a patient's or a study's row is, so every link finds its page:
/// studies on the pages of the declared table whose rows are studies
/// (`table-1`), in its declared order; patients on the patient pages in
/// the review's order too: by their study's row there, then as the
/// patients file lists them (a patient of no listed study comes last).
struct RowLinks: Sendable {
    /// Each patient id's rank in the patient pages: its page is rank / Paging.size.
    private let patients: IDIndex
    /// The patients table's rows in the patient pages' order.
    let patientOrder: [Int]
    /// Each study id's row of the studies' table.
    private let studyRows: IDIndex
    private let studyCount: Int
    /// The declared table of studies (`table-1`), where study links lead.
    /// nil when no declared table lists the studies: a study is then named, not linked (a link would lead nowhere).
    private let studyStem: String?
    /// The words a study link shows, by id, when the codebook's `shown_as` gives them ("Ref. 4" for R4).
    private let studyLabels: [String: String]
    /// The patients' pages (`patients`, `patients-2`, …).
    private let patientStem: String
    /// The rows the pages show (site.yaml's `rows:`); a row past them has no page, so no link.
    private let shown: Int

    init(_ tables: [DataTable], studyTable: DeclaredTable?, codebook: Codebook? = nil,
         patientStem: String = SitePage(unlisted: .patients).stem, shown: Int = Int.max) {
        self.patientStem = patientStem
        self.shown = shown
        let keys = studyTable?.result.rows.keys ?? []
        studyRows = IDIndex(keys)
        studyCount = keys.count
        studyStem = studyTable?.id
        var labels: [String: String] = [:]
        if let codebook, let studies = tables.table(for: .study), let shown = RowLabels.labels(studies, codebook),
           let key = studies.columns.firstIndex(where: { $0.type == .id }) {
            for row in 0..<studies.count { if let id = studies.text(key, row) { labels[id] = shown[row] } }
        }
        studyLabels = labels
        let patientTable = tables.table(for: .patient)
        let ids = patientTable.flatMap { $0.idName.flatMap($0.texts) }?.map { $0 ?? "" } ?? []
        let studyName = tables.table(for: .study)?.name
        var studyOfPatient: [Int] = []
        if let patientTable, let study = patientTable.columns.firstIndex(where: { $0.type == .reference && $0.references == studyName && studyName != nil }) {
            studyOfPatient = studyRows.positions(of: (patientTable.texts(patientTable.columns[study].name) ?? []).map { $0 ?? "" })
        }
        let order = Self.order(ids.count, studyRow: studyOfPatient, studies: keys.count)
        patientOrder = order
        var ranks = [Int](repeating: 0, count: ids.count)
        for (rank, position) in order.enumerated() { ranks[position] = rank }
        patients = IDIndex(ids, positions: ranks)
    }

    /// Positions 0..<count by their study's row (`-1`, or none given: after
    /// every study), the file's order within a study: a counting sort.
    static func order(_ count: Int, studyRow: [Int], studies: Int) -> [Int] {
        guard studyRow.count == count else { return Array(0..<count) }
        var start = [Int](repeating: 0, count: studies + 2)
        for row in studyRow { start[(row < 0 ? studies : row) + 1] += 1 }
        for index in 1..<start.count { start[index] += start[index - 1] }
        var order = [Int](repeating: 0, count: count)
        for (position, row) in studyRow.enumerated() {
            let bucket = row < 0 ? studies : row
            order[start[bucket]] = position
            start[bucket] += 1
        }
        return order
    }

    /// The studies table's rows (ids in file order) in the studies' table's order, the rest after.
    func studyOrder(_ ids: [String]) -> [Int] {
        Self.order(ids.count, studyRow: studyRows.positions(of: ids), studies: studyCount)
    }

    /// `<a href="patients-2.html#id">id</a>` as bytes: pages list up to a
    /// thousand links per figure and one per row, and String appends cost
    /// several times more.
    func patient(_ id: String, into html: inout HTMLBytes) {
        let rank = patients.position(of: id)
        if let rank, rank >= shown { return html.text(id) }
        Self.link(patientStem, page: rank.map { $0 / Paging.size } ?? 0, id, into: &html)
    }

    func study(_ id: String, into html: inout HTMLBytes) {
        let row = studyRows.position(of: id) ?? 0
        guard let studyStem, row < shown else { return html.text(studyLabels[id] ?? id) }
        Self.link(studyStem, page: row / Paging.size, id, shown: studyLabels[id], into: &html)
    }

    private static func link(_ stem: String, page: Int, _ id: String, shown: String? = nil, into html: inout HTMLBytes) {
        html.raw("<a href=\"")
        html.raw(stem)
        if page > 0 {
            html.raw("-")
            html.int(page + 1)
        }
        html.raw(".html#")
        html.raw(Escape.fragment(id))
        html.raw("\">")
        html.text(shown ?? id)
        html.raw("</a>")
    }
}
