/// The computed report of a dataset: the review's database and the
/// figures of figures.yaml, computed once and shared by every page, table
/// and check.
public struct Report: Sendable {
    public let review: Review
    public let prisma: Prisma
    public let published: [String: PublishedValue]
    public let summary: String
    /// The reader's notes on the dataset (a hidden sheet left aside).
    public let notes: [String]
    /// The review's data dictionary and its validated tables, in codebook
    /// order: what generic pages and tables read.
    public let codebook: Codebook
    public let tables: [DataTable]
    public let figures: [Figure]
    /// The figures' declarations (their definitions in words).
    public let catalogue: FigureFile
    let database: ReviewDatabase
    /// The dataset's files as loaded and validated, for the downloads.
    public let files: [String: DatasetFile]
    /// Whether the dataset has published.yaml (an unpublished review has
    /// nothing printed to compare).
    public let isPublished: Bool
    /// search.yaml, when the review gives it.
    public let search: SearchStrategy?

    /// Loads the dataset into the database and runs every figure of `catalogue`.
    public init(_ dataset: consuming Dataset, catalogue: FigureFile) throws(FigureErrors) {
        files = dataset.files
        isPublished = dataset.isPublished
        codebook = dataset.codebook
        tables = dataset.tables
        review = dataset.review
        prisma = dataset.prisma
        published = dataset.published
        summary = dataset.summary
        notes = dataset.notes
        search = dataset.search
        self.catalogue = catalogue
        do {
            let (tables, codebook, prisma) = (tables, codebook, prisma)
            database = try Stopwatch.time("database") { () throws(DatabaseError) in try ReviewDatabase(tables: tables, codebook: codebook, prisma: prisma) }
        } catch {
            throw FigureErrors([FigureError(file: catalogue.path, line: nil, column: nil, message: "the review's database: \(error.message)")])
        }
        let runner = FigureRunner(database: database, imputation: review.imputation, path: catalogue.path, twoConnections: nil)
        let run = Stopwatch.time("figures") { runner.run(catalogue) }
        guard run.errors.isEmpty else { throw FigureErrors(run.errors) }
        figures = run.figures
    }


    /// The validated table of that codebook name, when the codebook declares it.
    public func table(_ name: String) -> DataTable? {
        tables.first { $0.name == name }
    }

    /// Reads figures.yaml, loads and checks the dataset against it, then
    /// computes. The problems of both files are reported together.
    /// `history`: as DatasetLoader.load's (false for a copy of a dataset).
    /// `memo`: the data files of an earlier load of this folder (DatasetLoader.load's).
    public static func load(from path: String, figures figuresPath: String, history: Bool = true, memo: DataFileMemo? = nil) throws(ReportErrors) -> Report {
        // figures.yaml is read on a second core while the dataset loads.
        let reading = Background { FigureFile.read(figuresPath) }
        let dataset: Dataset
        do {
            dataset = try Stopwatch.time("load") { () throws(DatasetErrors) in try DatasetLoader.load(from: path, figureFields: reading.result().file.fields, history: history, memo: memo) }
        } catch {
            throw ReportErrors(data: error, figures: reading.result().errors)
        }
        let (catalogue, figureErrors) = reading.result()
        // The well-declared figures still run: their problems are reported too.
        var errors = figureErrors
        var report: Report?
        do { report = try Report(dataset, catalogue: catalogue) } catch { errors += error.errors }
        guard errors.isEmpty, let report else { throw ReportErrors(data: nil, figures: errors) }
        return report
    }
}

/// Why a report could not be computed: the dataset's problems and the
/// figure definitions', each group by file and line.
public struct ReportErrors: Error, Sendable, CustomStringConvertible {
    public var data: DatasetErrors?
    public var figures: [FigureError]
    public init(data: DatasetErrors?, figures: [FigureError]) {
        self.data = data
        self.figures = figures
    }

    public var description: String {
        var parts: [String] = []
        if let data, !data.errors.isEmpty { parts.append(data.description) }
        if !figures.isEmpty { parts.append(FigureErrors(figures).description) }
        return parts.joined(separator: "\n")
    }
}

extension Report {
    /// The key column (`patient_id`, `study_id`) whose keys a figure's rows
    /// are, when they are keys of a table of the dataset.
    func keyColumn(of figure: Figure) -> String? {
        database.keyLists.first { $0.value === figure.rows.keys }?.key
    }

    /// Whether a figure's rows are studies or patients (their key is the
    /// study or patient table's id), and the words for one and for several.
    func keyRole(of figure: Figure) -> (role: Codebook.Role, one: String, many: String)? {
        guard let column = keyColumn(of: figure) else { return nil }
        for role in [Codebook.Role.study, .patient] {
            if let table = codebook.table(for: role), table.idColumn?.name == column {
                let words = codebook.firstForm ? Codebook.firstFormTable(table.name)?.noun : nil
                return (role, words?.one ?? table.nounOne, words?.many ?? table.rowsInWords)
            }
        }
        return nil
    }
}
