import Foundation

extension Report {
    /// The tables of tables.yaml, each computed on the review's database;
    /// every problem of the file and of its queries at once.
    func declaredTables(_ path: String) -> Result<[DeclaredTable], TemplateErrors> {
        let (file, readErrors) = TableFile.read(path)
        return declaredTables(file, readErrors: readErrors)
    }

    /// The tables of a tables.yaml already read, with the problems its reading found.
    /// `inParts` decides whether tables run in parts on two connections
    /// (tests); by default a large dataset's do.
    func declaredTables(_ file: TableFile, readErrors: [TemplateError], inParts: Bool? = nil) -> Result<[DeclaredTable], TemplateErrors> {
        var errors = ErrorList(readErrors)
        let keyColumns = Set(tables.compactMap(DatabaseSchema.key))
        var computed: [DeclaredTable] = []
        for (table, result) in zip(file.tables, Stopwatch.time("tables' queries") { database.exclusively { tableResults(file, inParts: inParts) } }) {
            switch result {
            case .success(let result): computed.append(Stopwatch.time("table \(table.id) pages") { DeclaredTable(result, keyColumns: keyColumns) })
            case .failure(let problems): errors.add(problems.list)
            }
        }
        guard errors.isEmpty else { return .failure(TemplateErrors(errors)) }
        return .success(computed)
    }

    /// Tables in parts of their rows at most.
    static let tableParts = 2

    /// Each table's query. On a large dataset a table's rows are split into
    /// parts, and the parts of all tables run on two connections; each
    /// table's rows are then put back together in order.
    private func tableResults(_ file: TableFile, inParts: Bool?) -> [Result<TableQuery.Result, TemplateErrors>] {
        let figureIDs = Set(figures.map(\.id))
        let patientKey = codebook.core.patientID ?? ""
        let queries = file.tables.map { TableQuery(table: $0, path: file.path, patientKey: patientKey) }
        let second = inParts ?? FigureRunner.rowsForTwoThreads.contains(database.rowCount) ? database.second : nil
        var planned: [(table: Int, part: ClosedRange<Int>?)] = []
        for (index, query) in queries.enumerated() {
            guard second != nil, query.divisible, let count = query.rowCount(database.database), count > 1 else {
                planned.append((index, nil))
                continue
            }
            let parts = min(Self.tableParts, count), size = (count + parts - 1) / parts
            for start in stride(from: 1, through: count, by: size) { planned.append((index, start...min(count, start + size - 1))) }
        }
        let jobs = planned
        let done = database.map(jobs.count, inParallel: second != nil) { connection, _, job in
            queries[jobs[job].table].run(connection, figures: figureIDs, part: jobs[job].part)
        }
        return queries.indices.map { table in
            let parts = jobs.indices.filter { jobs[$0].table == table }.map { done[$0] }
            // A failing table runs again whole, so that its problems are reported as they are without parts.
            if parts.count > 1, parts.contains(where: { if case .failure = $0 { true } else { false } }) {
                return queries[table].run(database.database, figures: figureIDs)
            }
            if case .failure = parts[0] { return parts[0] }
            var whole = try! parts[0].get()
            for later in parts.dropFirst() { whole.rows.append(contentsOf: try! later.get().rows) }
            return .success(whole)
        }
    }
}
