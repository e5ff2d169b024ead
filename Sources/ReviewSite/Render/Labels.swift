// The words a reader sees for each code of the dataset.

extension Modality {
    public var label: String {
        switch self {
        case .topSTS: "Topical STS"
        case .ilSTS: "Intralesional STS"
        case .laser: "Laser"
        case .eswl: "ESWL"
        }
    }

    public var shortLabel: String {
        switch self {
        case .topSTS: "top-STS"
        case .ilSTS: "IL-STS"
        case .laser: "laser"
        case .eswl: "ESWL"
        }
    }

    /// Unit of `concentration` for this modality.
    var concentrationUnit: String { self == .topSTS ? "%" : " mg/ml" }
}

extension Variant {
    public var label: String {
        switch self {
        case .coldCream: "cold cream"
        case .zincOxide: "zinc oxide"
        case .gel: "gel"
        case .petrolatum: "petrolatum"
        case .lotion: "lotion"
        case .compress: "compresses"
        case .co2: "CO₂"
        case .erYAG: "Er:YAG"
        case .diode: "diode"
        case .picosecond: "picosecond"
        case .focused: "focused"
        case .unfocused: "unfocused"
        }
    }
}

extension Diagnosis {
    public var label: String {
        switch self {
        case .ssc: "systemic sclerosis"
        case .dm: "dermatomyositis"
        case .jdm: "juvenile dermatomyositis"
        case .overlap: "overlap syndrome"
        case .sle: "systemic lupus erythematosus"
        case .mctd: "mixed connective tissue disease"
        case .ckd: "chronic kidney disease"
        case .idiopathic: "none (idiopathic)"
        case .iatrogenic: "iatrogenic"
        case .trauma: "trauma"
        case .other: "other"
        }
    }
}

extension Design {
    public var label: String {
        switch self {
        case .pilotRCT: "pilot RCT"
        case .caseSeries: "case series"
        case .caseReport: "case report"
        }
    }
}

extension Site {
    public var label: String {
        switch self {
        case .upperLimb: "upper limb"
        case .lowerLimb: "lower limb"
        default: rawValue
        }
    }
}

extension Response {
    public var label: String { self == .none ? "no response" : rawValue }
}

extension AdverseEventType {
    public var label: String {
        switch self {
        case .injectionPain: "injection pain"
        default: rawValue
        }
    }
}

extension Answer {
    /// Short mark and word of the traffic-light table.
    var mark: (short: String, word: String) {
        switch self {
        case .yes: ("Y", "yes")
        case .no: ("N", "no")
        case .unclear: ("?", "unclear")
        case .notApplicable: ("NA", "not applicable")
        }
    }
}

extension RiskOfBiasTool {
    public var label: String {
        switch self {
        case .caseReport: "JBI case report"
        case .caseSeries: "JBI case series"
        case .rct: "JBI RCT"
        }
    }
}
