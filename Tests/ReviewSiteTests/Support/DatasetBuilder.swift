@testable import ReviewSite

/// Small datasets built in code, for hand-computed figures.
enum Build {
    static func patient(_ id: String, study: String = "S1", response: Response = .complete, sex: Sex? = nil,
                        ccType: CalcinosisType? = .dystrophic, painOutcome: PainOutcome? = nil,
                        vas: (Double, Double)? = nil, lesion: Double? = nil, recurrence: YesNo? = nil) -> Patient {
        Patient(id: id, studyID: study, age: nil, sex: sex, diagnosis: nil, diagnosisDetail: nil, ccType: ccType,
                symptomMonths: nil, sites: [], lesionCM: lesion, ulceration: nil, infection: nil, pain: nil,
                limitedMobility: nil, previousTreatment: nil, response: response, painOutcome: painOutcome,
                vasBefore: vas?.0, vasAfter: vas?.1, followUpMonths: nil, recurrence: recurrence, recurrenceNote: nil)
    }

    static func step(_ patientID: String, _ number: Int = 1, _ modality: Modality, variant: Variant? = nil,
                     concentration: Double? = nil, sessions: Int? = nil, duration: Double? = nil) -> TreatmentStep {
        TreatmentStep(patientID: patientID, step: number, modality: modality, variant: variant, concentration: concentration,
                      doseMG: nil, sessions: sessions, durationMonths: duration, shockWaves: nil, energy: nil,
                      anaesthesia: nil, aftercare: nil)
    }

    static func event(_ patientID: String, _ type: AdverseEventType, step: Int = 1) -> AdverseEvent {
        AdverseEvent(patientID: patientID, step: step, event: type, transient: nil, detail: nil)
    }

    static func study(_ id: String, tool: RiskOfBiasTool = .caseReport) -> Study {
        Study(id: id, ref: 1, firstAuthor: nil, year: nil, title: nil, design: .caseReport, publication: .article,
              language: .en, controlGroup: .no, robTool: tool, sourceNote: nil)
    }

    static func dataset(patients: [Patient], steps: [TreatmentStep], events: [AdverseEvent] = [],
                        studies: [Study] = [study("S1")], answers: [RiskOfBiasAnswer] = [],
                        imputation: Imputation = .mean) -> Dataset {
        let review = Review(title: "t", authors: [], journal: nil, year: nil, doi: nil, registration: nil, databases: [],
                            languages: [], provenance: "p", imputation: imputation)
        let prisma = Prisma(
            databases: .init(recordsIdentified: 0, bySource: [], registersRecords: 0, removedDuplicates: 0, removedAutomation: 0,
                             removedOther: 0, recordsExcluded: 0, reportsNotRetrieved: 0, reportsExcluded: []),
            otherMethods: .init(recordsIdentified: 0, sources: [], reportsNotRetrieved: 0, reportsExcluded: []),
            includedStudies: studies.count, includedReports: studies.count)
        return Dataset(review: review, prisma: prisma, published: [:], codebook: codebook,
                       tables: tables(studies: studies, answers: answers, patients: patients, steps: steps, events: events))
    }

    /// One computed figure of a dataset, by the definitions of templates/figures.yaml.
    static func figure(_ id: String, _ dataset: Dataset) -> Figure {
        try! Report(dataset, catalogue: defaultCatalogue).figures.first { $0.id == id }!
    }
}
