// The codes of a code column, each with the label readers see and the
// attributes the report needs.

extension Codebook {
    public struct CodeList: Sendable, Equatable {
        public var name: String
        /// The list whose codes these belong to (each code's `of`).
        public var within: String?
        public var codes: [Code]

        public func code(_ name: String) -> Code? {
            codes.first { $0.code == name }
        }

        public var names: [String] { codes.map(\.code) }
    }

    public struct Code: Sendable, Equatable {
        public var code: String
        /// The words readers see; the code itself when the codebook gives none.
        public var label: String
        /// A shorter label for crowded cells.
        public var short: String?
        /// The code of the `within` list this one belongs to.
        public var of: String?
        /// The appraisal checklist of studies with this code (e.g. a design).
        public var checklist: String?
        /// Counted as a response in the outcome figures.
        public var responded = false
        /// Counted as not reported, like an empty cell.
        public var notReported = false
        /// An answer that meets the checklist's criterion (numerator of the share).
        public var met = false
        /// An answer that counts in the share's denominator.
        public var applicable = true
        /// The fill of an appraisal answer or judgement, `#rrggbb` in lower
        /// case (checked when read); nil for the default palette's.
        public var colour: String?
        /// Where the codebook writes the code, for later messages.
        public var line: Int
        public var column: Int

        public init(code: String, label: String? = nil, short: String? = nil, of: String? = nil, checklist: String? = nil,
                    responded: Bool = false, notReported: Bool = false, met: Bool = false, applicable: Bool = true,
                    colour: String? = nil, line: Int = 0, column: Int = 0) {
            self.code = code
            self.label = label ?? code
            self.short = short
            self.of = of
            self.checklist = checklist
            self.responded = responded
            self.notReported = notReported
            self.met = met
            self.applicable = applicable
            self.colour = colour
            self.line = line
            self.column = column
        }
    }
}
