import CSQLite

/// What untrusted SQL (figure definitions, `reviewsite sql`) may do: read
/// tables and views, call functions, recurse; nothing else. The action
/// codes are SQLite's authorizer codes (sqlite3.h), stable across versions.
final class GuardState: @unchecked Sendable {
    /// How often SQLite calls the progress handler, in virtual machine
    /// steps: one step over a long value can take a tenth of a second, so
    /// the clock is read often (a coarse clock, in C: a few nanoseconds).
    static let stepsPerCall: Int32 = 100
    /// nil until the connection is guarded.
    var limits: QueryLimits? {
        didSet { progress.pointee.mostCalls = sqlite3_int64((limits?.steps ?? 0) / Int(Self.stepsPerCall)) }
    }
    /// The progress handler's counts, which SQLite is given.
    let progress = UnsafeMutablePointer<csqlite_progress>.allocate(capacity: 1)
    enum Stop { case steps, time }
    /// Whether the running statement's memory reached its limit.
    var outOfMemory = false
    /// Why the last statement was refused, for its error message.
    var refusal: String?

    init() {
        progress.initialize(to: csqlite_progress())
    }

    deinit {
        progress.deallocate()
    }

    func start() {
        outOfMemory = false
        csqlite_progress_start(progress, sqlite3_int64(limits?.seconds ?? 0))
    }

    /// Which limit stopped the running statement.
    var stopped: Stop? {
        switch progress.pointee.stopped {
        case 1: .steps
        case 2: .time
        default: nil
        }
    }

    private static let allowed: Set<Int32> = [20, 21, 31, 33]  // READ, SELECT, FUNCTION, RECURSIVE
    /// PRAGMAs that only describe the schema.
    private static let describing: Set<String> = ["table_info", "table_xinfo", "index_list", "index_info", "foreign_key_list"]
    private static let names: [Int32: String] = [
        1: "CREATE INDEX", 2: "CREATE TABLE", 3: "CREATE INDEX", 4: "CREATE TABLE", 5: "CREATE TRIGGER", 6: "CREATE VIEW",
        7: "CREATE TRIGGER", 8: "CREATE VIEW", 9: "DELETE", 10: "DROP INDEX", 11: "DROP TABLE", 12: "DROP INDEX",
        13: "DROP TABLE", 14: "DROP TRIGGER", 15: "DROP VIEW", 16: "DROP TRIGGER", 17: "DROP VIEW", 18: "INSERT",
        19: "PRAGMA", 22: "a transaction", 23: "UPDATE", 24: "ATTACH", 25: "DETACH", 26: "ALTER TABLE", 27: "REINDEX",
        28: "ANALYZE", 29: "CREATE VIRTUAL TABLE", 30: "DROP VIRTUAL TABLE", 32: "a savepoint",
    ]

    /// SQLITE_OK (0) or SQLITE_DENY (1), keeping the reason of a refusal.
    func authorize(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        if Self.allowed.contains(action) {
            // fts3_tokenizer() gives a tokenizer's address, and with two arguments sets one.
            guard action == 31, let function = second?.lowercased(), ["load_extension", "fts3_tokenizer"].contains(function) else { return 0 }
            return refuse("the function \(function)")
        }
        if action == 19, let name = first?.lowercased(), Self.describing.contains(name) { return 0 }
        var what = Self.names[action] ?? "this statement"
        if action == 19, let first { what = "PRAGMA \(first)" }
        if [2, 4, 9, 11, 13, 18, 23, 26].contains(action), let first { what += " (\(first))" }
        // SQLite asks first to write its own schema table, and stops at the first refusal.
        if [9, 18, 23].contains(action), first?.hasPrefix("sqlite_") == true { what = "changing the schema (CREATE, DROP)" }
        return refuse(what)
    }

    private func refuse(_ what: String) -> Int32 {
        refusal = refusal ?? "\(what) is not allowed: queries only read the review's database"
        return 1
    }
}
