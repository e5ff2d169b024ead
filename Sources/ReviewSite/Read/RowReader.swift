/// Typed access to the cells of one CSV record, reporting every bad cell.
///
/// A conversion reads all the cells it needs and only then looks at `valid`,
/// so one run reports every bad cell of the row, not just the first.
/// Cells are read as bytes: a String is made only for text columns and
/// messages. A cell with a non-ASCII byte takes the String path, whose
/// comparisons follow Unicode equivalence.
final class RowReader<Column: TableColumn> {
    let file: String
    /// Field index of each column by its ordinal; -1 when the header lacks it.
    private let fieldIndex: [Int]
    /// Whether each column is required, by ordinal (no String hashing per cell).
    private let requiredColumn: [Bool]
    let sink: ErrorSink
    /// The current record; only valid while `readTable` handles it.
    private(set) var record = CSVRow.empty
    private(set) var valid = true

    init(file: String, indices: [Column: Int], sink: ErrorSink) {
        Column.checkOrdinals()
        self.file = file
        self.fieldIndex = Column.allCases.map { indices[$0] ?? -1 }
        self.requiredColumn = Column.allCases.map { Column.required.contains($0) }
        self.sink = sink
    }

    private func index(_ column: Column) -> Int? {
        let index = fieldIndex[column.ordinal]
        return index < 0 ? nil : index
    }

    func start(_ record: CSVRow) {
        self.record = record
        valid = true
    }

    /// Forgets the record, whose buffers the reader reuses.
    func finish() {
        record = .empty
    }

    var line: Int { record.line }

    /// The physical line of a cell (a quoted newline earlier in the record moves it).
    func line(of column: Column) -> Int {
        index(column).map { record.line($0) } ?? record.line
    }

    /// The cell's field index; nil when it is empty, `NR` or the column is absent.
    private func cell(_ column: Column) -> Int? {
        guard let index = index(column) else { return nil }
        let bytes = record.bytes(index)
        if bytes.isEmpty { return nil }
        if record.isASCII(index) {
            return bytes.count == 2 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "R") ? nil : index
        }
        return record.string(index) == "NR" ? nil : index
    }

    /// The cell's text; nil when it is empty, `NR` or the column is absent,
    /// or holds a control character (reported). A CRLF inside is read as LF.
    func text(_ column: Column) -> String? {
        guard let index = cell(column) else { return nil }
        let (control, crlf) = TextRule.scanCell(record.bytes(index), isASCII: record.isASCII(index))
        if let control {
            fail(column, TextRule.controlMessage(control))
            return nil
        }
        let text = record.string(index)
        return crlf ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// The cell's text unchecked, for messages and bookkeeping only.
    func rawText(_ column: Column) -> String? {
        cell(column).map(record.string)
    }

    /// The cell's bytes and whether they are ASCII, under the same rule as `text`.
    func bytes(_ column: Column) -> (bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool)? {
        cell(column).map { (record.bytes($0), record.isASCII($0)) }
    }

    func fail(_ column: Column, _ message: String) {
        valid = false
        sink.add(file: file, line: line(of: column), column: column.rawValue, message)
    }

    /// An id that must be there: not blank, without control characters.
    func requiredText(_ column: Column) -> String {
        guard let index = cell(column) else {
            fail(column, "is empty (expected a value)")
            return ""
        }
        if let problem = TextRule.idProblem(record.bytes(index), isASCII: record.isASCII(index)) {
            fail(column, problem)
        }
        return record.string(index)
    }

    func code<C: TableCode>(_ column: Column, _: C.Type = C.self) -> C? {
        guard let index = cell(column) else {
            if requiredColumn[column.ordinal] { fail(column, "is empty (expected one of \(C.allowed))") }
            return nil
        }
        if record.isASCII(index) {
            if let code = C.table.code(record.bytes(index)) { return code }
        } else if let code = C(rawValue: record.string(index)) {
            return code
        }
        let empty = requiredColumn[column.ordinal] ? "" : " (empty when not reported)"
        fail(column, "\(Echo.quoted(record.string(index))) is not one of \(C.allowed)\(empty)")
        return nil
    }

    /// A required code; `fallback` stands in when it is bad (the row is invalid then anyway).
    func requiredCode<C: TableCode>(_ column: Column, _ fallback: C) -> C {
        code(column, C.self) ?? fallback
    }

    func number(_ column: Column, _ rule: NumberRule) -> Double? {
        guard let index = cell(column) else {
            if requiredColumn[column.ordinal] { fail(column, "is empty (expected \(rule.expected))") }
            return nil
        }
        switch rule.check(record.bytes(index)) {
        case .success(let number): return number
        case .failure(let problem):
            fail(column, problem.message)
            return nil
        }
    }

    func integer(_ column: Column, _ rule: NumberRule) -> Int? {
        number(column, rule).map { Int($0) }
    }

    /// A `;`-separated list of codes; empty items (a trailing `;`) are skipped.
    func list<C: TableCode>(_ column: Column, _: C.Type = C.self) -> [C] {
        guard let index = cell(column) else { return [] }
        guard record.isASCII(index) else { return list(record.string(index), column) }
        let bytes = record.bytes(index)
        var items: [C] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
            defer { start = end + 1 }
            guard end > start else { continue }
            let item = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let code = C.table.code(item) {
                items.append(code)
            } else {
                let value = record.string(index)
                fail(column, "\(Echo.quoted(String(decoding: item, as: UTF8.self))) in \(Echo.quoted(value)) is not one of \(C.allowed) (a list separated by ;)")
            }
        }
        return items
    }

    /// The list of a cell with non-ASCII text: split by Character, as `;`
    /// may be spelt another way (U+037E is canonically `;`).
    private func list<C: TableCode>(_ value: String, _ column: Column) -> [C] {
        var items: [C] = []
        for item in value.split(separator: ";", omittingEmptySubsequences: true) {
            if let code = C(rawValue: String(item)) {
                items.append(code)
            } else {
                fail(column, "\(Echo.quoted(item)) in \(Echo.quoted(value)) is not one of \(C.allowed) (a list separated by ;)")
            }
        }
        return items
    }
}
