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

/// All the problems of the templates of one build.
public struct TemplateErrors: Error, CustomStringConvertible {
    public var errors: [TemplateError]

    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return (errors.map(\.description) + ["\(count) in the templates."]).joined(separator: "\n")
    }
}
