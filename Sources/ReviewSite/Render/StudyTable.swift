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

    /// One page of the table; each page summarises only its own studies.
    func page(_ number: Int) -> Page {
        let rows = order[(number * Paging.size)..<min(order.count, (number + 1) * Paging.size)].map { position -> (study: StudyFacts, summary: GroupSummary) in
            let study = facts.studies[position]
            return (study, GroupSummary(facts, Array(facts.members[study.patients])))
        }
        return Self.page(rows[...], total: order.count, page: number, of: pageCount)
    }

    /// The whole table on one page (for comparisons).
    static func page(_ facts: ReviewFacts) -> Page {
        let table = StudyTable(RowLinks(facts))
        let rows = table.order.map { (study: facts.studies[$0], summary: GroupSummary(facts, Array(facts.members[facts.studies[$0].patients]))) }
        return page(rows[...], total: rows.count, page: 0, of: 1)
    }

    static func page(_ summaries: ArraySlice<(study: StudyFacts, summary: GroupSummary)>, total: Int, page: Int, of pages: Int) -> Page {
        var html = """
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
        for (study, summary) in summaries {
            html += row(study, summary)
        }
        return Page(file: Paging.file("table-1", page: page), title: "Table 1", body: html + "</tbody>\n</table>\n</div>", sortable: true)
    }

    static func row(_ facts: StudyFacts, _ summary: GroupSummary) -> String {
        let study = facts.study
        var name = "Ref. \(study.ref)"
        if let author = study.firstAuthor { name += " · \(Escape.html(author)) et al." }
        if let year = study.year { name += " \(year)" }
        var design = study.design.label
        if study.publication == .conferenceAbstract { design += ", conference abstract" }
        if study.controlGroup == .yes { design += ", control lesion" }
        let sex = summary.sexCounts
        let diagnoses = summary.diagnoses.map { "\($0.diagnosis?.label ?? "not reported")\(summary.count > 1 ? " \($0.count)" : "")" }
        let sites = summary.sites.map { "\($0.site.label)\(summary.count > 1 ? " \($0.count)" : "")" }
        let responses = [Response.complete, .partial, .none, .unknown].map { String(summary.responses[$0] ?? 0) }.joined(separator: "/")
        let share = facts.yesShare
        let rob = "\(facts.riskOfBias.rawValue) <span class=\"detail\">(\(share.yes)/\(share.applicable) yes)</span>"
        return """
        <tr id="\(Escape.html(study.id))"><th scope="row" data-sort="\(study.ref)">\(name)<span class="key">\(Escape.html(study.id))</span></th>\
        <td>\(Escape.html(design))</td>\
        <td class="num">\(summary.count)</td>\
        <td class="num" data-sort="\(summary.age.median.map(formatNumber) ?? "")">\(Cells.medianRange(summary.age))</td>\
        <td class="num">\(sex.female)/\(sex.male)/\(sex.notReported)</td>\
        <td>\(Escape.html(diagnoses.joined(separator: ", ")))</td>\
        <td>\(Escape.html(sites.isEmpty ? "not reported" : sites.joined(separator: ", ")))</td>\
        <td>\(summary.regimens.map(Cells.regimen).joined(separator: "<br>"))</td>\
        <td class="num" data-sort="\(summary.responded.percent.map(String.init) ?? "")">\(responses)</td>\
        <td class="num" data-sort="\(summary.followUp.median.map(formatNumber) ?? "")">\(Cells.medianRange(summary.followUp))</td>\
        <td data-sort="\(RiskLevel.allCases.firstIndex(of: facts.riskOfBias)!)">\(rob)</td></tr>

        """
    }
}
