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
        let studies = RawTable(file: "studies.csv", base: base, head: head, key: [.column("study_id")])
        let patients = RawTable(file: "patients.csv", base: base, head: head, key: [.column("patient_id")])
        changes.studiesAdded = studies.added
        changes.studiesRemoved = studies.removed
        changes.patientsAdded = patients.added
        changes.patientsRemoved = patients.removed
        let newStudies = Set(studies.added + studies.removed)
        let newPatients = Set(patients.added + patients.removed)
        let tables = [
            studies,
            RawTable(file: "risk_of_bias.csv", base: base, head: head, owner: "study_id", key: [.column("study_id"), .text(" Q"), .column("question")]),
            patients,
            RawTable(file: "treatments.csv", base: base, head: head, owner: "patient_id", key: [.column("patient_id"), .text(" step "), .column("step")]),
            RawTable(file: "adverse_events.csv", base: base, head: head, owner: "patient_id",
                     key: [.column("patient_id"), .text(" step "), .column("step"), .text(" "), .column("event")]),
        ]
        for table in tables {
            changes.cells += table.cells
            guard table.file != "studies.csv" && table.file != "patients.csv" else { continue }
            let whole = table.owner == "study_id" ? newStudies : newPatients
            changes.rows += table.added.filter { !whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: true) }
            changes.rows += table.removed.filter { !whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: false) }
            changes.rowsRemovedWith += table.removed.filter { whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: false) }
        }
        changes.cells += yamlChanges("published.yaml", base, head)
        return changes
    }

    /// YAML files compared as flattened `key.path = value` pairs.
    static func yamlChanges(_ file: String, _ base: String, _ head: String) -> [CellChange] {
        let old = flatten(file, base), new = flatten(file, head)
        var changes: [CellChange] = []
        for (key, value) in new where old.first(where: { $0.key == key })?.value != value {
            changes.append(CellChange(file: file, key: key, column: nil, old: old.first { $0.key == key }?.value ?? "", new: value))
        }
        for (key, value) in old where !new.contains(where: { $0.key == key }) {
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
