/// The rules of dataset.md that span rows and files.
struct DatasetValidator {
    let directory: DataDirectory
    let sink: ErrorSink

    func fail(_ file: String, _ line: Int?, _ column: String?, _ message: String) {
        sink.add(file: directory.display(file), line: line, column: column, message)
    }

    func checkUniqueRefs(_ studies: TableRows<Study>) {
        var first: [Int: Int] = [:]
        for (study, line) in zip(studies.rows, studies.lines) {
            if let earlier = first[study.ref] {
                fail(StudyColumn.fileName, line, "ref", "'\(study.ref)' is a duplicate (first on line \(earlier))")
            } else {
                first[study.ref] = line
            }
        }
    }

    /// One answer per question of the study's checklist, no more, no less.
    func checkRiskOfBias(_ answers: TableRows<RiskOfBiasAnswer>, studies: TableRows<Study>) {
        let file = RiskOfBiasColumn.fileName
        let tools = Dictionary(studies.rows.map { ($0.id, $0.robTool) }, uniquingKeysWith: { first, _ in first })
        var answered: [String: [Int: Int]] = [:]
        for (answer, line) in zip(answers.rows, answers.lines) {
            guard studies.keys[answer.studyID] != nil else {
                fail(file, line, "study_id", "'\(answer.studyID)' is not a study_id of studies.csv")
                continue
            }
            guard let tool = tools[answer.studyID] else { continue }
            guard answer.question <= tool.questions else {
                fail(file, line, "question", "'\(answer.question)' is not a question of \(tool.rawValue) (expected 1 to \(tool.questions))")
                continue
            }
            if let earlier = answered[answer.studyID]?[answer.question] {
                fail(file, line, "question", "question \(answer.question) of study '\(answer.studyID)' is answered twice (first on line \(earlier))")
            } else {
                answered[answer.studyID, default: [:]][answer.question] = line
            }
        }
        for (study, line) in zip(studies.rows, studies.lines) where !answers.invalidOwners.contains(study.id) {
            let given = answered[study.id] ?? [:]
            let missing = (1...study.robTool.questions).filter { given[$0] == nil }
            if !missing.isEmpty {
                let list = missing.map(String.init).joined(separator: ", ")
                let noun = missing.count == 1 ? "question" : "questions"
                fail(StudyColumn.fileName, line, "rob_tool",
                     "study '\(study.id)' has no answer in risk_of_bias.csv for \(noun) \(list) of \(study.robTool.rawValue)")
            }
        }
    }

    func checkReferences(_ patients: TableRows<Patient>, studies: TableRows<Study>) {
        for (patient, line) in zip(patients.rows, patients.lines) where studies.keys[patient.studyID] == nil {
            fail(PatientColumn.fileName, line, "study_id", "'\(patient.studyID)' is not a study_id of studies.csv")
        }
    }

    /// Steps of a patient are 1, 2, … n, each once; every patient has one.
    func checkSteps(_ treatments: TableRows<TreatmentStep>, patients: TableRows<Patient>) {
        let file = TreatmentColumn.fileName
        var steps: [String: [(step: Int, line: Int)]] = [:]
        for (step, line) in zip(treatments.rows, treatments.lines) {
            guard patients.keys[step.patientID] != nil else {
                fail(file, line, "patient_id", "'\(step.patientID)' is not a patient_id of patients.csv")
                continue
            }
            steps[step.patientID, default: []].append((step.step, line))
        }
        for (patientID, list) in steps.sorted(by: { $0.key < $1.key }) where !treatments.invalidOwners.contains(patientID) {
            var seen: [Int: Int] = [:]
            for (step, line) in list {
                if let earlier = seen[step] {
                    fail(file, line, "step", "step \(step) of patient '\(patientID)' appears twice (first on line \(earlier))")
                } else {
                    seen[step] = line
                }
            }
            if let gap = (1...list.count).first(where: { seen[$0] == nil }), seen.count == list.count {
                let (step, line) = list.filter { $0.step > gap }.min { $0.step < $1.step }!
                fail(file, line, "step", "'\(step)' skips step \(gap) of patient '\(patientID)' (expected consecutive steps from 1)")
            }
        }
        for (patient, line) in zip(patients.rows, patients.lines)
        where steps[patient.id] == nil && !treatments.invalidOwners.contains(patient.id) {
            fail(PatientColumn.fileName, line, "patient_id", "patient '\(patient.id)' has no treatment step in treatments.csv")
        }
    }

    func checkAdverseEvents(_ events: TableRows<AdverseEvent>, patients: TableRows<Patient>, treatments: TableRows<TreatmentStep>) {
        var steps = Set<String>()
        for step in treatments.rows { steps.insert("\(step.patientID)\u{0}\(step.step)") }
        for (event, line) in zip(events.rows, events.lines) {
            if patients.keys[event.patientID] == nil {
                fail(AdverseEventColumn.fileName, line, "patient_id", "'\(event.patientID)' is not a patient_id of patients.csv")
            } else if !steps.contains("\(event.patientID)\u{0}\(event.step)") && !treatments.invalidOwners.contains(event.patientID) {
                fail(AdverseEventColumn.fileName, line, "step", "'\(event.step)' is not a step of patient '\(event.patientID)' in treatments.csv")
            }
        }
    }
}
