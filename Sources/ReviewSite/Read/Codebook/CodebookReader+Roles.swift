// The declared form of `tables:`: each table's role, file and key, checked
// against what the role needs (docs/dataset.md, "Tables and their roles").

extension CodebookReader {
    /// A table's keys in the first form, where names fix roles, files and keys.
    static let firstFormKeys = ["columns", "extra", "label", "shown_as"]

    /// The engine's own tables and views: no table of a review takes their names.
    static let engineNames: Set<String> = ["patient_summary", "study_appraisal", "treated_patients", "treatment_steps"]

    func role(_ mapping: YAMLNode.Mapping, _ path: String) -> Codebook.Role? {
        guard mapping["role"] != nil, let text = text(mapping, "role", path) else { return nil }
        guard let role = Codebook.Role(rawValue: text) else {
            roleRefused = true
            fail(mapping["role"], join(path, "role"), "unknown role '\(Echo.value(text))' (expected one of \(Codebook.Role.allowed), or no role for a table of the review's own)")
            return nil
        }
        return role
    }

    /// `file: lines.csv`: a CSV file of the data folder (the sheet of a workbook keeps the table's name).
    func file(_ mapping: YAMLNode.Mapping, _ path: String) -> String? {
        guard mapping["file"] != nil, let text = text(mapping, "file", path) else { return nil }
        let plain = text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }
        guard plain, text.hasSuffix(".csv"), text.count > 4, !text.hasPrefix(".") else {
            fail(mapping["file"], join(path, "file"), "'\(Echo.value(text))' is not a CSV file of the data folder (expected a name like lines.csv: letters, digits, _, - and .)")
            return nil
        }
        return text
    }

    func tableNameFree(_ name: String, _ node: YAMLNode) -> Bool {
        guard !Self.engineNames.contains(name), !name.hasPrefix("sqlite_") else {
            fail(node, "tables.\(name)", "'\(name)' is the name of a table the program makes (choose another name)")
            return false
        }
        return true
    }

    /// `key: [patient_id, step]`: the columns that identify a row; a table with an id column is keyed by it.
    func tableKey(_ mapping: YAMLNode.Mapping, _ path: String, _ tableNode: YAMLNode, _ columns: [Codebook.Column]) -> [String] {
        let id = columns.first { $0.type == .id }
        guard let node = mapping["key"] else {
            if let id { return [id.name] }
            fail(tableNode, join(path, "key"), "required key is missing (a table without an id column names the columns that identify a row, e.g. key: [patient_id, step])")
            return []
        }
        let names = node.scalar.map { [$0.string] } ?? node.sequence?.compactMap { $0.scalar?.string } ?? []
        guard !names.isEmpty, node.sequence?.count ?? 1 == names.count else {
            fail(node, join(path, "key"), "expected a list of the table's columns, e.g. [patient_id, step]")
            return []
        }
        var key: [String] = []
        for name in names {
            if columns.first(where: { $0.name == name }) == nil {
                fail(node, join(path, "key"), "'\(Echo.value(name))' is not a column of \(path.dropFirst(7)) (expected columns declared under columns)")
            } else if key.contains(name) {
                fail(node, join(path, "key"), "'\(name)' is named twice in the key")
            } else {
                key.append(name)
            }
        }
        if let id, key != [id.name] {
            fail(node, join(path, "key"), "a table with an id column is keyed by it (expected key: [\(id.name)], or no key)")
            return [id.name]
        }
        return key
    }

    /// What the table's role needs of its columns and key.
    func checkRole(_ table: inout Codebook.Table, _ mapping: YAMLNode.Mapping, _ tableNode: YAMLNode) {
        guard let role = table.role else { return }
        let path = "tables.\(table.name)"
        let keyNode = mapping["key"] ?? tableNode
        let owner = { (role: Codebook.Role) in self.roles.first { $0.value == role }?.key }
        func keyed(_ by: Codebook.Role, number: String, example: String) {
            let columns = table.keyColumns
            let target = owner(by)
            guard columns.count >= 2, columns[0].type == .reference, columns[0].references == target, columns[1].type == .integer else {
                fail(keyNode, join(path, "key"), "the \(role.rawValue) table is keyed by a reference to the \(by.rawValue) table\(target.map { " (\($0))" } ?? "") and an integer \(number) (expected e.g. key: \(example))")
                return
            }
        }
        switch role {
        case .study:
            if table.idColumn == nil { fail(tableNode, path, "the study table needs a column of type id (each study's key)") }
        case .patient:
            if table.idColumn == nil { fail(tableNode, path, "the patient table needs a column of type id (each patient's key)") }
            let study = owner(.study)
            if let index = table.columns.firstIndex(where: { $0.type == .reference && $0.references == study && study != nil }) {
                table.columns[index].required = true
            } else {
                fail(tableNode, path, "the patient table needs a reference to the study table\(study.map { " (e.g. - {column: study_id, type: reference, to: \($0)})" } ?? "")")
            }
        case .step: keyed(.patient, number: "step number", example: "[patient_id, step]")
        case .event: keyed(.patient, number: "step number (the step the event followed)", example: "[patient_id, step, event]")
        case .appraisal:
            keyed(.study, number: "question number", example: "[study_id, question]")
            if !table.columns.contains(where: { $0.type == .answer }) {
                fail(tableNode, path, "the appraisal table needs a column of type answer")
            }
        }
    }

    /// Each role at most once; the study, patient, step and event tables are required.
    func checkRoles(_ codebook: Codebook, _ root: YAMLNode.Mapping) {
        guard !firstForm, let mapping = root["tables"]?.mapping else { return }
        for role in Codebook.Role.allCases {
            let holders = codebook.tables.filter { $0.role == role }
            for extra in holders.dropFirst() {
                fail(keyNode(mapping, extra.name), "tables.\(extra.name).role", "the table \(holders[0].name) already has the role \(role.rawValue) (expected each role once)")
            }
            if holders.isEmpty && role != .appraisal && !roleRefused {
                fail(keyNode(root, "tables"), "tables", "no table has the role \(role.rawValue) (every codebook declares tables with the roles study, patient, step and event)")
            }
        }
        var files: [String: String] = [:]
        for table in codebook.tables {
            if let other = files[table.fileName] {
                fail(keyNode(mapping, table.name), "tables.\(table.name).file", "'\(table.fileName)' is already the file of \(other) (expected one file per table)")
            }
            files[table.fileName] = table.name
        }
    }
}
