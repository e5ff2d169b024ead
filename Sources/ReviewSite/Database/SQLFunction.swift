/// A function the tool gives SQL, written in Swift: a scalar one sees one
/// call's arguments, an aggregate one every row's arguments of its group.
struct SQLFunction: Sendable {
    let name: String
    let arguments: Int32
    let scalar: (@Sendable ([DatabaseValue]) throws(Failure) -> DatabaseValue)?
    let aggregate: (@Sendable (AggregateRows) throws(Failure) -> DatabaseValue)?

    /// Why a call has no value: the statement stops with this message.
    struct Failure: Error, Equatable {
        var message: String
    }

    static func scalar(_ name: String, _ arguments: Int32, _ body: @escaping @Sendable ([DatabaseValue]) throws(Failure) -> DatabaseValue) -> SQLFunction {
        SQLFunction(name: name, arguments: arguments, scalar: body, aggregate: nil)
    }

    static func aggregate(_ name: String, _ arguments: Int32, _ body: @escaping @Sendable (AggregateRows) throws(Failure) -> DatabaseValue) -> SQLFunction {
        SQLFunction(name: name, arguments: arguments, scalar: nil, aggregate: body)
    }
}

/// An aggregate's rows of arguments, kept one after another in one array:
/// a group of 100,000 rows is not 100,000 arrays.
struct AggregateRows: RandomAccessCollection {
    /// Arguments per row.
    let width: Int
    var values: [DatabaseValue] = []

    init(width: Int) {
        self.width = width
    }

    /// One row's arguments.
    struct Row {
        let rows: AggregateRows
        let start: Int
        subscript(_ argument: Int) -> DatabaseValue { rows.values[start + argument] }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { width == 0 ? 0 : values.count / width }
    subscript(_ row: Int) -> Row { Row(rows: self, start: row * width) }
}
