// The typed rows of the default review, projected from the codebook-shaped
// tables. The pages and figures of this version are written for its codes;
// another review's dataset validates all the same, and is told plainly why
// these pages cannot be made from it.

extension Dataset {
    /// Fills `studies` … `adverseEvents` from `tables`, or says why they do not fit.
    mutating func project(codebookFile: String) {
        var problems: [String] = []
        let projected = Projection.rows(self, &problems)
        if let problem = Projection.ruleProblem(codebook) { problems.append(problem) }
        guard problems.isEmpty, let projected else {
            defaultReviewProblem = DataError(file: codebookFile, line: nil, message:
                "the pages and figures of this version need the default review's codes and columns (\(problems.first!))")
            return
        }
        (studies, riskOfBias, patients, treatments, adverseEvents) = projected
    }

    /// The dataset, when the pages and figures of this version can be made from it.
    public func requireDefaultReview() throws(DatasetErrors) {
        if let defaultReviewProblem { throw DatasetErrors([defaultReviewProblem]) }
    }
}

/// Reads a table's columns as the typed fields of the default review,
/// noting the first column that does not fit.
struct Projection {
    let table: DataTable
    private(set) var problem: String?

    init(_ table: DataTable) {
        self.table = table
    }

    static func rows(_ dataset: Dataset, _ problems: inout [String]) -> ([Study], [RiskOfBiasAnswer], [Patient], [TreatmentStep], [AdverseEvent])? {
        guard let studies = dataset.table("studies"), let answers = dataset.table("risk_of_bias"), let patients = dataset.table("patients"),
              let treatments = dataset.table("treatments"), let events = dataset.table("adverse_events") else {
            let missing = Codebook.tableNames.filter { dataset.table($0) == nil }
            problems.append("it declares no table \(missing.joined(separator: ", "))")
            return nil
        }
        var projections = [Projection(studies), Projection(answers), Projection(patients), Projection(treatments), Projection(events)]
        let rows = (projections[0].studies(), projections[1].answers(), projections[2].patients(), projections[3].steps(), projections[4].events())
        problems += projections.compactMap(\.problem)
        return rows
    }

    private mutating func column(_ name: String, _ types: [Codebook.ColumnType], required: Bool) -> Int? {
        guard problem == nil else { return nil }
        guard let index = table.index(of: name) else {
            problem = "\(table.name).\(name) is not declared"
            return nil
        }
        let column = table.columns[index]
        if !types.contains(column.type) {
            problem = "\(table.name).\(name) is \(column.type.rawValue), not \(types[0].rawValue)"
        } else if required && !column.required {
            problem = "\(table.name).\(name) is not required"
        }
        return problem == nil ? index : nil
    }

    mutating func texts(_ name: String, _ type: Codebook.ColumnType = .text, required: Bool = false) -> [String?] {
        guard let index = column(name, [type], required: required) else { return Array(repeating: nil, count: table.count) }
        return table.texts(index)
    }

    mutating func integers(_ name: String, required: Bool = false) -> [Int?] {
        guard let index = column(name, [.integer], required: required) else { return Array(repeating: nil, count: table.count) }
        return table.integers(index)
    }

    mutating func numbers(_ name: String) -> [Double?] {
        guard let index = column(name, [.number], required: false), case .numbers(let values) = table.values[index] else {
            return Array(repeating: nil, count: table.count)
        }
        return values
    }

    /// The column's codes as `C`: every code of the codebook's list must be one of its cases.
    private mutating func cases<C: Code>(_ index: Int, _: C.Type) -> [C]? {
        var cases: [C] = []
        for code in table.codes[index] {
            guard let value = C(rawValue: code) else {
                problem = problem ?? "'\(code)' of \(table.name).\(table.columns[index].name) is not one of \(C.allowed)"
                return nil
            }
            cases.append(value)
        }
        return cases
    }

    mutating func codes<C: Code>(_ name: String, _ type: Codebook.ColumnType = .code, required: Bool = false, as _: C.Type) -> [C?] {
        guard let index = column(name, [type], required: required), let cases = cases(index, C.self) else {
            return Array(repeating: nil, count: table.count)
        }
        return table.codeIndexes(index).map { $0 >= 0 ? cases[Int($0)] : nil }
    }

    mutating func lists<C: Code>(_ name: String, as _: C.Type) -> [[C]] {
        guard let index = column(name, [.codeList], required: false), let cases = cases(index, C.self),
              case .codeLists(let values) = table.values[index] else { return Array(repeating: [], count: table.count) }
        return values.map { $0.map { cases[Int($0)] } }
    }
}
