/// The mapping from the dataset to the database, column by column: the one
/// place that knows both. Rows go in by prepared INSERTs in one transaction,
/// in file order.
extension ReviewDatabase {
    static let rowsForSharing = 2_000_000

    /// The validated tables as the codebook declares them (DatabaseSchema),
    /// rows in file order, then what is derived per patient and study.
    convenience init(tables: [DataTable], codebook: Codebook, prisma: Prisma) throws(DatabaseError) {
        // Up to a few million rows a second thread gets a copy, which loads
        // fastest; above, a shared store, which costs no second copy in memory.
        let rows = tables.reduce(0) { $0 + $1.count }
        let database = try Database(shared: rows >= Self.rowsForSharing)
        database.define(TableFunctions(codebook: codebook).all)
        let schema = DatabaseSchema(tables: tables, codebook: codebook)
        try database.execute("PRAGMA journal_mode = MEMORY")
        try database.execute(schema.dataTables + Self.prismaTables)
        // What is worked out in Swift (patient_summary's rows, the sorted key
        // lists) is, on a second core, while SQLite takes the tables' rows.
        let derived = DerivedRows(tables: tables, codebook: codebook)
        let worked = Background { () -> (summaries: ColumnRows?, appraisal: ColumnRows?, keyLists: [String: KeyList]) in
            Stopwatch.time("database: summaries and key lists (second thread)") {
                (derived.summaries(), derived.appraisal(), Self.keyLists(tables))
            }
        }
        try database.execute("BEGIN")
        var loaded = 0
        for table in tables {
            loaded += try Stopwatch.time("database: insert \(table.name)") { () throws(DatabaseError) in try Self.insert(database, table) }
        }
        try Self.insertPrisma(database, prisma)
        try database.execute(schema.derived)
        let keyLists: [String: KeyList]
        do {
            // In a scope of their own: the summaries' columns are let go before the indexes are made.
            let (summaries, appraisal, lists) = Stopwatch.time("database: waiting for the second thread") { worked.take() }
            keyLists = lists
            if let summaries {
                loaded += try Stopwatch.time("database: summaries") { () throws(DatabaseError) in try Self.insert(database, "patient_summary", summaries) }
            }
            if let appraisal {
                loaded += try Stopwatch.time("database: appraisal") { () throws(DatabaseError) in try Self.insert(database, "study_appraisal", appraisal) }
            }
        }
        try Stopwatch.time("database: indexes and views") { () throws(DatabaseError) in try database.execute(schema.views) }
        try Stopwatch.time("database: commit") { () throws(DatabaseError) in try database.execute("COMMIT") }
        // A shared store is read through views of its bytes, which two threads read at once.
        let reader = rows >= Self.rowsForSharing ? try database.view() : database
        let readingViews = schema.readingViews
        if !readingViews.isEmpty { try reader.execute(readingViews) }
        try reader.guardReads(QueryLimits.forRows(loaded))
        self.init(database: reader, rowCount: loaded, keyLists: keyLists, readingViews: readingViews)
    }

    /// Each keyed table's keys in byte order, for the figures' rows.
    private static func keyLists(_ tables: [DataTable]) -> [String: KeyList] {
        var keyLists: [String: KeyList] = [:]
        for table in tables {
            guard let key = DatabaseSchema.key(table), let column = table.index(of: key),
                  case .text(let ids) = table.values[column] else { continue }
            keyLists[key] = KeyList(fileOrder: ids.map { $0 ?? "" })
        }
        return keyLists
    }

    /// One table's rows, and its code lists' rows into their child tables.
    private static func insert(_ database: Database, _ table: DataTable) throws(DatabaseError) -> Int {
        var count = try insert(database, table.name, ColumnRows(table))
        let keys: [String?]? = DatabaseSchema.key(table).flatMap(table.index).flatMap { column in
            if case .text(let ids) = table.values[column] { return ids }
            return nil
        }
        for column in table.columns.indices where table.columns[column].type == .codeList {
            guard case .codeLists(let lists) = table.values[column] else { continue }
            var owners: [Int32] = [], items: [Int32] = []
            for (row, list) in lists.enumerated() {
                owners.append(contentsOf: repeatElement(Int32(row), count: list.count))
                items.append(contentsOf: list)
            }
            let owner: ColumnRows.Column = keys.map { .codes(owners, names: $0) } ?? .integers(OptionalColumn(owners.lazy.map { Int($0) + 1 }))
            let rows = ColumnRows(columns: [owner, .codes(items, names: table.codes[column])], count: items.count)
            count += try insert(database, DatabaseSchema.child(table, table.columns[column]).name, rows)
        }
        return count
    }

    /// An INSERT of `rows` rows of `columns` values each. Plain `?`
    /// parameters are numbered in order; `?NNN` would cost SQLite a lookup each.
    static func insertStatement(_ database: Database, _ table: String, columns: Int, rows: Int) throws(DatabaseError) -> Statement {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return try database.prepare("INSERT INTO \(table) VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))")
    }

    /// Prepared INSERTs of many rows each (one step inserts a batch), the
    /// last rows one by one; the number of rows.
    static func insert<Rows: Collection>(_ database: Database, _ table: String, _ columns: Int, _ rows: Rows,
                                                 _ bind: (inout RowBinder, Rows.Element) -> Void) throws(DatabaseError) -> Int {
        func statement(_ count: Int) throws(DatabaseError) -> Statement {
            try insertStatement(database, table, columns: columns, rows: count)
        }
        let total = rows.count, perBatch = max(1, 600 / columns)
        let batch = total >= perBatch ? try statement(perBatch) : nil
        let single = try statement(1)
        var row = RowBinder(statement: single)
        var done = 0, inBatch = 0
        for element in rows {
            if inBatch == 0 { row.use(batch != nil && total - done >= perBatch ? batch! : single) }
            bind(&row, element)
            inBatch += 1
            done += 1
            if inBatch == perBatch || row.statement === single {
                try row.run()
                inBatch = 0
            }
        }
        return total
    }

    private static func insertPrisma(_ database: Database, _ prisma: Prisma) throws(DatabaseError) {
        let d = prisma.databases, o = prisma.otherMethods
        let flows: [(String, Int, [Int?], Int)] = [
            ("databases", d.recordsIdentified, [d.registersRecords, d.removedDuplicates, d.removedAutomation, d.removedOther, d.recordsExcluded],
             d.reportsNotRetrieved),
            ("other_methods", o.recordsIdentified, [nil, nil, nil, nil, nil], o.reportsNotRetrieved),
        ]
        _ = try insert(database, "prisma_flow", 8, flows) { row, flow in
            row.text(flow.0); row.integer(flow.1)
            for count in flow.2 { row.integer(count) }
            row.integer(flow.3)
        }
        let sources = d.bySource.map { ("databases", $0.name, Optional($0.records)) } + o.sources.map { ("other_methods", $0, nil) }
        _ = try insert(database, "prisma_sources", 3, sources) { row, source in
            row.text(source.0); row.text(source.1); row.integer(source.2)
        }
        let excluded = d.reportsExcluded.map { ("databases", $0) } + o.reportsExcluded.map { ("other_methods", $0) }
        _ = try insert(database, "prisma_reports_excluded", 4, excluded) { row, entry in
            row.text(entry.0); row.text(entry.1.code); row.text(entry.1.reason); row.integer(entry.1.count)
        }
        _ = try insert(database, "prisma_included", 2, [prisma]) { row, prisma in
            row.integer(prisma.includedStudies); row.integer(prisma.includedReports)
        }
    }
}

/// Binds rows' values to an INSERT, column after column, and runs it. The
/// rows' text is gathered in one buffer that SQLite reads without copying.
struct RowBinder {
    private(set) var statement: Statement
    private var index: Int32 = 1
    private var bytes: [UInt8] = []
    private var texts: [(index: Int32, start: Int, end: Int)] = []

    init(statement: Statement) {
        self.statement = statement
        bytes.reserveCapacity(1024)
    }

    /// The next rows go to this statement.
    mutating func use(_ statement: Statement) {
        self.statement = statement
    }

    mutating func text(_ value: String?) {
        if let value {
            let start = bytes.count
            bytes.append(contentsOf: value.utf8)
            texts.append((index, start, bytes.count))
        } else {
            statement.bind(.null, at: index)
        }
        index += 1
    }

    mutating func integer(_ value: Int?) {
        statement.bind(value.map { .integer(Int64($0)) } ?? .null, at: index)
        index += 1
    }

    mutating func real(_ value: Double?) {
        statement.bind(value.map { .real($0) } ?? .null, at: index)
        index += 1
    }

    /// Binds the rows' text, inserts them, and starts the next rows.
    mutating func run() throws(DatabaseError) {
        let statement = statement, texts = texts
        let result: Result<Void, DatabaseError> = bytes.withUnsafeBufferPointer { buffer in
            for text in texts { statement.bindUncopied(UnsafeBufferPointer(rebasing: buffer[text.start..<text.end]), at: text.index) }
            do throws(DatabaseError) {
                _ = try statement.step()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        statement.rewind()
        index = 1
        bytes.removeAll(keepingCapacity: true)
        self.texts.removeAll(keepingCapacity: true)
        try result.get()
    }
}
