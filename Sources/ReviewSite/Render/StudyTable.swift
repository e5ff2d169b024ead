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

    /// The whole table on one page (for comparisons).
    static func page(_ facts: ReviewFacts) -> Page {
        let table = StudyTable(RowLinks(facts))
        return page(table.order[...], facts, total: table.order.count, page: 0, of: 1)
    }

    static func page(_ studies: ArraySlice<Int>, _ facts: ReviewFacts, total: Int, page: Int, of pages: Int) -> Page {
        let html = """
        <h1>Table 1. Characteristics of the included studies</h1>
        <p>One row per study, in the order of the review's references. Ages and follow-up are medians with ranges over the patients who report them; sex is women/men/not reported; responses count complete, partial, none and unknown (lost to follow-up). Select a column heading to sort.</p>
        \(Paging.navigation("table-1", pages: pages, current: page))<div class="table-scroll">
        <table class="sortable">
        <caption>Characteristics of the \(total) included studies\(pages > 1 ? ", page \(page + 1) of \(pages)" : "")</caption>
        <thead>
        <tr><th scope="col">Study</th><th scope="col">Design</th><th scope="col">Patients</th><th scope="col">Age, years</th><th scope="col">Sex (F/M/NR)</th><th scope="col">Underlying diagnoses</th><th scope="col">Lesion sites</th><th scope="col">Treatment and regimen</th><th scope="col">Response (C/P/N/U)</th><th scope="col">Follow-up, months</th><th scope="col">Risk of bias</th></tr>
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

    static func row(_ facts: StudyFacts, _ summary: GroupSummary, into html: inout HTMLBytes) {
        let study = facts.study
        html.raw("<tr id=\"")
        html.text(study.id)
        html.raw("\"><th scope=\"row\" data-sort=\"")
        html.int(study.ref)
        html.raw("\">Ref. ")
        html.int(study.ref)
        if let author = study.firstAuthor {
            html.raw(" · ")
            html.text(author)
            html.raw(" et al.")
        }
        if let year = study.year {
            html.raw(" ")
            html.int(year)
        }
        html.raw("<span class=\"key\">")
        html.text(study.id)
        html.raw("</span></th><td>")
        html.raw(summary.labels.html(study.design))
        if study.publication == .conferenceAbstract { html.raw(", conference abstract") }
        if study.controlGroup == .yes { html.raw(", control lesion") }
        html.raw("</td><td class=\"num\">")
        html.int(summary.count)
        html.raw("</td>")
        medianCell(summary.age, into: &html)
        html.raw("<td class=\"num\">")
        html.int(summary.sexCounts.female)
        html.raw("/")
        html.int(summary.sexCounts.male)
        html.raw("/")
        html.int(summary.sexCounts.notReported)
        /// `label count, …`; the counts only when the study has more than one patient.
        func counted(_ entries: [(label: String, count: Int)], none: StaticString) {
            html.raw("</td><td>")
            if entries.isEmpty { html.raw(none) }
            for (index, entry) in entries.enumerated() {
                if index > 0 { html.raw(", ") }
                html.raw(entry.label)
                if summary.count > 1 {
                    html.raw(" ")
                    html.int(entry.count)
                }
            }
        }
        counted(summary.diagnoses.map { ($0.diagnosis.map(summary.labels.html) ?? "not reported", $0.count) }, none: "")
        counted(summary.sites.map { (summary.labels.html($0.site), $0.count) }, none: "not reported")
        html.raw("</td><td>")
        for (index, regimen) in summary.regimens.enumerated() {
            if index > 0 { html.raw("<br>") }
            html.raw(Cells.regimen(regimen, summary.labels))
        }
        html.raw("</td><td class=\"num\" data-sort=\"")
        if let percent = summary.responded.percent { html.int(percent) }
        html.raw("\">")
        for (index, response) in [Response.complete, .partial, .none, .unknown].enumerated() {
            if index > 0 { html.raw("/") }
            html.int(summary.responses[response] ?? 0)
        }
        html.raw("</td>")
        medianCell(summary.followUp, into: &html)
        html.raw("<td data-sort=\"")
        html.int(RiskLevel.allCases.firstIndex(of: facts.riskOfBias)!)
        html.raw("\">")
        html.raw(facts.riskOfBias.rawValue)
        html.raw(" <span class=\"detail\">(")
        html.int(facts.yesShare.yes)
        html.raw("/")
        html.int(facts.yesShare.applicable)
        html.raw(" yes)</span></td></tr>\n")
    }

    /// A median and range, sortable by the median.
    private static func medianCell(_ spread: Spread, into html: inout HTMLBytes) {
        html.raw("<td class=\"num\" data-sort=\"")
        if let median = spread.median { html.raw(formatNumber(median)) }
        html.raw("\">")
        html.raw(Cells.medianRange(spread))
        html.raw("</td>")
    }
}
