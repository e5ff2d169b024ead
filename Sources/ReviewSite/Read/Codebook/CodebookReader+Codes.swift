// The `codes:` section (the code lists of code columns), and the codes of
// every list, `appraisal:`'s answers and judgements included.

extension CodebookReader {
    static let codeKeys = ["code", "label", "short", "of", "checklist", "responded", "not_reported"]
    static let answerKeys = ["code", "label", "short", "met", "applicable", "role", "colour"]

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
        let role = answerRole(mapping, path)
        let code = Codebook.Code(
            code: name, label: text(mapping, "label", path), short: text(mapping, "short", path),
            of: text(mapping, "of", path), checklist: text(mapping, "checklist", path),
            responded: flag(mapping, "responded", path) ?? false, notReported: flag(mapping, "not_reported", path) ?? false,
            met: role?.met ?? flag(mapping, "met", path) ?? false, applicable: role?.applicable ?? flag(mapping, "applicable", path) ?? true,
            colour: colour(mapping, "colour", path), line: nameNode.mark.line, column: nameNode.mark.column)
        return (code, nameNode)
    }
}
