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
    /// (tests); by default a large dataset's do, in parts of about `rowsPerPart` rows.
    func declaredTables(_ file: TableFile, readErrors: [TemplateError], inParts: Bool? = nil,
                        rowsPerPart: Int = Report.rowsPerPart) -> Result<[DeclaredTable], TemplateErrors> {
        var errors = ErrorList(readErrors)
        let keyColumns = Set(tables.compactMap(DatabaseSchema.key))
        var computed: [DeclaredTable] = []
        for (table, result) in zip(file.tables, Stopwatch.time("tables' queries") { database.exclusively { tableResults(file, inParts: inParts, rowsPerPart: rowsPerPart) } }) {
            switch result {
            case .success(let result): computed.append(Stopwatch.time("table \(table.id) pages") { DeclaredTable(result, keyColumns: keyColumns) })
            case .failure(let problems): errors.add(problems.list)
            }
        }
        guard errors.isEmpty else { return .failure(TemplateErrors(errors)) }
        return .success(computed)
    }

    /// A table's rows are split into parts of about this many rows, in
    /// 2 to `mostParts` parts.
    static let rowsPerPart = 2_000
    static let mostParts = 8

    /// How many parts a table of `count` rows runs in.
    static func parts(_ count: Int, rowsPerPart: Int = rowsPerPart) -> Int {
        count < 2 ? 1 : min(count, max(2, min(mostParts, count / rowsPerPart)))
    }

    /// Each table's query. On a large dataset a table's rows are split into
    /// parts, and the parts of all tables run on two connections, each
    /// connection taking the next part when it is done; each table's rows
    /// are then put back together in order. A table of few rows has many
    /// patients a row, and its parts can differ much in cost (at 100,000
    /// patients Table 2's first half took three times its second): such tables'
    /// parts go first, and a long table's many small parts fill in behind
    /// them, so that the two connections finish together.
    private func tableResults(_ file: TableFile, inParts: Bool?, rowsPerPart: Int) -> [Result<TableQuery.Result, TemplateErrors>] {
        let figureIDs = Set(figures.map(\.id))
        let patientKey = codebook.core.patientID ?? ""
        let queries = file.tables.map { TableQuery(table: $0, path: file.path, patientKey: patientKey) }
        let second = inParts ?? FigureRunner.rowsForTwoThreads.contains(database.rowCount) ? database.second : nil
        var sized: [(table: Int, rows: Int?)] = []
        for (index, query) in queries.enumerated() {
            let count = second != nil && query.divisible ? query.rowCount(database.database) : nil
            sized.append((index, count))
        }
        var planned: [(table: Int, part: ClosedRange<Int>?)] = []
        for (index, count) in sized.sorted(by: { ($0.rows ?? 0, $0.table) < ($1.rows ?? 0, $1.table) }) {
            guard let count, count > 1 else {
                planned.append((index, nil))
                continue
            }
            let parts = Self.parts(count, rowsPerPart: rowsPerPart), size = (count + parts - 1) / parts
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
