import Yams

/// Typed access to a YAML file's nodes with line numbers in every error.
struct YAMLReader {
    let file: String
    let sink: ErrorSink

    /// Parses the file; a syntax error is reported with its line and column.
    func root(_ directory: DataDirectory, _ name: String) -> Node? {
        guard let whole = directory.bytes(name, sink: sink, expected: "expected \(name) of the dataset format") else {
            return nil
        }
        // A byte-order mark is accepted, as in the CSV files.
        let bytes = TextEncoding.withoutByteOrderMark(whole)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            sink.add(file: file, line: firstInvalidLine(bytes), "invalid UTF-8 on this line")
            return nil
        }
        guard checkAliases(text) else { return nil }
        do {
            // The basic resolver tags every plain scalar as a string: the reader
            // reads scalars as text itself, and the default resolver's regular
            // expressions would cost more than the rest of a small build.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                sink.add(file: file, line: 1, "the file is empty (expected a mapping of keys)")
                return nil
            }
            return node
        } catch let error as YamlError {
            report(error, text)
        } catch {
            sink.add(file: file, line: nil, "YAML: \(error)")
        }
        return nil
    }

    /// Yams' own descriptions quote the file's line: the messages say the
    /// problem and where, never the text.
    private func report(_ error: YamlError, _ text: String) {
        switch error {
        case let .reader(problem, offset, value, _):
            let line = offset.map { offset in text.prefix(offset).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
            if value >= 0, let scalar = Unicode.Scalar(UInt32(value)), Echo.isControl(scalar) {
                sink.add(file: file, line: line, TextRule.controlMessage(scalar))
            } else {
                sink.add(file: file, line: line, "YAML cannot read this line: \(problem)")
            }
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            sink.add(file: file, line: mark.line, "YAML syntax error at column \(mark.column): \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            sink.add(file: file, line: context.mark.line, column: duplicates.first.map { Echo.value($0) }, "the key appears more than once in one mapping")
        default:
            sink.add(file: file, line: nil, "YAML: \(error)")
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

    func line(_ node: Node) -> Int? { node.mark?.line }

    func fail(_ node: Node, _ path: String, _ message: String) {
        sink.add(file: file, line: line(node), column: path, message)
    }

    /// A mapping whose keys must all be among `known`.
    func mapping(_ node: Node, _ path: String, known: [String]) -> Node.Mapping? {
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
    func value(_ mapping: Node.Mapping, _ key: String, _ path: String, required: Bool) -> Node? {
        if let node = mapping[key] { return node }
        if required {
            sink.add(file: file, line: mapping.mark?.line, column: join(path, key), "required key is missing")
        }
        return nil
    }

    func string(_ mapping: Node.Mapping, _ key: String, _ path: String = "", required: Bool) -> String? {
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

    func number(_ mapping: Node.Mapping, _ key: String, _ path: String = "", _ rule: NumberRule, required: Bool) -> Double? {
        guard let node = value(mapping, key, path, required: required) else { return nil }
        return number(node, join(path, key), rule)
    }

    func number(_ node: Node, _ path: String, _ rule: NumberRule) -> Double? {
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

    func count(_ mapping: Node.Mapping, _ key: String, _ path: String, required: Bool = false) -> Int {
        number(mapping, key, path, NumberRule(minimum: 0, integer: true), required: required).map { Int($0) } ?? 0
    }

    /// A list of text items; `nonEmpty` is the message for an empty list
    /// where one needs items (the authors).
    func stringList(_ mapping: Node.Mapping, _ key: String, _ path: String = "", required: Bool, nonEmpty: String? = nil) -> [String] {
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
