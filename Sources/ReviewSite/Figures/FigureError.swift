/// A problem with a figure definition, placed in figures.yaml: one line
/// with file, line and column, the figure and what was expected.
public struct FigureError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ file: String, _ position: TextPosition?, _ message: String) {
        self.init(file: file, line: position?.line, column: position?.column, message: message)
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text + ": " + message
    }
}

/// Every problem of the figure definitions of one run, by line.
public struct FigureErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [FigureError]

    public init(_ errors: [FigureError]) {
        self.errors = errors.enumerated().sorted { a, b in
            let left = (a.element.file, a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let right = (b.element.file, b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }

    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return (errors.map(\.description) + ["\(count) in the figure definitions."]).joined(separator: "\n")
    }
}

/// A line and column in a text file, both from 1; columns count characters.
struct TextPosition: Hashable, Sendable {
    var line: Int
    var column: Int
}
