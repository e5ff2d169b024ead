import Foundation
import Yams

/// One changed value: a CSV cell (file, row key, column) or a YAML key.
public struct CellChange: Sendable, Equatable {
    public var file: String
    public var key: String
    /// The CSV column; nil for a YAML key.
    public var column: String?
    public var old: String
    public var new: String
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

    public var isEmpty: Bool {
        studiesAdded.isEmpty && studiesRemoved.isEmpty && patientsAdded.isEmpty && patientsRemoved.isEmpty && rows.isEmpty && cells.isEmpty
    }

    /// Compares two valid dataset folders file by file, cell by cell.
    public static func between(_ base: String, _ head: String) -> DataChanges {
        var changes = DataChanges()
        for file in ["review.yaml", "prisma.yaml"] {
            changes.cells += yamlChanges(file, base, head)
        }
        let studies = RawTable(file: "studies.csv", base: base, head: head) { $0["study_id"] }
        let patients = RawTable(file: "patients.csv", base: base, head: head) { $0["patient_id"] }
        changes.studiesAdded = studies.added
        changes.studiesRemoved = studies.removed
        changes.patientsAdded = patients.added
        changes.patientsRemoved = patients.removed
        let newStudies = Set(studies.added + studies.removed)
        let newPatients = Set(patients.added + patients.removed)
        let tables = [
            studies,
            RawTable(file: "risk_of_bias.csv", base: base, head: head, owner: "study_id") { "\($0["study_id"] ?? "") Q\($0["question"] ?? "")" },
            patients,
            RawTable(file: "treatments.csv", base: base, head: head, owner: "patient_id") { "\($0["patient_id"] ?? "") step \($0["step"] ?? "")" },
            RawTable(file: "adverse_events.csv", base: base, head: head, owner: "patient_id") {
                "\($0["patient_id"] ?? "") step \($0["step"] ?? "") \($0["event"] ?? "")"
            },
        ]
        for table in tables {
            changes.cells += table.cells
            guard table.file != "studies.csv" && table.file != "patients.csv" else { continue }
            let whole = table.owner == "study_id" ? newStudies : newPatients
            changes.rows += table.added.filter { !whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: true) }
            changes.rows += table.removed.filter { !whole.contains(table.owners[$0] ?? "") }.map { RowChange(file: table.file, key: $0, added: false) }
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
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(file)"),
              let node = try? Yams.compose(yaml: String(decoding: data, as: UTF8.self)) else { return [] }
        var pairs: [(key: String, value: String)] = []
        func walk(_ node: Node, _ path: String) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { walk(value, path.isEmpty ? key.string ?? "" : "\(path).\(key.string ?? "")") }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { walk(item, "\(path)[\(index + 1)]") }
            case .scalar(let scalar):
                pairs.append((path, scalar.string))
            case .alias:
                break
            }
        }
        walk(node, "")
        return pairs
    }
}

/// A CSV file of both sides as rows of cells by key, in file order.
struct RawTable {
    let file: String
    let owner: String?
    var added: [String] = []
    var removed: [String] = []
    var cells: [CellChange] = []
    /// The owner (study or patient) of each row key.
    var owners: [String: String] = [:]

    init(file: String, base: String, head: String, owner: String? = nil, key: ([String: String]) -> String?) {
        self.file = file
        self.owner = owner
        let (oldHeader, old) = Self.read("\(base)/\(file)", key: key)
        let (newHeader, new) = Self.read("\(head)/\(file)", key: key)
        // Columns in the head's header order, then any the base alone had.
        let columns = newHeader + oldHeader.filter { !newHeader.contains($0) }
        let oldRows = Dictionary(old.map { ($0.key, $0.cells) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.key))
        for (rowKey, cells) in new {
            if let owner { owners[rowKey] = cells[owner] }
            guard let before = oldRows[rowKey] else {
                added.append(rowKey)
                continue
            }
            for column in columns {
                let was = before[column] ?? "", now = cells[column] ?? ""
                if was != now { self.cells.append(CellChange(file: file, key: rowKey, column: column, old: was, new: now)) }
            }
        }
        for (rowKey, cells) in old where !newKeys.contains(rowKey) {
            if let owner { owners[rowKey] = cells[owner] }
            removed.append(rowKey)
        }
    }

    /// Rows with their cells by column (empty and NR alike), x_ columns left out;
    /// a repeated key gets `#2`, `#3`.
    static func read(_ path: String, key: ([String: String]) -> String?) -> (header: [String], rows: [(key: String, cells: [String: String])]) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], []) }
        let (records, _) = CSVReader(bytes: [UInt8](data)).records()
        guard let header = records.first?.fields else { return ([], []) }
        var rows: [(key: String, cells: [String: String])] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            var cells: [String: String] = [:]
            for (index, name) in header.enumerated() where !name.isEmpty && !name.hasPrefix("x_") && index < record.fields.count {
                let value = record.fields[index]
                cells[name] = value == "NR" ? "" : value
            }
            var rowKey = key(cells) ?? "line \(record.line)"
            seen[rowKey, default: 0] += 1
            if seen[rowKey]! > 1 { rowKey += " #\(seen[rowKey]!)" }
            rows.append((rowKey, cells))
        }
        return (header.filter { !$0.isEmpty && !$0.hasPrefix("x_") }, rows)
    }
}
