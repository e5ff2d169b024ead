import Dispatch

/// Computes the figures of figures.yaml on the review's database: the
/// populations and conditions are SQL, the kinds' arithmetic is here.
/// On a large dataset half the figures run on a second connection to the
/// database on a second core; the result is in the file's order whatever
/// the threads do.
struct FigureRunner: Sendable {
    let database: ReviewDatabase
    let imputation: Imputation
    let path: String
    /// Tests run a small dataset on two connections as a large one would.
    var twoConnections: Bool?

    static let rowsForTwoThreads = 50_000...

    func run(_ file: FigureFile) -> (figures: [Figure], errors: [FigureError]) {
        let declarations = file.declarations
        let queried = declarations.indices.filter {
            if case .range = declarations[$0].method { false } else { true }
        }
        var results = [Result<Figure, FigureError>?](repeating: nil, count: declarations.count)
        let keys = KeyPositions(database.keyLists)
        // A second thread pays off once the queries outweigh starting it.
        let two = twoConnections ?? Self.rowsForTwoThreads.contains(database.rowCount)
        let keyNames = [KeyNames(), KeyNames()]
        let computed = database.map(queried.count, inParallel: two) { connection, thread, item in
            let index = queried[item]
            let query = FigureQuery(declaration: declarations[index], database: connection, keys: keys,
                                    imputation: imputation, path: path, keyNames: keyNames[thread])
            let result = Stopwatch.time("figure \(declarations[index].id)") { query.compute() }
            guard case .success(let figure) = result, let field = figure.nonFiniteField else { return result }
            return .failure(FigureError(path, declarations[index].position,
                                        "figure '\(figure.id)': \(field) is \(formatNumber(figure[field]!)) (expected a finite number: is a value of the query infinite, or too large to add up?)"))
        }
        for (item, index) in queried.enumerated() { results[index] = computed[item] }
        var byID: [String: Figure] = [:]
        for result in results { if case .success(let figure)? = result { byID[figure.id] = figure } }
        for (index, declaration) in declarations.enumerated() {
            guard case .range(let references) = declaration.method else { continue }
            results[index] = .success(Self.range(declaration, references, byID))
        }
        var figures: [Figure] = [], errors: [FigureError] = []
        for result in results {
            switch result {
            case .success(let figure)?: figures.append(figure)
            case .failure(let error)?: errors.append(error)
            case nil: break
            }
        }
        return (figures, errors)
    }

    /// Min and max of other figures' fields (n = how many have a value);
    /// rows are the union of theirs.
    static func range(_ declaration: FigureDeclaration, _ references: [FigureDeclaration.Reference], _ figures: [String: Figure]) -> Figure {
        let parts = references.compactMap { reference in figures[reference.id].map { (figure: $0, field: reference.field) } }
        let values = parts.compactMap { $0.figure[$0.field] }
        return Figure(id: declaration.id, kind: .range, values: ["min": values.min(), "max": values.max(), "n": Double(values.count)],
                      rows: FigureRows.union(parts.map { $0.figure.rows }))
    }
}
