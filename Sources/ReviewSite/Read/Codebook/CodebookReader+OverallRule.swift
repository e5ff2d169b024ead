// An appraisal's overall rule, an answer's role and a fill colour, as the
// codebook writes them.

extension CodebookReader {
    /// `{low_above, high_below}` (shares in percent), `{worst: {judgement:
    /// [answers]}}` or `{score: {answer: points}, low_from, high_below}`.
    func overallRule(_ node: YAMLNode, _ path: String) -> RuleDraft? {
        guard let mapping = mapping(node, path, known: Self.ruleKeys) else { return nil }
        if let worst = mapping["worst"] {
            for key in ["low_above", "high_below", "low_from", "score"] where mapping[key] != nil {
                fail(keyNode(mapping, key), join(path, key), "a worst rule takes no \(key) (expected worst alone)")
            }
            return worstRule(worst, join(path, "worst"), node)
        }
        if let score = mapping["score"] {
            if let node = keyNode(mapping, "low_above") { fail(node, join(path, "low_above"), "a score rule takes low_from, not low_above") }
            return scoreRule(score, mapping, path, node)
        }
        if let node = keyNode(mapping, "low_from") { fail(node, join(path, "low_from"), "low_from belongs to a score rule (expected low_above for shares)") }
        let percent = NumberRule(minimum: 0, maximum: 100)
        let low = number(mapping, "low_above", path, percent, required: true)
        let high = number(mapping, "high_below", path, percent, required: true)
        guard let low, let high else { return nil }
        if low < high {
            fail(mapping["low_above"], join(path, "low_above"),
                 "\(formatNumber(low)) is below high_below \(formatNumber(high)) (expected low_above ≥ high_below)")
        }
        return RuleDraft(rule: .share(lowAbove: low, highBelow: high), path: path, anchor: node)
    }

    /// Each judgement with the answers that make it; an answer under one judgement at most.
    private func worstRule(_ node: YAMLNode, _ path: String, _ anchor: YAMLNode) -> RuleDraft? {
        guard let mapping = node.mapping, !mapping.isEmpty else {
            fail(node, path, "expected each judgement with its answers, e.g. {low: [low], some_concerns: [some_concerns], high: [high]}")
            return nil
        }
        var draft = RuleDraft(rule: .worst([:]), path: path, needsThree: false, anchor: anchor)
        var map: [String: String] = [:]
        for (key, value) in mapping.pairs {
            guard let judgement = key.string.flatMap({ checkedCode($0, key, path) }) else { continue }
            draft.judgements.append((judgement, key))
            let items = value.scalar != nil ? [value] : value.sequence?.items ?? []
            if items.isEmpty { fail(value, join(path, judgement), "expected the answers judged \(judgement), e.g. [\(judgement)]") }
            for item in items {
                guard let answer = item.scalar.flatMap({ checkedCode($0.string, item, join(path, judgement)) }) else { continue }
                if let other = map[answer] {
                    fail(item, join(path, judgement), "answer '\(answer)' is already judged \(other) (expected each answer under one judgement)")
                    continue
                }
                map[answer] = judgement
                draft.answers.append((answer, item))
            }
        }
        draft.rule = .worst(map)
        return draft
    }

    /// Points per answer (0 or more; an answer left out scores 0), the best judgement from `low_from`, the worst below `high_below`.
    private func scoreRule(_ node: YAMLNode, _ mapping: YAMLNode.Mapping, _ path: String, _ anchor: YAMLNode) -> RuleDraft? {
        let scorePath = join(path, "score")
        guard let points = node.mapping, !points.isEmpty else {
            fail(node, scorePath, "expected the points of each scoring answer, e.g. {star: 1}")
            return nil
        }
        var draft = RuleDraft(rule: .share(lowAbove: 100, highBelow: 0), path: scorePath, anchor: anchor)
        var table: [String: Double] = [:]
        for (key, value) in points.pairs {
            guard let answer = key.string.flatMap({ checkedCode($0, key, scorePath) }) else { continue }
            guard let text = value.scalar?.string, case .success(let number) = NumberRule(minimum: 0).check(text) else {
                fail(value, join(scorePath, answer), "'\(Echo.value(value.scalar?.string ?? ""))' is not a number of points (expected a number ≥ 0)")
                continue
            }
            table[answer] = number
            draft.answers.append((answer, key))
        }
        let low = number(mapping, "low_from", path, .any, required: true)
        let high = number(mapping, "high_below", path, .any, required: true)
        guard let low, let high else { return nil }
        if low < high {
            fail(mapping["low_from"], join(path, "low_from"),
                 "\(formatNumber(low)) is below high_below \(formatNumber(high)) (expected low_from ≥ high_below)")
        }
        draft.rule = .score(points: table, lowFrom: low, highBelow: high)
        return draft
    }

    /// `role: met | not_met | not_applicable`, the same as `met: yes` and
    /// `applicable: no`, which it cannot be given with.
    func answerRole(_ mapping: YAMLNode.Mapping, _ path: String) -> (met: Bool, applicable: Bool)? {
        guard let node = mapping["role"] else { return nil }
        for key in ["met", "applicable"] where mapping[key] != nil {
            fail(keyNode(mapping, key), join(path, key), "give role or \(key), not both")
        }
        switch node.scalar?.string {
        case "met": return (true, true)
        case "not_met": return (false, true)
        case "not_applicable": return (false, false)
        default:
            fail(node, join(path, "role"), "'\(Echo.value(node.scalar?.string ?? ""))' is not a role (expected met, not_met or not_applicable)")
            return nil
        }
    }

    /// A fill as `#rrggbb`, kept in lower case: the only form that reaches a page's markup.
    func colour(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String) -> String? {
        guard let node = mapping[key] else { return nil }
        let text = node.scalar?.string ?? ""
        let digits = text.utf8.dropFirst()
        guard text.utf8.first == UInt8(ascii: "#"), digits.count == 6,
              digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }) else {
            fail(node, join(path, key), "'\(Echo.value(text))' is not a colour (expected #rrggbb, e.g. #0072b2)")
            return nil
        }
        return text.lowercased()
    }
}
