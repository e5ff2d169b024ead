/// One CSV file of the validated dataset, shaped by its codebook table:
/// every declared column (the report's, then the extra ones) with one typed
/// value per row. Any review of this kind fills the same shape, so the site
/// and a database can be built from it without knowing the review's codes.
public struct DataTable: Sendable {
    /// The table's codebook name (`patients`).
    public var name: String
    /// The declared columns in codebook order, present in the file or not.
    public var columns: [Codebook.Column]
    /// Each column's codes in codebook order; a code cell holds an index
    /// into them. Empty for columns that hold no codes.
    public var codes: [[String]]
    /// Each column's values, parallel to `columns`.
    public var values: [DataColumn]
    /// The line of the file each row starts on.
    public var lines: [Int]
    /// What the table is to the engine, and the columns that identify a row (Codebook.Table).
    public var role: Codebook.Role? = nil
    public var key: [String] = []
    /// The CSV file it was read from, when not `<name>.csv`.
    public var file: String? = nil

    public var count: Int { lines.count }

    public var fileName: String { file ?? "\(name).csv" }

    public func index(of column: String) -> Int? {
        columns.firstIndex { $0.name == column }
    }

    /// A code cell's code; nil when not reported or not a code column.
    public func code(_ column: Int, _ row: Int) -> String? {
        guard case .codes(let indexes) = values[column], indexes[row] >= 0 else { return nil }
        return codes[column][Int(indexes[row])]
    }

    public func text(_ column: Int, _ row: Int) -> String? {
        guard case .text(let texts) = values[column] else { return nil }
        return texts[row]
    }

    /// A text column's values by its name; nil when there is no such column of text.
    func texts(_ column: String) -> [String?]? {
        guard let index = index(of: column), case .text(let values) = values[index] else { return nil }
        return values
    }

    /// An integer column's values by its name.
    func integers(_ column: String) -> OptionalColumn<Int>? {
        guard let index = index(of: column), case .integers(let values) = values[index] else { return nil }
        return values
    }
}

/// A column's values, one per row, nil (or -1) where not reported.
public enum DataColumn: Sendable {
    /// Ids, references and free text.
    case text([String?])
    case integers(OptionalColumn<Int>)
    case numbers(OptionalColumn<Double>)
    /// Code, yes/no, checklist, answer and level columns: the index of each
    /// row's code in `DataTable.codes`, -1 when not reported.
    case codes([Int32])
    /// Code list columns: each row's codes in the order the cell gives them.
    case codeLists(CodeLists)
}

extension Dataset {
    /// The validated table of that codebook name, when the codebook declares it.
    public func table(_ name: String) -> DataTable? {
        tables.first { $0.name == name }
    }
}

extension DataTable {
    /// The key's first column: the owner's reference of a table whose rows belong to a study or patient.
    var ownerColumn: String? { key.first }
    /// The key's second column: the step or question number.
    var numberColumn: String? { key.count > 1 ? key[1] : nil }
    /// The id column's name.
    var idName: String? { columns.first { $0.type == .id }?.name }
}

extension Array where Element == DataTable {
    /// The table with this role.
    func table(for role: Codebook.Role) -> DataTable? {
        first { $0.role == role }
    }
}
