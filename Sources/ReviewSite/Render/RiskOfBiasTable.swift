/// Risk of bias per study and checklist question, as a traffic-light table.
enum RiskOfBiasTable {
    static func pages(_ facts: ReviewFacts, _ links: RowLinks, _ emit: (Page) throws -> Void) rethrows {
        let questions = facts.studies.map(\.study.robTool.questions).max() ?? 0
        var answers: [String: [Int: Answer]] = [:]
        for answer in facts.dataset.riskOfBias { answers[answer.studyID, default: [:]][answer.question] = answer.answer }
        let studies = RowLinks.tableOrder(facts)
        let pages = Paging.count(studies.count)
        for page in 0..<pages {
            let rows = studies[(page * Paging.size)..<min(studies.count, (page + 1) * Paging.size)]
            try emit(self.page(rows, total: studies.count, questions: questions, answers: answers, links: links, page: page, of: pages))
        }
    }

    static func page(_ studies: ArraySlice<StudyFacts>, total: Int, questions: Int, answers: [String: [Int: Answer]],
                     links: RowLinks, page: Int, of pages: Int) -> Page {
        let header = (1...max(questions, 1)).map { "<th scope=\"col\">Q\($0)</th>" }.joined()
        var html = """
        <h1>Risk of bias</h1>
        <p>Each study was appraised with the Joanna Briggs Institute checklist for its design (case reports 8 questions, case series 10, randomised trials 13). Overall risk is the share of <em>yes</em> among the applicable answers: low above 75%, high below 50%, moderate otherwise.</p>
        <ul class="legend">
        \(Answer.allCases.map { "<li><span class=\"rob rob-\($0.rawValue)\">\($0.mark.short)</span> \($0.mark.word)</li>" }.joined(separator: "\n"))
        </ul>
        \(Paging.navigation("risk-of-bias", pages: pages, current: page))<div class="table-scroll">
        <table class="sortable rob-table">
        <caption>Answers to the appraisal checklists and overall risk of bias of the \(total) studies\(pages > 1 ? ", page \(page + 1) of \(pages)" : "")</caption>
        <thead>
        <tr><th scope="col">Study</th><th scope="col">Checklist</th>\(header)<th scope="col">Yes</th><th scope="col">Overall</th></tr>
        </thead>
        <tbody>

        """
        for study in studies {
            let given = answers[study.id] ?? [:]
            var cells = ""
            for question in 1...max(questions, 1) {
                if let answer = given[question] {
                    cells += "<td class=\"rob rob-\(answer.rawValue)\"><abbr title=\"\(answer.mark.word)\">\(answer.mark.short)</abbr></td>"
                } else {
                    cells += "<td class=\"rob rob-none\"><span class=\"visually-hidden\">not in this checklist</span></td>"
                }
            }
            let share = study.yesShare
            let percent = Statistics.percent(share.yes, share.applicable).map { "\($0)%" } ?? "n/a"
            html += """
            <tr><th scope="row" data-sort="\(study.study.ref)"><a href="\(Paging.file("table-1", page: links.studyPage(study.id)))#\(Escape.fragment(study.id))">Ref. \(study.study.ref)</a></th>\
            <td>\(study.study.robTool.label)</td>\(cells)\
            <td class="num" data-sort="\(Statistics.percent(share.yes, share.applicable) ?? -1)">\(share.yes)/\(share.applicable) (\(percent))</td>\
            <td class="overall overall-\(study.riskOfBias.rawValue)" data-sort="\(RiskLevel.allCases.firstIndex(of: study.riskOfBias)!)">\(study.riskOfBias.rawValue)</td></tr>

            """
        }
        return Page(file: Paging.file("risk-of-bias", page: page), title: "Risk of bias", body: html + "</tbody>\n</table>\n</div>", sortable: true)
    }
}
