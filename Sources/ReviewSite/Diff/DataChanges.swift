import Foundation

/// One changed value: a CSV cell (file, row key, column) or a YAML key.
public struct CellChange: Sendable, Equatable {
    public var file: String
    public var key: String
    /// The CSV column; nil for a YAML key.
    public var column: String?
    public var old: String
    public var new: String
    /// The cell of a table read from a workbook: `patients!D17` (the head's, or the base's).
    public var cell: String? = nil
}

/// A row present on one side only (other than a whole study or patient).
public struct RowChange: Sendable, Equatable {
    public var file: String
    public var key: String
    public var added: Bool
}

/// What changed in the dataset, in review terms.
public struct DataChanges: Sendable, Equatable {
    public var studiesAdded: [String] = []
    public var studiesRemoved: [String] = []
    public var patientsAdded: [String] = []
    public var patientsRemoved: [String] = []
    public var rows: [RowChange] = []
    public var cells: [CellChange] = []
    /// The rows that went with a removed study or patient (its appraisal,
    /// its treatment steps), which `rows` leaves out.
    public var rowsRemovedWith: [RowChange] = []

    public var isEmpty: Bool {
        studiesAdded.isEmpty && studiesRemoved.isEmpty && patientsAdded.isEmpty && patientsRemoved.isEmpty && rows.isEmpty && cells.isEmpty
    }

    /// Compares two valid dataset folders file by file, cell by cell.
    public static func between(_ base: String, _ head: String) -> DataChanges {
        var changes = DataChanges()
        // The codebook travels with the rows: a changed code or label is a data change.
        for file in ["codebook.yaml", "review.yaml", "prisma.yaml", "search.yaml"] {
            changes.cells += yamlChanges(file, base, head)
        }
        // Tables as each side's codebook declares them, the head's first.
        let codebooks = [head, base].compactMap { DatasetLoader.readCodebook(DataDirectory($0), ErrorSink()) }
        var declared: [Codebook.Table] = []
        for codebook in codebooks {
            declared += codebook.tables.filter { table in !declared.contains { $0.name == table.name } }
        }
        let core = codebooks.first?.core
        let compared = declared.map { table in
            RawTable(file: table.fileName, sheet: table.name, base: base, head: head, owner: owner(table, core), key: keyParts(table))
        }
        let studies = compared.first { $0.file == declared.first { $0.role == .study }?.fileName }
        let patients = compared.first { $0.file == declared.first { $0.role == .patient }?.fileName }
        changes.studiesAdded = studies?.added ?? []
        changes.studiesRemoved = studies?.removed ?? []
        changes.patientsAdded = patients?.added ?? []
        changes.patientsRemoved = patients?.removed ?? []
        let newStudies = Set(changes.studiesAdded + changes.studiesRemoved)
        let newPatients = Set(changes.patientsAdded + changes.patientsRemoved)
        for (table, declaration) in zip(compared, declared) {
            changes.cells += table.cells
            guard declaration.role != .study && declaration.role != .patient else { continue }
            let ownedBy = declaration.keyColumns.first?.references
            let whole: Set<String> = ownedBy == core?.studies ? newStudies : ownedBy == core?.patients ? newPatients : []
            changes.rows += table.added.filter { !whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: true) }
            changes.rows += table.removed.filter { !whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: false) }
            changes.rowsRemovedWith += table.removed.filter { whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: false) }
        }
        changes.cells += yamlChanges("published.yaml", base, head)
        return changes
    }

    /// The column naming a row's study or patient, when the key starts with a reference to either.
    private static func owner(_ table: Codebook.Table, _ core: Codebook.Core?) -> String? {
        guard let first = table.keyColumns.first, first.type == .reference,
              first.references == core?.studies || first.references == core?.patients else { return nil }
        return first.name
    }

    /// How a row is named in the changes: `R4 Q3`, `P12 step 2`, `P12 step 2 pruritus`:
    /// the key's values, each after the first with its column's name, but a question's Q and an event's code.
    private static func keyParts(_ table: Codebook.Table) -> [KeyPart] {
        guard let first = table.key.first else { return [] }
        var parts: [KeyPart] = [.column(first)]
        for (index, column) in table.key.enumerated().dropFirst() {
            switch (table.role, index) {
            case (.appraisal, 1): parts += [.text(" Q"), .column(column)]
            case (.event, 2...): parts += [.text(" "), .column(column)]
            default: parts += [.text(" \(column) "), .column(column)]
            }
        }
        return parts
    }

    /// YAML files compared as flattened `key.path = value` pairs.
    static func yamlChanges(_ file: String, _ base: String, _ head: String) -> [CellChange] {
        // The same bytes on both sides flatten to the same pairs.
        var status = stat()
        if lstat("\(head)/\(file)", &status) == 0 && ReleasedData.sameFile("\(base)/\(file)", "\(head)/\(file)") { return [] }
        let old = flatten(file, base), new = flatten(file, head)
        // By key, the first pair of each (a codebook has a thousand).
        let oldValues = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.key))
        var changes: [CellChange] = []
        for (key, value) in new where oldValues[key] != value {
            changes.append(CellChange(file: file, key: key, column: nil, old: oldValues[key] ?? "", new: value))
        }
        for (key, value) in old where !newKeys.contains(key) {
            changes.append(CellChange(file: file, key: key, column: nil, old: value, new: ""))
        }
        return changes
    }

    private static func flatten(_ file: String, _ folder: String) -> [(key: String, value: String)] {
        // Read as the loader reads it (no links followed, aliases bounded):
        // this runs while the loader checks the same file.
        let directory = DataDirectory(folder)
        guard let node = YAMLReader(file: directory.display(file), sink: ErrorSink()).root(directory, file) else { return [] }
        var pairs: [(key: String, value: String)] = []
        func walk(_ node: YAMLNode, _ path: String) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { walk(value, path.isEmpty ? key.string ?? "" : "\(path).\(key.string ?? "")") }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { walk(item, "\(path)[\(index + 1)]") }
            case .scalar(let scalar):
                pairs.append((path, scalar.string))
            }
        }
        walk(node, "")
        return pairs
    }
}
