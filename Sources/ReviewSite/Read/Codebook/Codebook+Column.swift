// A column of a codebook table: what its cells hold and how to check them.

extension Codebook {
    /// What a column's cells hold, as the codebook spells it.
    public enum ColumnType: String, CaseIterable, Sendable {
        case id, reference, integer, number, text, code
        case codeList = "code list"
        case yesNo = "yes/no"
        /// A code of `appraisal.checklists`: the checklist a study was appraised with.
        case checklist
        /// A code of the study's checklist answers.
        case answer
        /// A code of `appraisal.levels`: a level of evidence.
        case level

        /// Only numbers have bounds.
        var isNumeric: Bool { self == .integer || self == .number }

        /// Columns whose codes come from a list under `codes:`.
        var hasCodeList: Bool { self == .code || self == .codeList }

        static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    /// Bounds of a numeric column; an exclusive bound is not itself allowed.
    public struct Bounds: Sendable, Equatable {
        public var min: Double?
        public var minExclusive = false
        public var max: Double?
        public var maxExclusive = false

        public init(min: Double? = nil, minExclusive: Bool = false, max: Double? = nil, maxExclusive: Bool = false) {
            self.min = min
            self.minExclusive = minExclusive
            self.max = max
            self.maxExclusive = maxExclusive
        }
    }

    /// The codes of another column of the same row that a column depends on:
    /// it applies only to those rows, or its unit follows them.
    public struct Condition: Sendable, Equatable {
        public var column: String
        public var codes: [String]
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        /// Present in the header and filled on every row; ids and references always are.
        public var required: Bool
        /// The heading readers see; the name when the codebook gives none.
        public var label: String
        public var bounds: Bounds
        public var unit: String?
        /// A unit per code of another column (`unit_by` and `units`).
        public var unitBy: String?
        public var units: [String: String]
        /// The table whose key a reference holds.
        public var references: String?
        /// The name of the code list of a code or code-list column.
        public var codeList: String?
        /// A code list's column in its database table `<table>_<column>`
        /// (`item: site`); nil: `code`.
        public var item: String?
        /// Rows on which the column may be filled; nil: every row.
        public var onlyFor: Condition?
        /// No two rows hold the same value (`unique: yes`; an id always is).
        public var unique = false
        /// Declared under `extra:`: extracted by the team, used by no figure.
        public var isExtra: Bool
        /// The line that declares the column, for later messages.
        public var line: Int
        /// The part of a study's reference the column holds (`citation:`), for the supplement's eReferences.
        public var citation: CitationPart?

        public init(name: String, type: ColumnType, required: Bool = false, label: String? = nil, bounds: Bounds = Bounds(),
                    unit: String? = nil, unitBy: String? = nil, units: [String: String] = [:], references: String? = nil,
                    codeList: String? = nil, onlyFor: Condition? = nil, isExtra: Bool = false, line: Int = 0) {
            self.name = name
            self.type = type
            self.required = required || type == .id || type == .reference
            self.label = label ?? name
            self.bounds = bounds
            self.unit = unit
            self.unitBy = unitBy
            self.units = units
            self.references = references
            self.codeList = codeList ?? (type.hasCodeList ? name : nil)
            self.onlyFor = onlyFor
            self.isExtra = isExtra
            self.line = line
        }
    }
}
