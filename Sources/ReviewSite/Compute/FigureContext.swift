/// The patient groups the catalogue's definitions name, each computed once.
/// A group is a list of indices into `facts.patients`, in byte order of ids.
final class FigureContext {
    let facts: ReviewFacts
    private var treatedCache: [Modality: [Int]] = [:]

    init(_ facts: ReviewFacts) {
        self.facts = facts
    }

    var prisma: Prisma { facts.dataset.prisma }
    var imputation: Imputation { facts.dataset.review.imputation }

    lazy var all: [Int] = Array(facts.patients.indices)

    /// treated(M): patients whose steps all have modality M (monotherapy).
    func treated(_ modality: Modality) -> [Int] {
        if let cached = treatedCache[modality] { return cached }
        let group = patients { $0.treated(with: modality) }
        treatedCache[modality] = group
        return group
    }

    /// Patients with steps of two or more modalities.
    lazy var combined: [Int] = patients { $0.isCombined }

    /// treated(laser) patients whose laser variants are only CO2.
    lazy var co2: [Int] = treated(.laser).filter { facts.patients[$0].co2Only }

    func patients(where predicate: (PatientFacts) -> Bool) -> [Int] {
        facts.patients.indices.filter { predicate(facts.patients[$0]) }
    }

    func filter(_ group: [Int], _ predicate: (PatientFacts) -> Bool) -> [Int] {
        group.filter { predicate(facts.patients[$0]) }
    }

    /// Values of the steps of `modality` of the group's patients (all patients by default).
    func stepValues(_ modality: Modality, of group: [Int]? = nil, _ value: (TreatmentStep) -> Double?) -> [(patient: Int, value: Double)] {
        var values: [(patient: Int, value: Double)] = []
        for index in group ?? all {
            for step in facts.steps[facts.patients[index].steps] where step.modality == modality {
                if let number = value(step) { values.append((index, number)) }
            }
        }
        return values
    }

    /// One value per patient of the group that has it.
    func patientValues(_ group: [Int], _ value: (PatientFacts) -> Double?) -> [(patient: Int, value: Double)] {
        group.compactMap { index in value(facts.patients[index]).map { (index, $0) } }
    }

    func studies(where predicate: (StudyFacts) -> Bool) -> [Int] {
        facts.studies.indices.filter { predicate(facts.studies[$0]) }
    }

    func patientIDs(_ group: [Int]) -> [String] { group.map { facts.patients[$0].id } }

    /// Distinct patients of a list of values, in order.
    func patientIDs(of values: [(patient: Int, value: Double)]) -> [String] {
        var ids: [String] = []
        var last = -1
        for (patient, _) in values where patient != last {
            ids.append(facts.patients[patient].id)
            last = patient
        }
        return ids
    }

    func studyIDs(_ group: [Int]) -> [String] { group.map { facts.studies[$0].id } }
}
