// How the included studies were appraised: checklists answered question by
// question (the appraisal table), a level-of-evidence scale, or both.

extension Codebook {
    public struct Appraisal: Sendable, Equatable {
        public var checklists: [Checklist]
        /// Ordered levels of evidence, the strongest first.
        public var levels: [Code]

        public init(checklists: [Checklist] = [], levels: [Code] = []) {
            self.checklists = checklists
            self.levels = levels
        }

        public func checklist(_ code: String) -> Checklist? {
            checklists.first { $0.code == code }
        }

        /// Some checklist adds up points: study_appraisal has a score column.
        public var hasScores: Bool {
            checklists.contains { if case .score = $0.overall { true } else { false } }
        }

        /// Every checklist's answers, each code once as it first appears:
        /// the codes of an answer column.
        public var answers: [Code] {
            var seen: [Code] = []
            for list in checklists {
                for answer in list.answers where !seen.contains(where: { $0.code == answer.code }) { seen.append(answer) }
            }
            return seen
        }
    }

    public struct Checklist: Sendable, Equatable {
        public var code: String
        public var label: String
        public var questions: Int
        /// The questions' wording when the codebook gives it (then `questions` counts them).
        public var questionTexts: [String]
        public var answers: [Code]
        public var overall: OverallRule
        /// The overall judgements, the best first (low, moderate, high unless declared).
        public var judgements: [Code] = Checklist.defaultJudgements
        public var line: Int
        public var column: Int

        /// Low, moderate and high risk of bias: the share and score rules' three judgements.
        public static let defaultJudgements = [
            Code(code: "low", label: "low risk", short: "low"),
            Code(code: "moderate", label: "moderate risk", short: "moderate"),
            Code(code: "high", label: "high risk", short: "high"),
        ]
    }

    /// How a study's answers make its overall judgement.
    public enum OverallRule: Sendable, Equatable {
        /// The share of met answers among the applicable ones, in percent:
        /// the best judgement above `lowAbove`, the worst below `highBelow`
        /// (or with no applicable answer), the middle one otherwise.
        case share(lowAbove: Double, highBelow: Double)
        /// The worst judgement any answer is mapped to (answer code →
        /// judgement code); answers mapped to none do not count, and a study
        /// with no mapped answer gets the worst judgement.
        case worst([String: String])
        /// The answers' points added up: the best judgement from `lowFrom`,
        /// the worst below `highBelow`, the middle one otherwise.
        case score(points: [String: Double], lowFrom: Double, highBelow: Double)

        public init(lowAbove: Double, highBelow: Double) {
            self = .share(lowAbove: lowAbove, highBelow: highBelow)
        }
    }
}
