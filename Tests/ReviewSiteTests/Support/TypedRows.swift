@testable import ReviewSite

// The default review's rows as typed values, for tests that build small
// datasets by hand (Build): the engine itself reads only codebook-shaped
// tables, into which `Build.withTables` turns these.

struct Study: Sendable {
    var id: String
    var ref: Int
    var firstAuthor: String?
    var year: Int?
    var title: String?
    var design: Design
    var publication: Publication
    var language: Language
    var controlGroup: YesNo
    var robTool: RiskOfBiasTool
    var sourceNote: String?
}

struct RiskOfBiasAnswer: Sendable {
    var studyID: String
    var question: Int
    var answer: Answer
}

struct Patient: Sendable {
    var id: String
    var studyID: String
    var age: Double?
    var sex: Sex?
    var diagnosis: Diagnosis?
    var diagnosisDetail: String?
    var ccType: CalcinosisType?
    var symptomMonths: Double?
    var sites: [Site]
    var lesionCM: Double?
    var ulceration: YesNo?
    var infection: YesNo?
    var pain: YesNo?
    var limitedMobility: YesNo?
    var previousTreatment: String?
    var response: Response
    var painOutcome: PainOutcome?
    var vasBefore: Double?
    var vasAfter: Double?
    var followUpMonths: Double?
    var recurrence: YesNo?
    var recurrenceNote: String?
}

struct TreatmentStep: Sendable {
    var patientID: String
    var step: Int
    var modality: Modality
    var variant: Variant?
    var concentration: Double?
    var doseMG: Double?
    var sessions: Int?
    var durationMonths: Double?
    var shockWaves: Int?
    var energy: Double?
    var anaesthesia: Anaesthesia?
    var aftercare: String?
}

struct AdverseEvent: Sendable {
    var patientID: String
    var step: Int
    var event: AdverseEventType
    var transient: YesNo?
    var detail: String?
}

// The enumerated codes of dataset.md, exactly as the extraction sheet writes them.

/// A code column's values; `allowed` lists them for error messages.
protocol Code: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension Code {
    static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

enum Design: String, Code { case pilotRCT = "pilot_rct", caseSeries = "case_series", caseReport = "case_report" }
enum Publication: String, Code { case article, conferenceAbstract = "conference_abstract" }
enum Language: String, Code { case en, es, de }
enum YesNo: String, Code { case yes, no }
enum RiskOfBiasTool: String, Code {
    case caseReport = "jbi_case_report", caseSeries = "jbi_case_series", rct = "jbi_rct"

    /// Questions of the JBI checklist.
    var questions: Int {
        switch self {
        case .caseReport: 8
        case .caseSeries: 10
        case .rct: 13
        }
    }
}
enum Answer: String, Code { case yes, no, unclear, notApplicable = "not_applicable" }
enum Sex: String, Code { case f, m }
enum Diagnosis: String, Code {
    case ssc, dm, jdm, overlap, sle, mctd, ckd, idiopathic, iatrogenic, trauma, other
}
enum CalcinosisType: String, Code { case dystrophic, metastatic, iatrogenic, idiopathic }
enum Site: String, Code {
    case fingers, hand
    case upperLimb = "upper_limb", lowerLimb = "lower_limb"
    case foot, trunk, buttock, pelvis, face, earlobe, eyelid, other
}
enum Response: String, Code { case complete, partial, none, unknown }
enum PainOutcome: String, Code { case free, reduced, unchanged }
enum Modality: String, Code { case topSTS = "top_sts", ilSTS = "il_sts", laser, eswl }
enum Variant: String, Code {
    case coldCream = "cold_cream", zincOxide = "zinc_oxide", gel, petrolatum, lotion, compress
    case co2, erYAG = "er_yag", diode, picosecond
    case focused, unfocused

    /// The modality whose steps may carry this variant.
    var modality: Modality {
        switch self {
        case .coldCream, .zincOxide, .gel, .petrolatum, .lotion, .compress: .topSTS
        case .co2, .erYAG, .diode, .picosecond: .laser
        case .focused, .unfocused: .eswl
        }
    }
}
enum Anaesthesia: String, Code { case none, topical, intradermal }
enum AdverseEventType: String, Code {
    case infection, injectionPain = "injection_pain", scarring, hyperkeratosis, fever, other
}
