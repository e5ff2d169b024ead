import ArgumentParser
import ReviewSite

/// `reviewsite sql`: ask the review's database a question (docs/database.md).
/// Exit 0 done, 1 an SQL error or invalid data, 2 a usage error.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query on the review's database (docs/database.md), or print its schema.",
        discussion: "The database is the dataset loaded into SQLite, the same one the figures of figures.yaml are computed on and the site offers as data/review.sqlite. Queries only read; one that does too much work is stopped."
    )

    @Argument(help: "The query, e.g. \"SELECT count(*) FROM patients\".")
    var query: String?

    @Flag(name: .long, help: "Print the schema: every table and view with its columns.")
    var schema = false

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    @Option(name: .long, help: "table, csv or json.")
    var format = ReviewSQL.Format.table

    func validate() throws {
        if schema == (query != nil) {
            throw ValidationError(schema ? "give either a query or --schema, not both" : "give a query, or --schema")
        }
    }

    func run() throws {
        let sql: ReviewSQL
        do {
            sql = try ReviewSQL.open(data: options.data, figures: FigureFile.path(inTemplates: templates.templates(for: options.data)))
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        do throws(ReviewSQL.Failure) {
            let text = if let query { try sql.query(query, format: format) } else { try sql.schema() }
            print(text, terminator: "")
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}

extension ReviewSQL.Format: ExpressibleByArgument {}
