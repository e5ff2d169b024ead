import CSQLite
import Foundation

extension Database {
    /// `has(list, item)`: whether a `;`-separated list (a set column of the
    /// review's database) holds `item`; false for a NULL list. Figure
    /// conditions read `has(events, 'infection')` instead of a join.
    static func registerFunctions(_ handle: OpaquePointer) {
        sqlite3_create_function_v2(handle, "has", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil, { context, _, values in
            guard let values, let list = sqlite3_value_text(values[0]), let item = sqlite3_value_text(values[1]) else {
                sqlite3_result_int(context, 0)
                return
            }
            let listBytes = UnsafeBufferPointer(start: list, count: Int(sqlite3_value_bytes(values[0])))
            let itemBytes = UnsafeBufferPointer(start: item, count: Int(sqlite3_value_bytes(values[1])))
            let found = listBytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
                .contains { $0.elementsEqual(itemBytes) }
            sqlite3_result_int(context, found ? 1 : 0)
        }, nil, nil, nil)
    }

    /// Registers Swift functions under SQL names, on this connection and on
    /// every one `connect()` or `copy()` makes from it.
    func define(_ added: [SQLFunction]) {
        functions += added
        for function in added {
            let box = Unmanaged.passRetained(FunctionBox(function)).toOpaque()
            let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
            let release: @convention(c) (UnsafeMutableRawPointer?) -> Void = { Unmanaged<FunctionBox>.fromOpaque($0!).release() }
            if function.aggregate == nil {
                sqlite3_create_function_v2(handle, function.name, function.arguments, flags, box, { context, count, values in
                    let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                    // One array per connection, refilled in place outside the box (one exclusive access per call).
                    var arguments: [DatabaseValue] = []
                    swap(&arguments, &box.arguments)
                    if arguments.count != Int(count) { arguments = Array(repeating: .null, count: Int(count)) }
                    for index in 0..<Int(count) { arguments[index] = Database.value(values![index], like: arguments[index]) }
                    Database.result(context, Result { () throws(SQLFunction.Failure) in try box.function.scalar!(arguments) })
                    swap(&arguments, &box.arguments)
                }, nil, nil, release)
            } else {
                // Each row's arguments are gathered in C (shim.h); the function runs once per group.
                sqlite3_create_function_v2(handle, function.name, function.arguments, flags, box, nil, { context, count, values in
                    let grown = csqlite_rows_append(context, count, values)
                    // The rows are held for SQLite: they count towards the query's memory.
                    if grown < 0 || (grown > 0 && !QueryHeap.charge(Int(grown))) { sqlite3_result_error_nomem(context) }
                }, { context in
                    let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                    let gathered = csqlite_rows_gathered(context)
                    let rows = gathered.map { AggregateRows(gathered: $0.pointee) } ?? AggregateRows(width: Int(max(0, box.function.arguments)))
                    Database.result(context, Result { () throws(SQLFunction.Failure) in try box.function.aggregate!(rows) })
                    if let gathered {
                        _ = QueryHeap.charge(-Int(gathered.pointee.capacity))
                        csqlite_rows_free(gathered)
                    }
                }, release)
            }
        }
    }

    /// One argument as a Swift value. A text equal to `previous` (the same
    /// argument of the call before) is that String again.
    private static func value(_ value: OpaquePointer?, like previous: DatabaseValue?) -> DatabaseValue {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(value))
        case SQLITE_NULL: return .null
        default:
            let text = sqlite3_value_text(value)!, length = Int(sqlite3_value_bytes(value))  // in SQLite's order
            if case .text(var known)? = previous, known.utf8.count == length,
               known.withUTF8({ length == 0 || memcmp($0.baseAddress!, text, length) == 0 }) {
                return .text(known)
            }
            return .text(String(cString: text))
        }
    }

    /// A function's value, or its failure as the statement's error.
    private static func result(_ context: OpaquePointer?, _ value: Result<DatabaseValue, SQLFunction.Failure>) {
        switch value {
        case .success(.null): sqlite3_result_null(context)
        case .success(.integer(let number)): sqlite3_result_int64(context, number)
        case .success(.real(let number)):
            // NaN would be NULL anyway; an infinity is no number a review reports.
            if number.isFinite { sqlite3_result_double(context, number) } else { sqlite3_result_null(context) }
        case .success(.text(let text)): sqlite3_result_text(context, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        case .failure(let failure): sqlite3_result_error(context, failure.message, -1)
        }
    }
}

extension AggregateRows {
    /// The rows gathered in C (shim.h's csqlite_rows). A text equal to the
    /// same argument of the row before is that String again: list names and
    /// codes repeat from row to row.
    init(gathered: csqlite_rows) {
        self.init(width: Int(gathered.width))
        guard let bytes = gathered.bytes, width > 0 else { return }
        values.reserveCapacity(Int(gathered.count) * width)
        var at = 0
        while at < Int(gathered.used) {
            let type = bytes[at]
            at += 1
            switch type {
            case 1:
                values.append(.integer(UnsafeRawPointer(bytes + at).loadUnaligned(as: Int64.self)))
                at += 8
            case 2:
                values.append(.real(UnsafeRawPointer(bytes + at).loadUnaligned(as: Double.self)))
                at += 8
            case 3:
                let length = Int(UnsafeRawPointer(bytes + at).loadUnaligned(as: Int32.self))
                let whole = UnsafeBufferPointer(start: bytes + at + 4, count: length)
                at += 4 + length
                // Up to a NUL byte, as String(cString:) reads a text.
                let text = whole.firstIndex(of: 0).map { UnsafeBufferPointer(rebasing: whole[..<$0]) } ?? whole
                if values.count >= width, case .text(var known) = values[values.count - width], known.utf8.count == text.count,
                   known.withUTF8({ text.isEmpty || memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }) {
                    values.append(.text(known))
                } else {
                    values.append(.text(String(decoding: text, as: UTF8.self)))
                }
            default:
                values.append(.null)
            }
        }
    }
}

private final class FunctionBox {
    let function: SQLFunction
    /// A scalar call's arguments (a connection runs one call at a time).
    var arguments: [DatabaseValue] = []
    init(_ function: SQLFunction) { self.function = function }
}
