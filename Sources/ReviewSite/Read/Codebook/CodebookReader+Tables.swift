// The `tables:` section: each table's columns, checked one by one.

extension CodebookReader {
    static let columnKeys = ["column", "type", "required", "label", "min", "max", "min_exclusive", "max_exclusive",
                             "unit", "unit_by", "units", "to", "codes", "only_for", "unique", "item", "citation"]
    static let tableKeys = ["columns", "extra", "label", "label_one", "shown_as", "role", "file", "key"]

    func tables(_ node: YAMLNode) -> [Codebook.Table] {
        // A codebook that gives no table a role is in the first form: its five names are fixed.
        let declared = node.mapping?.contains { $0.value.mapping?["role"] != nil } ?? false
        let known = declared ? [] : Codebook.firstForm.map(\.name)
        guard let mapping = declared ? node.mapping : mapping(node, "tables", known: known) else {
            if declared { fail(node, "tables", "expected a mapping of tables (name: its role, file and columns)") }
            return []
        }
        roles = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if declared {
                roles[name] = value.mapping.flatMap { role($0, "tables.\(name)") }
            } else if let first = Codebook.firstFormTable(name) {
                roles[name] = first.role
            }
        }
        firstForm = !declared
        var tables: [Codebook.Table] = []
        for (key, value) in mapping {
            guard let name = key.string, declared || known.contains(name) else { continue }
            if declared {
                guard checkedName(name, key, "tables.\(name)") != nil, tableNameFree(name, key) else { continue }
            }
            if let table = table(value, name, key) { tables.append(table) }
        }
        return tables
    }

    private func table(_ node: YAMLNode, _ name: String, _ key: YAMLNode) -> Codebook.Table? {
        let path = "tables.\(name)"
        guard let mapping = mapping(node, path, known: firstForm ? Self.firstFormKeys : Self.tableKeys) else { return nil }
        guard let columnsNode = mapping["columns"] else {
            fail(key, join(path, "columns"), "required key is missing (expected the table's columns)")
            return nil
        }
        // The rows are joined by the core columns (the key's): every row fills them.
        coreNames = firstForm ? Set((Self.coreColumns[name] ?? []).map(\.name))
            : Set(mapping["key"]?.sequence?.compactMap { $0.scalar?.string } ?? [])
        let columns = columnList(columnsNode, path, name, isExtra: false)
        let extra = mapping["extra"].map { columnList($0, path, name, isExtra: true) } ?? []
        var seen: [String: Int] = [:]
        for (column, node, _) in columns + extra {
            if let first = seen[column.name] {
                fail(node, join(path, column.name), "column '\(column.name)' is declared twice in \(name) (first on line \(first))")
            } else {
                seen[column.name] = column.line
            }
        }
        checkCitations(columns + extra, path)
        if firstForm { checkCore(name, columns.map(\.0), columns.map(\.2), key) }
        checkReserved(name, columns + extra)
        var table = Codebook.Table(name: name, columns: columns.map(\.0), extra: extra.map(\.0), fileName: file(mapping, path))
        table.role = roles[name]
        table.rowLabel = text(mapping, "label", path)
        if let first = firstForm ? Codebook.firstFormTable(name) : nil {
            table.key = first.key
            (table.nounOne, table.nounMany) = first.noun
        } else {
            table.key = tableKey(mapping, path, key, columns.map(\.0))
            let one = text(mapping, "label_one", path)
            table.nounOne = one ?? table.role?.noun.one ?? "row"
            table.nounMany = table.rowLabel ?? one.map { $0 + "s" } ?? table.role?.noun.many ?? table.rowsInWords
            checkRole(&table, mapping, key)
        }
        if let pattern = text(mapping, "shown_as", path) {
            table.shownAs = checkedPattern(pattern, mapping["shown_as"], join(path, "shown_as"), columns: (columns + extra).map(\.0))
        }
        return table
    }

    /// The columns, each with the node of its name and its mapping for later messages.
    private func columnList(_ node: YAMLNode, _ path: String, _ table: String, isExtra: Bool) -> [(Codebook.Column, YAMLNode, YAMLNode.Mapping)] {
        guard let sequence = sequence(node, path, "columns, e.g. - {column: age_years, type: number}") else { return [] }
        return sequence.enumerated().compactMap { index, item in
            column(item, path, table, index: index, isExtra: isExtra)
        }
    }

    private func column(_ node: YAMLNode, _ tablePath: String, _ table: String, index: Int, isExtra: Bool) -> (Codebook.Column, YAMLNode, YAMLNode.Mapping)? {
        let itemPath = "\(tablePath)[\(index + 1)]"
        let named = node.mapping?["column"]?.scalar.map { join(tablePath, $0.string) } ?? itemPath
        guard let mapping = mapping(node, named, known: Self.columnKeys) else { return nil }
        guard let name = name(mapping, "column", itemPath), let nameNode = mapping["column"] else { return nil }
        let path = join(tablePath, name)
        if name.hasPrefix("x_") {
            fail(nameNode, path, "names starting with x_ are reserved for columns the tool ignores (declare it without x_)")
        }
        guard let typeText = text(mapping, "type", path, required: true) else { return nil }
        guard let type = Codebook.ColumnType(rawValue: typeText) else {
            fail(mapping["type"], join(path, "type"), "unknown type '\(Echo.value(typeText))' (expected one of \(Codebook.ColumnType.allowed))")
            return nil
        }
        var column = Codebook.Column(
            name: name, type: type, required: flag(mapping, "required", path) ?? false,
            label: text(mapping, "label", path), bounds: bounds(mapping, path, type),
            unit: text(mapping, "unit", path), isExtra: isExtra, line: nameNode.mark.line)
        let isCore = !isExtra && coreNames.contains(name)
        column.required = column.required || isCore
        column.unique = flag(mapping, "unique", path) ?? false
        column.references = reference(mapping, path, type, checked: !(firstForm && isCore))
        column.codeList = codeListName(mapping, path, column)
        column.item = item(mapping, path, column)
        (column.unitBy, column.units) = units(mapping, path, column)
        if let onlyFor = mapping["only_for"] { column.onlyFor = condition(onlyFor, join(path, "only_for"), table) }
        if let unitBy = column.unitBy { checkDependency(unitBy, column.units.keys.sorted(), mapping["unit_by"], join(path, "unit_by"), table) }
        if let onlyFor = column.onlyFor { checkDependency(onlyFor.column, onlyFor.codes, mapping["only_for"], join(path, "only_for"), table) }
        checkTypeReference(column, mapping["type"], join(path, "type"))
        column.citation = citation(mapping, path, column, table: table)
        return (column, nameNode, mapping)
    }

    private func bounds(_ mapping: YAMLNode.Mapping, _ path: String, _ type: Codebook.ColumnType) -> Codebook.Bounds {
        let keys = ["min", "max", "min_exclusive", "max_exclusive"]
        if !type.isNumeric, let key = keys.first(where: { mapping[$0] != nil }) {
            fail(mapping[key], join(path, key), "bounds apply only to integer and number columns (this one is \(type.rawValue))")
            return Codebook.Bounds()
        }
        let rule = NumberRule(integer: type == .integer)
        let bounds = Codebook.Bounds(
            min: number(mapping, "min", path, rule), minExclusive: flag(mapping, "min_exclusive", path) ?? false,
            max: number(mapping, "max", path, rule), maxExclusive: flag(mapping, "max_exclusive", path) ?? false)
        if let low = bounds.min, let high = bounds.max, low > high {
            fail(mapping["min"], join(path, "min"), "min \(formatNumber(low)) is above max \(formatNumber(high)) (no value would fit)")
        }
        return bounds
    }

    /// The table a reference holds the key of; a core column's is checked with the core.
    private func reference(_ mapping: YAMLNode.Mapping, _ path: String, _ type: Codebook.ColumnType, checked: Bool) -> String? {
        guard type == .reference else {
            if mapping["to"] != nil { fail(mapping["to"], join(path, "to"), "only a reference column names a table with to") }
            return nil
        }
        guard let table = text(mapping, "to", path) else {
            fail(mapping["type"], join(path, "to"), "a reference names the table whose key it holds (e.g. to: studies)")
            return nil
        }
        let node = mapping["to"]
        guard checked else { return table }
        deferred.append { [self] (codebook: Codebook) in
            let keyed = codebook.tables.filter { $0.columns.contains { $0.type == .id } }.map(\.name)
            if !keyed.contains(table) {
                fail(node, join(path, "to"), "'\(Echo.value(table))' is not a table with an id column (expected one of \(keyed.joined(separator: ", ")))")
            }
        }
        return table
    }

    /// A code list column's child table names its code column so (`item: site`).
    private func item(_ mapping: YAMLNode.Mapping, _ path: String, _ column: Codebook.Column) -> String? {
        guard let node = mapping["item"] else { return nil }
        guard column.type == .codeList else {
            fail(node, join(path, "item"), "only a code list column names its item (the column of its table in the database)")
            return nil
        }
        return name(mapping, "item", path)
    }

    private func codeListName(_ mapping: YAMLNode.Mapping, _ path: String, _ column: Codebook.Column) -> String? {
        let node = mapping["codes"]
        guard column.type.hasCodeList else {
            if node != nil { fail(node, join(path, "codes"), "only code and code list columns take a code list") }
            return nil
        }
        let name = (node == nil ? nil : text(mapping, "codes", path)) ?? column.name
        deferred.append { [self] codebook in
            if codebook.codeList(name) == nil {
                fail(node ?? mapping["type"], join(path, node == nil ? "type" : "codes"),
                     "there is no code list '\(Echo.value(name))' under codes (a code column takes the list named like it, or the one codes: names)")
            }
        }
        return name
    }

    private func units(_ mapping: YAMLNode.Mapping, _ path: String, _ column: Codebook.Column) -> (String?, [String: String]) {
        guard mapping["unit_by"] != nil || mapping["units"] != nil else { return (nil, [:]) }
        guard let by = text(mapping, "unit_by", path), let node = mapping["units"], let units = node.mapping else {
            fail(mapping["unit_by"] ?? mapping["units"], join(path, "units"), "a unit per code needs both unit_by (a code column) and units (code: unit)")
            return (nil, [:])
        }
        if mapping["unit"] != nil { fail(mapping["unit"], join(path, "unit"), "give either unit or units, not both") }
        var result: [String: String] = [:]
        for (key, value) in units {
            if let code = key.string, let unit = value.scalar?.string { result[code] = unit } else { fail(value, join(path, "units"), "expected code: unit") }
        }
        return (by, result)
    }

    /// `only_for: {column: [code, …]}`: one code column of the table and some of its codes.
    private func condition(_ node: YAMLNode, _ path: String, _ table: String) -> Codebook.Condition? {
        guard let mapping = node.mapping, mapping.count == 1, let (key, value) = mapping.first, let column = key.string else {
            fail(node, path, "expected one code column and its codes, e.g. {treatment: [code_a, code_b]}")
            return nil
        }
        return Codebook.Condition(column: column, codes: names(value, join(path, column)))
    }

    /// The column another one depends on: a code column of the same table holding these codes.
    private func checkDependency(_ name: String, _ codes: [String], _ node: YAMLNode?, _ path: String, _ table: String) {
        deferred.append { [self] codebook in
            guard let column = codebook.table(table)?.column(name), column.type.hasCodeList, let list = codebook.codes(of: column) else {
                fail(node, path, "'\(Echo.value(name))' is not a code column of \(table)")
                return
            }
            for code in codes where list.code(code) == nil {
                fail(node, path, "'\(Echo.value(code))' is not a code of \(name) (expected one of \(list.names.joined(separator: ", ")))")
            }
        }
    }

    /// Checklist, answer and level columns need their part of the appraisal.
    private func checkTypeReference(_ column: Codebook.Column, _ node: YAMLNode?, _ path: String) {
        deferred.append { [self] codebook in
            switch column.type {
            case .checklist where codebook.appraisal.checklists.isEmpty && !appraisalParts.contains("checklists"),
                 .answer where codebook.appraisal.checklists.isEmpty && !appraisalParts.contains("checklists"):
                fail(node, path, "a column of type \(column.type.rawValue) needs checklists under appraisal.checklists")
            case .level where codebook.appraisal.levels.isEmpty && !appraisalParts.contains("levels"):
                fail(node, path, "a column of type level needs a scale under appraisal.levels")
            default: break
            }
        }
    }
}
