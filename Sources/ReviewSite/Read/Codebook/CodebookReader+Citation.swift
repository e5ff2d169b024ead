// `citation:` on a column of the studies table: which part of the study's
// reference it holds, so the supplement can list the included studies'
// references (eReferences) from the data instead of typing them again.

extension Codebook {
    /// The parts of a reference, in the order a reference prints them.
    public enum CitationPart: String, Sendable, CaseIterable {
        /// The review's reference number of the study (Ref. 4).
        case number
        case authors, year, title, journal, doi

        /// The column types that can hold this part.
        var types: [ColumnType] {
            switch self {
            case .number: [.integer, .id]
            case .year: [.integer]
            case .authors, .title, .journal, .doi: [.text]
            }
        }
    }
}

extension Codebook.Table {
    /// The column holding each part of a study's reference, when the codebook says.
    public var citationColumns: [(part: Codebook.CitationPart, column: String)] {
        Codebook.CitationPart.allCases.compactMap { part in
            (columns + extra).first { $0.citation == part }.map { (part, $0.name) }
        }
    }
}

extension CodebookReader {
    func citation(_ mapping: YAMLNode.Mapping, _ path: String, _ column: Codebook.Column, table: String) -> Codebook.CitationPart? {
        guard let node = mapping["citation"], let text = text(mapping, "citation", path) else { return nil }
        let key = join(path, "citation")
        guard let part = Codebook.CitationPart(rawValue: text) else {
            let parts = Codebook.CitationPart.allCases.map(\.rawValue).joined(separator: ", ")
            fail(node, key, "unknown part of a reference '\(Echo.value(text))' (expected one of \(parts))")
            return nil
        }
        guard roles[table] == .study else {
            fail(node, key, "only a column of the study table holds a part of a study's reference (this one is in \(table))")
            return nil
        }
        guard part.types.contains(column.type) else {
            let types = part.types.map(\.rawValue).joined(separator: " or ")
            fail(node, key, "a reference's \(part.rawValue) is a column of type \(types) (this one is \(column.type.rawValue))")
            return nil
        }
        return part
    }

    /// Each part of a reference in one column at most.
    func checkCitations(_ columns: [(Codebook.Column, YAMLNode, YAMLNode.Mapping)], _ path: String) {
        var seen: [Codebook.CitationPart: String] = [:]
        for (column, _, mapping) in columns {
            guard let part = column.citation else { continue }
            if let first = seen[part] {
                fail(mapping["citation"], join(join(path, column.name), "citation"),
                     "the reference's \(part.rawValue) is already column \(first)'s (expected each part in one column)")
            } else {
                seen[part] = column.name
            }
        }
    }
}
