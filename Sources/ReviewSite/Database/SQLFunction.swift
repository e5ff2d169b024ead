/// A function the tool gives SQL, written in Swift: a scalar one sees one
/// call's arguments, an aggregate one every row's arguments of its group.
struct SQLFunction: Sendable {
    let name: String
    let arguments: Int32
    let scalar: (@Sendable ([DatabaseValue]) -> DatabaseValue)?
    let aggregate: (@Sendable ([[DatabaseValue]]) -> DatabaseValue)?

    static func scalar(_ name: String, _ arguments: Int32, _ body: @escaping @Sendable ([DatabaseValue]) -> DatabaseValue) -> SQLFunction {
        SQLFunction(name: name, arguments: arguments, scalar: body, aggregate: nil)
    }

    static func aggregate(_ name: String, _ arguments: Int32, _ body: @escaping @Sendable ([[DatabaseValue]]) -> DatabaseValue) -> SQLFunction {
        SQLFunction(name: name, arguments: arguments, scalar: nil, aggregate: body)
    }
}
