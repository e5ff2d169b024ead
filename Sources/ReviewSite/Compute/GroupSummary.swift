/// Descriptive statistics of a group of patients (a study, a treatment
/// option): what Table 1 and Table 2 show, computed with the figures' rules.
public struct GroupSummary: Sendable {
    /// The patients' ids, in byte order.
    public var patientIDs: [String]
    /// The studies they come from, in byte order.
    public var studyIDs: [String]
    public var age: Spread
    public var sexCounts: (female: Int, male: Int, notReported: Int)
    /// Diagnoses with their patient counts, most common first (nil: not reported).
    public var diagnoses: [(diagnosis: Diagnosis?, count: Int)]
    /// Lesion sites with the number of patients having one there, most common first.
    public var sites: [(site: Site, count: Int)]
    public var responses: [Response: Int]
    public var painOutcomes: [PainOutcome: Int]
    public var vasReduction: Spread
    public var followUp: Spread
    /// Patients with recurrence yes, and with recurrence reported.
    public var recurrences: (yes: Int, reported: Int)
    /// Patients with each adverse event type (a patient once per type).
    public var adverseEvents: [AdverseEventType: Int]
    /// The regimen of each modality the group's steps use, in modality order.
    public var regimens: [Regimen]

    public var count: Int { patientIDs.count }

    /// Count and percent of the group (unknown responses in the denominator).
    public func share(_ response: Response) -> (count: Int, percent: Int?) {
        let count = responses[response] ?? 0
        return (count, Statistics.percent(count, self.count))
    }

    public var responded: (count: Int, percent: Int?) {
        let count = (responses[.complete] ?? 0) + (responses[.partial] ?? 0)
        return (count, Statistics.percent(count, self.count))
    }

    init(_ facts: ReviewFacts, _ group: [Int]) {
        let members = group.map { facts.patients[$0] }
        patientIDs = members.map(\.id)
        studyIDs = Set(members.map(\.patient.studyID)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        age = Spread(members.compactMap(\.patient.age))
        sexCounts = (members.count { $0.patient.sex == .f }, members.count { $0.patient.sex == .m }, members.count { $0.patient.sex == nil })
        diagnoses = Self.ranked(members.map(\.patient.diagnosis), order: Diagnosis.allCases.map { $0 } + [nil])
        sites = Self.ranked(members.flatMap { Set($0.patient.sites) }, order: Site.allCases)
        responses = Self.tally(members.map(\.patient.response))
        painOutcomes = Self.tally(members.compactMap(\.patient.painOutcome))
        vasReduction = Spread(members.compactMap(\.vasReduction))
        followUp = Spread(members.compactMap(\.patient.followUpMonths))
        recurrences = (members.count { $0.patient.recurrence == .yes }, members.count { $0.patient.recurrence != nil })
        var events: [AdverseEventType: Int] = [:]
        for member in members {
            for type in AdverseEventType.allCases where member.had(type) { events[type, default: 0] += 1 }
        }
        adverseEvents = events
        let steps = members.flatMap { member in facts.steps[member.steps].map { (member.id, $0) } }
        regimens = Modality.allCases.compactMap { modality in
            let ofModality = steps.filter { $0.1.modality == modality }
            return ofModality.isEmpty ? nil : Regimen(modality, ofModality)
        }
    }

    private static func tally<T: Hashable>(_ values: [T]) -> [T: Int] {
        values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Values with counts, most common first, ties in `order`.
    private static func ranked<T: Hashable>(_ values: [T], order: [T]) -> [(T, Int)] {
        let counts = tally(values)
        return order.compactMap { value in counts[value].map { (value, $0) } }
            .enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .map(\.element)
    }
}

/// Median, minimum and maximum of the values a group reports.
public struct Spread: Sendable, Equatable {
    public var median: Double?
    public var min: Double?
    public var max: Double?
    public var n: Int

    init(_ values: [Double]) {
        median = Statistics.median(values)
        min = values.min()
        max = values.max()
        n = values.count
    }
}

/// The regimen of one modality over a group's steps.
public struct Regimen: Sendable {
    public var modality: Modality
    /// Variants (vehicle, laser type, ESWL mode) with their patients; nil: not reported.
    public var variants: [(variant: Variant?, patients: Int)]
    /// Distinct concentrations, ascending.
    public var concentrations: [Double]
    public var dose: Spread
    public var sessions: Spread
    public var duration: Spread
    public var shockWaves: Spread
    public var energy: Spread
    public var anaesthesia: [Anaesthesia]
    /// Steps of this modality.
    public var steps: Int

    init(_ modality: Modality, _ steps: [(patientID: String, step: TreatmentStep)]) {
        self.modality = modality
        self.steps = steps.count
        var patientsByVariant: [Variant?: Set<String>] = [:]
        for (patientID, step) in steps { patientsByVariant[step.variant, default: []].insert(patientID) }
        let order: [Variant?] = Variant.allCases.map { $0 } + [nil]
        variants = order.compactMap { variant in patientsByVariant[variant].map { (variant, $0.count) } }
            .filter { $0.variant != nil || modality != .ilSTS }
        concentrations = Set(steps.compactMap(\.step.concentration)).sorted()
        dose = Spread(steps.compactMap(\.step.doseMG))
        sessions = Spread(steps.compactMap { $0.step.sessions.map(Double.init) })
        duration = Spread(steps.compactMap(\.step.durationMonths))
        shockWaves = Spread(steps.compactMap { $0.step.shockWaves.map(Double.init) })
        energy = Spread(steps.compactMap(\.step.energy))
        let used = Set(steps.compactMap(\.step.anaesthesia))
        anaesthesia = Anaesthesia.allCases.filter(used.contains)
    }
}

extension ReviewFacts {
    /// Table 1's statistics: one summary per study, in byte order of ids.
    public func studySummaries() -> [(study: StudyFacts, summary: GroupSummary)] {
        var byStudy: [String: [Int]] = [:]
        for index in patients.indices { byStudy[patients[index].patient.studyID, default: []].append(index) }
        return studies.map { ($0, GroupSummary(self, byStudy[$0.id] ?? [])) }
    }

    /// Table 2's statistics: each monotherapy, laser split by type, and each
    /// combination of modalities, in that order.
    public func treatmentSummaries() -> [(option: TreatmentOption, summary: GroupSummary)] {
        var groups: [TreatmentOption: [Int]] = [:]
        for index in patients.indices { groups[TreatmentOption(patients[index], steps), default: []].append(index) }
        let context = FigureContext(self)
        var options: [(TreatmentOption, GroupSummary)] = []
        for modality in Modality.allCases {
            let treated = context.treated(modality)
            guard !treated.isEmpty else { continue }
            options.append((.monotherapy(modality), GroupSummary(self, treated)))
            if modality == .laser {
                for option in groups.keys.filter({ if case .laser = $0 { true } else { false } }).sorted() {
                    options.append((option, GroupSummary(self, groups[option]!)))
                }
            }
        }
        for option in groups.keys.filter({ if case .combined = $0 { true } else { false } }).sorted() {
            options.append((option, GroupSummary(self, groups[option]!)))
        }
        return options
    }
}

/// A row of Table 2.
public enum TreatmentOption: Hashable, Comparable, Sendable {
    case monotherapy(Modality)
    /// Laser monotherapy with these laser types, in step order.
    case laser([Variant?])
    /// Two or more modalities, in step order.
    case combined([Modality])

    init(_ patient: PatientFacts, _ steps: [TreatmentStep]) {
        let mine = steps[patient.steps]
        if patient.isCombined {
            var order: [Modality] = []
            for step in mine where !order.contains(step.modality) { order.append(step.modality) }
            self = .combined(order)
        } else if patient.monotherapy == .laser {
            var order: [Variant?] = []
            for step in mine where !order.contains(step.variant) { order.append(step.variant) }
            self = .laser(order)
        } else {
            self = .monotherapy(patient.monotherapy ?? .topSTS)
        }
    }

    public static func < (a: TreatmentOption, b: TreatmentOption) -> Bool {
        a.sortKey < b.sortKey
    }

    private var sortKey: String {
        switch self {
        case .monotherapy(let modality): modality.rawValue
        case .laser(let variants): variants.map { $0?.rawValue ?? "~" }.joined(separator: "+")
        case .combined(let modalities): modalities.map(\.rawValue).joined(separator: "+")
        }
    }
}
