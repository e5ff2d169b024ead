/// A validated table's cells as readers see them, for any review: codes by
/// their codebook labels, numbers with their units. The labels are escaped
/// once here, so that a page of a million rows writes them as bytes.
struct DataCells: Sendable {
    let table: DataTable
    /// Per column, each code's label (its short label where `short` is
    /// asked for and given), escaped for HTML, in the order of `table.codes`.
    private let labels: [[String]]
    private let shorts: [[String]]
    /// Per column, the unit as written after a number (`" cm"`, `"%"`).
    private let units: [String]
    /// Per column with `unit_by`: the other column and a unit per its code index.
    private let unitsBy: [(column: Int, units: [String])?]

    init(_ table: DataTable, _ codebook: Codebook) {
        self.table = table
        var labels: [[String]] = [], shorts: [[String]] = [], units: [String] = []
        var unitsBy: [(column: Int, units: [String])?] = []
        for (index, column) in table.columns.enumerated() {
            let declared = Self.codes(column, codebook)
            let found = table.codes[index].map { code in declared.first { $0.code == code } }
            labels.append(zip(table.codes[index], found).map { Escape.html($1?.label ?? $0) })
            shorts.append(zip(table.codes[index], found).map { Escape.html($1?.short ?? $1?.label ?? $0) })
            units.append(Self.spaced(column.unit))
            if let by = column.unitBy, let other = table.index(of: by) {
                unitsBy.append((other, table.codes[other].map { Self.spaced(column.units[$0]) }))
            } else {
                unitsBy.append(nil)
            }
        }
        (self.labels, self.shorts, self.units, self.unitsBy) = (labels, shorts, units, unitsBy)
    }

    /// The codes a column takes, with their labels.
    static func codes(_ column: Codebook.Column, _ codebook: Codebook) -> [Codebook.Code] {
        switch column.type {
        case .code, .codeList: codebook.codes(of: column)?.codes ?? []
        case .checklist: codebook.appraisal.checklists.map { Codebook.Code(code: $0.code, label: $0.label) }
        case .answer: codebook.appraisal.answers
        case .level: codebook.appraisal.levels
        default: []
        }
    }

    /// A unit as written after a number: `%` close, others after a space.
    private static func spaced(_ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return "" }
        return Escape.html(unit == "%" ? unit : " " + unit)
    }

    /// `Label, unit` for a column's heading, escaped.
    func heading(_ column: Int) -> String {
        let declared = table.columns[column]
        return Escape.html(declared.unit.map { "\(declared.label), \($0)" } ?? declared.label)
    }

    /// Whether the column holds numbers (right-aligned cells).
    func isNumeric(_ column: Int) -> Bool {
        switch table.values[column] {
        case .integers, .numbers: true
        default: false
        }
    }

    /// The label of a code cell, escaped; nil when not reported.
    func label(_ column: Int, _ row: Int, short: Bool = false) -> String? {
        guard case .codes(let codes) = table.values[column], codes[row] >= 0 else { return nil }
        return (short ? shorts : labels)[column][Int(codes[row])]
    }

    func isReported(_ column: Int, _ row: Int) -> Bool {
        switch table.values[column] {
        case .text(let values): values[row] != nil
        case .integers(let values): values[row] != nil
        case .numbers(let values): values[row] != nil
        case .codes(let codes): codes[row] >= 0
        case .codeLists(let lists): !lists[row].isEmpty
        }
    }

    /// Whether a number cell holds exactly one.
    func isOne(_ column: Int, _ row: Int) -> Bool {
        switch table.values[column] {
        case .integers(let values): values[row] == 1
        case .numbers(let values): values[row] == 1
        default: false
        }
    }

    /// Writes the cell's value; false, writing nothing, when not reported.
    /// `unit` adds the column's unit after a number.
    @discardableResult
    func write(_ column: Int, _ row: Int, unit: Bool, short: Bool = false, into html: inout HTMLBytes) -> Bool {
        switch table.values[column] {
        case .text(let values):
            guard let value = values[row] else { return false }
            html.text(value)
        case .integers(let values):
            guard let value = values[row] else { return false }
            html.int(value)
            if unit { html.raw(self.unit(column, row)) }
        case .numbers(let values):
            guard let value = values[row] else { return false }
            html.number(value)
            if unit { html.raw(self.unit(column, row)) }
        case .codes(let codes):
            guard codes[row] >= 0 else { return false }
            html.raw((short ? shorts : labels)[column][Int(codes[row])])
        case .codeLists(let lists):
            guard !lists[row].isEmpty else { return false }
            for (index, code) in lists[row].enumerated() {
                if index > 0 { html.raw(", ") }
                html.raw((short ? shorts : labels)[column][Int(code)])
            }
        }
        return true
    }

    /// The unit of a number cell, escaped and spaced; `unit_by` looks at the row's code.
    func unit(_ column: Int, _ row: Int) -> String {
        guard let by = unitsBy[column] else { return units[column] }
        guard case .codes(let codes) = table.values[by.column], codes[row] >= 0 else { return "" }
        return by.units[Int(codes[row])]
    }
}
