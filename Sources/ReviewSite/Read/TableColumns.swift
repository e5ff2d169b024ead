// The default review's columns of each CSV file, as the typed rows of
// Dataset know them. The loader reads the columns the codebook declares;
// CodebookContractTests holds data/codebook.yaml to these.

protocol TableColumn: RawRepresentable, CaseIterable, Hashable where RawValue == String {
    static var fileName: String { get }
    /// The columns that must be present and filled.
    static var required: Set<Self> { get }
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
