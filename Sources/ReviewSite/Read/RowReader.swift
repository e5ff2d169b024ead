/// Reads the records of one CSV file into the columns of its codebook
/// table, reporting every bad cell of every row.
///
/// Each record appends one value to every column; a row with a bad cell
/// takes its values back, so the table keeps the valid rows only. Cells are
/// read as bytes: a String is made only for text columns and messages. A
/// cell with a non-ASCII byte takes the String path, whose comparisons
/// follow Unicode equivalence.
final class RowReader {
    let file: String
    let plan: TablePlan
    /// Field index of each declared column; -1 when the header lacks it.
    private let fieldIndex: [Int]
    let sink: ErrorSink
    let values: [ColumnValues]
    /// The current record; only valid while `read` handles it.
    private(set) var record = CSVRow.empty
    private(set) var valid = true
    /// This row's code index per column: -1 empty, -2 bad (for the checks between columns).
    @exclusivity(unchecked) private var rowCodes: [Int32]
    /// This row's id or reference per column when it reads as one, for the checks between files.
    @exclusivity(unchecked) private(set) var rowIDs: [String?]
    // The plan's rules as flat arrays: a ColumnRule copied per cell would
    // retain and release each of its strings, a million times over.
    private let kinds: [ColumnRule.Kind]
    private let required: [Bool]
    private let numberRules: [NumberRule]
    private let lookups: [CodeLookup?]
    private let withinChecks: [(column: Int, within: ColumnRule.Within)]
    private let onlyForChecks: [(column: Int, onlyFor: ColumnRule.OnlyFor)]
    /// Said after a code that is not in its column's list, by column: in a
    /// workbook review, where the codes are declared (TableRowsReader).
    var codesNotes: [String] = []
    /// Cells already reported as unreadable (a sheet's TRUE or #N/A): read as absent, not checked again.
    private var skipped: [Bool]
    private var anySkipped = false

    init(file: String, plan: TablePlan, fieldIndex: [Int], sink: ErrorSink) {
        self.file = file
        self.plan = plan
        self.fieldIndex = fieldIndex
        self.sink = sink
        values = plan.columns.map { ColumnValues($0.kind) }
        rowCodes = [Int32](repeating: -1, count: plan.columns.count)
        rowIDs = [String?](repeating: nil, count: plan.columns.count)
        skipped = [Bool](repeating: false, count: plan.columns.count)
        kinds = plan.columns.map(\.kind)
        required = plan.columns.map(\.required)
        numberRules = plan.columns.map(\.number)
        lookups = plan.columns.map(\.codes)
        withinChecks = plan.columns.indices.compactMap { index in plan.columns[index].within.map { (index, $0) } }
        onlyForChecks = plan.columns.indices.compactMap { index in plan.columns[index].onlyFor.map { (index, $0) } }
    }

    /// Starts a record; the key's uniqueness is checked next, then `readCells`.
    func start(_ record: CSVRow) {
        self.record = record
        valid = true
    }

    /// Reports a cell that cannot be read at all; the checks pass it over.
    func skip(_ column: Int, _ message: String) {
        fail(column, message)
        skipped[column] = true
        anySkipped = true
    }

    func isSkipped(_ column: Int) -> Bool { anySkipped && skipped[column] }

    /// Checks and keeps the record's cells; false when one of them is bad.
    /// `finish` ends the record.
    func readCells() -> Bool {
        for index in kinds.indices {
            if anySkipped && skipped[index] { readSkipped(index) } else { read(index) }
        }
        for (index, within) in withinChecks { checkWithin(index, within) }
        for (index, onlyFor) in onlyForChecks { checkOnlyFor(index, onlyFor) }
        if !valid { for column in values { column.removeLast() } }
        return valid
    }

    /// Forgets the record, whose buffers the reader reuses.
    func finish() {
        record = .empty
        if anySkipped {
            for index in skipped.indices { skipped[index] = false }
            anySkipped = false
        }
    }

    var line: Int { record.line }

    func line(of column: Int) -> Int {
        fieldIndex[column] < 0 ? record.line : record.line(fieldIndex[column])
    }

    func fail(_ column: Int, _ message: String) {
        valid = false
        sink.add(file: file, line: line(of: column), column: plan.columns[column].name, message)
    }

    /// The cell's field index; nil when it is empty, `NR` or the column is absent.
    private func cell(_ column: Int) -> Int? {
        let index = fieldIndex[column]
        guard index >= 0, !isSkipped(column) else { return nil }
        let bytes = record.bytes(index)
        if bytes.isEmpty { return nil }
        if record.isASCII(index) {
            return bytes.count == 2 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "R") ? nil : index
        }
        return record.string(index) == "NR" ? nil : index
    }

    /// The cell's text unchecked, for messages and keys.
    func rawText(_ column: Int) -> String? {
        cell(column).map(record.string)
    }

    /// The cell's bytes and whether they are ASCII; nil when not reported.
    func bytes(_ column: Int) -> (bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool)? {
        cell(column).map { (record.bytes($0), record.isASCII($0)) }
    }

    private func read(_ column: Int) {
        // The reader holds its columns: no retain per cell.
        unowned(unsafe) let values = values[column]
        switch kinds[column] {
        case .id:
            let id = id(column)
            rowIDs[column] = id
            values.texts.append(id)
        case .text: values.texts.append(text(column, required: required[column]))
        case .integer: values.integers.append(number(column).map { Int($0) })
        case .number: values.numbers.append(number(column))
        case .code:
            let code = code(column)
            rowCodes[column] = code
            values.codes.append(max(code, -1))
        case .codeList: values.lists.append(list(column))
        }
    }

    /// A skipped cell's place in the columns; the row is bad, so it is taken back.
    private func readSkipped(_ column: Int) {
        unowned(unsafe) let values = values[column]
        rowIDs[column] = nil
        switch kinds[column] {
        case .id, .text: values.texts.append(nil)
        case .integer: values.integers.append(nil)
        case .number: values.numbers.append(nil)
        case .code:
            rowCodes[column] = -2
            values.codes.append(-1)
        case .codeList: values.lists.append([])
        }
    }

    /// An id or a reference: there, not blank, without control characters.
    private func id(_ column: Int) -> String? {
        guard let index = cell(column) else {
            fail(column, "is empty (expected a value)")
            return nil
        }
        if let problem = TextRule.idProblem(record.bytes(index), isASCII: record.isASCII(index)) {
            fail(column, problem)
            return nil
        }
        return record.string(index)
    }

    /// Free text without control characters; a CRLF inside is read as LF.
    private func text(_ column: Int, required: Bool) -> String? {
        guard let index = cell(column) else {
            if required { fail(column, "is empty (expected a value)") }
            return nil
        }
        let (control, crlf) = TextRule.scanCell(record.bytes(index), isASCII: record.isASCII(index))
        if let control {
            fail(column, TextRule.controlMessage(control))
            return nil
        }
        let text = record.string(index)
        return crlf ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    private func number(_ column: Int) -> Double? {
        let rule = numberRules[column]
        guard let index = cell(column) else {
            if required[column] { fail(column, "is empty (expected \(rule.expected))") }
            return nil
        }
        switch rule.check(record.bytes(index)) {
        case .success(let number): return number
        case .failure(let problem):
            fail(column, problem.message)
            return nil
        }
    }

    /// The code's index in the column's list; -1 when empty, -2 when bad.
    private func code(_ column: Int) -> Int32 {
        unowned(unsafe) let codes = lookups[column]!
        guard let index = cell(column) else {
            if required[column] { fail(column, "is empty (expected one of \(codes.allowed))") }
            return -1
        }
        let found = record.isASCII(index) ? codes.index(record.bytes(index)) : codes.index(record.string(index))
        if let found { return found }
        let empty = required[column] ? "" : " (empty when not reported)"
        fail(column, "\(Echo.quoted(record.string(index))) is not one of \(codes.allowed)\(empty)\(codesNote(column))")
        return -2
    }

    private func codesNote(_ column: Int) -> String {
        codesNotes.isEmpty ? "" : codesNotes[column]
    }

    /// A `;`-separated list of codes; empty items (a trailing `;`) are skipped.
    private func list(_ column: Int) -> [Int32] {
        let codes = lookups[column]!
        guard let index = cell(column) else {
            if required[column] { fail(column, "is empty (expected one or more of \(codes.allowed), separated by ;)") }
            return []
        }
        var items: [Int32] = []
        func bad(_ item: some StringProtocol) {
            fail(column, "\(Echo.quoted(item)) in \(Echo.quoted(record.string(index))) is not one of \(codes.allowed) (a list separated by ;)\(codesNote(column))")
        }
        guard record.isASCII(index) else {
            // Split by Character: `;` may be spelt another way (U+037E is canonically `;`).
            for item in record.string(index).split(separator: ";", omittingEmptySubsequences: true) {
                if let code = codes.index(String(item)) { items.append(code) } else { bad(item) }
            }
            return items
        }
        let bytes = record.bytes(index)
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
            defer { start = end + 1 }
            guard end > start else { continue }
            let item = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let code = codes.index(item) { items.append(code) } else { bad(String(decoding: item, as: UTF8.self)) }
        }
        return items
    }

    /// A code of a list within another belongs to the row's code of that other column.
    private func checkWithin(_ column: Int, _ within: ColumnRule.Within) {
        let code = rowCodes[column], parent = rowCodes[within.parent]
        guard code >= 0, parent >= 0, within.parentOf[Int(code)] != parent else { return }
        let rule = plan.columns[column]
        let name = rule.codes!.names[Int(code)], parentName = plan.columns[within.parent].codes!.names[Int(parent)]
        let allowed = within.children[Int(parent)]
        if allowed.isEmpty {
            fail(column, "'\(name)': \(parentName) \(plan.rowNoun.many) take no \(rule.name) (expected empty)")
        } else {
            let article = "aeiou".contains(rule.name.first ?? "x") ? "an" : "a"
            fail(column, "'\(name)' is not \(article) \(rule.name) of \(parentName) (expected one of \(allowed.joined(separator: ", ")), or empty)")
        }
    }

    /// A column only for rows with some codes of another is empty on the others.
    private func checkOnlyFor(_ column: Int, _ onlyFor: ColumnRule.OnlyFor) {
        let code = rowCodes[onlyFor.column]
        guard code != -2, !onlyFor.codes.contains(code), let value = rawText(column) else { return }
        let rule = plan.columns[column]
        let other = plan.columns[onlyFor.column]
        let row = code >= 0 ? "a \(other.codes!.names[Int(code)]) \(plan.rowNoun.one)" : "a \(plan.rowNoun.one) without \(other.name)"
        let names = onlyFor.names.joined(separator: " or ")
        fail(column, "\(Echo.quoted(value)) is given for \(row) (\(rule.name) is for \(names) \(plan.rowNoun.many) only)")
    }
}
