// What every codebook must declare: the keys and references that link the
// tables (the tool joins rows by them; in the first form, by fixed names),
// and the tables the appraisal needs. The other columns are the review's own.

extension CodebookReader {
    struct CoreColumn {
        var name: String
        var type: Codebook.ColumnType
        var references: String?

        var expected: String { references.map { "reference to \($0)" } ?? type.rawValue }
    }

    /// A table's core columns: declared under `columns`, with their type.
    func checkCore(_ table: String, _ columns: [Codebook.Column], _ mappings: [YAMLNode.Mapping], _ tableKey: YAMLNode?) {
        for core in Self.coreColumns[table] ?? [] {
            guard let index = columns.firstIndex(where: { $0.name == core.name }) else {
                fail(tableKey, "tables.\(table)", "the core column '\(core.name)' is missing (expected \(core.name): \(core.expected))")
                continue
            }
            let column = columns[index]
            if column.type != core.type {
                fail(mappings[index]["type"], "tables.\(table).\(core.name).type", "'\(column.type.rawValue)' for a core column (expected \(core.expected))")
            } else if let references = column.references, references != core.references {
                fail(mappings[index]["to"], "tables.\(table).\(core.name).to", "'\(Echo.value(references))' for a core column (expected \(core.expected))")
            }
        }
    }

    /// Names SQLite gives every table's row number: a column so named hides it.
    static let rowNames: Set<String> = ["rowid", "oid", "_rowid_"]

    /// Columns a derived view adds to a table's columns (DatabaseSchema.views):
    /// one of the table's own so named would make the view's column ambiguous.
    /// (The summary's reader refuses declared summary columns named like patients'.)
    func addedByViews(_ table: String) -> (view: String, names: [String])? {
        switch roles[table] {
        case .patient: ("treated_patients", Array(Codebook.Summary.fixed.dropFirst()))
        case .step: ("treatment_steps", DatabaseSchema.stepSummary)
        default: nil
        }
    }

    /// No column, nor a code list's item column, named like SQLite's row
    /// number; no column of a table a view joins named like what it adds.
    func checkReserved(_ table: String, _ columns: [(Codebook.Column, YAMLNode, YAMLNode.Mapping)]) {
        let added = addedByViews(table)
        for (column, node, mapping) in columns {
            let path = join("tables.\(table)", column.name)
            if Self.rowNames.contains(column.name.lowercased()) {
                fail(node, path, "the column '\(column.name)' of \(table) has a name SQLite reserves for a row's number (rename it)")
            } else if let added, added.names.contains(column.name) {
                fail(node, path, "the column '\(column.name)' of \(table) has the name of a column the view \(added.view) adds from patient_summary (rename it)")
            }
            if let item = column.item, let itemNode = mapping["item"], Self.rowNames.contains(item.lowercased()) {
                fail(itemNode, join(path, "item"), "the item column '\(item)' of \(table)_\(column.name) has a name SQLite reserves for a row's number (rename it)")
            }
        }
    }

    /// Declared summary columns named like SQLite's row number (the summary's
    /// own check refuses the names of patients' and the fixed columns).
    func checkReservedSummary(_ node: YAMLNode?) {
        guard let list = node?.mapping?["columns"]?.sequence else { return }
        for (index, item) in list.enumerated() {
            guard let nameNode = item.mapping?["column"], let name = nameNode.scalar?.string,
                  Self.rowNames.contains(name.lowercased()) else { continue }
            fail(nameNode, "summary.columns[\(index + 1)].column",
                 "the column '\(name)' of patient_summary has a name SQLite reserves for a row's number (rename it)")
        }
    }

    /// The tables against the appraisal, once both are read.
    func checkTables(_ codebook: Codebook, _ root: YAMLNode.Mapping) {
        let tablesKey = keyNode(root, "tables")
        let declared = Self.requiredTables.joined(separator: ", ")
        for name in Self.requiredTables where firstForm && codebook.table(name) == nil && root["tables"]?.mapping != nil {
            fail(tablesKey, "tables", "the table '\(name)' is missing (every codebook declares \(declared))")
        }
        checkRoles(codebook, root)
        let checklists = !codebook.appraisal.checklists.isEmpty
        let tableKey = { (name: String) in root["tables"]?.mapping.flatMap { self.keyNode($0, name) } }
        let answers = codebook.table(for: .appraisal)
        if checklists && answers == nil {
            fail(tablesKey, "tables", firstForm ? "the table 'risk_of_bias' is missing (it holds the answers to appraisal.checklists)"
                 : "no table has the role appraisal (it holds the answers to appraisal.checklists)")
        }
        if !checklists, let answers {
            fail(tableKey(answers.name), "tables.\(answers.name)", "holds checklist answers, but appraisal declares no checklists")
        }
        guard let studies = codebook.table(for: .study) else { return }
        if checklists && !studies.allColumns.contains(where: { $0.type == .checklist }) {
            fail(tableKey(studies.name), "tables.\(studies.name)", "no column of type checklist (appraisal declares checklists: each study names its own)")
        }
        if !codebook.appraisal.levels.isEmpty && !studies.allColumns.contains(where: { $0.type == .level }) {
            fail(tableKey(studies.name), "tables.\(studies.name)", "no column of type level (appraisal declares levels of evidence)")
        }
    }

    /// The whole codebook; nil when it could not be read at all.
    func codebook(_ text: String) -> Codebook? {
        guard let node = root(text), let root = mapping(node, "", known: ["tables", "codes", "appraisal", "summary"]) else { return nil }
        for key in ["tables", "codes", "appraisal"] where root[key] == nil {
            fail(at: root.mark, key, "required key is missing")
        }
        // Code lists and the appraisal first: columns refer to them.
        let codeLists = root["codes"].map(codeLists) ?? []
        let appraisal = root["appraisal"].map(appraisal) ?? Codebook.Appraisal()
        let tables = root["tables"].map { self.tables($0) } ?? []
        var codebook = Codebook(tables: tables, codeLists: codeLists, appraisal: appraisal)
        codebook.firstForm = firstForm
        if let node = root["summary"] { codebook.summary = summary(node, tables) }
        checkReservedSummary(root["summary"])
        checkTables(codebook, root)
        // The checks hold the reader: emptied, so that reader and checks are freed (LeakSanitizer, FuzzWorkbook).
        let checks = deferred
        deferred = []
        for check in checks { check(codebook) }
        return codebook
    }
}
