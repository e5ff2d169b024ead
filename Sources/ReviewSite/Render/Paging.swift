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

/// Where a patient's or a study's row is, so every link finds its page.
struct RowLinks: Sendable {
    /// Patient ids in byte order: the patient table's order.
    private let patientIDs: [String]
    /// Study id to page of Table 1, only when it has more than one page.
    private let studyPages: [String: Int]

    init(_ facts: ReviewFacts) {
        patientIDs = facts.patients.map(\.id)
        let ordered = RowLinks.tableOrder(facts)
        studyPages = ordered.count > Paging.size
            ? Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.id, $0.offset / Paging.size) })
            : [:]
    }

    /// Studies in the order of Table 1 and the risk-of-bias table.
    static func tableOrder(_ facts: ReviewFacts) -> [StudyFacts] {
        facts.studies.sorted { $0.study.ref < $1.study.ref }
    }

    func patient(_ id: String) -> String {
        "<a href=\"\(Paging.file("patients", page: patientPage(id)))#\(Escape.fragment(id))\">\(Escape.html(id))</a>"
    }

    func study(_ id: String) -> String {
        "<a href=\"\(Paging.file("table-1", page: studyPages[id] ?? 0))#\(Escape.fragment(id))\">\(Escape.html(id))</a>"
    }

    func studyPage(_ id: String) -> Int { studyPages[id] ?? 0 }

    /// Binary search in byte order.
    private func patientPage(_ id: String) -> Int {
        guard patientIDs.count > Paging.size else { return 0 }
        var low = 0, high = patientIDs.count
        while low < high {
            let middle = (low + high) / 2
            if patientIDs[middle].utf8.lexicographicallyPrecedes(id.utf8) { low = middle + 1 } else { high = middle }
        }
        return low / Paging.size
    }
}
