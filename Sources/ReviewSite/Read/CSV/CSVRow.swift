// A record of the CSV reader as positions into its bytes: no String is
// made for a field until a cell asks for one.

/// Where a record starts: a byte offset and its line.
struct CSVPosition {
    var offset: Int
    var line: Int
}

/// Where a field's bytes are: a range of the file, or of the reader's
/// unescaped bytes when a quoted field has a doubled quote.
struct CSVField {
    var start: Int
    var end: Int
    var line: Int
    var isASCII: Bool
    var isUnescaped: Bool
}

/// One record as bytes, without a String per field. It points into the
/// reader's buffers, so it is only valid inside the `forEachRow` body.
struct CSVRow {
    let line: Int
    private let file: UnsafeBufferPointer<UInt8>
    private let unescaped: UnsafeBufferPointer<UInt8>
    private let fields: UnsafeBufferPointer<CSVField>

    init(line: Int, file: UnsafeBufferPointer<UInt8>, unescaped: UnsafeBufferPointer<UInt8>, fields: UnsafeBufferPointer<CSVField>) {
        self.line = line
        self.file = file
        self.unescaped = unescaped
        self.fields = fields
    }

    static var empty: CSVRow {
        CSVRow(line: 0, file: UnsafeBufferPointer(start: nil, count: 0),
               unescaped: UnsafeBufferPointer(start: nil, count: 0), fields: UnsafeBufferPointer(start: nil, count: 0))
    }

    var count: Int { fields.count }

    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        return UnsafeBufferPointer(rebasing: (field.isUnescaped ? unescaped : file)[field.start..<field.end])
    }

    func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }
    func isASCII(_ index: Int) -> Bool { fields[index].isASCII }
    func line(_ index: Int) -> Int { fields[index].line }

    /// The field as text (the reader checked that it is UTF-8).
    func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }
}

/// A syntax problem in a CSV file, at the line where the bad record starts.
struct CSVSyntaxError: Error, Equatable {
    var line: Int
    var message: String
}

/// A file's syntax errors: the first `ErrorList.limit`, and how many more,
/// so that a file of millions of broken lines takes bounded memory.
struct CSVSyntaxErrors {
    private(set) var first: [CSVSyntaxError] = []
    private(set) var omitted = 0

    var isEmpty: Bool { first.isEmpty }

    mutating func append(_ error: CSVSyntaxError) {
        if first.count < ErrorList<DataError>.limit { first.append(error) } else { omitted += 1 }
    }

    static func += (errors: inout CSVSyntaxErrors, more: CSVSyntaxErrors) {
        for error in more.first { errors.append(error) }
        errors.omitted += more.omitted
    }
}
