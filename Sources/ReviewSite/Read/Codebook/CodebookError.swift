/// A problem of a codebook, located to the character: `file:line:column`,
/// the key path, and what was expected.
public struct CodebookError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The character on the line, from 1 (libyaml counts Unicode scalars).
    public var column: Int?
    /// The key path, e.g. `tables.patients.sex.type`.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        text += ": "
        if let key { text += "key '\(key)': " }
        return text + message
    }

    /// The same problem in the dataset's error list.
    public var dataError: DataError {
        DataError(file: file, line: line, column: key, character: column, message: message)
    }
}

/// Every problem of one codebook, sorted by position.
public struct CodebookErrors: Error, CustomStringConvertible {
    public var errors: [CodebookError]

    public init(_ errors: [CodebookError]) {
        // Stable: problems found at one position keep the order of the checks.
        self.errors = errors.enumerated().sorted { a, b in
            let left = (a.element.line ?? 0, a.element.column ?? 0), right = (b.element.line ?? 0, b.element.column ?? 0)
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
    }

    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return (errors.map(\.description) + ["\(count) in the codebook."]).joined(separator: "\n")
    }
}
