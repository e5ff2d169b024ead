extension Report {
    /// The tables of tables.yaml, each computed on the review's database;
    /// every problem of the file and of its queries at once.
    func declaredTables(_ path: String) -> Result<[DeclaredTable], TemplateErrors> {
        let (file, readErrors) = TableFile.read(path)
        return declaredTables(file, readErrors: readErrors)
    }

    /// The tables of a tables.yaml already read, with the problems its reading found.
    func declaredTables(_ file: TableFile, readErrors: [TemplateError]) -> Result<[DeclaredTable], TemplateErrors> {
        let path = file.path
        var errors = ErrorList(readErrors)
        let figureIDs = Set(figures.map(\.id))
        let keyColumns = Set(tables.compactMap(DatabaseSchema.key))
        var computed: [DeclaredTable] = []
        for table in file.tables {
            switch Stopwatch.time("table \(table.id) query", { TableQuery(table: table, path: path).run(database.database, figures: figureIDs) }) {
            case .success(let result): computed.append(Stopwatch.time("table \(table.id) pages") { DeclaredTable(result, keyColumns: keyColumns) })
            case .failure(let problems): errors.add(problems.list)
            }
        }
        guard errors.isEmpty else { return .failure(TemplateErrors(errors)) }
        return .success(computed)
    }
}
