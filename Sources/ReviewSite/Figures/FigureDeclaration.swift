/// One figure of figures.yaml: what it is and how its query is made.
struct FigureDeclaration: Sendable {
    var id: String
    var kind: FigureKind
    var definition: String
    /// Where the entry's id stands: errors about the whole figure go there.
    var position: TextPosition
    var method: Method
    /// Marked `key: true`: a change of it may change the conclusions.
    var isKey = false

    /// A field of another figure, for a range over figures (`of:`).
    struct Reference: Sendable {
        var id: String
        var field: String
        var position: TextPosition
    }

    enum Method: Sendable {
        /// The rows of a population: a table or view (`from:`), a condition
        /// (`where:`), and by kind a numerator condition or a value expression.
        /// `countsRows` counts every row returned (steps) instead of distinct keys.
        case population(from: SQLPiece, where: SQLPiece?, measure: SQLPiece?, countsRows: Bool)
        /// A whole query returning the rows' keys, then the numerator or the value.
        case query(SQLPiece)
        /// A count that is one number with no rows (e.g. from the PRISMA tables).
        case number(SQLPiece)
        /// The range of fields of other figures; rows are the union of theirs.
        case range(of: [Reference])
    }
}
