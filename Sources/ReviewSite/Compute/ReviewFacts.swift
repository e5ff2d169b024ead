/// Facts derived once per patient and study, shared by the tables and
/// pages (the figures are queries on the review's database). A class:
/// every page and figure holds it, and a struct of this many arrays would
/// retain each of them on every copy.
public final class ReviewFacts: Sendable {
    public let review: Review
    /// The words readers see for each code: the codebook's labels.
    public let labels: CodeLabels
    /// The codebook's extra columns of patients.csv, in the order of `patients`.
    public let extraPatientColumns: ExtraColumns
    public let prisma: Prisma
    /// published.yaml: the figures as the article printed them, by id.
    public let published: [String: PublishedValue]
    /// Patients in byte order of their ids (the order of every figure's rows).
    public let patients: [PatientFacts]
    /// Studies in byte order of their ids.
    public let studies: [StudyFacts]
    /// Treatment steps grouped by patient, in step order; `PatientFacts.steps` indexes it.
    public let steps: [TreatmentStep]
    /// Adverse events grouped by patient, in file order; `PatientFacts.events` indexes it.
    public let events: [AdverseEvent]
    /// Checklist answers grouped by study, by question; `StudyFacts.answers` indexes it.
    public let answers: [RiskOfBiasAnswer]
    /// Positions in `patients`, grouped by study; `StudyFacts.patients` indexes it.
    public let members: [Int]
    /// The keys figures' rows point into: patient and study ids in byte order.
    let patientKeys: KeyList
    let studyKeys: KeyList
    /// Patient ids in file order, with each one's position in `patients`;
    /// study ids with their position in `studies`.
    private let patientIndex: IDIndex
    private let patientRank: [Int]
    let studyIndex: IDIndex

    /// Takes the dataset's rows over: each table is released once it is
    /// reorganised, so a million patients are not held twice. The studies'
    /// side and the sorting of the patients run on a second core.
    public init(_ dataset: consuming Dataset) {
        review = dataset.review
        labels = CodeLabels(dataset.codebook)
        prisma = dataset.prisma
        published = dataset.published
        let patientsIn = dataset.patients, studiesIn = dataset.studies, answersIn = dataset.riskOfBias
        dataset.riskOfBias = []
        dataset.studies = []
        let patientIDs = patientsIn.map(\.id)
        let studySide = Background { () -> StudySide in
            let patientOrder = ByteOrder.sortedPositions(patientIDs)
            let studyIDs = studiesIn.map(\.id)
            let studyOrder = ByteOrder.sortedPositions(studyIDs)
            let studyIndex = IDIndex(studyIDs, positions: Self.inverse(studyOrder))
            let answerRanks = studyIndex.positions(of: answersIn.lazy.map(\.studyID))
            let answerOrder = Self.grouped(answerRanks, groups: studyOrder.count) { answersIn[$0].question }
            return StudySide(patientOrder: patientOrder, studyOrder: studyOrder, studyIndex: studyIndex,
                             studyOfPatient: studyIndex.positions(of: patientsIn.lazy.map(\.studyID)),
                             answers: answerOrder.map { answersIn[$0] },
                             answerBounds: Self.bounds(answerOrder.map { answerRanks[$0] }, groups: studyOrder.count))
        }
        // Meanwhile: steps and adverse events joined to patients in file order.
        let patientIndex = IDIndex(patientIDs)
        self.patientIndex = patientIndex
        let stepsIn = patientIndex.positions(of: dataset.treatments.lazy.map(\.patientID))
        let eventsIn = patientIndex.positions(of: dataset.adverseEvents.lazy.map(\.patientID))
        let side = studySide.result()
        let patientOrder = side.patientOrder, studyOrder = side.studyOrder
        let rank = Self.inverse(patientOrder)
        patientRank = rank
        studyIndex = side.studyIndex

        let stepRanks = stepsIn.map { $0 < 0 ? -1 : rank[$0] }
        let stepOrder = Self.grouped(stepRanks, groups: patientOrder.count) { dataset.treatments[$0].step }
        steps = stepOrder.map { dataset.treatments[$0] }
        dataset.treatments = []
        let stepBounds = Self.bounds(stepOrder.map { stepRanks[$0] }, groups: patientOrder.count)

        let eventRanks = eventsIn.map { $0 < 0 ? -1 : rank[$0] }
        let eventOrder = Self.grouped(eventRanks, groups: patientOrder.count)
        events = eventOrder.map { dataset.adverseEvents[$0] }
        dataset.adverseEvents = []
        let eventBounds = Self.bounds(eventOrder.map { eventRanks[$0] }, groups: patientOrder.count)

        var facts: [PatientFacts] = []
        facts.reserveCapacity(patientOrder.count)
        var memberStudies: [Int] = []
        memberStudies.reserveCapacity(patientOrder.count)
        for (rank, index) in patientOrder.enumerated() {
            var bits: UInt8 = 0
            for event in events[eventBounds[rank]..<eventBounds[rank + 1]] { bits |= event.event.bit }
            let study = side.studyOfPatient[index]
            memberStudies.append(study)
            facts.append(PatientFacts(patient: patientsIn[index], study: study, steps: stepBounds[rank]..<stepBounds[rank + 1],
                                      events: eventBounds[rank]..<eventBounds[rank + 1], allSteps: steps, eventBits: bits))
        }
        patients = facts
        extraPatientColumns = ExtraColumns(dataset.table("patients"), codebook: dataset.codebook, order: patientOrder)
        patientKeys = KeyList(patientOrder.map { patientIDs[$0] })
        dataset.patients = []
        members = Self.grouped(memberStudies, groups: studyOrder.count)
        let memberBounds = Self.bounds(members.map { memberStudies[$0] }, groups: studyOrder.count)
        answers = side.answers
        studyKeys = KeyList(studyOrder.map { studiesIn[$0].id })
        studies = studyOrder.enumerated().map { rank, index in
            StudyFacts(study: studiesIn[index], patients: memberBounds[rank]..<memberBounds[rank + 1],
                       answers: side.answerBounds[rank]..<side.answerBounds[rank + 1], allAnswers: side.answers)
        }
    }

    /// What the second core works out in `init`.
    private struct StudySide: Sendable {
        var patientOrder: [Int]
        var studyOrder: [Int]
        var studyIndex: IDIndex
        /// Each patient's study, by file position of the patient.
        var studyOfPatient: [Int]
        var answers: [RiskOfBiasAnswer]
        var answerBounds: [Int]
    }

    /// The position in `patients` of a patient id.
    func patientPosition(of id: String) -> Int? {
        patientIndex.position(of: id).map { patientRank[$0] }
    }

    /// Where each element of a permutation stands in it.
    private static func inverse(_ order: [Int]) -> [Int] {
        var inverse = [Int](repeating: 0, count: order.count)
        for (rank, index) in order.enumerated() { inverse[index] = rank }
        return inverse
    }

    /// Positions of `groupOf` sorted by group, keeping the order within a
    /// group (a counting sort); rows of no group (-1) are left out.
    private static func grouped(_ groupOf: [Int], groups: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: groups + 1)
        for group in groupOf where group >= 0 { starts[group + 1] += 1 }
        for group in 0..<groups { starts[group + 1] += starts[group] }
        var order = [Int](repeating: 0, count: starts[groups])
        for (position, group) in groupOf.enumerated() where group >= 0 {
            order[starts[group]] = position
            starts[group] += 1
        }
        return order
    }

    /// `grouped`, then each group in order of `key` (a step, a question).
    private static func grouped(_ groupOf: [Int], groups: Int, by key: (Int) -> Int) -> [Int] {
        var order = grouped(groupOf, groups: groups)
        var start = 0
        while start < order.count {
            var end = start + 1
            var sorted = true
            while end < order.count && groupOf[order[end]] == groupOf[order[start]] {
                if key(order[end]) < key(order[end - 1]) { sorted = false }
                end += 1
            }
            if !sorted { order[start..<end].sort { key($0) < key($1) } }
            start = end
        }
        return order
    }

    /// Where each group starts in a list sorted by group (-1s first), and its end.
    private static func bounds(_ sortedGroups: [Int], groups: Int) -> [Int] {
        var bounds = [Int](repeating: 0, count: groups + 1)
        var cursor = 0
        while cursor < sortedGroups.count && sortedGroups[cursor] < 0 { cursor += 1 }
        for group in 0..<groups {
            bounds[group] = cursor
            while cursor < sortedGroups.count && sortedGroups[cursor] == group { cursor += 1 }
        }
        bounds[groups] = cursor
        return bounds
    }

    /// The patients of a study, in byte order of their ids.
    public func patients(of study: StudyFacts) -> [PatientFacts] {
        members[study.patients].map { patients[$0] }
    }
}

/// One patient with what the tables ask of it. A class: tables pass
/// patients around by the million, and a reference copies in one retain.
public final class PatientFacts: Sendable {
    public let patient: Patient
    /// The patient's study, a position in `ReviewFacts.studies`.
    public let study: Int
    /// This patient's steps in `ReviewFacts.steps`.
    public let steps: Range<Int>
    /// This patient's adverse events in `ReviewFacts.events`.
    public let events: Range<Int>
    /// Bit set of the modalities of the steps.
    let modalityBits: UInt8
    /// Bit set of the adverse event types.
    let eventBits: UInt8

    init(patient: Patient, study: Int, steps: Range<Int>, events: Range<Int>, allSteps: [TreatmentStep], eventBits: UInt8) {
        self.patient = patient
        self.study = study
        self.steps = steps
        self.events = events
        self.eventBits = eventBits
        var bits: UInt8 = 0
        for step in allSteps[steps] { bits |= step.modality.bit }
        modalityBits = bits
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

    public var isCombined: Bool { modalityBits.nonzeroBitCount > 1 }

    /// vas_before − vas_after, for a patient with both.
    public var vasReduction: Double? {
        guard let before = patient.vasBefore, let after = patient.vasAfter else { return nil }
        return before - after
    }
}

/// One study with its overall risk of bias. A class, like PatientFacts.
public final class StudyFacts: Sendable {
    public let study: Study
    /// The study's patients: positions in `ReviewFacts.members`.
    public let patients: Range<Int>
    /// The study's checklist answers in `ReviewFacts.answers`.
    public let answers: Range<Int>
    /// Share of `yes` among the applicable answers; nil with none applicable.
    public let yesShare: (yes: Int, applicable: Int)
    public let riskOfBias: RiskLevel

    init(study: Study, patients: Range<Int>, answers: Range<Int>, allAnswers: [RiskOfBiasAnswer]) {
        self.study = study
        self.patients = patients
        self.answers = answers
        var yes = 0, applicable = 0
        for answer in allAnswers[answers] where answer.answer != .notApplicable {
            applicable += 1
            if answer.answer == .yes { yes += 1 }
        }
        yesShare = (yes, applicable)
        riskOfBias = RiskLevel(yes: yes, applicable: applicable)
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
