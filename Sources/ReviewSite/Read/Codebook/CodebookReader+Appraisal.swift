// `appraisal:`: checklists with their questions, answers, judgements and
// overall rule, or a level-of-evidence scale, or both.

extension CodebookReader {
    static let levelKeys = ["code", "label", "short"]
    static let appraisalKeys = ["answers", "judgements", "overall", "checklists", "levels"]
    static let checklistKeys = ["code", "label", "questions", "answers", "judgements", "overall"]
    static let judgementKeys = ["code", "label", "short", "colour"]
    static let ruleKeys = ["low_above", "high_below", "worst", "score", "low_from"]

    /// An overall rule as written, checked against each checklist's answers
    /// and judgements once they are known.
    struct RuleDraft {
        var rule: Codebook.OverallRule
        var path: String
        /// Answer codes the rule names, and judgement codes, where written.
        var answers: [(code: String, node: YAMLNode)] = []
        var judgements: [(code: String, node: YAMLNode)] = []
        /// Share and score rules give the best, middle and worst judgement.
        var needsThree = true
        /// Where the rule is written.
        var anchor: YAMLNode?
    }

    func appraisal(_ node: YAMLNode) -> Codebook.Appraisal {
        guard let mapping = mapping(node, "appraisal", known: Self.appraisalKeys) else { return Codebook.Appraisal() }
        let shared = Shared(
            answers: mapping["answers"].map { codes($0, "appraisal.answers", known: Self.answerKeys) },
            judgements: mapping["judgements"].map { codes($0, "appraisal.judgements", known: Self.judgementKeys) },
            // A rule given but wrong is reported once, not again for each checklist.
            overall: mapping["overall"].map { overallRule($0, "appraisal.overall") ?? Self.brokenRule })
        var appraisal = Codebook.Appraisal()
        var reported = Set<String>()
        if let node = mapping["checklists"], let sequence = sequence(node, "appraisal.checklists", "checklists") {
            var seen: [String: Int] = [:]
            for (index, item) in sequence.enumerated() {
                guard let checklist = checklist(item, index, shared, &reported) else { continue }
                if let first = seen[checklist.code] {
                    fail(line: checklist.line, column: checklist.column, "appraisal.checklists",
                         "checklist '\(checklist.code)' appears twice (first on line \(first))")
                } else {
                    seen[checklist.code] = checklist.line
                    appraisal.checklists.append(checklist)
                }
            }
        }
        appraisal.levels = mapping["levels"].map { codes($0, "appraisal.levels", known: Self.levelKeys) } ?? []
        appraisalParts = Set(["checklists", "levels"].filter { mapping[$0] != nil })
        if mapping["checklists"] == nil && mapping["levels"] == nil {
            fail(node, "appraisal", "expected checklists, levels or both")
        }
        return appraisal
    }

    /// What `appraisal:` gives every checklist that gives none of its own.
    struct Shared {
        var answers: [Codebook.Code]?
        var judgements: [Codebook.Code]?
        var overall: RuleDraft?
    }

    static let brokenRule = RuleDraft(rule: .share(lowAbove: 100, highBelow: 0), path: "", needsThree: false)

    private func checklist(_ node: YAMLNode, _ index: Int, _ shared: Shared, _ reported: inout Set<String>) -> Codebook.Checklist? {
        let itemPath = "appraisal.checklists[\(index + 1)]"
        let named = node.mapping?["code"]?.scalar.map { "appraisal.checklists.\($0.string)" } ?? itemPath
        guard let mapping = mapping(node, named, known: Self.checklistKeys),
              let code = self.code(mapping, "code", itemPath), let codeNode = mapping["code"] else { return nil }
        let path = "appraisal.checklists.\(code)"
        var texts: [String] = []
        var questions = 0
        if let node = mapping["questions"], let list = node.sequence {
            texts = list.compactMap { $0.scalar?.string }
            questions = texts.count
            if questions == 0 || texts.count != list.count { fail(node, join(path, "questions"), "expected the number of questions or a list of their texts") }
        } else {
            questions = number(mapping, "questions", path, .positiveInteger, required: true).map { Int($0) } ?? 0
        }
        let ownAnswers = mapping["answers"].map { codes($0, join(path, "answers"), known: Self.answerKeys) }
        let ownJudgements = mapping["judgements"].map { codes($0, join(path, "judgements"), known: Self.judgementKeys) }
        let ownOverall = mapping["overall"].map { overallRule($0, join(path, "overall")) ?? Self.brokenRule }
        if ownAnswers == nil && shared.answers == nil {
            fail(codeNode, path, "no answers (give them here or under appraisal.answers)")
        }
        if ownOverall == nil && shared.overall == nil {
            fail(codeNode, path, "no overall rule (give it here or under appraisal.overall)")
        }
        let answers = ownAnswers ?? shared.answers ?? []
        let judgements = ownJudgements ?? shared.judgements ?? Codebook.Checklist.defaultJudgements
        let draft = ownOverall ?? shared.overall ?? Self.brokenRule
        if !answers.isEmpty {
            for problem in ruleProblems(draft, answers: answers, judgements: judgements, checklist: code)
            where reported.insert("\(problem.node.mark.line):\(problem.node.mark.column):\(problem.message)").inserted {
                fail(problem.node, problem.path, problem.message)
            }
        }
        return Codebook.Checklist(
            code: code, label: text(mapping, "label", path) ?? code, questions: questions, questionTexts: texts,
            answers: answers, overall: draft.rule, judgements: judgements,
            line: codeNode.mark.line, column: codeNode.mark.column)
    }

    /// The rule's answer and judgement codes are the checklist's; share and
    /// score rules need three judgements.
    private func ruleProblems(_ draft: RuleDraft, answers: [Codebook.Code], judgements: [Codebook.Code],
                              checklist: String) -> [(node: YAMLNode, path: String, message: String)] {
        var problems: [(node: YAMLNode, path: String, message: String)] = []
        let answerCodes = answers.map(\.code), judgementCodes = judgements.map(\.code)
        for (code, node) in draft.answers where !answerCodes.contains(code) {
            problems.append((node, draft.path, "'\(Echo.value(code))' is not an answer of \(checklist) (expected one of \(answerCodes.joined(separator: ", ")))"))
        }
        for (code, node) in draft.judgements where !judgementCodes.contains(code) {
            problems.append((node, draft.path, "'\(Echo.value(code))' is not a judgement of \(checklist) (expected one of \(judgementCodes.joined(separator: ", ")))"))
        }
        if draft.needsThree && judgements.count != 3, let node = draft.answers.first?.node ?? draft.judgements.first?.node ?? draft.anchor {
            problems.append((node, draft.path, "this rule gives a best, a middle and a worst judgement, but \(checklist) has \(judgements.count) (\(judgementCodes.joined(separator: ", ")))"))
        }
        return problems
    }
}
