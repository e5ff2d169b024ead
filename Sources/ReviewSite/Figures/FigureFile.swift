import Foundation

/// figures.yaml: the figures of the report, each declared in YAML and SQL
/// (docs/database.md says how). Reading checks the declarations; running
/// them is FigureRunner's.
public struct FigureFile: Sendable {
    /// The file as the user named it, e.g. `templates/figures.yaml`.
    public let path: String
    let declarations: [FigureDeclaration]

    /// Each figure's fields, by id: what published.yaml may quote.
    public var fields: [String: [String]] {
        Dictionary(declarations.map { ($0.id, $0.kind.fields) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each figure's definition in words, by id.
    public var definitions: [String: String] {
        Dictionary(declarations.map { ($0.id, $0.definition) }, uniquingKeysWith: { first, _ in first })
    }

    public var ids: [String] { declarations.map(\.id) }

    /// The figures marked `key: true`.
    public var keyIDs: Set<String> { Set(declarations.filter(\.isKey).map(\.id)) }

    /// The file of a templates folder.
    public static func path(inTemplates folder: String) -> String { "\(folder)/figures.yaml" }

    /// figures.yaml beside another file of the templates (charts.yaml, tables.yaml), as messages name it.
    static func path(beside file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "figures.yaml" }
        return file[..<slash] + "/figures.yaml"
    }

    /// Reads and checks every declaration; the figures that are well
    /// declared come back with every problem of the others.
    public static func read(_ path: String) -> (file: FigureFile, errors: [FigureError]) {
        let empty = FigureFile(path: path, declarations: [])
        let text: String
        // Like every other input: a link is not followed, a device not read.
        switch RegularFile.contents(path) {
        case .failure(.missing):
            return (empty, [FigureError(file: path, line: nil, column: nil, message: "file not found (expected the review's figures: a list of - id: …, kind: …, definition: …)")])
        case .failure(let problem):
            return (empty, [FigureError(file: path, line: nil, column: nil, message: problem.message(inputs: "the templates"))])
        case .success(let bytes):
            guard let valid = String(validating: bytes, as: UTF8.self) else {
                return (empty, [FigureError(file: path, line: nil, column: nil, message: "not UTF-8 text")])
            }
            text = valid
        }
        // Read once a build though each report loaded asks for it.
        return memo.value(text, context: path) { parse($0, path: path) }
    }

    /// The files read last, by path and text (the declarations are values).
    static let memo = TextMemo<(file: FigureFile, errors: [FigureError])>(entries: 4, largestText: 1 << 24)

    static func parse(_ text: String, path: String) -> (file: FigureFile, errors: [FigureError]) {
        let root: YAMLNode?
        do {
            root = try YAMLNode.compose(text)
        } catch {
            let errors = error.all.map {
                FigureError(file: path, line: $0.line, column: $0.column, message: $0.message(repeatedIn: "one figure"))
            }
            return (FigureFile(path: path, declarations: []), errors)
        }
        guard let list = root?.sequence else {
            let position = root.map { TextPosition(line: $0.mark.line, column: $0.mark.column) } ?? TextPosition(line: 1, column: 1)
            return (FigureFile(path: path, declarations: []), [FigureError(path, position, "expected a list of figures (- id: …, kind: …)")])
        }
        let reader = FigureReader(path: path, source: SourceText(text))
        var declarations: [FigureDeclaration] = []
        var seen: [String: Int] = [:]
        for item in list {
            guard let declaration = reader.declaration(item) else { continue }
            if let line = seen[declaration.id] {
                reader.fail(declaration.position, "figure '\(declaration.id)': the id is already declared on line \(line)")
                continue
            }
            seen[declaration.id] = declaration.position.line
            declarations.append(declaration)
        }
        reader.checkReferences(declarations)
        return (FigureFile(path: path, declarations: declarations), reader.errors)
    }
}
