import CYaml

/// A reason a YAML file cannot be made into nodes, and where (from 1).
struct YAMLProblem: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// libyaml's scanner or parser, a second document or an undefined
        /// alias; `problem` has libyaml's words.
        case syntax
        /// A character libyaml does not read; `value` is it (or -1).
        case unreadable(value: Int32)
        /// The same key twice in one mapping: the first in sort order of
        /// the repeated keys, where it is first written.
        case repeatedKey(String)
        /// An alias as a mapping key (composing goes on to find the others).
        case aliasKey(String)
        /// The alias that brings the nodes reached through aliases past
        /// `YAMLNode.aliasNodeLimit`.
        case aliasLimit(String)
    }

    var kind: Kind
    var problem: String = ""
    var line: Int
    var column: Int

    /// The message for a file whose errors carry line and column; `place`
    /// names what a repeated key is repeated in ("one mapping", "one figure").
    func message(repeatedIn place: String) -> String {
        switch kind {
        case .syntax:
            "YAML syntax error: \(problem)"
        case .unreadable(let value):
            if value >= 0, let scalar = Unicode.Scalar(UInt32(value)), Echo.isControl(scalar) {
                TextRule.controlMessage(scalar)
            } else {
                "YAML cannot read this line: \(problem)"
            }
        case .repeatedKey(let key):
            "the key \(Echo.quoted(key)) appears more than once in \(place)"
        case .aliasKey(let alias):
            "the alias *\(Echo.value(alias)) is a mapping key (aliases may stand for values only; write the key)"
        case .aliasLimit(let alias):
            "the alias *\(Echo.value(alias)) brings the nodes reached through aliases past \(grouped(YAMLNode.aliasNodeLimit)) (no file of a review needs large aliasing)"
        }
    }
}

/// All the problems of one file: aliases used as keys are collected; any
/// other problem ends composing and comes last.
struct YAMLProblems: Error {
    var all: [YAMLProblem]
}

extension YAMLNode {
    /// More nodes than this reached through aliases in one file is an
    /// error: an alias costs nothing to compose, but a reader walking a
    /// "billion laughs" would take hours.
    static let aliasNodeLimit = 10_000

    /// The file's one document; nil when it has none (empty, or comments).
    /// The same text composed again (a build reads its YAML files for the
    /// working data, a release's data and their comparison) is not parsed
    /// again: YAMLMemo keeps the last texts' nodes.
    static func compose(_ text: String) throws(YAMLProblems) -> YAMLNode? {
        try memo.composed(text).get()
    }

    /// As compose, parsed every time.
    static func composeUncached(_ text: String) throws(YAMLProblems) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes in
            var composer = YAMLComposer(bytes)
            return Result { () throws(YAMLProblems) in try composer.document() }
        }
        return try result.get()
    }
}

/// Builds nodes from libyaml's events without recursion (deep nesting needs
/// no stack), keeping each anchored node's size for the alias limit.
private struct YAMLComposer {
    private struct Open {
        var isMapping: Bool
        var mark: YAMLNode.Mark
        var anchor: String?
        /// Inside a mapping key, where an alias is refused.
        var inKey: Bool
        /// A mapping's keys and values alternate.
        var items: [YAMLNode] = []
        var size = 1
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var open: [Open] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasNodes = 0
    private var problems: [YAMLProblem] = []
    private var root: YAMLNode?
    private var documents = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() throws(YAMLProblems) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLProblems(all: [YAMLProblem(kind: .syntax, problem: "libyaml cannot start (out of memory)", line: 1, column: 1)])
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw fatal(parserProblem(parser)) }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if !problems.isEmpty { throw YAMLProblems(all: problems) }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw fatal(YAMLProblem(kind: .syntax, problem: "but found another document", line: mark.line, column: mark.column)) }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                add(.scalar(.init(string: text, style: Self.style(scalar.style), mark: mark)), size: 1, anchor: Self.name(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append(Open(isMapping: false, mark: mark, anchor: Self.name(event.data.sequence_start.anchor), inKey: inKey))
            case YAML_MAPPING_START_EVENT:
                open.append(Open(isMapping: true, mark: mark, anchor: Self.name(event.data.mapping_start.anchor), inKey: inKey))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close()
            case YAML_ALIAS_EVENT:
                try alias(Self.name(event.data.alias.anchor) ?? "", mark)
            default:
                break
            }
        }
    }

    /// Whether the next node is a mapping key or inside one.
    private var inKey: Bool {
        guard let top = open.last else { return false }
        return top.inKey || (top.isMapping && top.items.count % 2 == 0)
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size) }
        guard !open.isEmpty else {
            root = node
            return
        }
        open[open.count - 1].items.append(node)
        open[open.count - 1].size = min(open[open.count - 1].size + size, Int.max / 2)
    }

    private mutating func close() throws(YAMLProblems) {
        guard let done = open.popLast() else { return }
        if done.isMapping {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(done.items.count / 2)
            for index in stride(from: 0, to: done.items.count - 1, by: 2) {
                pairs.append((done.items[index], done.items[index + 1]))
            }
            if let repeated = Self.repeatedKey(pairs) { throw fatal(repeated) }
            add(.mapping(.init(pairs: pairs, mark: done.mark)), size: done.size, anchor: done.anchor)
        } else {
            add(.sequence(.init(items: done.items, mark: done.mark)), size: done.size, anchor: done.anchor)
        }
    }

    private mutating func alias(_ name: String, _ mark: YAMLNode.Mark) throws(YAMLProblems) {
        if inKey {
            problems.append(YAMLProblem(kind: .aliasKey(name), line: mark.line, column: mark.column))
            add(.scalar(.init(string: "", style: .plain, mark: mark)), size: 1, anchor: nil)
            return
        }
        guard let (node, size) = anchors[name] else {
            throw fatal(YAMLProblem(kind: .syntax, problem: "found undefined alias", line: mark.line, column: mark.column))
        }
        aliasNodes = min(aliasNodes + size, Int.max / 2)
        if aliasNodes > YAMLNode.aliasNodeLimit {
            throw fatal(YAMLProblem(kind: .aliasLimit(name), line: mark.line, column: mark.column))
        }
        add(node, size: size, anchor: nil)
    }

    private func fatal(_ problem: YAMLProblem) -> YAMLProblems {
        YAMLProblems(all: problems + [problem])
    }

    /// The first in sort order of the scalar keys written more than once,
    /// at its first place (as Yams reported it).
    private static func repeatedKey(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> YAMLProblem? {
        var repeated: (key: String, mark: YAMLNode.Mark)?
        func note(_ key: String, _ mark: YAMLNode.Mark) {
            if repeated == nil || key < repeated!.key { repeated = (key, mark) }
        }
        let scalars = pairs.compactMap(\.key.scalar)
        if scalars.count <= 16 {
            // A mapping of a review's files is small: comparing pairs costs less than hashing.
            for (index, scalar) in scalars.enumerated() {
                if let earlier = scalars[..<index].first(where: { $0.string == scalar.string }) { note(scalar.string, earlier.mark) }
            }
        } else {
            var first: [String: YAMLNode.Mark] = [:]
            for scalar in scalars {
                if let mark = first[scalar.string] { note(scalar.string, mark) } else { first[scalar.string] = scalar.mark }
            }
        }
        return repeated.map { YAMLProblem(kind: .repeatedKey($0.key), line: $0.mark.line, column: $0.mark.column) }
    }

    private func parserProblem(_ parser: yaml_parser_t) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "libyaml stopped"
        guard parser.error == YAML_READER_ERROR else {
            return YAMLProblem(kind: .syntax, problem: problem, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        }
        // A reader error has a byte offset, not a mark.
        let end = min(parser.problem_offset, bytes.count)
        var line = 1, lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self).unicodeScalars.count + 1
        return YAMLProblem(kind: .unreadable(value: parser.problem_value), problem: problem, line: line, column: column)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
