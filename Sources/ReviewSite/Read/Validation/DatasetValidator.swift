/// The rules of dataset.md that span rows and files. What is structural
/// stays here: the keys and references that link the tables, steps
/// 1…n, one answer per checklist question; the codebook says the rest.
struct DatasetValidator {
    let directory: DataDirectory
    let sink: ErrorSink

    func fail(_ file: String, _ line: Int?, _ column: String?, _ message: String) {
        sink.add(file: directory.display(file), line: line, column: column, message)
    }

    /// A table as a message names it: `cases.csv`, or `the sheet 'cases'
    /// of extraction.xlsx` when it was read from the workbook.
    func source(_ table: DataTable) -> String {
        guard let place = directory.sheets.place(of: directory.display(table.fileName)) else { return table.fileName }
        let workbook = place.workbook.split(separator: "/").last.map(String.init) ?? place.workbook
        return "the sheet \(Echo.quoted(place.sheet)) of \(workbook)"
    }

    /// Every check between rows and files, on the tables that could be read.
    func check(_ tables: [String: TableRows], plans: [TablePlan], codebook: Codebook) {
        for plan in plans {
            guard let rows = tables[plan.table.name] else { continue }
            for column in plan.unique { checkUnique(rows, plan, column) }
            checkReferences(rows, plan, tables)
        }
        func rows(_ role: Codebook.Role) -> TableRows? { codebook.table(for: role).flatMap { tables[$0.name] } }
        let studies = rows(.study), patients = rows(.patient), treatments = rows(.step)
        if let studies, let answers = rows(.appraisal), !codebook.appraisal.checklists.isEmpty {
            checkRiskOfBias(answers, studies: studies, codebook: codebook)
        }
        if let patients, let treatments {
            let steps = checkSteps(treatments, patients: patients)
            if let events = rows(.event) { checkAdverseEvents(events, patients: patients, treatments: treatments, steps: steps) }
        }
        for plan in plans where plan.table.role == nil && plan.key == nil {
            if let rows = tables[plan.table.name] { checkKey(rows, plan) }
        }
    }

    // The loops below index the rows' columns rather than copy rows.

    /// A column declared `unique: yes` (studies.ref) holds each value once.
    func checkUnique(_ rows: TableRows, _ plan: TablePlan, _ column: Int) {
        let name = plan.columns[column].name
        var first: [String: Int] = [:]
        first.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            guard let value = rows.table.display(column, row) else { continue }
            if let earlier = first[value] {
                fail(plan.file, rows.lines[row], name, "\(Echo.quoted(value)) is a duplicate (first \(directory.earlier(plan.file, earlier)))")
            } else {
                first[value] = rows.lines[row]
            }
        }
    }

    /// Every reference of every record names a row of its table, even on a row with another bad cell.
    func checkReferences(_ rows: TableRows, _ plan: TablePlan, _ tables: [String: TableRows]) {
        for (column, references) in zip(plan.references, rows.references) {
            guard let to = plan.columns[column].column.references, let target = tables[to],
                  let key = target.table.columns.first(where: { $0.type == .id }) else { continue }
            var lookup = KeyLookup(target.keys)
            for (value, line) in references where lookup.number(of: value) == nil {
                fail(plan.file, line, plan.columns[column].name, "\(Echo.quoted(value)) is not a \(key.name) of \(source(target.table))")
            }
        }
    }
}

extension DataTable {
    func texts(_ column: Int) -> [String?] {
        if case .text(let values) = values[column] { return values }
        return []
    }

    func integers(_ column: Int) -> OptionalColumn<Int> {
        if case .integers(let values) = values[column] { return values }
        return OptionalColumn()
    }

    func codeIndexes(_ column: Int) -> [Int32] {
        if case .codes(let values) = values[column] { return values }
        return []
    }

    /// A cell as the file spelt it, for a uniqueness message; nil when not reported.
    func display(_ column: Int, _ row: Int) -> String? {
        switch values[column] {
        case .text(let values): values[row]
        case .integers(let values): values[row].map(String.init)
        case .numbers(let values): values[row].map(formatNumber)
        case .codes: code(column, row)
        case .codeLists(let values): values[row].map { codes[column][Int($0)] }.joined(separator: ";")
        }
    }
}

/// Looks keys up in file order: the rows of a study or of a patient
/// usually come one after another, and the next key is likely the next one.
struct KeyLookup {
    let keys: KeyIndex
    private var last: String?
    private var lastNumber: Int?

    init(_ keys: KeyIndex) {
        self.keys = keys
    }

    mutating func number(of key: String) -> Int? {
        if let last, last == key { return lastNumber }
        last = key
        lastNumber = keys.number(of: key, hint: lastNumber.map { $0 + 1 })
        return lastNumber
    }
}
