// How each checklist's overall judgement follows from its answers, in the
// checklist's own words, and the column that shows what the rule counted.

extension AppraisalTable {
    /// `<p>Overall risk is the share of <em>yes</em> among the applicable
    /// answers: low above 75%, high below 50%, moderate otherwise.</p>`, one
    /// sentence for checklists with the same rule, one each otherwise.
    var ruleText: String {
        var groups: [(labels: [String], rule: String)] = []
        for list in codebook.appraisal.checklists {
            let rule = Self.rule(list)
            if let at = groups.firstIndex(where: { $0.rule == rule }) { groups[at].labels.append(Escape.html(list.label)) } else { groups.append(([Escape.html(list.label)], rule)) }
        }
        if groups.count == 1 { return "<p>Overall risk is \(groups[0].rule).</p>\n" }
        return "<p>The overall judgement, by checklist:</p>\n<ul class=\"rules\">\n"
            + groups.map { "<li>\(ListText.join($0.labels)): \($0.rule).</li>\n" }.joined() + "</ul>\n"
    }

    /// One rule in words, as HTML.
    static func rule(_ list: Codebook.Checklist) -> String {
        let words = list.judgements.map { Escape.html($0.short ?? $0.label) }
        guard let best = words.first, let worst = words.last else { return "" }
        let middle = words.count == 3 ? words[1] : worst
        switch list.overall {
        case .share(let lowAbove, let highBelow):
            return "the share of <em>\(Escape.html(metWords(list)))</em> among the applicable answers: \(best) above \(formatNumber(lowAbove))%, "
                + "\(worst) below \(formatNumber(highBelow))%, \(middle) otherwise"
        case .score(let points, let lowFrom, let highBelow):
            let scored = list.answers.filter { (points[$0.code] ?? 0) > 0 }
            let total = scored.allSatisfy { points[$0.code] == 1 }
                ? "the number of <em>\(scored.map { Escape.html($0.label) }.joined(separator: "</em> or <em>"))</em> answers"
                : "the total of points (" + scored.map { "<em>\(Escape.html($0.label))</em> \(formatNumber(points[$0.code] ?? 0))" }.joined(separator: ", ") + ")"
            return "\(total): \(best) from \(formatNumber(lowFrom)), \(worst) below \(formatNumber(highBelow)), \(middle) otherwise"
        case .worst(let map):
            let judged = list.judgements.map { judgement in list.answers.filter { map[$0.code] == judgement.code }.map { "<em>\(Escape.html($0.label))</em>" } }
            if words.count == 3 {
                return "the worst of its answers: \(worst) when any answer is \(judged[2].joined(separator: " or ")), "
                    + "\(best) when all are \(judged[0].joined(separator: " or ")), \(middle) otherwise"
            }
            return "the worst of its answers' judgements (" + zip(words, judged).filter { !$1.isEmpty }
                .map { "\($1.joined(separator: " or ")): \($0)" }.joined(separator: "; ") + ")"
        }
    }

    /// The labels of the answers that meet a criterion: `yes`.
    static func metWords(_ list: Codebook.Checklist) -> String {
        list.answers.filter(\.met).map(\.label).joined(separator: " or ")
    }

    /// The heading of the column between the answers and the judgement:
    /// the met answers (`Yes`) for a share rule, `Score`, `Worst answers`.
    var tallyHeading: String {
        var headings: [String] = []
        for list in codebook.appraisal.checklists {
            let heading: String
            switch list.overall {
            case .share: heading = Self.capitalized(Self.metWords(list))
            case .score: heading = "Score"
            case .worst: heading = "Worst answers"
            }
            if !headings.contains(heading) { headings.append(heading) }
        }
        return Escape.html(headings.joined(separator: " / "))
    }

    /// What the rule counted: `6/8 (75%)`, a score, or `1 of 5 high`.
    func writeTally(_ verdict: Codebook.Checklist.Verdict, _ list: Codebook.Checklist, into html: inout HTMLBytes) {
        switch list.overall {
        case .share:
            let percent = Statistics.percent(verdict.met, verdict.applicable)
            html.raw("<td class=\"num\" data-sort=\"")
            html.int(percent ?? -1)
            html.raw("\">")
            html.int(verdict.met)
            html.raw("/")
            html.int(verdict.applicable)
            html.raw(" (")
            if let percent {
                html.int(percent)
                html.raw("%")
            } else {
                html.raw("n/a")
            }
            html.raw(")</td>")
        case .score:
            let score = formatNumber(verdict.score)
            html.raw("<td class=\"num\" data-sort=\"\(score)\">\(score)</td>")
        case .worst:
            html.raw("<td class=\"num\" data-sort=\"")
            html.int(verdict.atJudgement)
            html.raw("\">")
            html.int(verdict.atJudgement)
            html.raw(" of ")
            html.int(verdict.judged)
            if verdict.judged > 0 {
                let judgement = list.judgements[verdict.judgement]
                html.raw(" ")
                html.text(judgement.short ?? judgement.label)
            }
            html.raw("</td>")
        }
    }
}
