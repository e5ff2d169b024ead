/// The patient groups the catalogue's definitions name, each computed once.
/// A group is a list of indices into `facts.patients`, in byte order of ids.
/// Made in full up front and never changed, so figures compute in parallel.
final class FigureContext: Sendable {
    let facts: ReviewFacts
    let all: [Int]
    /// treated(M) of each modality, by case index.
    private let treatedGroups: [[Int]]
    /// Patients with steps of two or more modalities.
    let combined: [Int]
    /// treated(laser) patients whose laser variants are only CO2.
    let co2: [Int]
    var patientKeys: KeyList { facts.patientKeys }
    var studyKeys: KeyList { facts.studyKeys }

    init(_ facts: ReviewFacts) {
        self.facts = facts
        all = Array(facts.patients.indices)
        var treated: [[Int]] = Array(repeating: [], count: Modality.allCases.count)
        var combined: [Int] = [], co2: [Int] = []
        for (index, patient) in facts.patients.enumerated() {
            if let modality = patient.monotherapy {
                treated[modality.caseIndex].append(index)
                if modality == .laser && patient.co2Only { co2.append(index) }
            } else if patient.isCombined {
                combined.append(index)
            }
        }
        treatedGroups = treated
        self.combined = combined
        self.co2 = co2
    }

    var prisma: Prisma { facts.prisma }
    var imputation: Imputation { facts.review.imputation }

    /// treated(M): patients whose steps all have modality M (monotherapy).
    func treated(_ modality: Modality) -> [Int] { treatedGroups[modality.caseIndex] }

    func patients(where predicate: (PatientFacts) -> Bool) -> [Int] {
        facts.patients.indices.filter { predicate(facts.patients[$0]) }
    }

    func filter(_ group: [Int], _ predicate: (PatientFacts) -> Bool) -> [Int] {
        group.filter { predicate(facts.patients[$0]) }
    }

    /// Values of the steps of `modality` of the group's patients (all patients by default).
    func stepValues(_ modality: Modality, of group: [Int]? = nil, _ value: (TreatmentStep) -> Double?) -> [(patient: Int, value: Double)] {
        var values: [(patient: Int, value: Double)] = []
        let steps = facts.steps, patients = facts.patients
        for index in group ?? all {
            for step in patients[index].steps where steps[step].modality == modality {
                if let number = value(steps[step]) { values.append((index, number)) }
            }
        }
        return values
    }

    /// Whether one of the patient's steps passes `test`. Steps are read in
    /// place: copying each would retain its strings, a million times a figure.
    func hasStep(_ patient: PatientFacts, _ test: (TreatmentStep) -> Bool) -> Bool {
        let steps = facts.steps
        return patient.steps.contains { test(steps[$0]) }
    }

    /// One value per patient of the group that has it.
    func patientValues(_ group: [Int], _ value: (PatientFacts) -> Double?) -> [(patient: Int, value: Double)] {
        group.compactMap { index in value(facts.patients[index]).map { (index, $0) } }
    }

    func studies(where predicate: (StudyFacts) -> Bool) -> [Int] {
        facts.studies.indices.filter { predicate(facts.studies[$0]) }
    }

    func patientIDs(_ group: [Int]) -> FigureRows { FigureRows(patientKeys, group.map { Int32($0) }) }

    /// Distinct patients of a list of values, in order.
    func patientIDs(of values: [(patient: Int, value: Double)]) -> FigureRows {
        var positions: [Int32] = []
        var last = -1
        for (patient, _) in values where patient != last {
            positions.append(Int32(patient))
            last = patient
        }
        return FigureRows(patientKeys, positions)
    }

    func studyIDs(_ group: [Int]) -> FigureRows { FigureRows(studyKeys, group.map { Int32($0) }) }
}
