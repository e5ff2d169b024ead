import CSQLite

/// A compiled statement, finalized when it goes.
final class Statement {
    private let database: Database
    let handle: OpaquePointer
    let sql: String
    /// Whether a run has begun: its work is counted from its first step.
    private var running = false
    /// Bytes the run's steps hold so far, on a guarded connection.
    private var heapUsed = 0

    init(_ database: Database, _ handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// Whether a row is ready; false when the statement is done.
    func step() throws(DatabaseError) -> Bool {
        if !running {
            database.startWork()
            heapUsed = 0
        }
        running = true
        switch database.step(handle, used: &heapUsed) {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            running = false
            return false
        case let status:
            running = false
            sqlite3_reset(handle)
            throw database.failure(status, sql: sql, offset: nil)
        }
    }

    func reset() {
        running = false
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ value: DatabaseValue, at index: Int32) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, number)
        case .real(let number): sqlite3_bind_double(handle, index, number)
        case .text(let text): sqlite3_bind_text(handle, index, text, -1, transient)
        }
    }

    /// Text from bytes already in memory, copied by SQLite.
    func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        _ = bytes.withMemoryRebound(to: CChar.self) { chars in
            if let start = chars.baseAddress {
                sqlite3_bind_text(handle, index, start, Int32(chars.count), transient)
            } else {
                sqlite3_bind_text(handle, index, "", 0, transient)
            }
        }
    }

    /// Text SQLite does not copy: the bytes must stay until the statement
    /// is stepped (a bulk INSERT binds a row's text from one buffer).
    func bindUncopied(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32) {
        _ = bytes.withMemoryRebound(to: CChar.self) { chars in
            sqlite3_bind_text(handle, index, chars.baseAddress ?? UnsafePointer(bitPattern: 1), Int32(chars.count), nil)
        }
    }

    /// Ready to run again, keeping the bindings (all of which the next run sets).
    func rewind() {
        running = false
        sqlite3_reset(handle)
    }

    /// The bytes of a text value, without making a String; nil for a value of another type.
    func withText<Result>(at column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { return nil }
        let start = sqlite3_column_text(handle, column)
        return body(UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// A value's bytes as a table cell shows it (`DatabaseValue.display`):
    /// text as it is, numbers formatted, NULL empty.
    func withShownText<Result>(at column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return body(UnsafeBufferPointer(start: nil, count: 0))
        case SQLITE_INTEGER, SQLITE_FLOAT:
            var text = value(at: column).display
            return text.withUTF8(body)
        default:
            return body(UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: Int(sqlite3_column_bytes(handle, column))))
        }
    }

    /// A value as a table cell's sort key: integers as they are, other numbers formatted as text.
    func withSortValue<Result>(at column: Int32, _ body: (ComputedRows.Sort) -> Result) -> Result {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return body(.none)
        case SQLITE_INTEGER: return body(.integer(Int(sqlite3_column_int64(handle, column))))
        case SQLITE_FLOAT:
            var text = formatNumber(sqlite3_column_double(handle, column))
            return text.withUTF8 { body(.text($0)) }
        default:
            return body(.text(UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: Int(sqlite3_column_bytes(handle, column)))))
        }
    }

    func value(at column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: .null
        default:
            // Text, and blobs shown as their bytes' text.
            .text(String(decoding: UnsafeRawBufferPointer(start: sqlite3_column_text(handle, column),
                                                          count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self))
        }
    }
}
