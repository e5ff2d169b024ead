import Dispatch

/// Reads a dataset folder (dataset.md) into typed, validated values.
public enum DatasetLoader {
    /// Loads and checks every file and every rule; throws all problems at once.
    /// `figureFields` names the figures published.yaml may quote and their
    /// fields: those of figures.yaml (`FigureFile.fields`), asked for only
    /// when published.yaml is read, last, so that figures.yaml can be read meanwhile.
    public static func load(from path: String, figureFields: @autoclosure () -> [String: [String]]) throws(DatasetErrors) -> Dataset {
        let directory = DataDirectory(path)
        guard directory.exists else {
            throw DatasetErrors([DataError(file: directory.path, line: nil, message: "no such folder (expected a dataset folder with the files of docs/dataset.md)")])
        }
        // patients.csv, the largest file, is read on a second core meanwhile.
        let patientsRead = Background { () -> (TableRows<Patient>?, [DataError]) in
            let sink = ErrorSink()
            return (readPatients(directory, sink), sink.errors)
        }
        let sink = ErrorSink()
        let review = readReview(directory, sink)
        let prisma = readPrisma(directory, sink)
        let studies = readStudies(directory, sink)
        let riskOfBias = readRiskOfBias(directory, sink)
        let treatments = readTreatments(directory, sink)
        let adverseEvents = readAdverseEvents(directory, sink)
        let published = readPublished(directory, sink, fields: figureFields())
        let (patients, patientErrors) = patientsRead.result()
        patientErrors.forEach(sink.add)

        let validator = DatasetValidator(directory: directory, sink: sink)
        if let studies {
            validator.checkUniqueRefs(studies)
            if let riskOfBias { validator.checkRiskOfBias(riskOfBias, studies: studies) }
            if let patients { validator.checkReferences(patients, studies: studies) }
            if let (prisma, lines) = prisma { validator.checkPrisma(prisma, lines, studyCount: studies.recordCount) }
        } else if let (prisma, lines) = prisma {
            validator.checkPrisma(prisma, lines, studyCount: nil)
        }
        if let patients, let treatments {
            let steps = validator.checkSteps(treatments, patients: patients)
            if let adverseEvents { validator.checkAdverseEvents(adverseEvents, patients: patients, treatments: treatments, steps: steps) }
        }

        guard sink.isEmpty, let review, let (prisma, _) = prisma, let published, let studies, let riskOfBias,
              let patients, let treatments, let adverseEvents else {
            throw DatasetErrors(sink.errors)
        }
        return Dataset(review: review, prisma: prisma, studies: studies.rows, riskOfBias: riskOfBias.rows,
                       patients: patients.rows, treatments: treatments.rows, adverseEvents: adverseEvents.rows,
                       published: published)
    }
}

/// A computation running on another thread; `result()` waits for it.
final class Background<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// May be asked more than once.
    func result() -> Value {
        done.wait()
        defer { done.signal() }
        return value!
    }
}
