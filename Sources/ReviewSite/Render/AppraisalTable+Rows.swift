// The appraisal page's explanation, legend and rows.

extension AppraisalTable {
    /// site.yaml's intro, else one made from the codebook; then how the
    /// overall risk follows from the answers, with the codebook's thresholds.
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
        let rules = Dictionary(grouping: appraisal.checklists) { "low above \(formatNumber($0.overall.lowAbove))%, high below \(formatNumber($0.overall.highBelow))%, moderate otherwise" }
        let rule = rules.count == 1 ? rules.keys.first! + "."
            : appraisal.checklists.map { "\(Escape.html($0.label)): low above \(formatNumber($0.overall.lowAbove))%, high below \(formatNumber($0.overall.highBelow))%" }.joined(separator: "; ") + "; moderate otherwise."
        return html + "<p>Overall risk is the share of <em>\(Escape.html(metWords))</em> among the applicable answers: \(rule)</p>\n"
    }

    /// The answers' marks and words.
    var legend: String {
        guard checklist != nil else { return "" }
        return "<ul class=\"legend\">\n" + answers.map { answer in
            "<li><span class=\"rob rob-\(Escape.html(answer.code))\">\(Escape.html(answer.short ?? answer.label))</span> \(Escape.html(answer.label))</li>\n"
        }.joined() + "</ul>\n"
    }

    /// The cell of each answer code (by index into `answerCodes`), made once per page.
    var answerCells: [String] {
        answerCodes.map { code in
            let answer = answers.first { $0.code == code }
            let label = Escape.html(answer?.label ?? code)
            return "<td class=\"rob rob-\(Escape.html(code))\"><abbr title=\"\(label)\">\(Escape.html(answer?.short ?? answer?.label ?? code))</abbr></td>"
        }
    }

    func write(_ row: Int, rank: Int, _ cells: [String], into html: inout HTMLBytes) {
        let table = studies.table
        html.raw("<tr><th scope=\"row\" data-sort=\"")
        html.int(rank)
        html.raw("\">")
        links.study(table.text(id, row) ?? "", into: &html)
        html.raw("</th>")
        if let checklist {
            let declared = table.code(checklist, row).flatMap(codebook.appraisal.checklist)
            html.raw("<td>")
            if !studies.write(checklist, row, unit: false, into: &html) { html.raw("–") }
            html.raw("</td>")
            var met = 0, applicable = 0
            let base = row * (questions + 1)
            for question in 1...questions {
                let answer = given[base + question]
                guard answer >= 0 else {
                    html.raw("<td class=\"rob rob-none\"><span class=\"visually-hidden\">not in this checklist</span></td>")
                    continue
                }
                html.raw(cells[Int(answer)])
                let code = (declared?.answers ?? answers).first { $0.code == answerCodes[Int(answer)] }
                if code?.applicable ?? true { applicable += 1 }
                if code?.met ?? false { met += 1 }
            }
            let percent = Statistics.percent(met, applicable)
            html.raw("<td class=\"num\" data-sort=\"")
            html.int(percent ?? -1)
            html.raw("\">")
            html.int(met)
            html.raw("/")
            html.int(applicable)
            html.raw(" (")
            if let percent {
                html.int(percent)
                html.raw("%")
            } else {
                html.raw("n/a")
            }
            let risk = Self.risk(met, applicable, declared?.overall ?? codebook.appraisal.checklists[0].overall)
            html.raw(")</td><td class=\"overall overall-")
            html.raw(risk.word)
            html.raw("\" data-sort=\"")
            html.int(risk.rank)
            html.raw("\">")
            html.raw(risk.word)
            html.raw("</td>")
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

    /// Low above the rule's upper threshold, high below its lower one (or
    /// without applicable answers), moderate otherwise.
    static func risk(_ met: Int, _ applicable: Int, _ rule: Codebook.OverallRule) -> (word: String, rank: Int) {
        guard applicable > 0 else { return ("high", 2) }
        let share = 100 * Double(met) / Double(applicable)
        if share < rule.highBelow { return ("high", 2) }
        if share > rule.lowAbove { return ("low", 0) }
        return ("moderate", 1)
    }
}
