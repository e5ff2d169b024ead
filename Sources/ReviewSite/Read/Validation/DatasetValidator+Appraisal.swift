/// One answer per question of the study's checklist, no more, no less, each
/// an answer of that checklist: the appraisal rule of every codebook with
/// checklists, whatever their names and lengths.
extension DatasetValidator {
    func checkRiskOfBias(_ answers: TableRows, studies: TableRows, codebook: Codebook) {
        let file = answers.table.fileName
        let checklists = codebook.appraisal.checklists
        guard let toolColumn = studies.table.columns.firstIndex(where: { $0.type == .checklist }),
              let studyColumn = answers.table.ownerColumn.flatMap(answers.table.index),
              let questionColumn = answers.table.numberColumn.flatMap(answers.table.index),
              let answerColumn = answers.table.columns.firstIndex(where: { $0.type == .answer }) else { return }
        let questionName = answers.table.columns[questionColumn].name, answerName = answers.table.columns[answerColumn].name
        let idColumn = studies.table.columns.firstIndex { $0.type == .id } ?? 0
        let studyTools = studies.table.codeIndexes(toolColumn), studyIDs = studies.table.texts(idColumn)
        let toolName = studies.table.columns[toolColumn].name
        // By the number of the study in studies.keys: its checklist when its
        // row is valid, and the first line answering each of its questions.
        var tools = [Int32](repeating: -1, count: studies.keys.count)
        for (row, number) in studies.rowKeys.enumerated() where number >= 0 && tools[number] < 0 {
            tools[number] = studyTools[row]
        }
        let allAnswers = codebook.answerCodes
        let allowed = checklists.map { checklist in Set(checklist.answers.compactMap { allAnswers.firstIndex(of: $0.code) }.map(Int32.init)) }
        let stride = checklists.map(\.questions).max() ?? 1
        var answered = [Int](repeating: 0, count: studies.keys.count * stride)
        var lookup = KeyLookup(studies.keys)
        let ids = answers.table.texts(studyColumn), questions = answers.table.integers(questionColumn)
        let codes = answers.table.codeIndexes(answerColumn)
        for row in 0..<answers.count {
            let studyID = ids[row] ?? "", question = questions[row] ?? 0, line = answers.lines[row]
            // A study that is not in the studies table is reported with the references.
            guard let number = lookup.number(of: studyID), tools[number] >= 0 else { continue }
            // A study id given to two rows may gather two studies' answers to
            // two checklists: the duplicate is the one error, reported with the studies.
            let ambiguous = studies.duplicatedKeys.contains(number)
            let tool = checklists[Int(tools[number])]
            guard question <= tool.questions else {
                if !ambiguous { fail(file, line, questionName, "'\(question)' is not a question of \(tool.code) (expected 1 to \(tool.questions))") }
                continue
            }
            if codes[row] >= 0 && !allowed[Int(tools[number])].contains(codes[row]) && !ambiguous {
                fail(file, line, answerName, "'\(allAnswers[Int(codes[row])])' is not an answer of \(tool.code) (expected one of \(tool.answers.map(\.code).joined(separator: ", ")))")
            }
            let slot = number * stride + question - 1
            if answered[slot] != 0 {
                if !ambiguous {
                    fail(file, line, questionName, "question \(question) of study \(Echo.quoted(studyID)) is answered twice (first \(directory.earlier(file, answered[slot])))")
                }
            } else {
                answered[slot] = line
            }
        }
        for row in 0..<studies.count where studyTools[row] >= 0 {
            let tool = checklists[Int(studyTools[row])], number = studies.rowKeys[row]
            guard (1...max(tool.questions, 1)).contains(where: { number < 0 || answered[number * stride + $0 - 1] == 0 }) else { continue }
            let studyID = studyIDs[row] ?? ""
            guard answers.invalidOwners.isEmpty || !answers.invalidOwners.contains(studyID) else { continue }
            let missing = (1...max(tool.questions, 1)).filter { number < 0 || answered[number * stride + $0 - 1] == 0 }
            if !missing.isEmpty {
                let list = missing.map(String.init).joined(separator: ", ")
                let noun = missing.count == 1 ? "question" : "questions"
                fail(studies.table.fileName, studies.lines[row], toolName,
                     "study \(Echo.quoted(studyID)) has no answer in \(source(answers.table)) for \(noun) \(list) of \(tool.code)")
            }
        }
    }
}
