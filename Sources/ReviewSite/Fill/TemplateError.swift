/// A problem in a template, at its file, line and column.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// Nil for a problem with the whole file (a missing template).
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        guard let line, let column else { return "\(file): \(message)" }
        return "\(file):\(line):\(column): \(message)"
    }
}

extension TemplateError: ListedError {
    /// By file, then line, then column.
    public static func < (a: TemplateError, b: TemplateError) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }
}

/// All the problems of the templates of one build: the first
/// `ErrorList.limit` in order, then a count per file of the others.
public struct TemplateErrors: Error, CustomStringConvertible {
    public var list: ErrorList<TemplateError>

    public init(errors: [TemplateError]) {
        list = ErrorList(errors)
    }

    public init(_ list: ErrorList<TemplateError>) {
        self.list = list
    }

    /// The reported errors, sorted; at most `ErrorList.limit`.
    public var errors: [TemplateError] { list.errors }

    public var description: String { list.report(noun: "templates") }
}
