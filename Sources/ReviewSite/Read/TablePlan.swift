/// How to read one CSV file, made once per load from its codebook table:
/// each declared column's rule, with code lookups built from the codebook.
/// A class: every record refers to it, none copies it.
final class TablePlan: Sendable {
    let table: Codebook.Table
    let columns: [ColumnRule]
    /// The id column, whose values must be unique.
    let key: Int?
    /// Columns whose values must be unique besides the key (`unique: yes`).
    let unique: [Int]
    /// The rows' owner in a table without a key (a study, a patient): checks
    /// over all of an owner's rows leave an owner with a bad row alone.
    let owner: Int?
    /// The reference columns, checked against their table on every record.
    let references: [Int]
    /// Words for the table's rows in messages: `step`, `steps`.
    let rowNoun: (one: String, many: String)

    var file: String { table.fileName }

    init(_ table: Codebook.Table, codebook: Codebook) {
        self.table = table
        var columns = table.allColumns.map { ColumnRule($0, codebook: codebook) }
        // A code list within another, and columns only for some codes, need the other column's position.
        for index in columns.indices {
            let column = columns[index].column
            if let list = column.codeList.flatMap(codebook.codeList), let within = list.within,
               let parent = columns.firstIndex(where: { $0.column.codeList == within && $0.kind == .code }) {
                columns[index].within = ColumnRule.Within(list, parent: parent, parentCodes: columns[parent].codes?.names ?? [])
            }
            if let condition = column.onlyFor, let other = columns.firstIndex(where: { $0.column.name == condition.column }),
               let lookup = columns[other].codes {
                let codes = Set(condition.codes.compactMap { lookup.index($0) })
                columns[index].onlyFor = ColumnRule.OnlyFor(column: other, codes: codes, names: condition.codes)
            }
        }
        self.columns = columns
        let key = columns.firstIndex { $0.column.type == .id }
        self.key = key
        unique = columns.indices.filter { columns[$0].column.unique && $0 != key }
        references = columns.indices.filter { columns[$0].column.type == .reference }
        owner = key == nil ? columns.firstIndex { $0.column.type == .reference } : nil
        rowNoun = (table.nounOne, table.nounMany)
    }

    func index(of name: String) -> Int? {
        columns.firstIndex { $0.column.name == name }
    }
}

/// One declared column: what its cells must hold.
struct ColumnRule: Sendable {
    enum Kind { case id, text, integer, number, code, codeList }

    let column: Codebook.Column
    let kind: Kind
    let number: NumberRule
    /// The codes of code, yes/no, checklist, answer, level and code list columns.
    let codes: CodeLookup?
    var within: Within?
    var onlyFor: OnlyFor?

    var required: Bool { column.required }
    var name: String { column.name }

    init(_ column: Codebook.Column, codebook: Codebook) {
        self.column = column
        number = NumberRule(column.bounds, integer: column.type == .integer)
        switch column.type {
        case .id, .reference: kind = .id
        case .text: kind = .text
        case .integer: kind = .integer
        case .number: kind = .number
        case .codeList: kind = .codeList
        case .code, .yesNo, .checklist, .answer, .level: kind = .code
        }
        let names = codebook.codeNames(of: column)
        codes = names.map(CodeLookup.init)
    }

    /// A code of a list `within` another: each code belongs to a code of the parent column.
    struct Within: Sendable {
        let parent: Int
        /// Each code's parent code index, -1 when the codebook names none.
        let parentOf: [Int32]
        /// Each parent code's codes, for messages.
        let children: [[String]]

        init(_ list: Codebook.CodeList, parent: Int, parentCodes: [String]) {
            self.parent = parent
            parentOf = list.codes.map { code in code.of.flatMap { parentCodes.firstIndex(of: $0) }.map(Int32.init) ?? -1 }
            children = parentCodes.map { parentCode in list.codes.filter { $0.of == parentCode }.map(\.code) }
        }
    }

    /// Rows on which the column may be filled: those whose `column` holds one of `codes`.
    struct OnlyFor: Sendable {
        let column: Int
        let codes: Set<Int32>
        let names: [String]
    }
}

extension Codebook {
    /// The codes a column's cells take, in order; nil for columns without codes.
    func codeNames(of column: Column) -> [String]? {
        switch column.type {
        case .code, .codeList: codes(of: column)?.names ?? []
        case .yesNo: ["yes", "no"]
        case .checklist: appraisal.checklists.map(\.code)
        case .answer: answerCodes
        case .level: appraisal.levels.map(\.code)
        case .id, .reference, .text, .integer, .number: nil
        }
    }

    /// Every checklist's answers, in the order they first appear.
    var answerCodes: [String] {
        var seen: [String] = []
        for checklist in appraisal.checklists {
            for answer in checklist.answers where !seen.contains(answer.code) { seen.append(answer.code) }
        }
        return seen
    }
}
