// The codebook as reviewsite 1 read it: five tables with fixed names and
// no `role:`. Such a codebook is still read as it always was (its tables
// get their roles and keys from their names), so a review folder written
// for reviewsite 1 keeps working; a codebook that gives any table a role is
// read in the declared form, where tables have any names.

extension Codebook {
    struct FirstFormTable {
        var role: Role
        var key: [String]
        var noun: (one: String, many: String)
        /// How `check` counts its rows: `144 treatment steps`.
        var counted: (one: String, many: String)
    }

    /// The five tables of the first form, in their order.
    static let firstForm: [(name: String, table: FirstFormTable)] = [
        ("studies", FirstFormTable(role: .study, key: ["study_id"], noun: ("study", "studies"), counted: ("study", "studies"))),
        ("risk_of_bias", FirstFormTable(role: .appraisal, key: ["study_id", "question"], noun: ("answer", "answers"), counted: ("answer", "answers"))),
        ("patients", FirstFormTable(role: .patient, key: ["patient_id"], noun: ("patient", "patients"), counted: ("patient", "patients"))),
        ("treatments", FirstFormTable(role: .step, key: ["patient_id", "step"], noun: ("step", "steps"), counted: ("treatment step", "treatment steps"))),
        ("adverse_events", FirstFormTable(role: .event, key: ["patient_id", "step", "event"], noun: ("event", "events"), counted: ("adverse event", "adverse events"))),
    ]

    static func firstFormName(of role: Role) -> String {
        firstForm.first { $0.table.role == role }!.name
    }

    static func firstFormTable(_ name: String) -> FirstFormTable? {
        firstForm.first { $0.name == name }?.table
    }
}

extension CodebookReader {
    /// The first form's core columns, by table name.
    static let coreColumns: [String: [CoreColumn]] = [
        "studies": [CoreColumn(name: "study_id", type: .id)],
        "risk_of_bias": [CoreColumn(name: "study_id", type: .reference, references: "studies"),
                         CoreColumn(name: "question", type: .integer), CoreColumn(name: "answer", type: .answer)],
        "patients": [CoreColumn(name: "patient_id", type: .id), CoreColumn(name: "study_id", type: .reference, references: "studies")],
        "treatments": [CoreColumn(name: "patient_id", type: .reference, references: "patients"), CoreColumn(name: "step", type: .integer)],
        "adverse_events": [CoreColumn(name: "patient_id", type: .reference, references: "patients"), CoreColumn(name: "step", type: .integer)],
    ]

    /// The tables every codebook declares; risk_of_bias comes with checklists.
    static let requiredTables = ["studies", "patients", "treatments", "adverse_events"]
}
