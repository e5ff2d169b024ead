/// A review's data dictionary (`codebook.yaml`): the columns of each table,
/// the codes of each code column and how the studies were appraised. The
/// tool reads it like the rows, so that any review, not one, can be served.
public struct Codebook: Sendable, Equatable {
    /// The tables in the order the codebook declares them.
    public var tables: [Table]
    /// The code lists by name, in the codebook's order.
    public var codeLists: [CodeList]
    public var appraisal: Appraisal
    /// What the database derives per patient over its steps (`summary:`).
    public var summary = Summary()
    /// Tables in the first form: fixed names, no roles (Codebook+FirstForm.swift).
    public var firstForm = false

    public init(tables: [Table], codeLists: [CodeList], appraisal: Appraisal) {
        self.tables = tables
        self.codeLists = codeLists
        self.appraisal = appraisal
    }

    /// The file name of the codebook in a dataset folder.
    public static let fileName = "codebook.yaml"

    public func table(_ name: String) -> Table? {
        tables.first { $0.name == name }
    }

    public func codeList(_ name: String) -> CodeList? {
        codeLists.first { $0.name == name }
    }

    /// The codes a code or code-list column takes.
    public func codes(of column: Column) -> CodeList? {
        column.codeList.flatMap(codeList)
    }

    /// One CSV file (or sheet): its columns, and the extra ones the team
    /// extracted beyond what the report uses.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var columns: [Column]
        public var extra: [Column]
        /// What the table is to the engine (`role:`); nil for the review's own tables.
        public var role: Role?
        /// The columns that identify a row: the id column, or those `key:` names.
        public var key: [String] = []
        /// The CSV file it is read from (`file:`), `<name>.csv` by default.
        public var fileName: String
        /// Words for one row and for rows in messages (`step`, `steps`):
        /// `label_one:` and `label:`, else "row" and "rows".
        public var nounOne = "row", nounMany = "rows"
        /// What readers call its rows, plural (`label: treatment steps`);
        /// the name in words (`adverse events`) when the codebook gives none.
        public var rowLabel: String?
        /// How pages show a row's key to readers (`shown_as: "Ref. {ref}"`): the text with each `{column}` filled from the row.
        public var shownAs: String?

        public init(name: String, columns: [Column], extra: [Column], fileName: String? = nil) {
            self.name = name
            self.columns = columns
            self.extra = extra
            self.fileName = fileName ?? "\(name).csv"
        }

        /// The rows' name readers see.
        public var rowsInWords: String { rowLabel ?? name.replacingOccurrences(of: "_", with: " ") }

        /// Every declared column, the report's first, then the extra ones.
        public var allColumns: [Column] { columns + extra }

        public func column(_ name: String) -> Column? {
            allColumns.first { $0.name == name }
        }
    }
}
