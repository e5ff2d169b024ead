/// How each study was appraised, as the codebook declares it: the answers
/// to its checklist as traffic lights with the overall risk of bias, a
/// level of evidence, or both. The wording comes from the codebook and
/// site.yaml.
struct AppraisalTable: Sendable {
    let studies: DataCells
    let codebook: Codebook
    let links: any RowLinking
    let page: SitePage
    /// Row numbers of the studies table in the order of the page.
    let order: [Int]
    let id: Int
    /// The studies' checklist column, when the review has checklists.
    let checklist: Int?
    /// The studies' level-of-evidence columns.
    let levels: [Int]
    /// The most questions of any checklist: the table's question columns.
    let questions: Int
    /// Each study's answer code (an index into the answer column's codes,
    /// -1 when none) to question q at `given[row * (questions + 1) + q]`.
    let given: [Int32]
    /// The answers table's codes of its answer column.
    let answerCodes: [String]

    init?(_ tables: [DataTable], _ codebook: Codebook, links: any RowLinking, page: SitePage) {
        guard let studies = tables.table(for: .study),
              let id = studies.columns.firstIndex(where: { $0.type == .id }) else { return nil }
        self.studies = DataCells(studies, codebook)
        self.codebook = codebook
        self.links = links
        self.page = page
        self.id = id
        order = links.studyOrder((studies.texts(studies.columns[id].name) ?? []).map { $0 ?? "" })
        let appraisal = codebook.appraisal
        checklist = appraisal.checklists.isEmpty ? nil : studies.columns.firstIndex { $0.type == .checklist }
        levels = appraisal.levels.isEmpty ? [] : studies.columns.indices.filter { studies.columns[$0].type == .level }
        questions = checklist == nil ? 0 : max(1, appraisal.checklists.map(\.questions).max() ?? 1)
        var given = [Int32](repeating: -1, count: studies.count * (questions + 1))
        var answerCodes: [String] = []
        if checklist != nil, let answers = tables.table(for: .appraisal),
           let study = answers.ownerColumn.flatMap(answers.index), let question = answers.numberColumn.flatMap(answers.index),
           let answer = answers.columns.firstIndex(where: { $0.type == .answer }),
           case .integers(let numbers) = answers.values[question], case .codes(let codes) = answers.values[answer] {
            answerCodes = answers.codes[answer]
            let owners = IDIndex(studies.texts(id).map { $0 ?? "" }).positions(of: answers.texts(study).map { $0 ?? "" })
            for (row, owner) in owners.enumerated() where owner >= 0 {
                guard let number = numbers[row], number >= 1, number <= questions else { continue }
                given[owner * (questions + 1) + number] = codes[row]
            }
        }
        self.given = given
        self.answerCodes = answerCodes
    }

    var pageCount: Int { Paging.count(order.count) }

    func page(_ number: Int) -> Page {
        let pages = pageCount
        let rows = order[(number * Paging.size)..<min(order.count, (number + 1) * Paging.size)]
        var headings = "<th scope=\"col\">\(studies.heading(id))</th>"
        if let checklist {
            headings += "<th scope=\"col\">\(studies.heading(checklist))</th>"
            headings += questionHeadings
            headings += "<th scope=\"col\">\(tallyHeading)</th><th scope=\"col\">Overall</th>"
        }
        for level in levels { headings += "<th scope=\"col\">\(studies.heading(level))</th>" }
        let what = [checklist == nil ? nil : "Answers to the appraisal checklists and overall risk of bias", levels.isEmpty ? nil : "levels of evidence"]
            .compactMap { $0 }.joined(separator: ", and ")
        let html = """
        <h1>\(Escape.html(page.shownHeading))</h1>
        \(intro)\(legend)\(Paging.navigation(page.stem, pages: pages, current: number))\(Cells.scrollBox(Escape.html(page.title)))
        <table class="sortable rob-table">
        <caption>\(Self.capitalized(what)) of the \(order.count) studies\(pages > 1 ? ", page \(number + 1) of \(pages)" : "")</caption>
        <thead>
        <tr>\(headings)</tr>
        </thead>
        <tbody>

        """
        var out = HTMLBytes(capacity: rows.count * 1200)
        let cells = checklistCells
        for (rank, row) in zip(rows.indices, rows) { write(row, rank: rank, cells, into: &out) }
        return Page(file: Paging.file(page.stem, page: number), title: page.title, body: html, sortable: true, rows: out.bytes,
                    end: "</tbody>\n</table>\n</div>" + (questionKey.isEmpty ? "" : "\n" + questionKey))
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
