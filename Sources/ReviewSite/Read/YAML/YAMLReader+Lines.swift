extension YAMLReader {
    /// The text of `key`, at most `limit` characters (LineLimit): review.yaml's
    /// metadata is repeated on every page.
    func line(_ mapping: YAMLNode.Mapping, _ key: String, limit: Int = LineLimit.line, required: Bool) -> String? {
        guard let text = string(mapping, key, required: required) else { return nil }
        if let node = mapping[key], let problem = LineLimit.problem(text, limit: limit) {
            sink.add(DataError(file: file, line: node.mark.line, column: key, character: node.mark.column, message: problem))
            return nil
        }
        return text
    }

    /// A list of text items, each at most `LineLimit.line` characters.
    func lineList(_ mapping: YAMLNode.Mapping, _ key: String, required: Bool, nonEmpty: String? = nil) -> [String] {
        let items = stringList(mapping, key, required: required, nonEmpty: nonEmpty)
        var tooLong = false
        for (index, item) in (mapping[key]?.sequence.map { Array($0) } ?? []).enumerated() {
            guard let text = item.scalar?.string, let problem = LineLimit.problem(text) else { continue }
            sink.add(DataError(file: file, line: item.mark.line, column: "\(key)[\(index + 1)]", character: item.mark.column, message: problem))
            tooLong = true
        }
        return tooLong ? [] : items
    }
}
