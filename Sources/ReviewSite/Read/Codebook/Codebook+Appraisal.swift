// How the included studies were appraised: checklists answered question by
// question (risk_of_bias.csv), a level-of-evidence scale, or both.

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
    }

    public struct Checklist: Sendable, Equatable {
        public var code: String
        public var label: String
        public var questions: Int
        /// The questions' wording when the codebook gives it (then `questions` counts them).
        public var questionTexts: [String]
        public var answers: [Code]
        public var overall: OverallRule
        public var line: Int
        public var column: Int
    }

    /// Overall risk of bias from the share of met answers among the
    /// applicable ones, in percent: low above `lowAbove`, high below
    /// `highBelow`, moderate otherwise.
    public struct OverallRule: Sendable, Equatable {
        public var lowAbove: Double
        public var highBelow: Double

        public init(lowAbove: Double, highBelow: Double) {
            self.lowAbove = lowAbove
            self.highBelow = highBelow
        }
    }
}
