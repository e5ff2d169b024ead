/// Facts derived once per patient and study, shared by every figure and
/// table so that a table cell and a sentence can never disagree.
public struct ReviewFacts: Sendable {
    public let dataset: Dataset
    /// Patients in byte order of their ids (the order of every figure's rows).
    public let patients: [PatientFacts]
    /// Studies in byte order of their ids.
    public let studies: [StudyFacts]
    /// Treatment steps grouped by patient, in step order; `PatientFacts.steps` indexes it.
    public let steps: [TreatmentStep]

    public init(_ dataset: Dataset) {
        self.dataset = dataset
        let patientOrder = dataset.patients.indices.sorted { dataset.patients[$0].id.utf8.lexicographicallyPrecedes(dataset.patients[$1].id.utf8) }
        var position = [String: Int](minimumCapacity: dataset.patients.count)
        for (rank, index) in patientOrder.enumerated() { position[dataset.patients[index].id] = rank }

        // Sort keys looked up once per step, not once per comparison.
        let keyed = dataset.treatments.indices.map { (rank: position[dataset.treatments[$0].patientID] ?? -1, step: dataset.treatments[$0].step, index: $0) }
            .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.step < $1.step }
        steps = keyed.map { dataset.treatments[$0.index] }
        let stepRanks = keyed.map(\.rank)

        var events = [UInt8](repeating: 0, count: patientOrder.count)
        for event in dataset.adverseEvents {
            if let rank = position[event.patientID] { events[rank] |= event.event.bit }
        }

        var facts: [PatientFacts] = []
        facts.reserveCapacity(patientOrder.count)
        var cursor = 0
        for (rank, index) in patientOrder.enumerated() {
            let start = cursor
            while cursor < stepRanks.count && stepRanks[cursor] == rank { cursor += 1 }
            facts.append(PatientFacts(patient: dataset.patients[index], steps: start..<cursor, allSteps: steps, events: events[rank]))
        }
        patients = facts

        var answers: [String: (yes: Int, applicable: Int)] = [:]
        for answer in dataset.riskOfBias where answer.answer != .notApplicable {
            answers[answer.studyID, default: (0, 0)].applicable += 1
            if answer.answer == .yes { answers[answer.studyID, default: (0, 0)].yes += 1 }
        }
        studies = dataset.studies
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            .map { StudyFacts(study: $0, answers: answers[$0.id] ?? (0, 0)) }
    }
}

/// One patient with what the figures ask of it. A class: figures pass
/// patients around by the million, and a reference copies in one retain.
public final class PatientFacts: Sendable {
    public let patient: Patient
    /// This patient's steps in `ReviewFacts.steps`.
    public let steps: Range<Int>
    /// Bit set of the modalities of the steps.
    let modalityBits: UInt8
    /// Bit set of the adverse event types.
    let eventBits: UInt8
    /// Laser patient whose laser steps are all CO2.
    public let co2Only: Bool
    /// Sessions over all steps, a missing count as 0.
    public let sessions: Int
    /// Sum of the top-STS steps' durations; nil when any is missing.
    public let topSTSDuration: Double?

    init(patient: Patient, steps: Range<Int>, allSteps: [TreatmentStep], events: UInt8) {
        self.patient = patient
        self.steps = steps
        eventBits = events
        var bits: UInt8 = 0
        var laserSteps = 0, co2Steps = 0, sessions = 0
        var duration: Double? = 0
        for step in allSteps[steps] {
            bits |= step.modality.bit
            sessions += step.sessions ?? 0
            if step.modality == .laser {
                laserSteps += 1
                if step.variant == .co2 { co2Steps += 1 }
            }
            if step.modality == .topSTS {
                duration = step.durationMonths.flatMap { value in duration.map { $0 + value } }
            }
        }
        modalityBits = bits
        co2Only = laserSteps > 0 && co2Steps == laserSteps
        self.sessions = sessions
        topSTSDuration = bits & Modality.topSTS.bit != 0 ? duration : nil
    }

    public var id: String { patient.id }

    /// The single modality of a monotherapy patient; nil for combined treatment.
    public var monotherapy: Modality? {
        switch modalityBits {
        case Modality.topSTS.bit: .topSTS
        case Modality.ilSTS.bit: .ilSTS
        case Modality.laser.bit: .laser
        case Modality.eswl.bit: .eswl
        default: nil
        }
    }

    public func treated(with modality: Modality) -> Bool { modalityBits == modality.bit }

    public func hadStep(of modality: Modality) -> Bool { modalityBits & modality.bit != 0 }

    public var isCombined: Bool { modalityBits.nonzeroBitCount > 1 }

    public var modalities: [Modality] { Modality.allCases.filter { modalityBits & $0.bit != 0 } }

    public func had(_ event: AdverseEventType) -> Bool { eventBits & event.bit != 0 }

    public var responded: Bool { patient.response == .complete || patient.response == .partial }

    /// vas_before − vas_after, for a patient with both.
    public var vasReduction: Double? {
        guard let before = patient.vasBefore, let after = patient.vasAfter else { return nil }
        return before - after
    }
}

/// One study with its overall risk of bias.
public struct StudyFacts: Sendable {
    public let study: Study
    /// Share of `yes` among the applicable answers; nil with none applicable.
    public let yesShare: (yes: Int, applicable: Int)
    public let riskOfBias: RiskLevel

    init(study: Study, answers: (yes: Int, applicable: Int)) {
        self.study = study
        yesShare = answers
        riskOfBias = RiskLevel(yes: answers.yes, applicable: answers.applicable)
    }

    public var id: String { study.id }
}

/// Overall risk of bias: above 75 % yes low, below 50 % high, else moderate.
public enum RiskLevel: String, Sendable, CaseIterable {
    case low, moderate, high

    init(yes: Int, applicable: Int) {
        if applicable == 0 || 2 * yes < applicable {
            self = .high
        } else if 4 * yes > 3 * applicable {
            self = .low
        } else {
            self = .moderate
        }
    }
}

extension Modality {
    var bit: UInt8 {
        switch self {
        case .topSTS: 1
        case .ilSTS: 2
        case .laser: 4
        case .eswl: 8
        }
    }
}

extension AdverseEventType {
    var bit: UInt8 {
        switch self {
        case .infection: 1
        case .injectionPain: 2
        case .scarring: 4
        case .hyperkeratosis: 8
        case .fever: 16
        case .other: 32
        }
    }
}
