// The `codes:` section (the code lists of code columns) and `appraisal:`
// (checklists and their answers, or a level-of-evidence scale).

extension CodebookReader {
    static let codeKeys = ["code", "label", "short", "of", "checklist", "responded", "not_reported"]
    static let answerKeys = ["code", "label", "short", "met", "applicable"]
    static let levelKeys = ["code", "label", "short"]
    static let appraisalKeys = ["answers", "overall", "checklists", "levels"]
    static let checklistKeys = ["code", "label", "questions", "answers", "overall"]

    func codeLists(_ node: YAMLNode) -> [Codebook.CodeList] {
        guard let mapping = node.mapping else {
            fail(node, "codes", "expected a mapping of code lists, e.g. sex: [f, m]")
            return []
        }
        return mapping.compactMap { key, value in
            guard let text = key.string, let name = checkedName(text, key, "codes.\(text)") else { return nil }
            return codeList(value, name)
        }
    }

    /// A list of codes, or a mapping with `within` and `codes` when each
    /// code belongs to a code of another list.
    private func codeList(_ node: YAMLNode, _ name: String) -> Codebook.CodeList {
        let path = "codes.\(name)"
        var within: String?
        var codesNode: YAMLNode? = node
        if node.mapping != nil, let mapping = mapping(node, path, known: ["within", "codes"]) {
            within = text(mapping, "within", path)
            codesNode = mapping["codes"]
            if codesNode == nil { fail(at: mapping.mark, join(path, "codes"), "required key is missing (expected the list's codes)") }
        }
        let list = Codebook.CodeList(name: name, within: within, codes: codesNode.map { codes($0, path, known: Self.codeKeys) } ?? [])
        let withinNode = node.mapping?["within"]
        deferred.append { [self] codebook in checkParents(list, path, withinNode, codebook) }
        return list
    }

    /// Each code's `of` names a code of the `within` list; each `checklist` a declared checklist.
    private func checkParents(_ list: Codebook.CodeList, _ path: String, _ withinNode: YAMLNode?, _ codebook: Codebook) {
        let parents = list.within.flatMap(codebook.codeList)
        if let within = list.within, parents == nil {
            fail(withinNode, join(path, "within"), "'\(Echo.value(within))' is not a code list of this codebook")
        }
        for code in list.codes {
                        if let of = code.of, list.within == nil {
                fail(line: code.line, column: code.column, "\(path).\(code.code).of", "'\(Echo.value(of))': of needs within on the list (the list whose codes these belong to)")
            } else if let parents, let of = code.of, parents.code(of) == nil {
                fail(line: code.line, column: code.column, "\(path).\(code.code).of", "'\(Echo.value(of))' is not a code of \(parents.name) (expected one of \(parents.names.joined(separator: ", ")))")
            } else if let parents, code.of == nil {
                fail(line: code.line, column: code.column, "\(path).\(code.code)", "names no code of \(parents.name) (expected of: one of \(parents.names.joined(separator: ", ")))")
            }
            if let checklist = code.checklist, codebook.appraisal.checklist(checklist) == nil {
                let declared = codebook.appraisal.checklists.map(\.code)
                let expected = declared.isEmpty ? "appraisal declares no checklists" : "expected one of \(declared.joined(separator: ", "))"
                fail(line: code.line, column: code.column, "\(path).\(code.code).checklist", "'\(Echo.value(checklist))' is not a checklist of appraisal.checklists (\(expected))")
            }
        }
    }

    /// Codes in order; a code may be written alone (`f`) or with attributes.
    func codes(_ node: YAMLNode, _ path: String, known: [String]) -> [Codebook.Code] {
        guard let sequence = sequence(node, path, "codes, e.g. - {code: f, label: female}") else { return [] }
        if sequence.isEmpty { fail(node, path, "the code list is empty (expected at least one code)") }
        var codes: [Codebook.Code] = []
        var seen: [String: Int] = [:]
        for (index, item) in sequence.enumerated() {
            guard let (code, nameNode) = code(item, "\(path)[\(index + 1)]", path, known: known) else { continue }
            if let first = seen[code.code] {
                fail(nameNode, path, "code '\(code.code)' appears twice (first on line \(first))")
            } else {
                seen[code.code] = code.line
                codes.append(code)
            }
        }
        return codes
    }

    private func code(_ node: YAMLNode, _ itemPath: String, _ listPath: String, known: [String]) -> (Codebook.Code, YAMLNode)? {
        if let scalar = node.scalar {
            guard let name = checkedCode(scalar.string, node, itemPath) else { return nil }
            return (Codebook.Code(code: name, line: node.mark.line, column: node.mark.column), node)
        }
        let named = node.mapping?["code"]?.scalar.map { join(listPath, $0.string) } ?? itemPath
        guard let mapping = mapping(node, named, known: known), let name = code(mapping, "code", itemPath),
              let nameNode = mapping["code"] else { return nil }
        let path = join(listPath, name)
        let code = Codebook.Code(
            code: name, label: text(mapping, "label", path), short: text(mapping, "short", path),
            of: text(mapping, "of", path), checklist: text(mapping, "checklist", path),
            responded: flag(mapping, "responded", path) ?? false, notReported: flag(mapping, "not_reported", path) ?? false,
            met: flag(mapping, "met", path) ?? false, applicable: flag(mapping, "applicable", path) ?? true,
            line: nameNode.mark.line, column: nameNode.mark.column)
        return (code, nameNode)
    }

    func appraisal(_ node: YAMLNode) -> Codebook.Appraisal {
        guard let mapping = mapping(node, "appraisal", known: Self.appraisalKeys) else { return Codebook.Appraisal() }
        let answers = mapping["answers"].map { codes($0, "appraisal.answers", known: Self.answerKeys) }
        // A rule given but wrong is reported once, not again for each checklist.
        let overall = mapping["overall"].map { overallRule($0, "appraisal.overall") ?? Codebook.OverallRule(lowAbove: 100, highBelow: 0) }
        var appraisal = Codebook.Appraisal()
        if let node = mapping["checklists"], let sequence = sequence(node, "appraisal.checklists", "checklists") {
            var seen: [String: Int] = [:]
            for (index, item) in sequence.enumerated() {
                guard let checklist = checklist(item, index, answers, overall) else { continue }
                if let first = seen[checklist.code] {
                    fail(line: checklist.line, column: checklist.column, "appraisal.checklists",
                         "checklist '\(checklist.code)' appears twice (first on line \(first))")
                } else {
                    seen[checklist.code] = checklist.line
                    appraisal.checklists.append(checklist)
                }
            }
        }
        appraisal.levels = mapping["levels"].map { codes($0, "appraisal.levels", known: Self.levelKeys) } ?? []
        appraisalParts = Set(["checklists", "levels"].filter { mapping[$0] != nil })
        if mapping["checklists"] == nil && mapping["levels"] == nil {
            fail(node, "appraisal", "expected checklists, levels or both")
        }
        return appraisal
    }

    private func checklist(_ node: YAMLNode, _ index: Int, _ answers: [Codebook.Code]?, _ overall: Codebook.OverallRule?) -> Codebook.Checklist? {
        let itemPath = "appraisal.checklists[\(index + 1)]"
        let named = node.mapping?["code"]?.scalar.map { "appraisal.checklists.\($0.string)" } ?? itemPath
        guard let mapping = mapping(node, named, known: Self.checklistKeys),
              let code = self.code(mapping, "code", itemPath), let codeNode = mapping["code"] else { return nil }
        let path = "appraisal.checklists.\(code)"
        var texts: [String] = []
        var questions = 0
        if let node = mapping["questions"], let list = node.sequence {
            texts = list.compactMap { $0.scalar?.string }
            questions = texts.count
            if questions == 0 || texts.count != list.count { fail(node, join(path, "questions"), "expected the number of questions or a list of their texts") }
        } else {
            questions = number(mapping, "questions", path, .positiveInteger, required: true).map { Int($0) } ?? 0
        }
        let ownAnswers = mapping["answers"].map { codes($0, join(path, "answers"), known: Self.answerKeys) }
        let ownOverall = mapping["overall"].map { overallRule($0, join(path, "overall")) ?? Codebook.OverallRule(lowAbove: 100, highBelow: 0) }
        if ownAnswers == nil && answers == nil {
            fail(codeNode, path, "no answers (give them here or under appraisal.answers)")
        }
        if ownOverall == nil && overall == nil {
            fail(codeNode, path, "no overall rule (give it here or under appraisal.overall)")
        }
        return Codebook.Checklist(
            code: code, label: text(mapping, "label", path) ?? code, questions: questions, questionTexts: texts,
            answers: ownAnswers ?? answers ?? [], overall: ownOverall ?? overall ?? Codebook.OverallRule(lowAbove: 100, highBelow: 0),
            line: codeNode.mark.line, column: codeNode.mark.column)
    }

    /// Thresholds in percent of met answers among the applicable ones.
    private func overallRule(_ node: YAMLNode, _ path: String) -> Codebook.OverallRule? {
        guard let mapping = mapping(node, path, known: ["low_above", "high_below"]) else { return nil }
        let percent = NumberRule(minimum: 0, maximum: 100)
        let low = number(mapping, "low_above", path, percent, required: true)
        let high = number(mapping, "high_below", path, percent, required: true)
        guard let low, let high else { return nil }
        if low < high {
            fail(mapping["low_above"], join(path, "low_above"),
                 "\(formatNumber(low)) is below high_below \(formatNumber(high)) (expected low_above ≥ high_below)")
        }
        return Codebook.OverallRule(lowAbove: low, highBelow: high)
    }
}
