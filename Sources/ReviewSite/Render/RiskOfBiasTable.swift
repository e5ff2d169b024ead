/// Risk of bias per study and checklist question, as a traffic-light table.
struct RiskOfBiasTable: Sendable {
    let links: RowLinks
    /// The most questions of any study's checklist: the table's columns.
    let questions: Int

    init(_ links: RowLinks) {
        self.links = links
        questions = links.facts.studies.map(\.study.robTool.questions).max() ?? 0
    }

    var pageCount: Int { Paging.count(links.studyOrder.count) }

    func page(_ number: Int) -> Page {
        let facts = links.facts
        let order = links.studyOrder
        let pages = pageCount, page = number
        let studies = order[(number * Paging.size)..<min(order.count, (number + 1) * Paging.size)]
        let total = order.count
        let header = (1...max(questions, 1)).map { "<th scope=\"col\">Q\($0)</th>" }.joined()
        let html = """
        <h1>Risk of bias</h1>
        <p>Each study was appraised with the Joanna Briggs Institute checklist for its design (case reports 8 questions, case series 10, randomised trials 13). Overall risk is the share of <em>yes</em> among the applicable answers: low above 75%, high below 50%, moderate otherwise.</p>
        <ul class="legend">
        \(Answer.allCases.map { "<li><span class=\"rob rob-\($0.rawValue)\">\(facts.labels.mark($0).short)</span> \(facts.labels.mark($0).word)</li>" }.joined(separator: "\n"))
        </ul>
        \(Paging.navigation("risk-of-bias", pages: pages, current: page))<div class="table-scroll">
        <table class="sortable rob-table">
        <caption>Answers to the appraisal checklists and overall risk of bias of the \(total) studies\(pages > 1 ? ", page \(page + 1) of \(pages)" : "")</caption>
        <thead>
        <tr><th scope="col">Study</th><th scope="col">Checklist</th>\(header)<th scope="col">Yes</th><th scope="col">Overall</th></tr>
        </thead>
        <tbody>

        """
        // The few distinct answer cells, made once for the whole page.
        let answerCells = Answer.allCases.map { "<td class=\"rob rob-\($0.rawValue)\"><abbr title=\"\(facts.labels.mark($0).word)\">\(facts.labels.mark($0).short)</abbr></td>" }
        let noAnswer = "<td class=\"rob rob-none\"><span class=\"visually-hidden\">not in this checklist</span></td>"
        let columns = max(questions, 1)
        var rows = HTMLBytes(capacity: studies.count * 1200)
        var given = [Answer?](repeating: nil, count: columns + 1)
        for position in studies {
            let study = facts.studies[position]
            for question in given.indices { given[question] = nil }
            for answer in facts.answers[study.answers] where answer.question < given.count { given[answer.question] = answer.answer }
            let share = study.yesShare
            let percent = Statistics.percent(share.yes, share.applicable)
            rows.raw("<tr><th scope=\"row\" data-sort=\"")
            rows.int(study.study.ref)
            rows.raw("\"><a href=\"")
            rows.raw(Paging.file("table-1", page: links.studyPage(position)))
            rows.raw("#")
            rows.raw(Escape.fragment(study.id))
            rows.raw("\">Ref. ")
            rows.int(study.study.ref)
            rows.raw("</a></th><td>")
            rows.raw(facts.labels.html(study.study.robTool))
            rows.raw("</td>")
            for question in 1...columns {
                rows.raw(given[question].map { answerCells[$0.caseIndex] } ?? noAnswer)
            }
            rows.raw("<td class=\"num\" data-sort=\"")
            rows.int(percent ?? -1)
            rows.raw("\">")
            rows.int(share.yes)
            rows.raw("/")
            rows.int(share.applicable)
            rows.raw(" (")
            if let percent {
                rows.int(percent)
                rows.raw("%")
            } else {
                rows.raw("n/a")
            }
            rows.raw(")</td><td class=\"overall overall-")
            rows.raw(study.riskOfBias.rawValue)
            rows.raw("\" data-sort=\"")
            rows.int(RiskLevel.allCases.firstIndex(of: study.riskOfBias)!)
            rows.raw("\">")
            rows.raw(study.riskOfBias.rawValue)
            rows.raw("</td></tr>\n")
        }
        return Page(file: Paging.file("risk-of-bias", page: page), title: "Risk of bias", body: html, sortable: true, rows: rows.bytes,
                    end: "</tbody>\n</table>\n</div>")
    }
}
