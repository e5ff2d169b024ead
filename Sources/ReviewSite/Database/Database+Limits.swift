import CSQLite

extension Database {
    /// From now on, queries only read: `PRAGMA query_only`, an authorizer
    /// that refuses anything else, and bounds on each query's work, time,
    /// memory and values.
    func guardReads(_ limits: QueryLimits) throws(DatabaseError) {
        try execute("PRAGMA query_only = 1")
        guardState.limits = limits
        sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, Int32(QueryLimits.valueBytes))
        // The one-argument form still gives a tokenizer's address; the authorizer refuses both.
        _ = csqlite_db_config(handle, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0)
        let context = Unmanaged.passUnretained(guardState).toOpaque()
        sqlite3_set_authorizer(handle, { context, action, first, second, _, _ in
            let state = Unmanaged<GuardState>.fromOpaque(context!).takeUnretainedValue()
            return state.authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
        }, context)
        csqlite_progress_handler(handle, GuardState.stepsPerCall, guardState.progress)
    }

    func guardReads(workLimit: Int) throws(DatabaseError) {
        try guardReads(QueryLimits(steps: workLimit))
    }

    /// Starts the work count, the clock and the memory of one query afresh.
    func startWork() {
        guardState.start()
    }

    /// One step of a statement; a guarded one's memory is counted from
    /// `used`, what its steps held before.
    func step(_ statement: OpaquePointer, used: inout Int) -> Int32 {
        guard let limits = guardState.limits else { return sqlite3_step(statement) }
        csqlite_heap_start(sqlite3_int64(used), sqlite3_int64(limits.bytes))
        let status = sqlite3_step(statement)
        used = Int(csqlite_heap_used())
        if csqlite_heap_refused() != 0 { guardState.outOfMemory = true }
        csqlite_heap_stop()
        return status
    }

    func failure(_ status: Int32, sql: String?, offset: Int?, on connection: OpaquePointer? = nil) -> DatabaseError {
        let primary = status & 0xFF
        defer { guardState.outOfMemory = false }
        if let refusal = guardState.refusal {
            guardState.refusal = nil
            return DatabaseError(message: refusal, sql: sql, offset: offset)
        }
        if let limits = guardState.limits {
            switch primary {
            case SQLITE_INTERRUPT where guardState.stopped == .steps:
                return DatabaseError(message: "stopped after more than \(limits.steps) steps of work: the query does too much (a join without a condition?)", sql: sql)
            case SQLITE_INTERRUPT where guardState.stopped == .time:
                return DatabaseError(message: "stopped after \(limits.seconds) s: the query takes too long (a join without a condition?)", sql: sql)
            case SQLITE_NOMEM where guardState.outOfMemory:
                return DatabaseError(message: "stopped at \(limits.mebibytes) MiB of memory: the query holds too much at once (a sort or group over long texts?)", sql: sql)
            case SQLITE_TOOBIG:
                return DatabaseError(message: "stopped at a text or blob of more than \(QueryLimits.valueBytes >> 20) MiB: the query makes too long a value", sql: sql, offset: offset)
            default: break
            }
        }
        return DatabaseError(message: String(cString: sqlite3_errmsg(connection ?? handle)), sql: sql, offset: offset)
    }
}

/// Memory the tool's own SQL functions hold for a query (an aggregate's
/// rows), counted with SQLite's on the running thread (shim.h). Only this
/// file calls the counting functions: they keep their state per object file.
enum QueryHeap {
    /// Before SQLite's first connection.
    static func install() {
        _ = csqlite_count_heap()
    }

    /// Whether `bytes` more fit the running query's limit (always when
    /// none is counted); negative bytes are given back.
    static func charge(_ bytes: Int) -> Bool {
        csqlite_heap_charge(sqlite3_int64(bytes)) == 0
    }
}
