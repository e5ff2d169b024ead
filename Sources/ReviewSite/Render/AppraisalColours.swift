/// The fills of a checklist's answers and judgements, shared by the
/// appraisal table and chart so that one answer has one colour: the
/// codebook's `colour` when given, else a default by the answer's role.
/// The defaults are Okabe–Ito hues far apart in lightness, for greyscale
/// and colour-blind readers; text on a fill is near-black or white,
/// whichever contrasts more (pure black when neither reaches 4.5:1).
enum AppraisalColours {
    /// The best judgement, and a met answer.
    static let best = "#0b5d3b"
    /// The worst judgement.
    static let worst = "#d55e00"
    /// An answer that does not count (not applicable): white, hatched in the chart.
    static let notApplicable = "#ffffff"
    /// Answers neither met nor not applicable, in the codebook's order.
    static let otherAnswers = ["#d55e00", "#f0e442", "#56b4e9", "#999999"]
    /// Judgements between the best and the worst.
    static let middleJudgements = ["#f0e442", "#56b4e9", "#999999"]
    /// When the palette runs out.
    static let spare = "#cccccc"

    /// The judgements' fills, the best first.
    static func judgements(_ judgements: [Codebook.Code]) -> [String] {
        var middle = middleJudgements.makeIterator()
        return judgements.indices.map { index in
            if let colour = judgements[index].colour { return colour }
            if index == 0 { return best }
            if index == judgements.count - 1 { return worst }
            return middle.next() ?? spare
        }
    }

    /// The answers' fills: under a worst rule an answer takes its
    /// judgement's; otherwise met, not applicable and the others in turn.
    static func answers(_ checklist: Codebook.Checklist) -> [String] {
        var others = otherAnswers.makeIterator()
        let judged = judgements(checklist.judgements)
        return checklist.answers.map { answer in
            if let colour = answer.colour { return colour }
            if case .worst(let map) = checklist.overall, let judgement = map[answer.code],
               let rank = checklist.judgements.firstIndex(where: { $0.code == judgement }) { return judged[rank] }
            if !answer.applicable { return notApplicable }
            if answer.met { return best }
            return others.next() ?? spare
        }
    }

    /// The answers as the chart's categories: not applicable ones hatched.
    static func answerCategories(_ checklist: Codebook.Checklist) -> [StackedBarChart.Category] {
        zip(checklist.answers, answers(checklist)).map { answer, fill in
            StackedBarChart.Category(label: answer.label, fill: fill, hatched: !answer.applicable)
        }
    }

    static func judgementCategories(_ judgements: [Codebook.Code]) -> [StackedBarChart.Category] {
        zip(judgements, self.judgements(judgements)).map { StackedBarChart.Category(label: $0.label, fill: $1) }
    }

    /// A cell's inline style: its fill, its text colour, and an outline when
    /// the fill is nearly the page's white. `fill` is a checked `#rrggbb`.
    static func style(_ fill: String) -> String {
        var style = "background:\(fill);color:\(StackedBarChart.textFill(fill))"
        if StackedBarChart.contrast(fill, "#ffffff") < 1.2 { style += ";box-shadow:inset 0 0 0 1px #555555" }
        return style
    }
}
