// search.yaml (optional): each source of the search, checked key by key
// and against prisma.yaml's counts.

extension DatasetLoader {
    static let searchFile = "search.yaml"
    static let sourceKeys = ["name", "kind", "platform", "searched", "coverage", "query", "limits", "records"]
    /// A search string may be long (hundreds of lines for a sensitive strategy), not unbounded.
    static let queryLimit = 20_000

    /// The strategy, with the line of each kind's first source (for the check against prisma.yaml).
    static func readSearch(_ directory: DataDirectory, _ sink: ErrorSink) -> (SearchStrategy, [SearchStrategy.Kind: Int])? {
        guard directory.has(searchFile) else { return nil }
        let yaml = YAMLReader(file: directory.display(searchFile), sink: sink)
        let errorsBefore = sink.count
        guard let root = yaml.root(directory, searchFile), let map = yaml.mapping(root, "", known: ["sources", "note"]),
              let node = yaml.value(map, "sources", "", required: true) else { return nil }
        guard let sequence = node.sequence, !sequence.isEmpty else {
            yaml.fail(node, "sources", "expected a list of sources, e.g. - {name: PubMed, kind: database, searched: 2020-08-31}")
            return nil
        }
        var sources: [SearchStrategy.Source] = []
        var lines: [SearchStrategy.Kind: Int] = [:]
        for (index, item) in sequence.enumerated() {
            let path = "sources[\(index + 1)]"
            guard let source = yaml.mapping(item, path, known: sourceKeys) else { continue }
            let name = yaml.line(source, "name", required: true) ?? ""
            var kind = SearchStrategy.Kind.database
            if let text = yaml.string(source, "kind", path, required: true), let kindNode = source["kind"] {
                if let value = SearchStrategy.Kind(rawValue: text) { kind = value } else {
                    yaml.fail(kindNode, "\(path).kind", "\(Echo.quoted(text)) is not a kind of source (expected one of database, register, other)")
                }
            }
            var searched = yaml.line(source, "searched", required: false)
            if let date = searched, let dateNode = source["searched"], !isDate(date) {
                yaml.fail(dateNode, "\(path).searched", "\(Echo.quoted(date)) is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2020-08-31)")
                searched = nil
            }
            var query = yaml.string(source, "query", path, required: false)
            if let text = query, let queryNode = source["query"], let problem = LineLimit.problem(text, limit: queryLimit) {
                yaml.fail(queryNode, "\(path).query", problem)
                query = nil
            }
            if lines[kind] == nil { lines[kind] = item.mark.line }
            sources.append(SearchStrategy.Source(
                name: name, kind: kind, platform: yaml.line(source, "platform", required: false), searched: searched,
                coverage: yaml.line(source, "coverage", required: false), query: query.map(trimmedLines),
                limits: yaml.line(source, "limits", required: false),
                records: source["records"] == nil ? nil : yaml.count(source, "records", path)))
        }
        let note = yaml.line(map, "note", limit: LineLimit.paragraph, required: false)
        return sink.count == errorsBefore ? (SearchStrategy(sources: sources, note: note), lines) : nil
    }

    /// When every source of a kind gives its records, they add up to prisma.yaml's count of that kind.
    static func checkSearch(_ search: SearchStrategy, lines: [SearchStrategy.Kind: Int], _ prisma: Prisma, _ directory: DataDirectory, _ sink: ErrorSink) {
        let counts: [SearchStrategy.Kind: Int] = [.database: prisma.databases.recordsIdentified,
                                                  .register: prisma.databases.registersRecords,
                                                  .other: prisma.otherMethods.recordsIdentified]
        for kind in SearchStrategy.Kind.allCases {
            let sources = search.sources.filter { $0.kind == kind }
            let records = sources.compactMap(\.records)
            guard !sources.isEmpty, records.count == sources.count, let expected = counts[kind] else { continue }
            let total = records.reduce(0, +)
            if total != expected {
                let names = ListText.join(sources.map(\.name))
                sink.add(file: directory.display(searchFile), line: lines[kind],
                         "the records of the \(kind.rawValue) sources (\(names)) add up to \(total), but prisma.yaml's \(kind.prismaKey) is \(expected) (expected the same count)")
            }
        }
    }

    /// A full date as release dates are (Versions.isDate: a real calendar day), or just its year and month.
    private static func isDate(_ text: String) -> Bool {
        if text.count == 10 { return Versions.isDate(text) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 4, Int(parts[0]) != nil, parts[0].allSatisfy(\.isASCII) else { return false }
        return parts.count == 1 || (parts[1].count == 2 && Int(parts[1]).map { (1...12).contains($0) } == true)
    }

    /// A block scalar keeps its lines; their trailing spaces and the last line break go.
    private static func trimmedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n").trimmingTrailingNewlines()
    }
}
