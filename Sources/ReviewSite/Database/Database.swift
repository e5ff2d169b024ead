import CSQLite
import Foundation

/// SQLite through its C API: with Statement.swift, the only files that
/// import it; every handle opened here is closed here. A connection is used
/// by one thread at a time; `connect()` or `copy()` gives another thread its own.
final class Database: @unchecked Sendable {
    let handle: OpaquePointer
    let guardState = GuardState()
    /// The memdb name of a shared database, whose bytes views read (`view()`).
    private let sharedName: String?
    /// The tool's own SQL functions (`define`), given to every other connection too.
    var functions: [SQLFunction] = []
    /// The shared database a view reads (`view()`), kept open while the view is.
    private var owner: Database?

    /// A new, empty in-memory database. A shared one lives in one block of
    /// memory (SQLite's memdb) that, once loaded, other threads read through
    /// views (`view()`): a second thread's connection costs no copy.
    convenience init(shared: Bool = false) throws(DatabaseError) {
        try self.init(name: shared ? "file:reviewsite?vfs=memdb" : nil)
    }

    /// Set once, before SQLite's first connection (it can only be set then).
    static let configured: Void = {
        _ = csqlite_disable_memory_statistics()
        QueryHeap.install()
    }()

    private init(name: String?) throws(DatabaseError) {
        Self.configured
        sharedName = name
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | (name == nil ? 0 : SQLITE_OPEN_URI)
        let status = sqlite3_open_v2(name ?? ":memory:", &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw DatabaseError(message: "cannot open an in-memory database (\(message))")
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        // Nothing a query says may reach outside this database.
        _ = csqlite_db_config(opened, SQLITE_DBCONFIG_DEFENSIVE, 1)
        _ = csqlite_db_config(opened, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0)
        _ = csqlite_db_config(opened, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0)
        sqlite3_limit(opened, SQLITE_LIMIT_ATTACHED, 0)
        Self.registerFunctions(opened)
        // Sorters and materialised subqueries past the page cache would otherwise spill into files on disk.
        sqlite3_exec(opened, "PRAGMA temp_store = MEMORY", nil, nil, nil)
        if name != nil {
            var limit: sqlite3_int64 = 1 << 40  // memdb stops at 1 GiB unless told otherwise
            sqlite3_file_control(opened, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit)
            // Pages are read in place from the store, not copied into each connection's cache.
            sqlite3_exec(opened, "PRAGMA mmap_size = 1099511627776", nil, nil, nil)
        }
    }

    /// Another connection to the database, for a second thread: a view of
    /// a shared one, else a copy.
    func connect() throws(DatabaseError) -> Database {
        try (owner ?? self).view()
    }

    /// A read-only connection over a shared database's bytes as they are
    /// (a copy when it is not shared), once it is loaded. A connection that
    /// opens a memdb store by its name copies every page it reads into its
    /// own cache under the store's one mutex (SQLite's memdb.c maps the
    /// pages of a fixed-size store only), so that two threads reading it
    /// took turns; a view of the bytes has no mutex and reads the pages where
    /// they lie. The bytes must then stay put: this connection only reads.
    func view() throws(DatabaseError) -> Database {
        var size: sqlite3_int64 = 0
        guard sharedName != nil, let bytes = sqlite3_serialize(handle, "main", &size, UInt32(SQLITE_SERIALIZE_NOCOPY)) else { return try copy() }
        try execute("PRAGMA query_only = 1")
        let view = try Database(name: nil)
        let status = sqlite3_deserialize(view.handle, "main", bytes, size, size, UInt32(SQLITE_DESERIALIZE_READONLY))
        guard status == SQLITE_OK else { throw failure(status, sql: nil, offset: nil, on: view.handle) }
        sqlite3_exec(view.handle, "PRAGMA mmap_size = 1099511627776", nil, nil, nil)
        view.owner = self
        view.define(functions)
        return view
    }

    deinit {
        // Statements hold the database, so none is left unfinalized here.
        sqlite3_close_v2(handle)
    }

    /// Runs every statement of `sql` (the schema, the loading).
    func execute(_ sql: String) throws(DatabaseError) {
        var rest = Substring(sql)
        // Bytes, not trimmingCharacters: that copies the rest for every statement of a schema.
        while rest.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            let (statement, tail) = try compile(rest, whole: sql)
            guard let statement else { break }
            while try statement.step() {}
            rest = tail
        }
    }

    /// One statement; text after it, other than spaces and comments, is an error.
    func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        let (statement, tail) = try compile(Substring(sql), whole: sql)
        guard let statement else { throw DatabaseError(message: "the query is empty", sql: sql) }
        if try compile(tail, whole: sql).statement != nil {
            let offset = sql.utf8.count - tail.utf8.count
            throw DatabaseError(message: "only one statement is allowed; this one ends before the last one", sql: sql, offset: offset)
        }
        return statement
    }

    private func compile(_ text: Substring, whole: String) throws(DatabaseError) -> (statement: Statement?, tail: Substring) {
        var compiled: OpaquePointer?
        var consumed = 0
        guardState.refusal = nil
        // Compiling may run SQL of its own (reading the schema): it is counted from now, not from the last statement.
        guardState.start()
        let status = text.utf8.withContiguousStorageIfAvailable { buffer -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var tail: UnsafePointer<CChar>?
                let status = sqlite3_prepare_v3(handle, chars.baseAddress, Int32(chars.count), 0, &compiled, &tail)
                consumed = tail.map { $0 - chars.baseAddress! } ?? chars.count
                return status
            }
        } ?? { () -> Int32 in
            let copy = String(text)
            return copy.withCString { sqlite3_prepare_v3(handle, $0, -1, 0, &compiled, nil) }
        }()
        let start = whole.utf8.count - text.utf8.count
        guard status == SQLITE_OK else {
            let offset = sqlite3_error_offset(handle)
            throw failure(status, sql: whole, offset: offset >= 0 ? start + Int(offset) : nil)
        }
        StatementLog.record(text.utf8.prefix(consumed))
        let tail = text.utf8.dropFirst(consumed)
        return (compiled.map { Statement(self, $0, sql: whole) }, Substring(tail))
    }

    /// The rows of one query.
    func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws(DatabaseError) -> ResultRows {
        let statement = try prepare(sql)
        for (index, value) in arguments.enumerated() { statement.bind(value, at: Int32(index + 1)) }
        var rows: [[DatabaseValue]] = []
        let count = sqlite3_column_count(statement.handle)
        while try statement.step() {
            rows.append((0..<count).map(statement.value))
        }
        return ResultRows(columns: statement.columnNames, rows: rows)
    }

    /// Another connection holding a copy of this database, for a second thread.
    func copy() throws(DatabaseError) -> Database {
        let copy = try Database()
        guard let backup = sqlite3_backup_init(copy.handle, "main", handle, "main") else {
            throw failure(sqlite3_errcode(copy.handle), sql: nil, offset: nil, on: copy.handle)
        }
        let status = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE else { throw failure(status, sql: nil, offset: nil) }
        copy.define(functions)
        return copy
    }

    /// Writes the database to a file, page for page (SQLite's backup): the
    /// same rows give the same bytes, with no second copy in memory.
    func write(to path: String) throws(DatabaseError) {
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(opened) }
        guard status == SQLITE_OK, let file = opened else {
            throw DatabaseError(message: "cannot write \(path): \(opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory")")
        }
        // A download is written whole or the build fails: no journal, no waiting for the disk.
        sqlite3_exec(file, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", nil, nil, nil)
        guard let backup = sqlite3_backup_init(file, "main", handle, "main") else {
            throw DatabaseError(message: "cannot write \(path): \(String(cString: sqlite3_errmsg(file)))")
        }
        let stepped = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE else { throw DatabaseError(message: "cannot write \(path): \(String(cString: sqlite3_errstr(stepped)))") }
    }
}

extension Database {
    /// A codebook name as an SQL identifier: quoted when SQLite reserves it
    /// (a column named `order`), as is otherwise, so the schema reads plainly.
    static func identifier(_ name: String) -> String {
        let reserved = name.withCString { sqlite3_keyword_check($0, Int32(strlen($0))) } != 0
        return reserved ? "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"" : name
    }
}

