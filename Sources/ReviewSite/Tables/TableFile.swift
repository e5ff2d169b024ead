import Foundation

/// tables.yaml: the report's tables, each declared as a query for its rows
/// and an SQL expression per column (docs/tables.md). Reading checks the
/// declarations; `TableQuery` runs them.
struct TableFile: Sendable {
    let path: String
    let tables: [TableDeclaration]

    static func path(inTemplates folder: String) -> String { "\(folder)/tables.yaml" }

    static let tableKeys = ["id", "title", "introduction", "caption", "rows", "patients", "columns"]
    static let columnKeys = ["heading", "cell", "sort", "link", "style"]

    /// Every declaration, or every problem of the file; a missing file declares no table.
    static func read(_ path: String) -> (file: TableFile, errors: [TemplateError]) {
        let empty = TableFile(path: path, tables: [])
        switch RegularFile.contents(path) {
        case .failure(.missing):
            return (empty, [])
        case .failure(let problem):
            return (empty, [TemplateError(file: path, line: nil, column: nil, message: problem.message(inputs: "the templates"))])
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return (empty, [TemplateError(file: path, line: nil, column: nil, message: "not UTF-8 text")])
            }
            return parse(text, path: path)
        }
    }

    static func parse(_ text: String, path: String) -> (file: TableFile, errors: [TemplateError]) {
        let reader = TableFileReader(path: path, source: SourceText(text))
        let root: YAMLNode?
        do {
            root = try YAMLNode.compose(text)
        } catch {
            for problem in error.all {
                reader.fail(TextPosition(line: problem.line, column: problem.column), problem.message(repeatedIn: "one table"))
            }
            return (TableFile(path: path, tables: []), reader.errors)
        }
        guard let root else { return (TableFile(path: path, tables: []), []) }
        guard let list = root.sequence else {
            reader.fail(reader.position(root), "expected a list of tables (- id: table-1, title: …, rows: …, columns: …)")
            return (TableFile(path: path, tables: []), reader.errors)
        }
        var tables: [TableDeclaration] = []
        for item in list {
            guard let table = reader.table(item) else { continue }
            if let first = tables.first(where: { $0.id == table.id }) {
                reader.fail(table.position, "table '\(table.id)': the id is already declared on line \(first.position.line)")
                continue
            }
            tables.append(table)
        }
        return (TableFile(path: path, tables: tables), reader.errors)
    }
}

/// One table of tables.yaml.
struct TableDeclaration: Sendable {
    var id: String
    var title: String
    var introduction: String
    /// `{rows}` stands for the number of rows.
    var caption: String
    /// The rows, in order; the first column is each row's key.
    var rows: SQLPiece
    /// Each row's patients: (row key, patient_id).
    var patients: SQLPiece?
    var columns: [DeclaredColumn]
    var position: TextPosition
}

struct DeclaredColumn: Sendable {
    enum Style: String, Sendable { case num, wide }

    var heading: String
    var cell: SQLPiece
    var sort: SQLPiece?
    var link: SQLPiece?
    var style: Style?
}

/// Walks the YAML of tables.yaml, keeping every problem with its place.
final class TableFileReader {
    let path: String
    let source: SourceText
    private(set) var errors: [TemplateError] = []

    init(path: String, source: SourceText) {
        self.path = path
        self.source = source
    }

    func fail(_ position: TextPosition?, _ message: String) {
        errors.append(TemplateError(file: path, line: position?.line, column: position?.column, message: message))
    }

    func position(_ node: YAMLNode) -> TextPosition {
        TextPosition(line: node.mark.line, column: node.mark.column)
    }

    private func mapping(_ node: YAMLNode, _ label: String, _ keys: [String]) -> [String: YAMLNode]? {
        guard let map = node.mapping else {
            fail(position(node), "\(label): expected a mapping of \(keys.joined(separator: ", "))")
            return nil
        }
        var values: [String: YAMLNode] = [:]
        for (key, value) in map {
            let name = key.string ?? ""
            if keys.contains(name) { values[name] = value } else {
                fail(position(key), "\(label): '\(Echo.value(name))' is not a key here (expected one of \(keys.joined(separator: ", ")))")
            }
        }
        return values
    }

    private func text(_ values: [String: YAMLNode], _ key: String, _ label: String, at: TextPosition, required: Bool = true) -> String? {
        guard let node = values[key] else {
            if required { fail(at, "\(label): no \(key)") }
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            fail(position(node), "\(label): \(key) must be text")
            return nil
        }
        return text
    }

    private func sql(_ values: [String: YAMLNode], _ key: String, _ label: String, at: TextPosition, required: Bool = false) -> SQLPiece? {
        guard let node = values[key] else {
            if required { fail(at, "\(label): no \(key) (expected a piece of SQL)") }
            return nil
        }
        guard let scalar = node.scalar, scalar.string.contains(where: { !$0.isWhitespace }) else {
            fail(position(node), "\(label): \(key) must be a piece of SQL text")
            return nil
        }
        return SQLPiece(scalar, source: source)
    }

    func table(_ item: YAMLNode) -> TableDeclaration? {
        guard let values = mapping(item, "a table", TableFile.tableKeys) else { return nil }
        let at = position(item)
        guard let id = text(values, "id", "a table", at: at) else { return nil }
        let label = "table '\(Echo.value(id))'"
        if !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            fail(values["id"].map(position), "\(label): the id names the table's files (expected lower-case letters, digits and -)")
        }
        let title = text(values, "title", label, at: at)
        let introduction = text(values, "introduction", label, at: at, required: false) ?? ""
        let caption = text(values, "caption", label, at: at)
        let rows = sql(values, "rows", label, at: at, required: true)
        let patients = sql(values, "patients", label, at: at)
        var columns: [DeclaredColumn] = []
        if let list = values["columns"] {
            if let sequence = list.sequence, !sequence.isEmpty {
                columns = sequence.compactMap { column($0, label) }
            } else {
                fail(position(list), "\(label): columns must be a list of columns (- heading: …, cell: …)")
            }
        } else {
            fail(at, "\(label): no columns")
        }
        guard let title, let caption, let rows, !columns.isEmpty else { return nil }
        return TableDeclaration(id: id, title: title, introduction: introduction, caption: caption, rows: rows,
                                patients: patients, columns: columns, position: values["id"].map(position) ?? at)
    }

    private func column(_ node: YAMLNode, _ table: String) -> DeclaredColumn? {
        guard let values = mapping(node, "\(table): a column", TableFile.columnKeys) else { return nil }
        let at = position(node)
        guard let heading = text(values, "heading", "\(table): a column", at: at) else { return nil }
        let label = "\(table), column '\(Echo.value(heading))'"
        var style: DeclaredColumn.Style?
        if let text = text(values, "style", label, at: at, required: false) {
            style = DeclaredColumn.Style(rawValue: text)
            if style == nil { fail(values["style"].map(position), "\(label): style '\(Echo.value(text))' (expected num or wide)") }
        }
        guard let cell = sql(values, "cell", label, at: at, required: true) else { return nil }
        return DeclaredColumn(heading: heading, cell: cell, sort: sql(values, "sort", label, at: at),
                           link: sql(values, "link", label, at: at), style: style)
    }
}
