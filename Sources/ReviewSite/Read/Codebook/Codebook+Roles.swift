// The parts of a review the engine joins and derives from: which table holds
// the studies, the patients, their treatment steps, their adverse events and
// the appraisal's answers. The codebook declares them (`role:`); the tables'
// names and files are the review's own.

extension Codebook {
    /// What a table is to the engine. A table without a role is the
    /// review's own: read, checked, loaded and offered like the others.
    public enum Role: String, CaseIterable, Sendable {
        /// One row per included study, keyed by an id column.
        case study
        /// One row per answer to a checklist question: key [study, question number].
        case appraisal
        /// One row per patient, keyed by an id column, with a reference to its study.
        case patient
        /// One row per treatment step: key [patient, step number].
        case step
        /// One row per adverse event: key [patient, step number, …].
        case event

        static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }

        /// Words for one row and for rows of a table with this role, when the codebook gives none.
        var noun: (one: String, many: String) {
            switch self {
            case .study: ("study", "studies")
            case .appraisal: ("answer", "answers")
            case .patient: ("patient", "patients")
            case .step: ("treatment step", "treatment steps")
            case .event: ("adverse event", "adverse events")
            }
        }
    }

    /// The table with this role.
    public func table(for role: Role) -> Table? {
        tables.first { $0.role == role }
    }

    /// The names the engine joins by, resolved once from the roles.
    public var core: Core { Core(self) }

    /// Table and column names of the roles; nil where the codebook has no such table.
    public struct Core: Sendable, Equatable {
        public var studies: String?, studyID: String?
        public var patients: String?, patientID: String?, patientStudy: String?
        public var steps: String?, stepPatient: String?, stepNumber: String?
        public var events: String?, eventPatient: String?, eventStep: String?
        public var appraisal: String?, appraisalStudy: String?, question: String?, answer: String?

        init(_ codebook: Codebook) {
            let studyTable = codebook.table(for: .study), patientTable = codebook.table(for: .patient)
            studies = studyTable?.name
            studyID = studyTable?.idColumn?.name
            patients = patientTable?.name
            patientID = patientTable?.idColumn?.name
            patientStudy = patientTable?.columns.first { $0.type == .reference && $0.references == studies }?.name
            if let table = codebook.table(for: .step) {
                (steps, stepPatient, stepNumber) = (table.name, table.key.first, table.key.dropFirst().first)
            }
            if let table = codebook.table(for: .event) {
                (events, eventPatient, eventStep) = (table.name, table.key.first, table.key.dropFirst().first)
            }
            if let table = codebook.table(for: .appraisal) {
                (appraisal, appraisalStudy, question) = (table.name, table.key.first, table.key.dropFirst().first)
                answer = table.columns.first { $0.type == .answer }?.name
            }
        }
    }
}

extension Codebook.Table {
    /// The column of type id, the key of a table that has one.
    public var idColumn: Codebook.Column? {
        columns.first { $0.type == .id }
    }

    /// The key's columns, from the first: the owner's reference of a table
    /// whose rows belong to a study or a patient.
    public var keyColumns: [Codebook.Column] {
        key.compactMap(column)
    }
}
