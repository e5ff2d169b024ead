/// Typed access to the cells of one CSV record, reporting every bad cell.
///
/// A conversion reads all the cells it needs and only then looks at `valid`,
/// so one run reports every bad cell of the row, not just the first.
final class RowReader<Column: TableColumn> {
    let file: String
    /// Field index of each column by its ordinal; -1 when the header lacks it.
    private let fieldIndex: [Int]
    /// Whether each column is required, by ordinal (no String hashing per cell).
    private let requiredColumn: [Bool]
    let sink: ErrorSink
    var record = CSVRecord(line: 0, fields: [], fieldLines: [])
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

    func start(_ record: CSVRecord) {
        self.record = record
        valid = true
    }

    var line: Int { record.line }

    /// The physical line of a cell (a quoted newline earlier in the record moves it).
    func line(of column: Column) -> Int {
        index(column).map { record.fieldLines[$0] } ?? record.line
    }

    /// The cell's text; nil when it is empty, `NR` or the column is absent.
    func text(_ column: Column) -> String? {
        guard let index = index(column) else { return nil }
        let value = record.fields[index]
        return value.isEmpty || value == "NR" ? nil : value
    }

    func fail(_ column: Column, _ message: String) {
        valid = false
        sink.add(file: file, line: line(of: column), column: column.rawValue, message)
    }

    /// Text that must be there.
    func requiredText(_ column: Column) -> String {
        guard let value = text(column) else {
            fail(column, "is empty (expected a value)")
            return ""
        }
        return value
    }

    func code<C: Code>(_ column: Column, _: C.Type = C.self) -> C? {
        guard let value = text(column) else {
            if requiredColumn[column.ordinal] { fail(column, "is empty (expected one of \(C.allowed))") }
            return nil
        }
        if let code = C(rawValue: value) { return code }
        let empty = requiredColumn[column.ordinal] ? "" : " (empty when not reported)"
        fail(column, "'\(value)' is not one of \(C.allowed)\(empty)")
        return nil
    }

    /// A required code; `fallback` stands in when it is bad (the row is invalid then anyway).
    func requiredCode<C: Code>(_ column: Column, _ fallback: C) -> C {
        code(column, C.self) ?? fallback
    }

    func number(_ column: Column, _ rule: NumberRule) -> Double? {
        guard let value = text(column) else {
            if requiredColumn[column.ordinal] { fail(column, "is empty (expected \(rule.expected))") }
            return nil
        }
        switch rule.check(value) {
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
    func list<C: Code>(_ column: Column, _: C.Type = C.self) -> [C] {
        guard let value = text(column) else { return [] }
        var items: [C] = []
        for item in value.split(separator: ";", omittingEmptySubsequences: true) {
            if let code = C(rawValue: String(item)) {
                items.append(code)
            } else {
                fail(column, "'\(item)' in '\(value)' is not one of \(C.allowed) (a list separated by ;)")
            }
        }
        return items
    }
}
