/// A problem in the dataset that a reviewer can act on: where it is, the
/// offending value and what was expected, in one line.
public struct DataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it, e.g. `data/cases.csv`.
    public var file: String
    /// The physical line; nil for a problem with the whole file.
    public var line: Int?
    /// A CSV column name or a YAML key path; nil when the problem has none.
    public var column: String?
    /// The character on the line, from 1, where a reader knows it (the codebook's).
    public var character: Int?
    /// The offending value and what was expected.
    public var message: String
    /// For a table read from a workbook: the sheet, whose row is `line`.
    public var sheet: String?
    /// The sheet's column from 0 (`C` is 2); nil for a whole row.
    public var cellColumn: Int?

    public init(file: String, line: Int?, column: String? = nil, character: Int? = nil, message: String,
                sheet: String? = nil, cellColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.character = character
        self.message = message
        self.sheet = sheet
        self.cellColumn = cellColumn
    }

    public var description: String {
        var text = file
        if let sheet {
            return text + ": " + SheetCell.reference(sheet: sheet, row: line, column: cellColumn) + ": "
                + (column.map { "column '\($0)': " } ?? "") + message
        }
        if let line { text += ":\(line)" }
        if line != nil, let character { text += ":\(character)" }
        text += ": "
        if let column {
            let label = file.hasSuffix(".yaml") || file.hasSuffix(".yml") ? "key" : "column"
            text += "\(label) '\(column)': "
        }
        return text + message
    }
}

extension DataError: Comparable {
    /// By file, then line, then the order the checks found them in.
    public static func < (a: DataError, b: DataError) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.sheet != b.sheet { return (a.sheet ?? "") < (b.sheet ?? "") }
        return ((a.line ?? 0), (a.character ?? 0)) < ((b.line ?? 0), (b.character ?? 0))
    }
}

extension DataError: ListedError {}

/// All the problems of one run, reported together: the first
/// `ErrorList.limit` in order, then a count per file of the others.
public struct DatasetErrors: Error, CustomStringConvertible {
    public var list: ErrorList<DataError>

    public init(_ errors: [DataError]) {
        list = ErrorList(errors)
    }

    public init(_ list: ErrorList<DataError>) {
        self.list = list
    }

    /// The reported errors, sorted; at most `ErrorList.limit`.
    public var errors: [DataError] { list.errors }

    public var description: String { list.report(noun: "dataset") }
}
