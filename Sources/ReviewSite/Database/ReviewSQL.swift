/// `reviewsite sql`: ad-hoc questions to the review's database, on the
/// same guarded connection as the figures.
public struct ReviewSQL: Sendable {
    let database: ReviewDatabase

    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    /// What SQLite refused or failed to do, placed in the query when it can.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Loads the dataset (checked against figures.yaml for published.yaml's ids).
    public static func open(data: String, figures: String) throws(ReportErrors) -> ReviewSQL {
        let (catalogue, figureErrors) = FigureFile.read(figures)
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(from: data, figureFields: catalogue.fields)
        } catch {
            throw ReportErrors(data: error, figures: figureErrors)
        }
        do {
            return ReviewSQL(database: try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma))
        } catch {
            throw ReportErrors(data: nil, figures: [FigureError(file: figures, line: nil, column: nil, message: "the review's database: \(error.message)")])
        }
    }

    /// Every table and view, as CREATE statements with their comments.
    public func schema() throws(Failure) -> String {
        do { return try database.schema() } catch { throw Failure(description: error.message) }
    }

    public func query(_ sql: String, format: Format) throws(Failure) -> String {
        let result: ResultRows
        do {
            result = try database.database.rows(sql)
        } catch {
            throw Failure(description: "sql:\(Self.place(error.offset, in: sql)): \(error.message)")
        }
        switch format {
        case .table: return SQLOutput.table(result)
        case .csv: return SQLOutput.csv(result)
        case .json: return SQLOutput.json(result)
        }
    }

    /// `line:column` of a byte offset of the query (1:1 when SQLite gave none).
    static func place(_ offset: Int?, in sql: String) -> String {
        guard let offset else { return "1:1" }
        let before = String(decoding: sql.utf8.prefix(offset), as: UTF8.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return "\(lines.count):\((lines.last?.count ?? 0) + 1)"
    }
}
