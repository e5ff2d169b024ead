import Foundation

/// Reads one entry of figures.yaml into a declaration, collecting what is
/// wrong with it. Used by one thread, for one file.
final class FigureReader {
    let path: String
    let source: SourceText
    private(set) var errors: [FigureError] = []

    static let keys = ["id", "kind", "definition", "from", "where", "numerator", "value", "counting", "sql", "of", "key"]

    init(path: String, source: SourceText) {
        self.path = path
        self.source = source
    }

    func fail(_ position: TextPosition?, _ message: String) {
        errors.append(FigureError(path, position, message))
    }

    func position(_ node: YAMLNode) -> TextPosition {
        TextPosition(line: node.mark.line, column: node.mark.column)
    }

    func declaration(_ item: YAMLNode) -> FigureDeclaration? {
        guard let map = item.mapping else {
            fail(position(item), "expected a figure: a mapping with id, kind, definition and its SQL")
            return nil
        }
        var values: [String: YAMLNode] = [:]
        var keyNodes: [String: YAMLNode] = [:]
        for (key, value) in map {
            let name = key.string ?? ""
            values[name] = value
            keyNodes[name] = key
        }
        guard let idNode = values["id"], let id = idNode.scalar?.string, !id.isEmpty else {
            fail(position(item), "a figure without an id (expected id: a stable name such as response.overall)")
            return nil
        }
        let at = position(idNode)
        let label = "figure '\(id)'"
        var valid = true
        for (name, key) in keyNodes where !Self.keys.contains(name) {
            fail(position(key), "\(label): '\(name)' is not a key of a figure (expected one of \(Self.keys.joined(separator: ", ")))")
            valid = false
        }
        let kindText = values["kind"]?.scalar?.string ?? ""
        guard let kind = FigureKind(rawValue: kindText) else {
            let where_ = values["kind"].map(position) ?? at
            let allowed = FigureKind.allCases.map(\.rawValue).joined(separator: ", ")
            fail(where_, values["kind"] == nil ? "\(label): no kind (expected one of \(allowed))"
                                               : "\(label): kind '\(kindText)' is not one of \(allowed)")
            return nil
        }
        guard let definition = values["definition"]?.scalar?.string, !definition.isEmpty else {
            fail(at, "\(label): no definition (expected the figure's definition in words, as the figure list shows it)")
            return nil
        }
        var pieces: [String: SQLPiece] = [:]
        for name in ["from", "where", "numerator", "value", "sql"] {
            guard let node = values[name] else { continue }
            guard let scalar = node.scalar, scalar.string.contains(where: { !$0.isWhitespace }) else {
                fail(position(node), "\(label): '\(name)' must be a piece of SQL text")
                valid = false
                continue
            }
            pieces[name] = SQLPiece(scalar, source: source)
        }
        var countsRows = false
        if let counting = values["counting"] {
            switch counting.scalar?.string {
            case "rows" where kind == .count: countsRows = true
            case "keys" where kind == .count: break
            default:
                fail(position(counting), "\(label): counting '\(counting.scalar?.string ?? "")' is not allowed here (expected rows or keys, for a count)")
                valid = false
            }
        }
        // `key: true` marks a figure the conclusions rest on (the changes page lists it first).
        var isKey = false
        if let key = values["key"] {
            switch key.scalar?.string {
            case "true", "yes": isKey = true
            case "false", "no": break
            default:
                fail(position(key), "\(label): key '\(key.scalar?.string ?? "")' is not true or false")
                valid = false
            }
        }
        guard valid, let method = method(kind, pieces, values["of"], countsRows, label, at) else { return nil }
        return FigureDeclaration(id: id, kind: kind, definition: definition, position: at, method: method, isKey: isKey)
    }

    /// Which way of computing the pieces describe, or nil with the problem reported.
    private func method(_ kind: FigureKind, _ pieces: [String: SQLPiece], _ of: YAMLNode?, _ countsRows: Bool,
                        _ label: String, _ at: TextPosition) -> FigureDeclaration.Method? {
        let given = Set(pieces.keys).union(of == nil ? [] : ["of"])
        func only(_ allowed: Set<String>, _ what: String) -> Bool {
            let extra = given.subtracting(allowed).sorted()
            guard extra.isEmpty else {
                fail(at, "\(label): \(extra.joined(separator: ", ")) cannot go with \(what)")
                return false
            }
            return true
        }
        if let sql = pieces["sql"] {
            return only(["sql"], "sql: (a whole query)") ? .query(sql) : nil
        }
        if let of {
            guard kind == .range else {
                fail(position(of), "\(label): of: (a range over other figures) is for kind range, not \(kind.rawValue)")
                return nil
            }
            guard only(["of"], "of: (a range over other figures)") else { return nil }
            guard let items = of.sequence, !items.isEmpty else {
                fail(position(of), "\(label): of: must list other figures' fields, e.g. [response.a.percent, response.b.percent]")
                return nil
            }
            var references: [FigureDeclaration.Reference] = []
            for item in items {
                let text = item.scalar?.string ?? ""
                guard let dot = text.lastIndex(of: "."), dot != text.startIndex else {
                    fail(position(item), "\(label): '\(text)' is not a figure's field (expected id.field, e.g. response.a.percent)")
                    return nil
                }
                references.append(.init(id: String(text[..<dot]), field: String(text[text.index(after: dot)...]), position: position(item)))
            }
            return .range(of: references)
        }
        guard let from = pieces["from"] else {
            if kind == .count, let value = pieces["value"] {
                return only(["value"], "value: without from: (one number)") ? .number(value) : nil
            }
            fail(at, "\(label): \(needs(kind)) (or sql: a whole query)")
            return nil
        }
        let measure: SQLPiece?
        switch kind {
        case .count:
            guard only(["from", "where"], "a count of rows") else { return nil }
            measure = nil
        case .proportion:
            guard let numerator = pieces["numerator"] else {
                fail(at, "\(label): \(needs(kind))")
                return nil
            }
            guard only(["from", "where", "numerator"], "a proportion") else { return nil }
            measure = numerator
        case .range, .medianRange, .meanRange:
            guard let value = pieces["value"] else {
                fail(at, "\(label): \(needs(kind))")
                return nil
            }
            guard only(["from", "where", "value"], "a \(kind.rawValue)") else { return nil }
            measure = value
        }
        return .population(from: from, where: pieces["where"], measure: measure, countsRows: countsRows)
    }

    private func needs(_ kind: FigureKind) -> String {
        switch kind {
        case .count: "a count needs from: (a table or view whose key gives its rows), or value: (one number)"
        case .proportion: "a proportion needs from: and numerator: (a condition on its population's rows)"
        default: "a \(kind.rawValue) needs from: and value: (an expression over its population's rows)"
        }
    }

    /// Each field a range refers to must be a field of a figure declared in the file.
    func checkReferences(_ declarations: [FigureDeclaration]) {
        let kinds = Dictionary(declarations.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for declaration in declarations {
            guard case .range(let references) = declaration.method else { continue }
            for reference in references {
                guard let kind = kinds[reference.id], reference.id != declaration.id else {
                    fail(reference.position, "figure '\(declaration.id)': '\(reference.id)' is not another figure of this file")
                    continue
                }
                if case .range = declarationMethod(reference.id, declarations) {
                    fail(reference.position, "figure '\(declaration.id)': '\(reference.id)' is itself a range over figures (one level only)")
                } else if !kind.fields.contains(reference.field) {
                    fail(reference.position, "figure '\(declaration.id)': '\(reference.field)' is not a field of \(reference.id) (expected one of \(kind.fields.joined(separator: ", ")))")
                }
            }
        }
    }

    private func declarationMethod(_ id: String, _ declarations: [FigureDeclaration]) -> FigureDeclaration.Method? {
        declarations.first { $0.id == id }?.method
    }
}
