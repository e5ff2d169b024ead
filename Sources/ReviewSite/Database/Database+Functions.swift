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
                sqlite3_create_function_v2(handle, function.name, function.arguments, flags, box, nil, { context, count, values in
                    // The rows so far live in a box the aggregate context points to (none when SQLite is out of memory).
                    guard let slot = sqlite3_aggregate_context(context, Int32(MemoryLayout<UnsafeMutableRawPointer>.size))?
                        .assumingMemoryBound(to: UnsafeMutableRawPointer?.self) else {
                        sqlite3_result_error_nomem(context)
                        return
                    }
                    if slot.pointee == nil { slot.pointee = Unmanaged.passRetained(RowsBox(width: Int(count))).toOpaque() }
                    let box = Unmanaged<RowsBox>.fromOpaque(slot.pointee!).takeUnretainedValue()
                    var stored: [DatabaseValue] = []
                    swap(&stored, &box.rows.values)
                    let previous = stored.count - Int(count)
                    var bytes = -stored.capacity * MemoryLayout<DatabaseValue>.stride
                    for index in 0..<Int(count) {
                        stored.append(Database.value(values![index], like: previous < 0 ? nil : stored[previous + index], bytes: &bytes))
                    }
                    bytes += stored.capacity * MemoryLayout<DatabaseValue>.stride
                    swap(&stored, &box.rows.values)
                    // The rows are held for SQLite: they count towards the query's memory.
                    if QueryHeap.charge(bytes) { box.charged += bytes } else { sqlite3_result_error_nomem(context) }
                }, { context in
                    let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                    let slot = sqlite3_aggregate_context(context, 0)?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
                    let held = slot?.pointee.map { Unmanaged<RowsBox>.fromOpaque($0).takeRetainedValue() }
                    let rows = held?.rows ?? AggregateRows(width: Int(max(0, box.function.arguments)))
                    Database.result(context, Result { () throws(SQLFunction.Failure) in try box.function.aggregate!(rows) })
                    if let held { _ = QueryHeap.charge(-held.charged) }
                }, release)
            }
        }
    }

    /// One argument as a Swift value. A text equal to `previous` (the same argument of the row
    /// or call before) is that String again: list names and codes repeat from row to row.
    /// `bytes` grows by the bytes of a new text.
    private static func value(_ value: OpaquePointer?, like previous: DatabaseValue?, bytes: inout Int) -> DatabaseValue {
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
            bytes += length
            return .text(String(cString: text))
        }
    }

    private static func value(_ value: OpaquePointer?, like previous: DatabaseValue?) -> DatabaseValue {
        var bytes = 0
        return Self.value(value, like: previous, bytes: &bytes)
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

private final class FunctionBox {
    let function: SQLFunction
    /// A scalar call's arguments (a connection runs one call at a time).
    var arguments: [DatabaseValue] = []
    init(_ function: SQLFunction) { self.function = function }
}

private final class RowsBox {
    var rows: AggregateRows
    /// Bytes counted towards the query's memory, given back when the group is done.
    var charged = 0
    // Room for a few rows from the start: most groups are small, and growing from empty reallocates often.
    init(width: Int) { rows = AggregateRows(width: width); rows.values.reserveCapacity(8 * width) }
}
