// The enumerated codes of dataset.md, exactly as the extraction sheet writes them.

/// A code column's values; `allowed` lists them for error messages.
public protocol Code: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension Code {
    static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public enum Design: String, Code { case pilotRCT = "pilot_rct", caseSeries = "case_series", caseReport = "case_report" }
public enum Publication: String, Code { case article, conferenceAbstract = "conference_abstract" }
public enum Language: String, Code { case en, es, de }
public enum YesNo: String, Code { case yes, no }
public enum RiskOfBiasTool: String, Code {
    case caseReport = "jbi_case_report", caseSeries = "jbi_case_series", rct = "jbi_rct"

    /// Questions of the JBI checklist.
    public var questions: Int {
        switch self {
        case .caseReport: 8
        case .caseSeries: 10
        case .rct: 13
        }
    }
}
public enum Answer: String, Code { case yes, no, unclear, notApplicable = "not_applicable" }
public enum Sex: String, Code { case f, m }
public enum Diagnosis: String, Code {
    case ssc, dm, jdm, overlap, sle, mctd, ckd, idiopathic, iatrogenic, trauma, other
}
public enum CalcinosisType: String, Code { case dystrophic, metastatic, iatrogenic, idiopathic }
public enum Site: String, Code {
    case fingers, hand
    case upperLimb = "upper_limb", lowerLimb = "lower_limb"
    case foot, trunk, buttock, pelvis, face, earlobe, eyelid, other
}
public enum Response: String, Code { case complete, partial, none, unknown }
public enum PainOutcome: String, Code { case free, reduced, unchanged }
public enum Modality: String, Code { case topSTS = "top_sts", ilSTS = "il_sts", laser, eswl }
public enum Variant: String, Code {
    case coldCream = "cold_cream", zincOxide = "zinc_oxide", gel, petrolatum, lotion, compress
    case co2, erYAG = "er_yag", diode, picosecond
    case focused, unfocused

    /// The modality whose steps may carry this variant.
    public var modality: Modality {
        switch self {
        case .coldCream, .zincOxide, .gel, .petrolatum, .lotion, .compress: .topSTS
        case .co2, .erYAG, .diode, .picosecond: .laser
        case .focused, .unfocused: .eswl
        }
    }
}
public enum Anaesthesia: String, Code { case none, topical, intradermal }
public enum AdverseEventType: String, Code {
    case infection, injectionPain = "injection_pain", scarring, hyperkeratosis, fever, other
}
public enum Imputation: String, Code { case mean, none }
