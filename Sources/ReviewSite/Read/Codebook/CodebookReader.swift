/// Walks a codebook's YAML nodes. Every problem is kept with its position,
/// so that one run reports them all; cross-references are checked once the
/// whole codebook is read.
final class CodebookReader {
    let file: String
    private(set) var errors: [CodebookError] = []
    /// Checks that need the whole codebook (a list or table named before it is declared).
    var deferred: [(Codebook) -> Void] = []
    /// The parts of `appraisal:` the file gives, read well or not: a column
    /// that needs one is not blamed when the part itself had an error.
    var appraisalParts: Set<String> = []
    /// Whether the tables are in the first form (fixed names, no roles).
    var firstForm = true
    /// Each table's role, read before its columns (a citation column needs the study table).
    var roles: [String: Codebook.Role] = [:]
    /// A role was refused: the tables it would have given are not also missing.
    var roleRefused = false
    /// The columns of the table being read that join rows: every row fills them.
    var coreNames: Set<String> = []

    init(file: String) {
        self.file = file
    }

    func fail(_ node: YAMLNode?, _ key: String?, _ message: String) {
        fail(at: node?.mark, key, message)
    }

    func fail(at mark: YAMLNode.Mark?, _ key: String?, _ message: String) {
        fail(line: mark?.line, column: mark?.column, key, message)
    }

    func fail(line: Int?, column: Int?, _ key: String?, _ message: String) {
        errors.append(CodebookError(file: file, line: line, column: column, key: key, message: message))
    }

    /// The document's root node; a syntax error is reported where libyaml found it.
    func root(_ text: String) -> YAMLNode? {
        do {
            // Every scalar is text: `yes`, `1a` and `10` are read by this reader.
            guard let node = try YAMLNode.compose(text) else {
                errors.append(CodebookError(file: file, line: 1, column: 1, message: "the file is empty (expected tables, codes and appraisal)"))
                return nil
            }
            return node
        } catch {
            for problem in error.all {
                if case .repeatedKey(let key) = problem.kind {
                    fail(line: problem.line, column: problem.column, key, "the key appears more than once in one mapping")
                } else {
                    fail(line: problem.line, column: problem.column, nil, problem.message(repeatedIn: "one mapping"))
                }
            }
            return nil
        }
    }

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// A mapping whose keys must all be among `known`; an unknown key is
    /// reported where it is written, with the known key it likely misspells.
    func mapping(_ node: YAMLNode, _ path: String, known: [String]) -> YAMLNode.Mapping? {
        guard let mapping = node.mapping else {
            fail(node, path.isEmpty ? nil : path, "expected a mapping of keys (\(known.joined(separator: ", ")))")
            return nil
        }
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard !known.contains(name) else { continue }
            if let near = nearest(name, known) {
                fail(key, join(path, name), "unknown key (did you mean '\(near)'?)")
            } else {
                fail(key, join(path, name), "unknown key (expected one of \(known.joined(separator: ", ")))")
            }
        }
        return mapping
    }

    /// The key node itself, where a problem with the whole entry is reported.
    func keyNode(_ mapping: YAMLNode.Mapping, _ key: String) -> YAMLNode? {
        mapping.first { $0.key.string == key }?.key
    }

    func sequence(_ node: YAMLNode, _ path: String, _ expected: String) -> YAMLNode.List? {
        guard let sequence = node.sequence else {
            fail(node, path, "expected a list of \(expected)")
            return nil
        }
        return sequence
    }

    func text(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String, required: Bool = false) -> String? {
        guard let node = mapping[key] else {
            if required { fail(at: mapping.mark, join(path, key), "required key is missing") }
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            fail(node, join(path, key), "expected text")
            return nil
        }
        return text
    }

    /// A code or column name: the spelling the CSV files use.
    func name(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String) -> String? {
        guard let text = text(mapping, key, path, required: true) else { return nil }
        return checkedName(text, mapping[key]!, join(path, key))
    }

    func checkedName(_ text: String, _ node: YAMLNode, _ path: String) -> String? {
        let allowed = text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
        guard allowed else {
            fail(node, path, "'\(Echo.value(text))' is not a code (expected lower-case letters, digits and _)")
            return nil
        }
        return text
    }

    /// A code as the data spell it: letters of either case (levels `I`–`V`,
    /// `1a`), digits and `_`. Column and table names stay lower-case: they
    /// are the database's names too.
    func checkedCode(_ text: String, _ node: YAMLNode, _ path: String) -> String? {
        let allowed = !text.isEmpty && text.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F
        }
        guard allowed else {
            fail(node, path, "'\(Echo.value(text))' is not a code (expected letters, digits and _)")
            return nil
        }
        return text
    }

    /// A code under `key`.
    func code(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String) -> String? {
        guard let text = text(mapping, key, path, required: true) else { return nil }
        return checkedCode(text, mapping[key]!, join(path, key))
    }

    /// `yes`/`no` (or `true`/`false`); nil when absent or wrong.
    func flag(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String) -> Bool? {
        guard let node = mapping[key] else { return nil }
        switch node.scalar?.string {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            fail(node, join(path, key), "'\(Echo.value(node.scalar?.string ?? ""))' is not yes or no")
            return nil
        }
    }

    func number(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String, _ rule: NumberRule, required: Bool = false) -> Double? {
        guard let node = mapping[key] else {
            if required { fail(at: mapping.mark, join(path, key), "required key is missing") }
            return nil
        }
        guard let scalar = node.scalar else {
            fail(node, join(path, key), "expected \(rule.expected)")
            return nil
        }
        switch rule.check(scalar.string) {
        case .success(let value): return value
        case .failure(let problem):
            fail(node, join(path, key), problem.message)
            return nil
        }
    }

    /// A list of codes, or one code written alone.
    func names(_ node: YAMLNode, _ path: String) -> [String] {
        if let scalar = node.scalar { return checkedCode(scalar.string, node, path).map { [$0] } ?? [] }
        guard let sequence = sequence(node, path, "codes") else { return [] }
        return sequence.compactMap { item in
            guard let text = item.scalar?.string else {
                fail(item, path, "expected a code")
                return nil
            }
            return checkedCode(text, item, path)
        }
    }

    /// The known key within two edits of a misspelt one.
    private func nearest(_ name: String, _ known: [String]) -> String? {
        let scored = known.map { ($0, distance(Array(name.utf8), Array($0.utf8))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < name.utf8.count else { return nil }
        return best.0
    }

    private func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
