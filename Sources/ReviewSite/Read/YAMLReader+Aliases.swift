import CYaml

/// Aliases, checked on libyaml's events before Yams composes the file:
/// Yams hashes every mapping key, so an alias to a large node as a key, or
/// a "billion laughs" of nested aliases, would take hours or all memory.
extension YAMLReader {
    /// More nodes than this reached through aliases in one file is an error.
    static let aliasNodeLimit = 10_000

    /// Whether the file's aliases are fine; reports each alias used as a
    /// key and, once, aliases that reach too many nodes. A syntax error
    /// ends the check quietly: composing reports it.
    func checkAliases(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return true }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = AliasWalk()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { break }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                switch type {
                case YAML_DOCUMENT_START_EVENT: walk.anchors = [:]
                case YAML_SCALAR_EVENT: walk.node(size: 1, anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT: walk.start(mapping: false, anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT: walk.start(mapping: true, anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: walk.end()
                case YAML_ALIAS_EVENT:
                    let alias = name(event.data.alias.anchor) ?? ""
                    if walk.inKey {
                        sink.add(file: file, line: line, "the alias *\(Echo.value(alias)) at column \(column) is a mapping key (aliases may stand for values only; write the key)")
                        walk.keyAliases = true
                        walk.node(size: 1, anchor: nil)
                        break
                    }
                    let size = walk.anchors[alias] ?? 1
                    walk.aliasNodes = min(walk.aliasNodes + size, Int.max / 2)
                    if walk.aliasNodes > Self.aliasNodeLimit {
                        sink.add(file: file, line: line, "the alias *\(Echo.value(alias)) at column \(column) brings the nodes reached through aliases past \(grouped(Self.aliasNodeLimit)) (the dataset's files need no large aliasing)")
                        return false
                    }
                    walk.node(size: size, anchor: nil)
                default: break
                }
            }
            return !walk.keyAliases
        }
    }

    private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// The open collections while reading events, with the expanded size of
/// every anchored node so far (sizes stop growing at Int.max / 2).
private struct AliasWalk {
    struct Frame {
        var isMapping: Bool
        var anchor: String?
        var inKey: Bool
        var size = 1
        var expectsKey = true
    }

    var frames: [Frame] = []
    var anchors: [String: Int] = [:]
    var aliasNodes = 0
    var keyAliases = false

    /// Whether the next node is a key or inside one.
    var inKey: Bool {
        guard let top = frames.last else { return false }
        return top.inKey || (top.isMapping && top.expectsKey)
    }

    mutating func start(mapping: Bool, anchor: String?) {
        frames.append(Frame(isMapping: mapping, anchor: anchor, inKey: inKey))
    }

    mutating func node(size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = size }
        guard !frames.isEmpty else { return }
        frames[frames.count - 1].size = min(frames[frames.count - 1].size + size, Int.max / 2)
        if frames[frames.count - 1].isMapping { frames[frames.count - 1].expectsKey.toggle() }
    }

    mutating func end() {
        guard let frame = frames.popLast() else { return }
        node(size: frame.size, anchor: frame.anchor)
    }
}
