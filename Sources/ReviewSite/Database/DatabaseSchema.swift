/// The database's tables as the codebook declares them: one table per CSV
/// file with its columns (the report's, then the extra ones), a child table
/// per code list column, and what every review of this kind derives per
/// patient and per study. `reviewsite sql --schema` prints the result.
struct DatabaseSchema {
    let tables: [DataTable]
    let codebook: Codebook

    /// The key column of a table (its id), when it has one.
    static func key(_ table: DataTable) -> String? {
        table.columns.first { $0.type == .id }?.name
    }

    /// A code list column's child table and its two columns.
    static func child(_ table: DataTable, _ column: Codebook.Column) -> (name: String, owner: String, item: String) {
        ("\(table.name)_\(column.name)", key(table) ?? "\(table.name)_row", column.item ?? "code")
    }

    static func sqlType(_ type: Codebook.ColumnType) -> String {
        switch type {
        case .integer: "INTEGER"
        case .number: "REAL"
        default: "TEXT"
        }
    }

    /// The CREATE TABLE statements of the dataset's tables.
    var dataTables: String {
        var sql = ""
        for table in tables {
            let columns = table.columns.filter { $0.type != .codeList }
            sql += create(table.name, "\(table.fileName): one row per record of the file, in its order", columns.map { column in
                (column.name, Self.sqlType(column.type) + (column.required ? " NOT NULL" : ""), comment(column))
            })
            for column in table.columns where column.type == .codeList {
                let child = Self.child(table, column)
                let owner = Self.key(table) == nil ? "INTEGER NOT NULL" : "TEXT NOT NULL"
                sql += create(child.name, "the code list \(table.name).\(column.name): one row per code of a cell, in the cell's order",
                              [(child.owner, owner, Self.key(table) == nil ? "rowid in \(table.name)" : ""),
                               (child.item, "TEXT NOT NULL", codes(column))])
            }
        }
        return sql
    }

    /// patient_summary and study_appraisal, filled by the loader.
    var derived: String {
        let core = codebook.core
        var columns: [(String, String, String)] = [
            (core.patientID ?? "patient", "TEXT NOT NULL", "key"),
            ("steps", "INTEGER NOT NULL", "treatment steps"),
            ("sequence", "TEXT", "the steps' treatments in step order, ';'-separated"),
            ("treatments", "TEXT", "the distinct treatments, sorted, ';'-separated"),
            ("monotherapy", "TEXT", "the treatment when every step has the same one; NULL for combined treatment"),
            ("combined", "INTEGER NOT NULL", "1 when the steps have two or more treatments, else 0"),
            ("events", "TEXT", "the distinct adverse events, sorted, ';'-separated; NULL when none"),
        ]
        let steps = tables.table(for: .step)
        for column in codebook.summary.columns {
            switch column.rule {
            case .sum(let source, let zero):
                let type = steps?.columns.first { $0.name == source }?.type == .integer ? "INTEGER" : "REAL"
                columns.append((column.name, type + (zero ? " NOT NULL" : ""),
                                "\(source) over all steps" + (zero ? "; a missing value as 0" : "; NULL when a step lacks it")))
            case .sequence(let source, let missing):
                columns.append((column.name, "TEXT", "the steps' \(source) codes in step order, ';'-separated"
                                + (missing.map { "; a step without one as \($0)" } ?? "")))
            case .codes(let source, let missing):
                columns.append((column.name, "TEXT", "the distinct \(source) codes, sorted, ';'-separated"
                                + (missing.map { "; a step without one as \($0)" } ?? "")))
            }
        }
        var sql = create("patient_summary", "one row per patient, in the order of \(core.patients ?? "the patient table"): its treatment as a whole and its adverse events", columns)
        var appraisal: [(String, String, String)] = [(core.studyID ?? "study", "TEXT NOT NULL", "key")]
        if !codebook.appraisal.checklists.isEmpty {
            let rules = codebook.appraisal.checklists.map { "\($0.code): \($0.ruleSummary)" }
            var words = Set<[String]>(), judgements: [String] = []
            for list in codebook.appraisal.checklists where words.insert(list.judgements.map(\.code)).inserted {
                judgements += list.judgements.map(\.code).filter { !judgements.contains($0) }
            }
            appraisal += [
                ("checklist", "TEXT", "the study's checklist"),
                ("met", "INTEGER NOT NULL", "answers that meet the criterion"),
                ("applicable", "INTEGER NOT NULL", "applicable answers"),
                ("met_share", "REAL", "met / applicable; NULL when none is applicable"),
                ("risk_of_bias", "TEXT NOT NULL", "\(judgements.dropLast().joined(separator: ", ")) or \(judgements.last ?? "") by the checklist's rule (\(rules.joined(separator: "; ")))"),
            ]
            if codebook.appraisal.hasScores {
                appraisal.append(("score", "REAL", "the points of a checklist with a score rule; NULL for other checklists"))
            }
        }
        if !codebook.appraisal.levels.isEmpty {
            appraisal.append(("level", "TEXT", "the level of evidence, " + codebook.appraisal.levels.map(\.code).joined(separator: ", ")))
        }
        sql += create("study_appraisal", "one row per study, in the order of \(core.studies ?? "the study table"): its appraisal", appraisal)
        return sql
    }

    /// The indexes and views, once the tables are filled: keys are unique
    /// (the dataset is checked before it is loaded), references are indexed.
    var views: String {
        var sql = ""
        for table in tables {
            if let key = Self.key(table) { sql += "CREATE UNIQUE INDEX \(table.name)_key ON \(table.name) (\(Database.identifier(key)));\n" }
            for column in table.columns where column.type == .reference && !Self.summarized.contains(table.role) {
                sql += "CREATE INDEX \(table.name)_by_\(column.name) ON \(table.name) (\(Database.identifier(column.name)));\n"
            }
            for column in table.columns where column.type == .codeList {
                let child = Self.child(table, column)
                sql += "CREATE INDEX \(child.name)_by_owner ON \(child.name) (\(Database.identifier(child.owner)));\n"
            }
        }
        let core = codebook.core
        guard let patients = core.patients, let patientID = core.patientID.map(Database.identifier) else { return sql }
        let studyID = core.studyID.map(Database.identifier) ?? "rowid"
        sql += """
        CREATE UNIQUE INDEX patient_summary_key ON patient_summary (\(patientID));
        CREATE INDEX patient_summary_by_monotherapy ON patient_summary (monotherapy);
        CREATE UNIQUE INDEX study_appraisal_key ON study_appraisal (\(studyID));
        CREATE VIEW treated_patients AS -- every patient with its treatment and adverse events: most figures' population
          SELECT \(treatedColumns(patients))
          FROM \(Database.identifier(patients)) AS p JOIN patient_summary AS s ON s.\(patientID) = p.\(patientID);

        """
        if let steps = core.steps, let owner = core.stepPatient.map(Database.identifier) {
            let join = owner == patientID ? "USING (\(owner))" : "ON s.\(patientID) = t.\(owner)"
            sql += """
            CREATE VIEW treatment_steps AS -- every treatment step with its patient's treatment as a whole
              SELECT \(selected("t", steps, "s", Self.stepSummary))
              FROM \(Database.identifier(steps)) AS t JOIN patient_summary AS s \(join);

            """
        }
        return sql
    }

    /// What each reading connection (figures, tables, `reviewsite sql`)
    /// sees in place of the published treated_patients: the same rows,
    /// joined by row number rather than by key, which costs a third less
    /// a patient. patient_summary is written row for row with the patient
    /// table, in one transaction (DerivedRows), so both row numbers are
    /// the same; the published view keeps the key join, which stays true
    /// in a copy that a reader changes or vacuums. A temporary view is the
    /// connection's own: it is never in `review.sqlite`.
    var readingViews: String {
        let core = codebook.core
        guard let patients = core.patients, core.patientID != nil else { return "" }
        return """
        CREATE TEMP VIEW treated_patients AS
          SELECT \(treatedColumns(patients))
          FROM main.\(Database.identifier(patients)) AS p JOIN main.patient_summary AS s ON s.rowid = p.rowid;

        """
    }

    /// treated_patients' columns, published and read alike: the patient's, then its summary's.
    private func treatedColumns(_ patients: String) -> String {
        selected("p", patients, "s", Array(Codebook.Summary.fixed.dropFirst()) + codebook.summary.columns.map(\.name))
    }

    /// Tables that queries read through the derived tables (patient_summary's
    /// events, study_appraisal): an index on their references serves no query
    /// of the default review (IndexUseTests) and costs its build.
    static let summarized: Set<Codebook.Role?> = [.event, .appraisal]

    /// The columns treatment_steps adds to each step from patient_summary.
    static let stepSummary = ["treatments", "monotherapy", "combined"]

    /// A view's columns, each named: the table's own (code lists are child
    /// tables), then the summary's. The codebook refuses a table column
    /// named like a summary column; one that got through is left out
    /// rather than hide the summary's.
    private func selected(_ alias: String, _ table: String, _ summary: String, _ added: [String]) -> String {
        let own = (tables.first { $0.name == table }?.columns ?? [])
            .filter { $0.type != .codeList && !added.contains($0.name) }
            .map { "\(alias).\(Database.identifier($0.name))" }
        return (own + added.map { "\(summary).\(Database.identifier($0))" }).joined(separator: ", ")
    }

    private func comment(_ column: Codebook.Column) -> String {
        if column.type == .id { return "key" }
        var text = column.label
        if let unit = column.unit { text += " (\(unit))" }
        if column.type == .reference, let table = column.references { text += ", a key of \(table)" }
        let listed = codes(column)
        return listed.isEmpty ? text : "\(text): \(listed)"
    }

    /// A code column's codes, the first few.
    private func codes(_ column: Codebook.Column) -> String {
        let names: [String]
        switch column.type {
        case .code, .codeList: names = codebook.codes(of: column)?.names ?? []
        case .yesNo: names = ["yes", "no"]
        case .checklist: names = codebook.appraisal.checklists.map(\.code)
        case .level: names = codebook.appraisal.levels.map(\.code)
        case .answer: names = codebook.appraisal.answers.map(\.code)
        default: names = []
        }
        return names.count > 8 ? names.prefix(8).joined(separator: ", ") + ", …" : names.joined(separator: ", ")
    }

    /// One CREATE TABLE, its columns' comments aligned.
    private func create(_ name: String, _ about: String, _ columns: [(name: String, type: String, comment: String)]) -> String {
        let lines = columns.indices.map { "  \(Database.identifier(columns[$0].name)) \(columns[$0].type)" + ($0 < columns.count - 1 ? "," : "") }
        let width = lines.map(\.count).max() ?? 0
        var sql = "CREATE TABLE \(name) ( -- \(oneLine(about))\n"
        for (line, column) in zip(lines, columns) {
            let comment = column.comment.isEmpty ? "" : String(repeating: " ", count: width + 1 - line.count) + "-- " + oneLine(column.comment)
            sql += line + comment + "\n"
        }
        return sql + ");\n"
    }

    /// A comment's text on one line: the codebook's labels are data.
    private func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
