// The appraisal page's explanation, legend and rows.

extension AppraisalTable {
    /// site.yaml's intro, else one made from the codebook; then how the
    /// overall risk follows from the answers, by each checklist's rule.
    var intro: String {
        let appraisal = codebook.appraisal
        var html = ""
        if let intro = page.intro {
            html = Markdown.html(intro)
        } else {
            var sentences: [String] = []
            if checklist != nil {
                let lists = appraisal.checklists.map { "\(Escape.html($0.label)) (\($0.questions) questions)" }
                sentences.append("Each study was appraised with a checklist: \(ListText.join(lists)).")
            }
            if !levels.isEmpty {
                sentences.append("Each study was given a level of evidence, the strongest first: \(ListText.join(appraisal.levels.map { Escape.html($0.label) })).")
            }
            html = "<p>\(sentences.joined(separator: " "))</p>\n"
        }
        guard checklist != nil else { return html }
        return html + ruleText
    }

    /// The answers' marks and words in their colours: one list when the
    /// checklists share their answers, else one per checklist, named.
    var legend: String {
        guard checklist != nil else { return "" }
        var groups: [(labels: [String], entries: String)] = []
        for list in codebook.appraisal.checklists {
            let entries = zip(list.answers, AppraisalColours.answers(list)).map { answer, fill in
                "<li><span class=\"rob rob-\(Escape.html(answer.code))\" style=\"\(AppraisalColours.style(fill))\">\(Escape.html(answer.short ?? answer.label))</span> \(Escape.html(answer.label))</li>\n"
            }.joined()
            if let at = groups.firstIndex(where: { $0.entries == entries }) { groups[at].labels.append(Escape.html(list.label)) } else { groups.append(([Escape.html(list.label)], entries)) }
        }
        if groups.count == 1 { return "<ul class=\"legend\">\n\(groups[0].entries)</ul>\n" }
        return groups.map { "<ul class=\"legend\">\n<li><strong>\(ListText.join($0.labels)):</strong></li>\n\($0.entries)</ul>\n" }.joined()
    }

    /// A checklist's cells, made once per page: each answer code's (by
    /// index into `answerCodes`) and each judgement's, in its colours.
    struct ChecklistCells {
        let list: Codebook.Checklist
        let answers: [String]
        let judgements: [String]
    }

    var checklistCells: [String: ChecklistCells] {
        var cells: [String: ChecklistCells] = [:]
        for list in codebook.appraisal.checklists {
            let fills = AppraisalColours.answers(list)
            let answers = answerCodes.map { code in
                guard let at = list.answers.firstIndex(where: { $0.code == code }) else {
                    return "<td class=\"rob rob-\(Escape.html(code))\"><abbr title=\"\(Escape.html(code))\">\(Escape.html(code))</abbr></td>"
                }
                let answer = list.answers[at]
                return "<td class=\"rob rob-\(Escape.html(code))\" style=\"\(AppraisalColours.style(fills[at]))\"><abbr title=\"\(Escape.html(answer.label))\">\(Escape.html(answer.short ?? answer.label))</abbr></td>"
            }
            let judgements = zip(list.judgements.indices, AppraisalColours.judgements(list.judgements)).map { rank, fill in
                let judgement = list.judgements[rank]
                return "<td class=\"overall overall-\(Escape.html(judgement.code))\" style=\"\(AppraisalColours.style(fill))\" data-sort=\"\(rank)\">\(Escape.html(judgement.short ?? judgement.label))</td>"
            }
            cells[list.code] = ChecklistCells(list: list, answers: answers, judgements: judgements)
        }
        return cells
    }

    func write(_ row: Int, rank: Int, _ cells: [String: ChecklistCells], into html: inout HTMLBytes) {
        let table = studies.table
        html.raw("<tr><th scope=\"row\" data-sort=\"")
        html.int(rank)
        html.raw("\">")
        links.study(table.text(id, row) ?? "", into: &html)
        html.raw("</th>")
        if let checklist, let first = codebook.appraisal.checklists.first {
            // A study without a declared checklist is read with the first one's answers and rule.
            let own = table.code(checklist, row).flatMap { cells[$0] } ?? cells[first.code]!
            html.raw("<td>")
            if !studies.write(checklist, row, unit: false, into: &html) { html.raw("–") }
            html.raw("</td>")
            var codes: [String] = []
            let base = row * (questions + 1)
            for question in 1...questions {
                let answer = given[base + question]
                guard answer >= 0 else {
                    html.raw("<td class=\"rob rob-none\"><span class=\"visually-hidden\">not in this checklist</span></td>")
                    continue
                }
                html.raw(own.answers[Int(answer)])
                codes.append(answerCodes[Int(answer)])
            }
            let verdict = own.list.verdict(codes)
            writeTally(verdict, own.list, into: &html)
            html.raw(own.judgements[verdict.judgement])
        }
        for level in levels {
            html.raw("<td data-sort=\"")
            html.int(table.codeIndexes(level)[row] >= 0 ? Int(table.codeIndexes(level)[row]) : -1)
            html.raw("\">")
            // A level's code is a name of its own (`2b`): the label follows it.
            if let code = table.code(level, row) {
                html.text(code)
                if let label = studies.label(level, row), label != Escape.html(code) {
                    html.raw(": ")
                    html.raw(label)
                }
            } else {
                html.raw("–")
            }
            html.raw("</td>")
        }
        html.raw("</tr>\n")
    }
}
