/// The review's extracted dataset, typed and validated (dataset.md).
///
/// `tables` holds every CSV file as its codebook declares it, for any
/// review. The typed rows (`studies` … `adverseEvents`) are a projection of
/// them that the pages and figures of this version use: made only when the
/// review's codes are the default review's (`defaultReviewProblem` says why not).
public struct Dataset: Sendable {
    public var review: Review
    public var prisma: Prisma
    public var studies: [Study]
    public var riskOfBias: [RiskOfBiasAnswer]
    public var patients: [Patient]
    public var treatments: [TreatmentStep]
    public var adverseEvents: [AdverseEvent]
    /// published.yaml: the figures as the article printed them, by id.
    public var published: [String: PublishedValue]
    /// Every file as the loader read and validated it, by name: the site
    /// offers these bytes for download, not a second read of the folder.
    public var files: [String: [UInt8]] = [:]
    /// The review's codebook, as read from the dataset folder.
    public var codebook = Codebook(tables: [], codeLists: [], appraisal: Codebook.Appraisal())
    /// Every CSV file as the codebook declares it, valid rows only.
    public var tables: [DataTable] = []
    /// Why the typed rows could not be made from `tables`; nil when they were.
    public var defaultReviewProblem: DataError?
}

public struct Review: Sendable {
    public var title: String
    public var authors: [String]
    public var journal: String?
    public var year: Int?
    public var doi: String?
    public var registration: String?
    public var databases: [String]
    public var languages: [String]
    public var provenance: String
    public var imputation: Imputation
}

public struct Study: Sendable {
    public var id: String
    public var ref: Int
    public var firstAuthor: String?
    public var year: Int?
    public var title: String?
    public var design: Design
    public var publication: Publication
    public var language: Language
    public var controlGroup: YesNo
    public var robTool: RiskOfBiasTool
    public var sourceNote: String?
}

public struct RiskOfBiasAnswer: Sendable {
    public var studyID: String
    public var question: Int
    public var answer: Answer
}

public struct Patient: Sendable {
    public var id: String
    public var studyID: String
    public var age: Double?
    public var sex: Sex?
    public var diagnosis: Diagnosis?
    public var diagnosisDetail: String?
    public var ccType: CalcinosisType?
    public var symptomMonths: Double?
    public var sites: [Site]
    public var lesionCM: Double?
    public var ulceration: YesNo?
    public var infection: YesNo?
    public var pain: YesNo?
    public var limitedMobility: YesNo?
    public var previousTreatment: String?
    public var response: Response
    public var painOutcome: PainOutcome?
    public var vasBefore: Double?
    public var vasAfter: Double?
    public var followUpMonths: Double?
    public var recurrence: YesNo?
    public var recurrenceNote: String?
}

public struct TreatmentStep: Sendable {
    public var patientID: String
    public var step: Int
    public var modality: Modality
    public var variant: Variant?
    public var concentration: Double?
    public var doseMG: Double?
    public var sessions: Int?
    public var durationMonths: Double?
    public var shockWaves: Int?
    public var energy: Double?
    public var anaesthesia: Anaesthesia?
    public var aftercare: String?
}

public struct AdverseEvent: Sendable {
    public var patientID: String
    public var step: Int
    public var event: AdverseEventType
    public var transient: YesNo?
    public var detail: String?
}
