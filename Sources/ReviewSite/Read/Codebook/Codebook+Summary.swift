// What the database derives once per patient over its treatment steps and
// adverse events (the table patient_summary, docs/database.md): the review
// names which of its columns hold the treatment and the events, and which
// step columns add up or gather per patient.

extension Codebook {
    public struct Summary: Sendable, Equatable {
        /// The code column of the steps table that names each step's treatment.
        public var treatment: String?
        /// The code column of the adverse events table that names each event.
        public var events: String?
        public var columns: [SummaryColumn]

        public init(treatment: String? = nil, events: String? = nil, columns: [SummaryColumn] = []) {
            self.treatment = treatment
            self.events = events
            self.columns = columns
        }

        /// The columns patient_summary always has, whatever is declared.
        static let fixed = ["patient_id", "steps", "sequence", "treatments", "monotherapy", "combined", "events"]
    }

    /// A column of patient_summary over one column of the steps table.
    public struct SummaryColumn: Sendable, Equatable {
        public enum Rule: Sendable, Equatable {
            /// The step values added up; a step without one counts 0 when
            /// `missingAsZero`, else makes the total NULL.
            case sum(String, missingAsZero: Bool)
            /// The distinct codes of the steps, sorted, `;`-separated; a step
            /// without one is listed as `missing` when given.
            case codes(String, missing: String?)
            /// The codes of the steps in step order, `;`-separated, a step
            /// without one as `missing` (or left out).
            case sequence(String, missing: String?)
        }

        public var name: String
        public var rule: Rule

        public init(name: String, rule: Rule) {
            self.name = name
            self.rule = rule
        }

        /// The steps table's column it reads.
        public var source: String {
            switch rule {
            case .sum(let column, _), .codes(let column, _), .sequence(let column, _): column
            }
        }
    }
}
