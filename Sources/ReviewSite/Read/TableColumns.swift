// The columns of each CSV file of dataset.md. A required column must be in
// the header and its cells must not be empty; the others may be left out.

protocol TableColumn: RawRepresentable, CaseIterable, Hashable where RawValue == String {
    static var fileName: String { get }
    /// The columns that must be present and filled.
    static var required: Set<Self> { get }
}

extension TableColumn {
    /// The case's position in `allCases`: a no-payload enum is stored as its
    /// case index. Cells are looked up by it, without hashing a String per
    /// cell; `checkOrdinals` holds it to `allCases` once per file.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    static func checkOrdinals() {
        precondition(MemoryLayout<Self>.size == 1 && allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
    }
}

enum StudyColumn: String, TableColumn {
    case studyID = "study_id", ref, firstAuthor = "first_author", year, title, design, publication
    case language, controlGroup = "control_group", robTool = "rob_tool", sourceNote = "source_note"

    static let fileName = "studies.csv"
    static let required: Set<Self> = [.studyID, .ref, .design, .publication, .language, .controlGroup, .robTool]
}

enum RiskOfBiasColumn: String, TableColumn {
    case studyID = "study_id", question, answer

    static let fileName = "risk_of_bias.csv"
    static let required: Set<Self> = Set(allCases)
}

enum PatientColumn: String, TableColumn {
    case patientID = "patient_id", studyID = "study_id", ageYears = "age_years", sex, diagnosis
    case diagnosisDetail = "diagnosis_detail", ccType = "cc_type", symptomMonths = "symptom_months"
    case sites, lesionCM = "lesion_cm", ulceration, infection, pain, limitedMobility = "limited_mobility"
    case previousTreatment = "previous_treatment", response, painOutcome = "pain_outcome"
    case vasBefore = "vas_before", vasAfter = "vas_after", followUpMonths = "follow_up_months"
    case recurrence, recurrenceNote = "recurrence_note"

    static let fileName = "patients.csv"
    static let required: Set<Self> = [.patientID, .studyID, .response]
}

enum TreatmentColumn: String, TableColumn {
    case patientID = "patient_id", step, modality, variant, concentration, doseMG = "dose_mg"
    case sessions, durationMonths = "duration_months", shockWaves = "shock_waves"
    case energy = "energy_mj_mm2", anaesthesia, aftercare

    static let fileName = "treatments.csv"
    static let required: Set<Self> = [.patientID, .step, .modality]
}

enum AdverseEventColumn: String, TableColumn {
    case patientID = "patient_id", step, event, transient, detail

    static let fileName = "adverse_events.csv"
    static let required: Set<Self> = [.patientID, .step, .event]
}
