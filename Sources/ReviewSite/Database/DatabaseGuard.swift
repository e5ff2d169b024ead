/// What untrusted SQL (figure definitions, `reviewsite sql`) may do: read
/// tables and views, call functions, recurse; nothing else. The action
/// codes are SQLite's authorizer codes (sqlite3.h), stable across versions.
final class GuardState: @unchecked Sendable {
    /// How often SQLite calls the progress handler, in virtual machine steps.
    static let stepsPerCall: Int32 = 1000
    var limit = 0
    private var calls = 0
    private(set) var stopped = false
    /// Why the last statement was refused, for its error message.
    var refusal: String?

    func start() {
        calls = 0
        stopped = false
    }

    /// Non-zero stops the running statement.
    func progress() -> Int32 {
        calls += 1
        guard calls > limit / Int(Self.stepsPerCall) else { return 0 }
        stopped = true
        return 1
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
            guard action == 31, second?.lowercased() == "load_extension" else { return 0 }
            return refuse("the function load_extension")
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
