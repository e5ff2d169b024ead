/// Counts the cells of CSV text, after its header line, that a spreadsheet
/// program may take for a formula: those that begin with `=`, `+`, `-` or
/// `@` and are not a number (`-1.5` and `+3` are numbers). Fed in pieces of
/// any size, so that a file is read in little memory.
struct FormulaScanner {
    private enum Field {
        /// Before a field's first byte.
        case start
        /// After the opening quote, before the first byte of the text.
        case quotedStart
        case quoted
        /// A quote inside a quoted field: the end, or the first of `""`.
        case quoteInQuoted
        case unquoted
    }

    /// Whether a field that began with `+` or `-` is still a number so far.
    private enum Number {
        case sign, integer, point, pointFirst, fraction, exponent, exponentSign, exponentDigits, not

        var isComplete: Bool { self == .integer || self == .point || self == .fraction || self == .exponentDigits }

        func next(_ byte: UInt8) -> Number {
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            switch self {
            case .sign: return digit ? .integer : byte == UInt8(ascii: ".") ? .pointFirst : .not
            case .integer: return digit ? .integer : byte == UInt8(ascii: ".") ? .point : isExponent(byte) ? .exponent : .not
            case .point, .fraction: return digit ? .fraction : isExponent(byte) ? .exponent : .not
            case .pointFirst: return digit ? .fraction : .not
            case .exponent: return digit ? .exponentDigits : byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") ? .exponentSign : .not
            case .exponentSign, .exponentDigits: return digit ? .exponentDigits : .not
            case .not: return .not
            }
        }

        private func isExponent(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") }
    }

    private(set) var cells = 0
    private var field = Field.start
    /// Past the header line.
    private var inRows = false
    /// The field being read began with a formula's first character; its
    /// number state when that was `+` or `-` (nil for `=` and `@`).
    private var candidate = false
    private var number: Number?

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var index = 0
        while index < count {
            // Most cells are no candidate: their bytes up to the next
            // separator (or quote) are skipped without the state machine.
            if !candidate && field == .unquoted {
                while index < count && bytes[index] != UInt8(ascii: ",") && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                if index == count { return }
            } else if !candidate && field == .quoted {
                while index < count && bytes[index] != UInt8(ascii: "\"") { index += 1 }
                if index == count { return }
            }
            add(bytes[index])
            index += 1
        }
    }

    mutating func add(_ byte: UInt8) {
        switch field {
        case .start:
            switch byte {
            case UInt8(ascii: "\""): field = .quotedStart
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"): endRecord()
            default:
                field = .unquoted
                begin(byte)
            }
        case .quotedStart:
            if byte == UInt8(ascii: "\"") {
                field = .quoteInQuoted
            } else {
                field = .quoted
                begin(byte)
            }
        case .quoted:
            if byte == UInt8(ascii: "\"") { field = .quoteInQuoted } else { continueField(byte) }
        case .quoteInQuoted:
            switch byte {
            case UInt8(ascii: "\""):
                // `""` at the very start is an empty field, then text: a quote is no formula.
                field = .quoted
                continueField(byte)
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"): endRecord()
            case UInt8(ascii: "\r"): field = .unquoted
            default:
                // Text after the closing quote: not a number.
                field = .unquoted
                continueField(byte)
            }
        case .unquoted:
            switch byte {
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"): endRecord()
            // The CR of a CRLF line end is not part of the cell.
            case UInt8(ascii: "\r"): break
            default: continueField(byte)
            }
        }
    }

    /// The end of the text: a last line without a line break.
    mutating func finish() {
        if field != .start { endField() }
    }

    private mutating func begin(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "@"): (candidate, number) = (true, nil)
        case UInt8(ascii: "+"), UInt8(ascii: "-"): (candidate, number) = (true, .sign)
        default: candidate = false
        }
    }

    private mutating func continueField(_ byte: UInt8) {
        if candidate, let state = number { number = state.next(byte) }
    }

    private mutating func endField() {
        if inRows && candidate && !(number?.isComplete ?? false) { cells += 1 }
        candidate = false
        field = .start
    }

    private mutating func endRecord() {
        endField()
        inRows = true
    }
}
