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
    let facts: ReviewFacts
    /// Positions in `facts.studies` in the order of the studies' table.
    let studyOrder: [Int]
    /// Each study's page, by position in `facts.studies`.
    private let studyPages: [Int]
    /// The declared table of studies (`table-1`), where study links lead.
    private let studyStem: String

    init(_ facts: ReviewFacts, studyTable: DeclaredTable?) {
        self.facts = facts
        let keys = studyTable?.result.rows.map(\.key) ?? facts.studies.map(\.id)
        var order = keys.compactMap { facts.studyIndex.position(of: $0) }
        let listed = Set(order)
        order += facts.studies.indices.filter { !listed.contains($0) }
        studyOrder = order
        var pages = [Int](repeating: 0, count: facts.studies.count)
        for (rank, position) in order.enumerated() { pages[position] = rank / Paging.size }
        studyPages = pages
        studyStem = studyTable?.id ?? "table-1"
    }

    func patient(_ id: String) -> String {
        let page = facts.patientPosition(of: id).map { $0 / Paging.size } ?? 0
        return "<a href=\"\(Paging.file("patients", page: page))#\(Escape.fragment(id))\">\(Escape.html(id))</a>"
    }

    func study(_ id: String) -> String {
        "<a href=\"\(Paging.file(studyStem, page: facts.studyIndex.position(of: id).map { studyPages[$0] } ?? 0))#\(Escape.fragment(id))\">\(Escape.html(id))</a>"
    }

    func study(at position: Int) -> String {
        let id = facts.studies[position].id
        return "<a href=\"\(Paging.file(studyStem, page: studyPages[position]))#\(Escape.fragment(id))\">\(Escape.html(id))</a>"
    }

    /// The page of the studies' table of the study at `position` in `facts.studies`.
    func studyPage(_ position: Int) -> Int { position < 0 ? 0 : studyPages[position] }
}
