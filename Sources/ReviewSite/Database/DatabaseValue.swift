/// A value as SQLite stores it.
enum DatabaseValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// The result of a query: its column names and its rows.
struct ResultRows: Equatable, Sendable {
    var columns: [String]
    var rows: [[DatabaseValue]]
}

/// What SQLite refused or failed to do, with the SQL and, where SQLite
/// knows it, the byte offset in the SQL of the token at fault.
struct DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    var message: String
    var sql: String?
    var offset: Int?

    init(message: String, sql: String? = nil, offset: Int? = nil) {
        self.message = message
        self.sql = sql
        self.offset = offset
    }

    var description: String { message }
}
