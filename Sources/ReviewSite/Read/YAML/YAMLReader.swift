/// Typed access to a YAML file's nodes with line numbers in every error.
struct YAMLReader {
    let file: String
    let sink: ErrorSink

    /// Parses the file; a syntax error is reported with its line and column.
    func root(_ directory: DataDirectory, _ name: String) -> YAMLNode? {
        guard let whole = directory.bytes(name, sink: sink, expected: "expected \(name) of the dataset format") else {
            return nil
        }
        // A byte-order mark is accepted, as in the CSV files.
        let bytes = TextEncoding.withoutByteOrderMark(whole)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            sink.add(file: file, line: firstInvalidLine(bytes), "invalid UTF-8 on this line")
            return nil
        }
        do {
            guard let node = try YAMLNode.compose(text) else {
                sink.add(file: file, line: 1, "the file is empty (expected a mapping of keys)")
                return nil
            }
            return node
        } catch {
            for problem in error.all { report(problem) }
            return nil
        }
    }

    /// Messages without the file's text, the column said in words (a
    /// dataset file's errors carry a line and a key path).
    private func report(_ problem: YAMLProblem) {
        switch problem.kind {
        case .syntax:
            sink.add(file: file, line: problem.line, "YAML syntax error at column \(problem.column): \(problem.problem)")
        case .unreadable:
            sink.add(file: file, line: problem.line, problem.message(repeatedIn: "one mapping"))
        case .repeatedKey(let key):
            sink.add(file: file, line: problem.line, column: Echo.value(key), "the key appears more than once in one mapping")
        case .aliasKey(let alias):
            sink.add(file: file, line: problem.line, "the alias *\(Echo.value(alias)) at column \(problem.column) is a mapping key (aliases may stand for values only; write the key)")
        case .aliasLimit(let alias):
            sink.add(file: file, line: problem.line, "the alias *\(Echo.value(alias)) at column \(problem.column) brings the nodes reached through aliases past \(grouped(YAMLNode.aliasNodeLimit)) (the dataset's files need no large aliasing)")
        }
    }

    private func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for (index, byte) in zip(bytes.indices, bytes) where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    func line(_ node: YAMLNode) -> Int? { node.mark.line }

    func fail(_ node: YAMLNode, _ path: String, _ message: String) {
        sink.add(file: file, line: line(node), column: path, message)
    }

    /// A mapping whose keys must all be among `known`.
    func mapping(_ node: YAMLNode, _ path: String, known: [String]) -> YAMLNode.Mapping? {
        guard let mapping = node.mapping else {
            fail(node, path.isEmpty ? "(top level)" : path, "expected a mapping of keys (\(known.joined(separator: ", ")))")
            return nil
        }
        for key in mapping.keys {
            let name = key.string ?? ""
            if !known.contains(name) {
                fail(key, join(path, Echo.value(name)), "unknown key (expected one of \(known.joined(separator: ", ")))")
            }
        }
        return mapping
    }

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The value of `key`; a missing required key is reported at the mapping.
    func value(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String, required: Bool) -> YAMLNode? {
        if let node = mapping[key] { return node }
        if required {
            sink.add(file: file, line: mapping.mark.line, column: join(path, key), "required key is missing")
        }
        return nil
    }

    func string(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String = "", required: Bool) -> String? {
        guard let node = value(mapping, key, path, required: required) else { return nil }
        guard let scalar = node.scalar, !scalar.string.isEmpty || !required else {
            fail(node, join(path, key), "expected text")
            return nil
        }
        if let control = TextRule.firstControl(scalar.string) {
            fail(node, join(path, key), TextRule.controlMessage(control))
            return nil
        }
        return scalar.string.isEmpty ? nil : scalar.string
    }

    func number(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String = "", _ rule: NumberRule, required: Bool) -> Double? {
        guard let node = value(mapping, key, path, required: required) else { return nil }
        return number(node, join(path, key), rule)
    }

    func number(_ node: YAMLNode, _ path: String, _ rule: NumberRule) -> Double? {
        guard let scalar = node.scalar else {
            fail(node, path, "expected \(rule.expected)")
            return nil
        }
        switch rule.check(scalar.string) {
        case .success(let value): return value
        case .failure(let problem):
            fail(node, path, problem.message)
            return nil
        }
    }

    func count(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String, required: Bool = false) -> Int {
        number(mapping, key, path, NumberRule(minimum: 0, integer: true), required: required).map { Int($0) } ?? 0
    }

    /// A list of text items; `nonEmpty` is the message for an empty list
    /// where one needs items (the authors).
    func stringList(_ mapping: YAMLNode.Mapping, _ key: String, _ path: String = "", required: Bool, nonEmpty: String? = nil) -> [String] {
        guard let node = value(mapping, key, path, required: required) else { return [] }
        guard let sequence = node.sequence else {
            fail(node, join(path, key), "expected a list, e.g. [PubMed, Embase]")
            return []
        }
        if sequence.isEmpty, let nonEmpty {
            fail(node, join(path, key), nonEmpty)
        }
        var items: [String] = []
        for (index, item) in sequence.enumerated() {
            let itemPath = "\(join(path, key))[\(index + 1)]"
            if let text = item.scalar?.string, !text.allSatisfy(\.isWhitespace) {
                if let control = TextRule.firstControl(text) {
                    fail(item, itemPath, TextRule.controlMessage(control))
                } else {
                    items.append(text)
                }
            } else {
                fail(item, itemPath, "expected text")
            }
        }
        return items
    }
}
