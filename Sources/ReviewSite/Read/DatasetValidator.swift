/// The rules of dataset.md that span rows and files.
struct DatasetValidator {
    let directory: DataDirectory
    let sink: ErrorSink

    func fail(_ file: String, _ line: Int?, _ column: String?, _ message: String) {
        sink.add(file: directory.display(file), line: line, column: column, message)
    }

    // The loops below index the rows rather than iterate over them, which
    // would copy every row (and retain its strings) to read one field.

    func checkUniqueRefs(_ studies: TableRows<Study>) {
        var first: [Int: Int] = [:]
        first.reserveCapacity(studies.rows.count)
        for index in studies.rows.indices {
            let ref = studies.rows[index].ref
            if let earlier = first[ref] {
                fail(StudyColumn.fileName, studies.lines[index], "ref", "'\(ref)' is a duplicate (first on line \(earlier))")
            } else {
                first[ref] = studies.lines[index]
            }
        }
    }

    /// One answer per question of the study's checklist, no more, no less.
    func checkRiskOfBias(_ answers: TableRows<RiskOfBiasAnswer>, studies: TableRows<Study>) {
        let file = RiskOfBiasColumn.fileName
        // By the number of the study in studies.keys: its tool when its row
        // is valid, and the first line answering each of its questions.
        var tools = [RiskOfBiasTool?](repeating: nil, count: studies.keys.count)
        for (index, number) in studies.rowKeys.enumerated() where number >= 0 && tools[number] == nil {
            tools[number] = studies.rows[index].robTool
        }
        let stride = RiskOfBiasTool.allCases.map(\.questions).max()!
        var answered = [Int](repeating: 0, count: studies.keys.count * stride)
        var lookup = KeyLookup(studies.keys)
        for index in answers.rows.indices {
            let answer = answers.rows[index], line = answers.lines[index]
            guard let number = lookup.number(of: answer.studyID) else {
                fail(file, line, "study_id", "\(Echo.quoted(answer.studyID)) is not a study_id of studies.csv")
                continue
            }
            guard let tool = tools[number] else { continue }
            guard answer.question <= tool.questions else {
                fail(file, line, "question", "'\(answer.question)' is not a question of \(tool.rawValue) (expected 1 to \(tool.questions))")
                continue
            }
            let slot = number * stride + answer.question - 1
            if answered[slot] != 0 {
                fail(file, line, "question", "question \(answer.question) of study \(Echo.quoted(answer.studyID)) is answered twice (first on line \(answered[slot]))")
            } else {
                answered[slot] = line
            }
        }
        for index in studies.rows.indices {
            let tool = studies.rows[index].robTool, number = studies.rowKeys[index]
            guard (1...tool.questions).contains(where: { number < 0 || answered[number * stride + $0 - 1] == 0 }) else { continue }
            let study = studies.rows[index]
            guard answers.invalidOwners.isEmpty || !answers.invalidOwners.contains(study.id) else { continue }
            let missing = (1...study.robTool.questions).filter { number < 0 || answered[number * stride + $0 - 1] == 0 }
            if !missing.isEmpty {
                let list = missing.map(String.init).joined(separator: ", ")
                let noun = missing.count == 1 ? "question" : "questions"
                fail(StudyColumn.fileName, studies.lines[index], "rob_tool",
                     "study \(Echo.quoted(study.id)) has no answer in risk_of_bias.csv for \(noun) \(list) of \(study.robTool.rawValue)")
            }
        }
    }

    func checkReferences(_ patients: TableRows<Patient>, studies: TableRows<Study>) {
        var lookup = KeyLookup(studies.keys)
        for index in patients.rows.indices where lookup.number(of: patients.rows[index].studyID) == nil {
            fail(PatientColumn.fileName, patients.lines[index], "study_id", "\(Echo.quoted(patients.rows[index].studyID)) is not a study_id of studies.csv")
        }
    }
}

/// Looks keys up in file order: the rows of a study or of a patient
/// usually come one after another, and the next key is likely the next one.
struct KeyLookup {
    let keys: KeyIndex
    private var last: String?
    private var lastNumber: Int?

    init(_ keys: KeyIndex) {
        self.keys = keys
    }

    mutating func number(of key: String) -> Int? {
        if let last, last == key { return lastNumber }
        last = key
        lastNumber = keys.number(of: key, hint: lastNumber.map { $0 + 1 })
        return lastNumber
    }
}
