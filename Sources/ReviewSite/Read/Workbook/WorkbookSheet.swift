/// One row of a sheet as read: each cell's text as UTF-8 bytes, and the
/// cells that have no text the checks could read, with the reason.
struct SheetRow {
    /// The row's number in the sheet, from 1.
    var number = 0
    var bytes: [UInt8] = []
    /// The cells with text, in column order; empty cells are left out.
    var cells: [(column: Int, range: Range<Int>, isASCII: Bool)] = []
    var problems: [(column: Int, problem: CellProblem)] = []

    var isEmpty: Bool { cells.isEmpty && problems.isEmpty }

    /// The column after the last cell with something in it.
    var width: Int { max((cells.last?.column ?? -1) + 1, (problems.last?.column ?? -1) + 1) }

    func text(_ index: Int) -> String {
        String(decoding: bytes[cells[index].range], as: UTF8.self)
    }

    /// The row as a CSV record of `width` fields, for code that reads records.
    func withRecord<Result>(width: Int, _ body: (CSVRow) -> Result) -> Result {
        var fields = [CSVField](repeating: CSVField(start: 0, end: 0, line: number, isASCII: true, isUnescaped: false), count: width)
        for cell in cells where cell.column < width {
            fields[cell.column] = CSVField(start: cell.range.lowerBound, end: cell.range.upperBound, line: number, isASCII: cell.isASCII, isUnescaped: false)
        }
        return bytes.withUnsafeBufferPointer { bytes in
            fields.withUnsafeBufferPointer { fields in
                body(CSVRow(line: number, file: bytes, unescaped: UnsafeBufferPointer(start: nil, count: 0), fields: fields))
            }
        }
    }

    /// Every column's text up to `width`, "" for empty cells; a cell
    /// without text shows as a spreadsheet shows it (`TRUE`, `#N/A`).
    func texts(width: Int) -> [String] {
        var texts = [String](repeating: "", count: width)
        for index in cells.indices where cells[index].column < width { texts[cells[index].column] = text(index) }
        for (column, problem) in problems where column < width { texts[column] = problem.shown }
        return texts
    }
}

/// Why a cell has no text to check.
enum CellProblem: Equatable {
    /// A TRUE or FALSE cell: what the column expects is said, not guessed.
    case logical(Bool)
    /// An error value such as `#N/A`.
    case error(String)
    /// A formula whose result was never saved (files written by programs, not spreadsheets).
    case noResult
    /// A number shown as a date or time.
    case date
    /// A shared string the workbook lacks.
    case missingString(Int)
    /// Text that is not UTF-8.
    case invalidText

    var shown: String {
        switch self {
        case .logical(let value): value ? "TRUE" : "FALSE"
        case .error(let code): code
        case .noResult, .date, .missingString, .invalidText: ""
        }
    }

    /// The message for a cell of a column that expects `expected`.
    func message(expected: String) -> String {
        switch self {
        case .logical(let value):
            "is the logical value \(value ? "TRUE" : "FALSE"), not text (expected \(expected); type the value as text)"
        case .error(let code):
            "holds the error \(Echo.quoted(code)) (expected \(expected); correct the formula or the cells it uses)"
        case .noResult:
            "is a formula whose result was not saved (open the workbook in a spreadsheet program and save it, which saves the results)"
        case .date:
            "is formatted as a date (expected \(expected); format the cell as a number or as text)"
        case .missingString(let index):
            "refers to shared string \(index + 1), which the workbook does not have (the file is damaged; save the workbook again)"
        case .invalidText:
            "is not valid UTF-8 text (the file is damaged; save the workbook again)"
        }
    }
}

extension ColumnRule {
    /// What a cell of the column must hold, in the words of RowReader's messages.
    var expected: String {
        switch kind {
        case .id: return "a value"
        case .text: return "text"
        case .integer, .number: return number.expected
        case .code: return "one of \(codes!.allowed)" + (required ? "" : ", or empty when not reported")
        case .codeList: return "one or more of \(codes!.allowed), separated by ;"
        }
    }
}

/// Reads a worksheet's XML row by row, without keeping the rows.
struct SheetReader {
    let workbook: Workbook
    let sheet: Workbook.Sheet

    /// Calls `body` for every row with a cell in it, in order, until it
    /// returns false. The first is the header, whose width every row is read
    /// at: a far cell in it, or more cells than the limits, end the reading.
    func forEachRow(_ xml: [UInt8], _ body: (SheetRow) -> Bool) throws(WorkbookProblem) {
        var refusal: WorkbookProblem?
        do throws(XMLProblem) {
            try xml.withUnsafeBufferPointer { buffer throws(XMLProblem) in
                var scanner = XMLScanner(buffer)
                var row = SheetRow()
                var inData = false
                var cells = 0
                while true {
                    switch try scanner.next() {
                    case .start(let name, let tag, let empty):
                        if scanner.isName(name, "sheetData") {
                            inData = !empty
                        } else if inData && scanner.isName(name, "row") {
                            let number = try scanner.string("r", in: tag).map { Int($0) } ?? row.number + 1
                            guard let number, number > row.number, number <= SheetCell.maxRows else {
                                throw XMLProblem("row \(Echo.quoted(try scanner.string("r", in: tag) ?? "")) is out of order or not a row number", at: tag.lowerBound)
                            }
                            row.number = number
                            row.bytes.removeAll(keepingCapacity: true)
                            row.cells.removeAll(keepingCapacity: true)
                            row.problems.removeAll(keepingCapacity: true)
                            if !empty { try readCells(&scanner, into: &row) }
                            guard !row.isEmpty else { continue }
                            if cells == 0, let problem = WorkbookProblem.wideHeader(row, limits: workbook.limits) {
                                refusal = problem
                                return
                            }
                            cells += row.cells.count + row.problems.count
                            guard cells <= workbook.limits.cellsPerSheet else {
                                refusal = .tooManyCells(sheet.part, workbook.limits.cellsPerSheet)
                                return
                            }
                            if !body(row) { return }
                        }
                    case .end(let name): if scanner.isName(name, "sheetData") { inData = false }
                    case .done: return
                    default: break
                    }
                }
            }
        } catch {
            throw WorkbookProblem(error, sheetPart: sheet.part)
        }
        if let refusal { throw refusal }
    }

    /// The cells of the row just opened, up to its end tag.
    private func readCells(_ scanner: inout XMLScanner, into row: inout SheetRow) throws(XMLProblem) {
        var column = -1
        var value: [UInt8] = []
        while true {
            switch try scanner.next() {
            case .start(let name, let tag, let empty):
                guard scanner.isName(name, "c") else {
                    if !empty { try scanner.skipElement() }
                    continue
                }
                if let reference = scanner.attribute("r", in: tag) {
                    let letters = scanner.bytes[reference].prefix { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
                    guard let number = SheetCell.column(letters), number > column else {
                        throw XMLProblem("cell \(Echo.quoted(String(decoding: scanner.bytes[reference], as: UTF8.self))) is out of order or not a cell of a worksheet", at: tag.lowerBound)
                    }
                    column = number
                } else {
                    column += 1
                    guard column < SheetCell.maxColumns else { throw XMLProblem("a row has more cells than a worksheet", at: tag.lowerBound) }
                }
                guard !empty else { continue }
                value.removeAll(keepingCapacity: true)
                let type = scanner.attribute("t", in: tag).map { String(decoding: scanner.bytes[$0], as: UTF8.self) } ?? "n"
                let style = scanner.attribute("s", in: tag).flatMap { Int(String(decoding: scanner.bytes[$0], as: UTF8.self)) } ?? 0
                let (hasValue, hasFormula) = try readCellContent(&scanner, into: &value)
                let isDate = style >= 0 && style < workbook.dateStyles.count && workbook.dateStyles[style]
                add(column, type: type, isDate: isDate, value: value, hasValue: hasValue, hasFormula: hasFormula, to: &row)
            case .end: return
            case .text, .cdata: break
            case .done: throw XMLProblem("a row is not closed", at: scanner.position)
            }
        }
    }

    /// A cell's `<v>` (or inline `<is>`) text, and whether it has a value and a formula.
    private func readCellContent(_ scanner: inout XMLScanner, into value: inout [UInt8]) throws(XMLProblem) -> (Bool, Bool) {
        var hasValue = false, hasFormula = false
        while true {
            switch try scanner.next() {
            case .start(let name, _, let empty):
                if scanner.isName(name, "f") {
                    hasFormula = true
                    if !empty { try scanner.skipElement() }
                } else if scanner.isName(name, "v") || scanner.isName(name, "is") {
                    hasValue = true
                    if empty { continue }
                    if scanner.isName(name, "is") {
                        try readRichText(&scanner, into: &value)
                    } else {
                        try readText(&scanner, into: &value)
                    }
                } else if !empty {
                    try scanner.skipElement()
                }
            case .end: return (hasValue, hasFormula)
            case .text, .cdata: break
            case .done: throw XMLProblem("a cell is not closed", at: scanner.position)
            }
        }
    }

    /// The text of the element just opened, up to its end.
    private func readText(_ scanner: inout XMLScanner, into value: inout [UInt8]) throws(XMLProblem) {
        while true {
            switch try scanner.next() {
            case .text(let range): try scanner.appendDecoded(range, to: &value)
            case .cdata(let range): value.append(contentsOf: scanner.bytes[range])
            case .start(_, _, let empty): if !empty { try scanner.skipElement() }
            case .end: return
            case .done: throw XMLProblem("an element is not closed", at: scanner.position)
            }
        }
    }

    private func add(_ column: Int, type: String, isDate: Bool, value: [UInt8], hasValue: Bool, hasFormula: Bool, to row: inout SheetRow) {
        func text(_ bytes: some Collection<UInt8>, escaped: Bool) {
            guard !bytes.isEmpty else { return }
            let start = row.bytes.count
            row.bytes.append(contentsOf: bytes)
            if escaped { decodeEscapes(&row.bytes, from: start) }
            let isASCII = row.bytes[start...].allSatisfy { $0 < 0x80 }
            if !isASCII && !row.bytes.withUnsafeBufferPointer({ isValidUTF8(UnsafeBufferPointer(rebasing: $0[start...])) }) {
                row.bytes.removeSubrange(start...)
                row.problems.append((column, .invalidText))
                return
            }
            row.cells.append((column, start..<row.bytes.count, isASCII))
        }
        let raw = String(decoding: value, as: UTF8.self)
        // openpyxl writes a formula's missing result as an empty <v/>.
        guard hasValue, !(hasFormula && raw.isEmpty && type != "str") else {
            if hasFormula { row.problems.append((column, .noResult)) }
            return
        }
        switch type {
        case "s":
            guard let index = Int(raw), index >= 0, index < workbook.strings.count else {
                row.problems.append((column, .missingString(Int(raw) ?? -1)))
                return
            }
            text(workbook.strings.bytes[workbook.strings.range(index)], escaped: false)
        case "inlineStr", "str": text(value, escaped: true)
        case "b": row.problems.append((column, .logical(raw == "1" || raw.lowercased() == "true")))
        case "e": row.problems.append((column, .error(raw)))
        case "d": row.problems.append((column, .date))
        default:
            guard !raw.isEmpty else { return }
            if isDate { row.problems.append((column, .date)); return }
            text(Double(raw).map(numberText).map { Array($0.utf8) } ?? value, escaped: false)
        }
    }
}

/// A number cell's value as the text a CSV file would hold: `3` for 3.0,
/// `0.00001` rather than `1e-05`, the shortest digits that read back the same.
func numberText(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    let text = "\(abs(value))"
    let sign = value < 0 ? "-" : ""
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
        return sign + text
    }
    let mantissa = text[..<e]
    let digits = mantissa.filter(\.isNumber)
    let point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
    var plain: String
    if point <= 0 {
        plain = "0." + String(repeating: "0", count: -point) + digits
    } else if point >= digits.count {
        plain = digits + String(repeating: "0", count: point - digits.count)
    } else {
        plain = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    }
    while plain.contains("."), plain.hasSuffix("0") { plain.removeLast() }
    if plain.hasSuffix(".") { plain.removeLast() }
    return sign + plain
}
