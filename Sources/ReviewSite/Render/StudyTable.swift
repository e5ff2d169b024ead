/// Table 1: characteristics of the included studies, one row per study.
struct StudyTable: Sendable {
    let facts: ReviewFacts
    /// Positions in `facts.studies`, by reference number.
    let order: [Int]

    init(_ links: RowLinks) {
        facts = links.facts
        order = links.studyOrder
    }

    var pageCount: Int { Paging.count(order.count) }

    /// One page of the table; each page summarises only its own studies,
    /// one at a time, so a page holds no more than one summary.
    func page(_ number: Int) -> Page {
        Self.page(order[(number * Paging.size)..<min(order.count, (number + 1) * Paging.size)], facts, total: order.count,
                  page: number, of: pageCount)
    }

    static let columns = ["Study", "Design", "Patients", "Age, years", "Sex (F/M/NR)", "Underlying diagnoses", "Lesion sites",
                          "Treatment and regimen", "Response (C/P/N/U)", "Follow-up, months", "Risk of bias"]

    /// The whole table as text, for comparisons: the cells of the page's
    /// rows, each half of the studies on its own core.
    static func data(_ facts: ReviewFacts) -> TableData {
        let order = StudyTable(RowLinks(facts)).order
        let middle = order.count / 2
        let second = Background { data(order[middle...], facts) }
        return TableData(joining: [data(order[..<middle], facts), second.result()])
    }

    private static func data(_ studies: ArraySlice<Int>, _ facts: ReviewFacts) -> TableData {
        var text = TableText(capacity: studies.count * 320)
        for position in studies {
            let study = facts.studies[position]
            row(study, GroupSummary(facts, facts.members[study.patients]), into: &text)
        }
        return text.data(columns: columns)
    }

    /// The whole table on one page (the tests compare it with `data`).
    static func page(_ facts: ReviewFacts) -> Page {
        let table = StudyTable(RowLinks(facts))
        return page(table.order[...], facts, total: table.order.count, page: 0, of: 1)
    }

    static let title = "Table 1. Characteristics of the included studies"
    static let introduction = "One row per study, in the order of the review's references. Ages and follow-up are medians with ranges over the patients who report them; sex is women/men/not reported; responses count complete, partial, none and unknown (lost to follow-up)."

    static func caption(_ total: Int) -> String { "Characteristics of the \(total) included studies" }

    /// `table-1.md`: the whole table, whatever the paging of the HTML.
    static func markdown(_ facts: ReviewFacts) -> [UInt8] {
        let data = data(facts)
        return MarkdownTable.bytes(title: title, introduction: introduction, caption: caption(data.rowCount), data)
    }

    static func page(_ studies: ArraySlice<Int>, _ facts: ReviewFacts, total: Int, page: Int, of pages: Int) -> Page {
        let html = """
        <h1>\(title)</h1>
        <p>\(introduction) Select a column heading to sort. The table is also available as <a href="table-1.md">Markdown</a>.</p>
        \(Paging.navigation("table-1", pages: pages, current: page))<div class="table-scroll">
        <table class="sortable">
        <caption>\(caption(total))\(pages > 1 ? ", page \(page + 1) of \(pages)" : "")</caption>
        <thead>
        \(Self.columnRow(columns))
        </thead>
        <tbody>

        """
        var rows = HTMLBytes(capacity: studies.count * 640)
        for position in studies {
            let study = facts.studies[position]
            row(study, GroupSummary(facts, facts.members[study.patients]), into: &rows)
        }
        return Page(file: Paging.file("table-1", page: page), title: "Table 1", body: html, sortable: true, rows: rows.bytes,
                    end: "</tbody>\n</table>\n</div>")
    }

    /// `<tr><th scope="col">…</th>…</tr>`.
    static func columnRow(_ columns: [String]) -> String {
        "<tr>" + columns.map { "<th scope=\"col\">\(Escape.html($0))</th>" }.joined() + "</tr>"
    }

    static func row(_ facts: StudyFacts, _ summary: GroupSummary, into out: inout some TableOutput) {
        let study = facts.study
        out.startRow(id: study.id, subgroup: false)
        out.startCell(heading: true, style: nil, sort: .int(study.ref))
        out.raw("Ref. ")
        out.int(study.ref)
        if let author = study.firstAuthor {
            out.raw(" · ")
            out.text(author)
            out.raw(" et al.")
        }
        if let year = study.year {
            out.raw(" ")
            out.int(year)
        }
        out.key(study.id)
        out.endCell(heading: true)
        out.startCell(heading: false, style: nil, sort: nil)
        out.text(summary.labels[study.design])
        if study.publication == .conferenceAbstract { out.raw(", conference abstract") }
        if study.controlGroup == .yes { out.raw(", control lesion") }
        out.endCell(heading: false)
        out.startCell(heading: false, style: "num", sort: nil)
        out.int(summary.count)
        out.endCell(heading: false)
        medianCell(summary.age, into: &out)
        out.startCell(heading: false, style: "num", sort: nil)
        out.int(summary.sexCounts.female)
        out.raw("/")
        out.int(summary.sexCounts.male)
        out.raw("/")
        out.int(summary.sexCounts.notReported)
        out.endCell(heading: false)
        /// `label count, …`; the counts only when the study has more than one patient.
        func counted(_ entries: [(label: String, count: Int)], none: StaticString) {
            out.startCell(heading: false, style: nil, sort: nil)
            if entries.isEmpty { out.raw(none) }
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.raw(", ") }
                out.text(entry.label)
                if summary.count > 1 {
                    out.raw(" ")
                    out.int(entry.count)
                }
            }
            out.endCell(heading: false)
        }
        counted(summary.diagnoses.map { ($0.diagnosis.map { summary.labels[$0] } ?? "not reported", $0.count) }, none: "")
        counted(summary.sites.map { (summary.labels[$0.site], $0.count) }, none: "not reported")
        out.startCell(heading: false, style: nil, sort: nil)
        for (index, regimen) in summary.regimens.enumerated() {
            if index > 0 { out.lineBreak() }
            Cells.regimen(regimen, summary.labels, into: &out)
        }
        out.endCell(heading: false)
        out.startCell(heading: false, style: "num", sort: .int(summary.responded.percent))
        for (index, response) in [Response.complete, .partial, .none, .unknown].enumerated() {
            if index > 0 { out.raw("/") }
            out.int(summary.responses[response] ?? 0)
        }
        out.endCell(heading: false)
        medianCell(summary.followUp, into: &out)
        out.startCell(heading: false, style: nil, sort: .int(RiskLevel.allCases.firstIndex(of: facts.riskOfBias)!))
        out.raw(facts.riskOfBias.rawValue)
        out.raw(" ")
        out.markup("<span class=\"detail\">")
        out.raw("(")
        out.int(facts.yesShare.yes)
        out.raw("/")
        out.int(facts.yesShare.applicable)
        out.raw(" yes)")
        out.markup("</span>")
        out.endCell(heading: false)
        out.endRow()
    }

    /// A median and range, sortable by the median.
    private static func medianCell(_ spread: Spread, into out: inout some TableOutput) {
        out.startCell(heading: false, style: "num", sort: .text(spread.median.map(formatNumber) ?? ""))
        out.raw(Cells.medianRange(spread))
        out.endCell(heading: false)
    }
}
