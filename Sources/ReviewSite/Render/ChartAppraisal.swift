/// The appraisal summary of any review, from its codebook and validated
/// tables (never from the default review's codes): per checklist, a bar per
/// question split into the answers' shares, then the overall judgements;
/// or, for a level-of-evidence scale, the studies at each level.
enum AppraisalChart {
    static func panels(codebook: Codebook, tables: [DataTable]) -> [StackedBarChart.Panel] {
        guard let studies = tables.table(for: .study) else { return [] }
        var panels: [StackedBarChart.Panel] = []
        if let checklist = studies.columns.firstIndex(where: { $0.type == .checklist }),
           let answers = tables.table(for: .appraisal), !codebook.appraisal.checklists.isEmpty {
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
        guard let owner = answers.ownerColumn.flatMap(answers.index),
              let question = answers.numberColumn.flatMap(answers.index),
              let answer = answers.columns.firstIndex(where: { $0.type == .answer }),
              case .text(let owners) = answers.values[owner], case .integers(let questions) = answers.values[question] else { return [] }
        // Each study's answers by question, as codes.
        var given = [[Int: String]](repeating: [:], count: studies.count)
        for row in 0..<answers.count {
            guard let id = owners[row], let study = studyOfID[id], let number = questions[row], let code = answers.code(answer, row) else { continue }
            given[study][number] = code
        }
        var panels: [StackedBarChart.Panel] = []
        // The overall judgements: a bar per checklist, in one panel per set of judgements.
        var overall: [(judgements: [Codebook.Code], bars: [StackedBarChart.Bar])] = []
        for list in appraisal.checklists {
            let members = (0..<studies.count).filter { studies.code(checklist, $0) == list.code }
            guard !members.isEmpty else { continue }
            let codes = list.answers.map(\.code)
            var bars: [StackedBarChart.Bar] = []
            for number in 1...max(list.questions, 1) {
                var counts = [Int](repeating: 0, count: codes.count)
                for study in members { if let code = given[study][number], let at = codes.firstIndex(of: code) { counts[at] += 1 } }
                // A short label on the bar; the wording, when the codebook gives it, in the key.
                let wording = number <= list.questionTexts.count ? list.questionTexts[number - 1] : nil
                bars.append(StackedBarChart.Bar(label: "Q\(number)", counts: counts, detail: wording))
            }
            panels.append(StackedBarChart.Panel(heading: "\(list.label) (\(studyCount(members.count)))",
                                                categories: AppraisalColours.answerCategories(list), bars: bars))
            var judged = [Int](repeating: 0, count: list.judgements.count)
            for study in members { judged[list.verdict(Array(given[study].values)).judgement] += 1 }
            let bar = StackedBarChart.Bar(label: list.label, counts: judged)
            if let at = overall.firstIndex(where: { $0.judgements == list.judgements }) { overall[at].bars.append(bar) } else { overall.append((list.judgements, [bar])) }
        }
        for (judgements, var bars) in overall {
            if bars.count > 1 {
                bars.append(StackedBarChart.Bar(label: "All studies", counts: judgements.indices.map { at in bars.reduce(0) { $0 + $1.counts[at] } }))
            }
            // Several panels are told apart by their checklists.
            let heading = overall.count == 1 ? "Overall risk of bias" : "Overall judgement: " + ListText.join(bars.filter { $0.label != "All studies" }.map(\.label))
            panels.append(StackedBarChart.Panel(heading: heading, categories: AppraisalColours.judgementCategories(judgements), bars: bars))
        }
        return panels
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
