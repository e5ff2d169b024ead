import Foundation

/// The review's dataset as an SQLite database: one table per CSV file, with
/// the file's name and columns (docs/database.md), list columns as child
/// tables, the PRISMA counts, and the derived tables and views that figure
/// definitions share. The mapping from the dataset is in one place:
/// `ReviewDatabase+Load.swift`.
final class ReviewDatabase: @unchecked Sendable {
    /// The connection figures and `reviewsite sql` read through (guarded).
    let database: Database
    /// Rows loaded into all tables: the work limit of a query grows with it.
    let rowCount: Int
    /// The keys figures' rows point into, by key column (patient_id, study_id).
    let keyLists: [String: KeyList]
    /// The views each reading connection makes for itself (DatabaseSchema.readingViews).
    let readingViews: String

    init(database: Database, rowCount: Int, keyLists: [String: KeyList], readingViews: String = "") {
        self.database = database
        self.rowCount = rowCount
        self.keyLists = keyLists
        self.readingViews = readingViews
    }

    /// What a single query may take (steps, seconds, memory); they grow with the rows.
    var limits: QueryLimits { QueryLimits.forRows(rowCount) }

    /// Steps of work a single query may take.
    var workLimit: Int { limits.steps }

    /// Another guarded connection to the same database, for a second thread.
    func connect() throws(DatabaseError) -> Database {
        let connection = try database.connect()
        if !readingViews.isEmpty { try connection.execute(readingViews) }
        try connection.guardReads(limits)
        return connection
    }

    private let lock = NSLock()
    private var madeSecond: Database??
    /// A connection serves one thread at a time (SQLite's no-mutex mode):
    /// work that uses both connections holds this.
    private let inUse = NSLock()

    /// Runs `work` with the connections to itself, whichever thread asks.
    func exclusively<Result>(_ work: () -> Result) -> Result {
        inUse.withLock(work)
    }

    /// `work` for items 0..<count, in parallel on the two connections when
    /// asked and the second can be made: each thread takes the next item
    /// not yet taken. `work` is told its thread (0 or 1) for per-connection
    /// state. The results are in item order, whichever thread made them.
    func map<Value>(_ count: Int, inParallel: Bool, _ work: @Sendable (Database, _ thread: Int, _ item: Int) -> Value) -> [Value] {
        let connections = [database] + (inParallel ? second.map { [$0] } ?? [] : [])
        var results = [Value?](repeating: nil, count: count)
        let queue = JobQueue(count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: min(connections.count, max(count, 1))) { thread in
                while let item = queue.next() {
                    slots.buffer[item] = work(connections[thread], thread, item)
                }
            }
        }
        return results.map { $0! }
    }

    /// The second thread's connection, made once and shared by the figures
    /// and the tables (below 2M rows it is a copy of the database); nil
    /// when it cannot be made, and the work stays on one thread.
    var second: Database? {
        lock.withLock {
            if let madeSecond { return madeSecond }
            let made = try? connect()
            madeSecond = .some(made)
            return made
        }
    }

    /// The CREATE statements of every table and view, as `reviewsite sql --schema` prints them.
    func schema() throws(DatabaseError) -> String {
        let rows = try database.rows("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%' ORDER BY rowid")
        return rows.rows.map { row in
            if case .text(let sql) = row[0] { return sql + ";\n" }
            return ""
        }.joined(separator: "\n")
    }

    /// The PRISMA counts of prisma.yaml, the same for every review.
    static let prismaTables = """
    CREATE TABLE prisma_flow ( -- prisma.yaml: one row per column of the flow diagram, 'databases' and 'other_methods'
      flow TEXT NOT NULL,
      records_identified INTEGER NOT NULL,
      registers_records INTEGER,   -- databases only
      removed_duplicates INTEGER,  -- databases only
      removed_automation INTEGER,  -- databases only
      removed_other INTEGER,       -- databases only
      records_excluded INTEGER,    -- databases only
      reports_not_retrieved INTEGER NOT NULL
    );
    CREATE TABLE prisma_sources ( -- prisma.yaml: databases.by_source (with records) and other_methods.sources (records NULL)
      flow TEXT NOT NULL,
      name TEXT NOT NULL,
      records INTEGER
    );
    CREATE TABLE prisma_reports_excluded ( -- prisma.yaml: reports_excluded of both columns
      flow TEXT NOT NULL,
      code TEXT NOT NULL,
      reason TEXT NOT NULL,
      reports INTEGER NOT NULL
    );
    CREATE TABLE prisma_included ( -- prisma.yaml: included (one row)
      studies INTEGER NOT NULL,
      reports INTEGER NOT NULL
    );
    """
}

/// A result buffer the threads of `map` share, each item written by one thread.
private struct Slots<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value?>
    init(_ buffer: UnsafeMutableBufferPointer<Value?>) { self.buffer = buffer }
}
