import Foundation

/// templates/charts.yaml: the report's charts, declared like its figures.
/// Each has an id (the placeholder `{{chart ID}}` and the file
/// `charts/ID.svg`), a kind, a title and a description; a chart of
/// proportions lists its figures, each with the label of its row.
public struct ChartFile: Sendable {
    public let path: String
    let charts: [ChartDeclaration]
    /// Every id declared, a chart with problems too: a page that places it
    /// is not blamed for the chart's own problem.
    var declared: [String] = []

    public var ids: [String] { charts.map(\.id) }

    public static func path(inTemplates folder: String) -> String { "\(folder)/charts.yaml" }

    static let keys = ["id", "kind", "title", "description", "rows"]
    static let rowKeys = ["figure", "label"]

    /// Reads and checks every declaration against the figures of `catalogue`.
    /// A templates folder without the file has no charts.
    static func read(_ path: String, catalogue: FigureFile) -> (file: ChartFile, errors: [TemplateError]) {
        switch RegularFile.contents(path) {
        case .failure(.missing):
            return (ChartFile(path: path, charts: []), [])
        case .failure(let problem):
            return (ChartFile(path: path, charts: []), [TemplateError(file: path, line: nil, column: nil, message: problem.message(inputs: "the templates"))])
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return (ChartFile(path: path, charts: []), [TemplateError(file: path, line: nil, column: nil, message: "not UTF-8 text")])
            }
            return parse(text, path: path, catalogue: catalogue)
        }
    }

    static func parse(_ text: String, path: String, catalogue: FigureFile) -> (file: ChartFile, errors: [TemplateError]) {
        let reader = ChartReader(path: path, kinds: Dictionary(catalogue.declarations.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a }))
        let root: YAMLNode?
        do {
            root = try YAMLNode.compose(text)
        } catch {
            for problem in error.all { reader.fail(problem.line, problem.column, problem.message(repeatedIn: "one chart")) }
            return (ChartFile(path: path, charts: []), reader.errors)
        }
        guard let list = root?.sequence else {
            reader.fail(root, "expected a list of charts (- id: …, kind: appraisal or proportions, title: …, description: …)")
            return (ChartFile(path: path, charts: []), reader.errors)
        }
        var charts: [ChartDeclaration] = []
        var seen: [String: Int] = [:]
        for item in list {
            guard let chart = reader.chart(item) else { continue }
            if let line = seen[chart.id] {
                reader.fail(chart.line, chart.column, "chart \(Echo.quoted(chart.id)): the id is already declared on line \(line)")
                continue
            }
            seen[chart.id] = chart.line
            charts.append(chart)
        }
        return (ChartFile(path: path, charts: charts, declared: reader.declared), reader.errors)
    }
}

/// One chart of charts.yaml.
struct ChartDeclaration: Sendable {
    enum Kind: Sendable {
        case appraisal
        /// The figures (proportions) in row order, each with its label.
        case proportions([(figure: String, label: String)])
    }

    var id: String
    var kind: Kind
    var title: String
    var description: String
    var line: Int
    var column: Int
}

/// Reads the entries of charts.yaml, collecting every problem.
final class ChartReader {
    let path: String
    let kinds: [String: FigureKind]
    private(set) var errors: [TemplateError] = []
    private(set) var declared: [String] = []

    init(path: String, kinds: [String: FigureKind]) {
        self.path = path
        self.kinds = kinds
    }


    func fail(_ line: Int?, _ column: Int?, _ message: String) {
        errors.append(TemplateError(file: path, line: line, column: column, message: message))
    }

    func fail(_ node: YAMLNode?, _ message: String) {
        fail(node?.mark.line, node?.mark.column, message)
    }

    /// Ids become file names and SVG ids: letters, digits, `-` and `_`.
    static func isPlainID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    func chart(_ item: YAMLNode) -> ChartDeclaration? {
        guard let map = item.mapping else {
            fail(item, "expected a chart: a mapping with id, kind, title and description")
            return nil
        }
        var values: [String: YAMLNode] = [:]
        var valid = true
        for (key, value) in map {
            let name = key.string ?? ""
            values[name] = value
            if !ChartFile.keys.contains(name) {
                fail(key, "\(Echo.quoted(name)) is not a key of a chart (expected one of \(ChartFile.keys.joined(separator: ", ")))")
                valid = false
            }
        }
        guard let idNode = values["id"], let id = idNode.scalar?.string else {
            fail(item, "a chart without an id (expected id: a name of letters, digits, - and _, e.g. response-by-option)")
            return nil
        }
        guard Self.isPlainID(id) else {
            fail(idNode, "the chart id \(Echo.quoted(id)) is not a plain name (expected letters, digits, - and _, at most 64)")
            return nil
        }
        declared.append(id)
        let label = "chart \(Echo.quoted(id))"
        let line = idNode.mark.line, column = idNode.mark.column
        var texts: [String: String] = [:]
        for name in ["title", "description"] {
            guard let node = values[name] else {
                fail(line, column, "\(label): no \(name) (expected the chart's \(name) in words)")
                valid = false
                continue
            }
            guard let text = node.scalar?.string, text.contains(where: { !$0.isWhitespace }) else {
                fail(node, "\(label): the \(name) must be text")
                valid = false
                continue
            }
            texts[name] = text
        }
        let kind: ChartDeclaration.Kind
        switch values["kind"]?.scalar?.string {
        case "appraisal":
            if let rows = values["rows"] {
                fail(rows, "\(label): rows: are for a chart of proportions; an appraisal chart is drawn from the appraisal data")
                valid = false
            }
            kind = .appraisal
        case "proportions":
            guard let rows = self.rows(values["rows"], label, line, column) else { return nil }
            kind = .proportions(rows)
        default:
            let node = values["kind"]
            fail(node ?? idNode, node == nil ? "\(label): no kind (expected appraisal or proportions)"
                                             : "\(label): kind \(Echo.quoted(node?.scalar?.string ?? "")) is not one of appraisal, proportions")
            return nil
        }
        guard valid, let title = texts["title"], let description = texts["description"] else { return nil }
        return ChartDeclaration(id: id, kind: kind, title: title, description: description, line: line, column: column)
    }

    /// The rows of a chart of proportions: each a figure of kind proportion, with a label.
    private func rows(_ node: YAMLNode?, _ label: String, _ line: Int, _ column: Int) -> [(figure: String, label: String)]? {
        guard let node else {
            fail(line, column, "\(label): a chart of proportions needs rows: (a list of {figure: ID, label: TEXT})")
            return nil
        }
        guard let items = node.sequence, !items.isEmpty else {
            fail(node, "\(label): rows: must list figures, e.g. [{figure: outcome.a.response, label: Option A}]")
            return nil
        }
        var rows: [(figure: String, label: String)] = []
        var valid = true
        for item in items {
            guard let map = item.mapping else {
                fail(item, "\(label): a row must be a mapping {figure: ID, label: TEXT}")
                valid = false
                continue
            }
            for key in map.keys where !ChartFile.rowKeys.contains(key.string ?? "") {
                fail(key, "\(label): \(Echo.quoted(key.string ?? "")) is not a key of a row (expected figure, label)")
                valid = false
            }
            guard let figureNode = map["figure"], let figure = figureNode.scalar?.string else {
                fail(item, "\(label): a row without a figure (expected figure: the id of a proportion of figures.yaml)")
                valid = false
                continue
            }
            switch kinds[figure] {
            case nil:
                fail(figureNode, "\(label): \(Echo.quoted(figure)) is not a figure of \(FigureFile.path(beside: path))")
                valid = false
            case .proportion?:
                break
            case let other?:
                fail(figureNode, "\(label): figure \(Echo.quoted(figure)) is a \(other.rawValue), not a proportion")
                valid = false
            }
            guard let text = map["label"]?.scalar?.string, text.contains(where: { !$0.isWhitespace }) else {
                fail(map["label"] ?? item, "\(label): the row of \(Echo.quoted(figure)) has no label (expected label: the row's words)")
                valid = false
                continue
            }
            rows.append((figure, text))
        }
        return valid ? rows : nil
    }
}
