/// A record of a CSV file: its fields, and the physical line each field starts on.
struct CSVRecord {
    /// The line the record starts on (1 is the header).
    var line: Int
    var fields: [String]
    var fieldLines: [Int]

    init(line: Int, fields: [String], fieldLines: [Int]) {
        self.line = line
        self.fields = fields
        self.fieldLines = fieldLines
    }

    init(_ row: CSVRow) {
        self.init(line: row.line, fields: (0..<row.count).map(row.string), fieldLines: (0..<row.count).map(row.line))
    }
}

/// RFC 4180 reader over UTF-8 bytes that tracks physical line numbers.
///
/// The mirrored CSV libraries report no line numbers and accept an
/// unterminated quote silently, so the project keeps its own.
/// Accepts a byte-order mark, LF or CRLF, quoted fields with commas,
/// doubled quotes and newlines. Blank lines are skipped.
struct CSVReader {
    private let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Calls `body` for every well-formed record in order and returns the
    /// syntax errors. A record with a syntax error is not passed on; an
    /// unterminated quote ends the file. The row is only valid inside `body`.
    func forEachRow(_ body: (CSVRow) -> Void) -> [CSVSyntaxError] {
        forEachRow(from: nil) { body($0); return true }.errors.first
    }

    /// The same from `start` (the beginning when nil), until `body` returns
    /// false; `rest` is then where the next record starts, for another call.
    func forEachRow(from start: CSVPosition?, _ body: (CSVRow) -> Bool) -> (errors: CSVSyntaxErrors, rest: CSVPosition?) {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer: buffer, start: start)
            return parser.run(body)
        }
    }

    /// Like `forEachRow`, with the fields as strings.
    func forEachRecord(_ body: (CSVRecord) -> Void) -> [CSVSyntaxError] {
        forEachRow { body(CSVRecord($0)) }
    }

    /// All records at once; for tests and small files.
    func records() -> (records: [CSVRecord], errors: [CSVSyntaxError]) {
        var all: [CSVRecord] = []
        let errors = forEachRecord { all.append($0) }
        return (all, errors)
    }
}


private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

private struct Parser {
    let buffer: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1
    var recordLine = 1
    var errors = CSVSyntaxErrors()
    /// The fields of the current record, reused from record to record.
    var fields: [CSVField] = []
    /// Quoted fields with a doubled quote, unescaped, for the current record.
    var unescaped: [UInt8] = []

    init(buffer: UnsafeBufferPointer<UInt8>, start: CSVPosition?) {
        self.buffer = buffer
        if let start {
            position = start.offset
            line = start.line
        } else if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
        }
    }

    enum FieldEnd { case comma, record, broken, unterminated }

    mutating func run(_ body: (CSVRow) -> Bool) -> (errors: CSVSyntaxErrors, rest: CSVPosition?) {
        while position < buffer.count {
            let line = self.line
            recordLine = line
            fields.removeAll(keepingCapacity: true)
            unescaped.removeAll(keepingCapacity: true)
            var valid = true
            var sawQuote = false
            fieldLoop: while true {
                let fieldLine = self.line
                let isQuoted = position < buffer.count && buffer[position] == quote
                sawQuote = sawQuote || isQuoted
                let (field, end) = isQuoted ? quotedField(fieldLine) : unquotedField(fieldLine)
                switch end {
                case .unterminated:
                    return (errors, nil)
                case .broken:
                    valid = false
                    skipRestOfLine()
                    break fieldLoop
                case .comma, .record:
                    if isValid(field) {
                        fields.append(field)
                    } else if valid {
                        valid = false
                        errors.append(CSVSyntaxError(line: line, message: "invalid UTF-8 in this record"))
                    }
                    if case .record = end { break fieldLoop }
                }
            }
            let blank = fields.count == 1 && fields[0].start == fields[0].end && !sawQuote
            if valid && !blank {
                let goOn = unescaped.withUnsafeBufferPointer { unescaped in
                    fields.withUnsafeBufferPointer { fields in
                        body(CSVRow(line: line, file: buffer, unescaped: unescaped, fields: fields))
                    }
                }
                if !goOn { return (errors, CSVPosition(offset: position, line: self.line)) }
            }
        }
        return (errors, nil)
    }

    /// Whether the field is UTF-8; only fields with a non-ASCII byte need the full test.
    func isValid(_ field: CSVField) -> Bool {
        if field.isASCII { return true }
        if field.isUnescaped {
            return unescaped.withUnsafeBufferPointer { isValidUTF8(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
        }
        return isValidUTF8(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]))
    }

    /// Reads an unquoted field up to a comma, a line end or the end of the file.
    mutating func unquotedField(_ fieldLine: Int) -> (CSVField, FieldEnd) {
        let start = position
        var high: UInt8 = 0
        while position < buffer.count {
            let byte = buffer[position]
            // Most bytes are letters and digits, above every special byte.
            if byte > comma {
                high |= byte
                position += 1
                continue
            }
            if byte == comma {
                let field = CSVField(start: start, end: position, line: fieldLine, isASCII: high < 0x80, isUnescaped: false)
                position += 1
                return (field, .comma)
            }
            if byte == lineFeed {
                let end = position > start && buffer[position - 1] == carriageReturn ? position - 1 : position
                let field = CSVField(start: start, end: end, line: fieldLine, isASCII: high < 0x80, isUnescaped: false)
                position += 1
                line += 1
                return (field, .record)
            }
            if byte == quote {
                errors.append(CSVSyntaxError(line: recordLine, message: "a quote inside an unquoted field (quote the whole field and double the quote: \"\")"))
                return (CSVField(start: start, end: start, line: fieldLine, isASCII: true, isUnescaped: false), .broken)
            }
            position += 1
        }
        return (CSVField(start: start, end: position, line: fieldLine, isASCII: high < 0x80, isUnescaped: false), .record)
    }

    /// Reads a quoted field, its closing quote and the separator after it.
    /// Without a doubled quote the field is a range of the file; with one,
    /// its unescaped bytes go to `unescaped`.
    mutating func quotedField(_ fieldLine: Int) -> (CSVField, FieldEnd) {
        position += 1
        let start = position
        var high: UInt8 = 0
        var copyStart = -1
        var segmentStart = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == lineFeed {
                line += 1
            } else if byte == quote {
                if position + 1 < buffer.count && buffer[position + 1] == quote {
                    if copyStart < 0 { copyStart = unescaped.count }
                    // The segment and one of the two quotes.
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart...position]))
                    position += 2
                    segmentStart = position
                    continue
                }
                var field = CSVField(start: start, end: position, line: fieldLine, isASCII: high < 0x80, isUnescaped: false)
                if copyStart >= 0 {
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart..<position]))
                    field.start = copyStart
                    field.end = unescaped.count
                    field.isUnescaped = true
                }
                position += 1
                return (field, separatorAfterQuote())
            }
            high |= byte
            position += 1
        }
        errors.append(CSVSyntaxError(line: recordLine, message: "unterminated quoted field: the closing quote is missing"))
        return (CSVField(start: start, end: start, line: fieldLine, isASCII: true, isUnescaped: false), .unterminated)
    }

    mutating func separatorAfterQuote() -> FieldEnd {
        if position >= buffer.count { return .record }
        switch buffer[position] {
        case comma:
            position += 1
            return .comma
        case lineFeed:
            position += 1
            line += 1
            return .record
        case carriageReturn where position + 1 < buffer.count && buffer[position + 1] == lineFeed:
            position += 2
            line += 1
            return .record
        case carriageReturn where position + 1 == buffer.count:
            position += 1
            return .record
        default:
            errors.append(CSVSyntaxError(line: recordLine, message: "text after the closing quote of a field (expected a comma or the end of the line)"))
            return .broken
        }
    }

    mutating func skipRestOfLine() {
        while position < buffer.count {
            let byte = buffer[position]
            position += 1
            if byte == lineFeed {
                line += 1
                return
            }
        }
    }
}

/// Whether `bytes` are well-formed UTF-8 (Unicode 3.9, table 3-7), the same
/// test as `String(validating:as:)` without its unspecialised generic path.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return false
        }
        guard index + length <= count else { return false }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return false }
        if length > 2 {
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return false
            }
        }
        index += length
    }
    return true
}
