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
/// patients on the patient pages in byte order of their ids, studies on
/// the pages of the declared table whose rows are studies.
struct RowLinks: Sendable {
    /// Each patient id's rank in byte order: its page is rank / Paging.size.
    private let patients: IDIndex
    /// The patients table's rows in byte order of their ids: the patient pages' order.
    let patientOrder: [Int]
    /// Each study id's page of the studies' table.
    private let studies: IDIndex
    /// The declared table of studies (`table-1`), where study links lead.
    private let studyStem: String

    init(_ tables: [DataTable], studyTable: DeclaredTable?) {
        let ids = tables.first { $0.name == "patients" }?.texts("patient_id")?.map { $0 ?? "" } ?? []
        let order = ByteOrder.sortedPositions(ids)
        patientOrder = order
        var ranks = [Int](repeating: 0, count: ids.count)
        for (rank, position) in order.enumerated() { ranks[position] = rank }
        patients = IDIndex(ids, positions: ranks)
        let keys = studyTable?.result.rows.keys ?? []
        studies = IDIndex(keys, positions: keys.indices.map { $0 / Paging.size })
        studyStem = studyTable?.id ?? "table-1"
    }

    /// `<a href="patients-2.html#id">id</a>` as bytes: pages list up to a
    /// thousand links per figure and one per row, and String appends cost
    /// several times more.
    func patient(_ id: String, into html: inout HTMLBytes) {
        Self.link("patients", page: patients.position(of: id).map { $0 / Paging.size } ?? 0, id, into: &html)
    }

    func study(_ id: String, into html: inout HTMLBytes) {
        Self.link(studyStem, page: studies.position(of: id) ?? 0, id, into: &html)
    }

    private static func link(_ stem: String, page: Int, _ id: String, into html: inout HTMLBytes) {
        html.raw("<a href=\"")
        html.raw(stem)
        if page > 0 {
            html.raw("-")
            html.int(page + 1)
        }
        html.raw(".html#")
        html.raw(Escape.fragment(id))
        html.raw("\">")
        html.text(id)
        html.raw("</a>")
    }
}
