/// The appraisal summary of any review, from its codebook and validated
/// tables (never from the default review's codes): per checklist, a bar per
/// question split into the answers' shares, then the overall judgements;
/// or, for a level-of-evidence scale, the studies at each level.
enum AppraisalChart {
    /// The fills of the answers: the met answer darkest, an answer that does
    /// not count (not applicable) white and hatched, the others between.
    /// Okabe–Ito hues, far apart in lightness, for greyscale and colour-blind readers.
    static let met = "#0b5d3b", notApplicable = "#ffffff"
    static let otherAnswers = ["#d55e00", "#f0e442", "#56b4e9", "#999999"]
    /// Low, moderate and high overall risk of bias.
    static let risks: [StackedBarChart.Category] = [
        .init(label: "low risk", fill: "#0b5d3b"), .init(label: "moderate risk", fill: "#f0e442"),
        .init(label: "high risk", fill: "#d55e00"),
    ]

    static func panels(codebook: Codebook, tables: [DataTable]) -> [StackedBarChart.Panel] {
        guard let studies = tables.first(where: { $0.name == "studies" }) else { return [] }
        var panels: [StackedBarChart.Panel] = []
        if let checklist = studies.columns.firstIndex(where: { $0.type == .checklist }),
           let answers = tables.first(where: { $0.name == "risk_of_bias" }), !codebook.appraisal.checklists.isEmpty {
            panels += checklistPanels(codebook.appraisal, studies: studies, checklist: checklist, answers: answers)
        }
        if let level = studies.columns.firstIndex(where: { $0.type == .level }), !codebook.appraisal.levels.isEmpty {
            panels.append(levelPanel(codebook.appraisal.levels, studies: studies, column: level))
        }
        return panels
    }

    /// The answers of each checklist, question by question, then one panel
    /// of overall judgements with a bar per checklist.
    private static func checklistPanels(_ appraisal: Codebook.Appraisal, studies: DataTable, checklist: Int,
                                        answers: DataTable) -> [StackedBarChart.Panel] {
        let key = studies.columns.firstIndex { $0.type == .id }
        guard let key, case .text(let ids) = studies.values[key] else { return [] }
        var studyOfID: [String: Int] = [:]
        for (row, id) in ids.enumerated() { if let id { studyOfID[id] = row } }
        guard let owner = answers.columns.firstIndex(where: { $0.type == .reference }),
              let question = answers.index(of: "question"),
              let answer = answers.columns.firstIndex(where: { $0.type == .answer }),
              case .text(let owners) = answers.values[owner], case .integers(let questions) = answers.values[question] else { return [] }
        // Each study's answers by question, as codes.
        var given = [[Int: String]](repeating: [:], count: studies.count)
        for row in 0..<answers.count {
            guard let id = owners[row], let study = studyOfID[id], let number = questions[row], let code = answers.code(answer, row) else { continue }
            given[study][number] = code
        }
        var panels: [StackedBarChart.Panel] = []
        var overall: [StackedBarChart.Bar] = []
        for list in appraisal.checklists {
            let members = (0..<studies.count).filter { studies.code(checklist, $0) == list.code }
            guard !members.isEmpty else { continue }
            let categories = answerCategories(list.answers)
            let codes = list.answers.map(\.code)
            var bars: [StackedBarChart.Bar] = []
            for number in 1...max(list.questions, 1) {
                var counts = [Int](repeating: 0, count: codes.count)
                for study in members { if let code = given[study][number], let at = codes.firstIndex(of: code) { counts[at] += 1 } }
                // A short label on the bar; the wording, when the codebook gives it, in the key.
                let wording = number <= list.questionTexts.count ? list.questionTexts[number - 1] : nil
                bars.append(StackedBarChart.Bar(label: "Q\(number)", counts: counts, detail: wording))
            }
            panels.append(StackedBarChart.Panel(heading: "\(list.label) (\(studyCount(members.count)))", categories: categories, bars: bars))
            var risk = [0, 0, 0]
            for study in members { risk[level(given[study], list)] += 1 }
            overall.append(StackedBarChart.Bar(label: list.label, counts: risk))
        }
        if overall.count > 1 {
            overall.append(StackedBarChart.Bar(label: "All studies", counts: (0..<3).map { at in overall.reduce(0) { $0 + $1.counts[at] } }))
        }
        if !overall.isEmpty {
            panels.append(StackedBarChart.Panel(heading: "Overall risk of bias", categories: risks, bars: overall))
        }
        return panels
    }

    /// 0 low, 1 moderate, 2 high: the share of met answers among the
    /// applicable ones against the checklist's thresholds; none applicable is high.
    static func level(_ answers: [Int: String], _ checklist: Codebook.Checklist) -> Int {
        var met = 0, applicable = 0
        for code in answers.values {
            guard let answer = checklist.answers.first(where: { $0.code == code }), answer.applicable else { continue }
            applicable += 1
            if answer.met { met += 1 }
        }
        guard applicable > 0 else { return 2 }
        let share = 100 * Double(met), rule = checklist.overall
        if share > rule.lowAbove * Double(applicable) { return 0 }
        return share < rule.highBelow * Double(applicable) ? 2 : 1
    }

    static func answerCategories(_ answers: [Codebook.Code]) -> [StackedBarChart.Category] {
        var others = otherAnswers.makeIterator()
        return answers.map { answer in
            if answer.met { return .init(label: answer.label, fill: met) }
            if !answer.applicable { return .init(label: answer.label, fill: notApplicable, hatched: true) }
            return .init(label: answer.label, fill: others.next() ?? "#cccccc")
        }
    }

    /// One bar per level, strongest first: the studies at that level among all.
    private static func levelPanel(_ levels: [Codebook.Code], studies: DataTable, column: Int) -> StackedBarChart.Panel {
        var counts = [Int](repeating: 0, count: levels.count)
        var unreported = 0
        for row in 0..<studies.count {
            if let code = studies.code(column, row), let at = levels.firstIndex(where: { $0.code == code }) { counts[at] += 1 } else { unreported += 1 }
        }
        let total = studies.count
        var bars = zip(levels, counts).map { level, count in
            // The short label when the codebook gives one: a chart's row has room for a few words.
            let words = level.short ?? level.label
            return StackedBarChart.Bar(label: words == level.code ? level.code : "\(level.code) \(words)", counts: [count, total - count])
        }
        if unreported > 0 { bars.append(StackedBarChart.Bar(label: "not reported", counts: [unreported, total - unreported])) }
        let categories: [StackedBarChart.Category] = [.init(label: "studies at this level", fill: "#1f4e79"),
                                                      .init(label: "other studies", fill: "#e8e8e8")]
        let name = studies.columns[column].label
        return StackedBarChart.Panel(heading: "\(name) (\(studyCount(total)))", categories: categories, bars: bars)
    }

    private static func studyCount(_ n: Int) -> String { n == 1 ? "1 study" : "\(n) studies" }
}
