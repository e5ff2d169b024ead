// review.yaml, prisma.yaml and published.yaml: typed, every key checked.

extension DatasetLoader {
    /// The keys of each file and section (docs/dataset.md names every one: DocumentedKeysTests).
    static let reviewKeys = ["title", "authors", "journal", "year", "doi", "registration", "databases", "languages", "provenance", "imputation"]
    static let prismaKeys = ["previous_version", "databases", "other_methods", "included"]
    static let prismaDatabaseKeys = ["records_identified", "by_source", "registers_records", "removed_duplicates", "removed_automation",
                                     "removed_other", "records_excluded", "reports_not_retrieved", "reports_excluded"]
    static let prismaOtherKeys = ["records_identified", "sources", "reports_not_retrieved", "reports_excluded"]

    static func readReview(_ directory: DataDirectory, _ sink: ErrorSink) -> Review? {
        let yaml = YAMLReader(file: directory.display("review.yaml"), sink: sink)
        guard let root = yaml.root(directory, "review.yaml"), let map = yaml.mapping(root, "", known: reviewKeys) else { return nil }
        var imputation = Imputation.none
        if let text = yaml.string(map, "imputation", required: true), let node = map["imputation"] {
            if let value = Imputation(rawValue: text) {
                imputation = value
            } else {
                yaml.fail(node, "imputation", "\(Echo.quoted(text)) is not one of \(Imputation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        return Review(
            title: yaml.line(map, "title", required: true) ?? "",
            authors: yaml.lineList(map, "authors", required: true, nonEmpty: "is an empty list (expected at least one author)"),
            journal: yaml.line(map, "journal", required: false),
            year: yaml.number(map, "year", "", .publicationYear, required: false).map { Int($0) },
            doi: yaml.line(map, "doi", required: false),
            registration: yaml.line(map, "registration", required: false),
            databases: yaml.lineList(map, "databases", required: true),
            languages: yaml.lineList(map, "languages", required: true),
            provenance: yaml.line(map, "provenance", limit: LineLimit.paragraph, required: true) ?? "",
            imputation: imputation
        )
    }

    static func readPrisma(_ directory: DataDirectory, _ sink: ErrorSink) -> (Prisma, PrismaLines)? {
        let yaml = YAMLReader(file: directory.display("prisma.yaml"), sink: sink)
        let errorsBefore = sink.count
        guard let root = yaml.root(directory, "prisma.yaml"),
              let map = yaml.mapping(root, "", known: prismaKeys) else { return nil }
        var lines = PrismaLines()
        let databaseKeys = prismaDatabaseKeys, otherKeys = prismaOtherKeys
        guard let dbNode = yaml.value(map, "databases", "", required: true),
              let db = yaml.mapping(dbNode, "databases", known: databaseKeys),
              let otherNode = yaml.value(map, "other_methods", "", required: true),
              let other = yaml.mapping(otherNode, "other_methods", known: otherKeys),
              let includedNode = yaml.value(map, "included", "", required: true),
              let included = yaml.mapping(includedNode, "included", known: ["studies", "reports"]) else { return nil }
        for key in databaseKeys { lines.databases[key] = db[key]?.mark.line }
        for key in otherKeys { lines.otherMethods[key] = other[key]?.mark.line }
        lines.includedStudies = included["studies"]?.mark.line ?? included.mark.line
        lines.previousVersion = map["previous_version"]?.mark.line
        let previousVersion = yaml.string(map, "previous_version", required: false)
        if let previousVersion, let node = map["previous_version"], let problem = Versions.problem(version: previousVersion) {
            yaml.fail(node, "previous_version", problem)
        }
        let databases = Prisma.Databases(
            recordsIdentified: yaml.count(db, "records_identified", "databases", required: true),
            bySource: sources(yaml, db),
            registersRecords: yaml.count(db, "registers_records", "databases"),
            removedDuplicates: yaml.count(db, "removed_duplicates", "databases"),
            removedAutomation: yaml.count(db, "removed_automation", "databases"),
            removedOther: yaml.count(db, "removed_other", "databases"),
            recordsExcluded: yaml.count(db, "records_excluded", "databases"),
            reportsNotRetrieved: yaml.count(db, "reports_not_retrieved", "databases"),
            reportsExcluded: exclusions(yaml, db, "databases")
        )
        let otherMethods = Prisma.OtherMethods(
            recordsIdentified: yaml.count(other, "records_identified", "other_methods", required: true),
            sources: yaml.stringList(other, "sources", "other_methods", required: false),
            reportsNotRetrieved: yaml.count(other, "reports_not_retrieved", "other_methods"),
            reportsExcluded: exclusions(yaml, other, "other_methods")
        )
        let prisma = Prisma(
            databases: databases,
            otherMethods: otherMethods,
            includedStudies: yaml.count(included, "studies", "included", required: true),
            includedReports: yaml.count(included, "reports", "included", required: true),
            previousVersion: previousVersion
        )
        // Arithmetic over a file with a bad count would only repeat the problem.
        return sink.count == errorsBefore ? (prisma, lines) : nil
    }

    private static func sources(_ yaml: YAMLReader, _ db: YAMLNode.Mapping) -> [Prisma.Source] {
        items(yaml, db, "by_source", "databases", known: ["name", "records"]) { item, path in
            Prisma.Source(name: yaml.string(item, "name", path, required: true) ?? "",
                          records: yaml.count(item, "records", path, required: true))
        }
    }

    private static func exclusions(_ yaml: YAMLReader, _ map: YAMLNode.Mapping, _ path: String) -> [Prisma.Exclusion] {
        items(yaml, map, "reports_excluded", path, known: ["code", "reason", "count"]) { item, itemPath in
            var code = yaml.string(item, "code", itemPath, required: true) ?? ""
            if !code.isEmpty, !code.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }),
               let node = item["code"] {
                yaml.fail(node, "\(itemPath).code", "\(Echo.quoted(code)) is not a code (expected lower-case letters and _, e.g. insufficient_data)")
                code = ""
            }
            return Prisma.Exclusion(code: code,
                                    reason: yaml.string(item, "reason", itemPath, required: true) ?? "",
                                    count: yaml.count(item, "count", itemPath, required: true))
        }
    }

    /// A list of mappings under `key`, each converted by `convert`.
    private static func items<T>(_ yaml: YAMLReader, _ map: YAMLNode.Mapping, _ key: String, _ path: String,
                                 known: [String], _ convert: (YAMLNode.Mapping, String) -> T) -> [T] {
        guard let node = map[key] else { return [] }
        let listPath = yaml.join(path, key)
        guard let sequence = node.sequence else {
            yaml.fail(node, listPath, "expected a list of {\(known.joined(separator: ", "))}")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            let itemPath = "\(listPath)[\(index + 1)]"
            return yaml.mapping(item, itemPath, known: known).map { convert($0, itemPath) }
        }
    }

    /// `fields` names each figure of the catalogue and the fields it carries.
    static func readPublished(_ directory: DataDirectory, _ sink: ErrorSink, fields: [String: [String]]) -> [String: PublishedValue]? {
        let yaml = YAMLReader(file: directory.display("published.yaml"), sink: sink)
        // An unpublished review has no printed figures: the file is optional.
        guard directory.has("published.yaml") else { return [:] }
        guard let root = yaml.root(directory, "published.yaml") else { return nil }
        guard let map = root.mapping else {
            yaml.fail(root, "(top level)", "expected a mapping of figure ids to values")
            return nil
        }
        var published: [String: PublishedValue] = [:]
        for (key, value) in map {
            let id = key.string ?? ""
            guard let allowed = fields[id] else {
                yaml.fail(key, Echo.value(id), "not a figure of figures.yaml (expected the id of a figure the report computes)")
                continue
            }
            if let entryFields = value.mapping {
                var entry = PublishedValue(fields: [], line: key.mark.line)
                for (fieldKey, fieldValue) in entryFields {
                    let name = fieldKey.string ?? ""
                    if name == "explained" {
                        entry.explained = yaml.string(entryFields, "explained", id, required: true)
                        continue
                    }
                    guard allowed.contains(name) else {
                        yaml.fail(fieldKey, "\(id).\(Echo.value(name))", "not a field of this figure (expected one of \((allowed + ["explained"]).joined(separator: ", ")))")
                        continue
                    }
                    if let number = yaml.number(fieldValue, "\(id).\(name)", .any) {
                        entry.fields.append((name, number))
                    }
                }
                published[id] = entry
            } else if allowed != ["n"] {
                yaml.fail(value, id, "expected the fields of the figure, e.g. {\(allowed.map { "\($0): …" }.joined(separator: ", "))}")
            } else if let number = yaml.number(value, id, .any) {
                published[id] = PublishedValue(fields: [("n", number)], line: key.mark.line)
            }
        }
        return published
    }
}

/// Where prisma.yaml's counts are, for the arithmetic checks.
struct PrismaLines {
    var databases: [String: Int] = [:]
    var otherMethods: [String: Int] = [:]
    var includedStudies: Int?
    var previousVersion: Int?
}
