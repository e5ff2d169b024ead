/// A record of a CSV file: its fields, and the physical line each field starts on.
struct CSVRecord {
    /// The line the record starts on (1 is the header).
    var line: Int
    var fields: [String]
    var fieldLines: [Int]
}

/// A syntax problem in a CSV file, at the line where the bad record starts.
struct CSVSyntaxError: Error, Equatable {
    var line: Int
    var message: String
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
    /// unterminated quote ends the file.
    func forEachRecord(_ body: (CSVRecord) -> Void) -> [CSVSyntaxError] {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer: buffer)
            return parser.run(body)
        }
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
    var errors: [CSVSyntaxError] = []
    var scratch: [UInt8] = []

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
        }
    }

    enum FieldEnd { case comma, record, broken, unterminated }

    mutating func run(_ body: (CSVRecord) -> Void) -> [CSVSyntaxError] {
        var record = CSVRecord(line: 1, fields: [], fieldLines: [])
        while position < buffer.count {
            record.line = line
            recordLine = line
            record.fields.removeAll(keepingCapacity: true)
            record.fieldLines.removeAll(keepingCapacity: true)
            var valid = true
            var sawQuote = false
            fieldLoop: while true {
                let fieldLine = line
                let isQuoted = position < buffer.count && buffer[position] == quote
                sawQuote = sawQuote || isQuoted
                let (text, end) = isQuoted ? quotedField() : unquotedField()
                switch end {
                case .unterminated:
                    return errors
                case .broken:
                    valid = false
                    skipRestOfLine()
                    break fieldLoop
                case .comma, .record:
                    if let text {
                        record.fields.append(text)
                        record.fieldLines.append(fieldLine)
                    } else if valid {
                        valid = false
                        errors.append(CSVSyntaxError(line: record.line, message: "invalid UTF-8 in this record"))
                    }
                    if case .record = end { break fieldLoop }
                }
            }
            let blank = record.fields.count == 1 && record.fields[0].isEmpty && !sawQuote
            if valid && !blank { body(record) }
        }
        return errors
    }

    /// Reads an unquoted field up to a comma, a line end or the end of the file.
    mutating func unquotedField() -> (String?, FieldEnd) {
        let start = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == comma {
                let text = string(start, position)
                position += 1
                return (text, .comma)
            }
            if byte == lineFeed {
                let end = position > start && buffer[position - 1] == carriageReturn ? position - 1 : position
                let text = string(start, end)
                position += 1
                line += 1
                return (text, .record)
            }
            if byte == quote {
                errors.append(CSVSyntaxError(line: recordLine, message: "a quote inside an unquoted field (quote the whole field and double the quote: \"\")"))
                return (nil, .broken)
            }
            position += 1
        }
        return (string(start, position), .record)
    }

    /// Reads a quoted field, its closing quote and the separator after it.
    mutating func quotedField() -> (String?, FieldEnd) {
        position += 1
        scratch.removeAll(keepingCapacity: true)
        var segmentStart = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == lineFeed {
                line += 1
            } else if byte == quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart..<position]))
                if position + 1 < buffer.count && buffer[position + 1] == quote {
                    scratch.append(quote)
                    position += 2
                    segmentStart = position
                    continue
                }
                position += 1
                return (String(validating: scratch, as: UTF8.self), separatorAfterQuote())
            }
            position += 1
        }
        errors.append(CSVSyntaxError(line: recordLine, message: "unterminated quoted field: the closing quote is missing"))
        return (nil, .unterminated)
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

    func string(_ start: Int, _ end: Int) -> String? {
        String(validating: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }
}
