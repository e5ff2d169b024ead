// A study's overall judgement from its answers, by its checklist's rule:
// the one computation the database, the appraisal table and chart share.

extension Codebook.Checklist {
    /// What a study's answers add up to under the checklist's rule.
    public struct Verdict: Sendable, Equatable {
        /// Index into `judgements`, the best 0.
        public var judgement: Int
        public var met = 0, applicable = 0
        /// The points of a score rule.
        public var score = 0.0
        /// Under a worst rule: the answers mapped to a judgement, and those
        /// mapped to the study's judgement.
        public var judged = 0, atJudgement = 0
    }

    /// The verdict of a study's answer codes; codes the checklist does not
    /// declare are left out.
    public func verdict(_ codes: [String]) -> Verdict {
        let worst = max(judgements.count - 1, 0)
        var verdict = Verdict(judgement: worst)
        var ranks: [Int] = []
        for code in codes {
            guard let answer = answers.first(where: { $0.code == code }) else { continue }
            if answer.applicable {
                verdict.applicable += 1
                if answer.met { verdict.met += 1 }
            }
            switch overall {
            case .score(let points, _, _): verdict.score += points[code] ?? 0
            case .worst(let map):
                if let judgement = map[code], let rank = judgements.firstIndex(where: { $0.code == judgement }) { ranks.append(rank) }
            case .share: break
            }
        }
        switch overall {
        case .share(let lowAbove, let highBelow):
            // Compared in integers' terms: 100 · met against threshold · applicable.
            let share = Double(verdict.met) * 100, whole = Double(verdict.applicable)
            if verdict.applicable == 0 || share < highBelow * whole {
                verdict.judgement = worst
            } else {
                verdict.judgement = share > lowAbove * whole ? 0 : min(1, worst)
            }
        case .score(_, let lowFrom, let highBelow):
            verdict.judgement = verdict.score >= lowFrom ? 0 : verdict.score < highBelow ? worst : min(1, worst)
        case .worst:
            verdict.judged = ranks.count
            verdict.judgement = ranks.max() ?? worst
            verdict.atJudgement = ranks.filter { $0 == verdict.judgement }.count
        }
        return verdict
    }
}

extension Codebook.Checklist {
    /// The rule in codes, for the database's description of study_appraisal:
    /// `low above 75 %, high below 50 %`.
    public var ruleSummary: String {
        let codes = judgements.map(\.code)
        let (best, worst) = (codes.first ?? "", codes.last ?? "")
        switch overall {
        case .share(let lowAbove, let highBelow):
            return "\(best) above \(formatNumber(lowAbove)) %, \(worst) below \(formatNumber(highBelow)) %"
        case .score(let points, let lowFrom, let highBelow):
            let scored = answers.compactMap { answer in points[answer.code].map { "\(answer.code) \(formatNumber($0))" } }
            return "points \(scored.joined(separator: ", ")); \(best) from \(formatNumber(lowFrom)), \(worst) below \(formatNumber(highBelow))"
        case .worst(let map):
            let pairs = answers.compactMap { answer in map[answer.code].map { "\(answer.code) → \($0)" } }
            return "the worst answer's judgement, \(pairs.joined(separator: ", "))"
        }
    }
}
