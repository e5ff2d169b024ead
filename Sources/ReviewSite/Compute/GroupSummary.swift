/// Descriptive statistics of a group of patients (a study, a treatment
/// option): what Table 1 and Table 2 show, computed with the figures' rules.
public struct GroupSummary: Sendable {
    /// Patients in the group.
    public var count: Int
    /// Distinct studies they come from.
    public var studyCount: Int
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
    /// The words for the group's codes, from the codebook.
    public var labels: CodeLabels

    /// Count and percent of the group (unknown responses in the denominator).
    public func share(_ response: Response) -> (count: Int, percent: Int?) {
        let count = responses[response] ?? 0
        return (count, Statistics.percent(count, self.count))
    }

    public var responded: (count: Int, percent: Int?) {
        let count = (responses[.complete] ?? 0) + (responses[.partial] ?? 0)
        return (count, Statistics.percent(count, self.count))
    }

    /// One pass over the group's patients with a counter per code (by case
    /// index): Table 1 makes one summary for each of hundreds of thousands of studies.
    init(_ facts: ReviewFacts, _ group: some Collection<Int>) {
        count = group.count
        labels = facts.labels
        // Most groups (a study's patients) have one study: no set for them.
        var firstStudy: Int?
        var otherStudies = Set<Int>()
        var ages: [Double] = [], vas: [Double] = [], followUps: [Double] = []
        var female = 0, male = 0, recurred = 0, recurrenceReported = 0
        // One array of counters, by case index: diagnoses (and not reported),
        // sites, responses, pain outcomes, adverse events.
        let sitesAt = Diagnosis.allCases.count + 1, responsesAt = sitesAt + Site.allCases.count
        let painAt = responsesAt + Response.allCases.count, eventsAt = painAt + PainOutcome.allCases.count
        var counts = [Int](repeating: 0, count: eventsAt + AdverseEventType.allCases.count)
        var steps: [[(patient: Int, step: Int)]] = Array(repeating: [], count: Modality.allCases.count)
        for index in group {
            // Fields are read through the class: copying the Patient would
            // retain every string it holds.
            let member = facts.patients[index]
            if firstStudy == nil { firstStudy = member.study } else if member.study != firstStudy { otherStudies.insert(member.study) }
            if let age = member.patient.age { ages.append(age) }
            switch member.patient.sex {
            case .f: female += 1
            case .m: male += 1
            case nil: break
            }
            counts[member.patient.diagnosis?.caseIndex ?? Diagnosis.allCases.count] += 1
            var siteBits: UInt64 = 0
            for site in member.patient.sites { siteBits |= 1 << UInt64(site.caseIndex) }
            while siteBits != 0 {
                counts[sitesAt + siteBits.trailingZeroBitCount] += 1
                siteBits &= siteBits - 1
            }
            counts[responsesAt + member.patient.response.caseIndex] += 1
            if let pain = member.patient.painOutcome { counts[painAt + pain.caseIndex] += 1 }
            if let reduction = member.vasReduction { vas.append(reduction) }
            if let months = member.patient.followUpMonths { followUps.append(months) }
            if member.patient.recurrence == .yes { recurred += 1 }
            if member.patient.recurrence != nil { recurrenceReported += 1 }
            var eventBits = member.eventBits
            while eventBits != 0 {
                counts[eventsAt + eventBits.trailingZeroBitCount] += 1
                eventBits &= eventBits - 1
            }
            for step in member.steps { steps[facts.steps[step].modality.caseIndex].append((index, step)) }
        }
        studyCount = (firstStudy == nil ? 0 : 1) + otherStudies.count
        age = Spread(&ages)
        sexCounts = (female, male, count - female - male)
        diagnoses = Self.ranked(counts[..<sitesAt], Diagnosis.allCases.map { $0 } + [nil])
        sites = Self.ranked(counts[sitesAt..<responsesAt], Site.allCases.map { $0 })
        responses = Self.tally(counts[responsesAt..<painAt], Response.allCases)
        painOutcomes = Self.tally(counts[painAt..<eventsAt], PainOutcome.allCases)
        vasReduction = Spread(&vas)
        followUp = Spread(&followUps)
        recurrences = (recurred, recurrenceReported)
        adverseEvents = Self.tally(counts[eventsAt...], AdverseEventType.allCases)
        regimens = Modality.allCases.compactMap { modality in
            let ofModality = steps[modality.caseIndex]
            return ofModality.isEmpty ? nil : Regimen(modality, ofModality, facts.steps)
        }
    }

    /// The codes counted at least once, with their counts.
    private static func tally<T: Hashable>(_ counts: ArraySlice<Int>, _ codes: some Collection<T>) -> [T: Int] {
        var tally: [T: Int] = [:]
        for (code, count) in zip(codes, counts) where count > 0 { tally[code] = count }
        return tally
    }

    /// Codes with counts, most common first, ties in `order`.
    private static func ranked<T>(_ counts: ArraySlice<Int>, _ order: [T]) -> [(T, Int)] {
        zip(order, counts).filter { $0.1 > 0 }
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

    /// Sorts `values` in place: the groups' scratch arrays, not copied again.
    init(_ values: inout [Double]) {
        values.sort()
        median = Statistics.median(sorted: values)
        min = values.first
        max = values.last
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

    /// `steps` come patient by patient (a patient's steps together).
    init(_ modality: Modality, _ steps: [(patient: Int, step: Int)], _ allSteps: [TreatmentStep]) {
        self.modality = modality
        self.steps = steps.count
        var patientsByVariant = [Int](repeating: 0, count: Variant.allCases.count + 1)
        var lastPatient = [Int](repeating: -1, count: Variant.allCases.count + 1)
        var concentrations: [Double] = [], doses: [Double] = [], sessions: [Double] = []
        var durations: [Double] = [], shockWaves: [Double] = [], energies: [Double] = []
        var anaesthesiaBits = 0
        for (patient, position) in steps {
            let step = allSteps[position]
            let variant = step.variant?.caseIndex ?? Variant.allCases.count
            if lastPatient[variant] != patient {
                patientsByVariant[variant] += 1
                lastPatient[variant] = patient
            }
            if let value = step.concentration { concentrations.append(value) }
            if let value = step.doseMG { doses.append(value) }
            if let value = step.sessions { sessions.append(Double(value)) }
            if let value = step.durationMonths { durations.append(value) }
            if let value = step.shockWaves { shockWaves.append(Double(value)) }
            if let value = step.energy { energies.append(value) }
            if let value = step.anaesthesia { anaesthesiaBits |= 1 << value.caseIndex }
        }
        let order: [Variant?] = Variant.allCases.map { $0 } + [nil]
        variants = zip(order, patientsByVariant).filter { $0.1 > 0 }.map { (variant: $0.0, patients: $0.1) }
            .filter { $0.variant != nil || modality != .ilSTS }
        self.concentrations = Array(Set(concentrations)).sorted()
        dose = Spread(&doses)
        self.sessions = Spread(&sessions)
        duration = Spread(&durations)
        self.shockWaves = Spread(&shockWaves)
        energy = Spread(&energies)
        anaesthesia = Anaesthesia.allCases.filter { anaesthesiaBits & (1 << $0.caseIndex) != 0 }
    }
}

extension ReviewFacts {
    /// Table 2's rows: each monotherapy, laser split by type, and each
    /// combination of modalities, in that order, with its patients
    /// (positions in `patients`, in byte order).
    func treatmentGroups() -> [(option: TreatmentOption, patients: [Int])] {
        var groups: [TreatmentOption: [Int]] = [:]
        for index in patients.indices { groups[TreatmentOption(patients[index], steps), default: []].append(index) }
        var options: [(TreatmentOption, [Int])] = []
        for modality in Modality.allCases {
            let treated = patients.indices.filter { patients[$0].treated(with: modality) }
            guard !treated.isEmpty else { continue }
            options.append((.monotherapy(modality), treated))
            if modality == .laser {
                for option in groups.keys.filter({ if case .laser = $0 { true } else { false } }).sorted() {
                    options.append((option, groups[option]!))
                }
            }
        }
        for option in groups.keys.filter({ if case .combined = $0 { true } else { false } }).sorted() {
            options.append((option, groups[option]!))
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

extension Code {
    /// The case's position in `allCases`: a no-payload enum is stored as its case index.
    /// A test holds it to `allCases` for every code.
    var caseIndex: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
