/// The site's largest files, written without being held whole in memory:
/// with a million patients each is hundreds of megabytes.
extension SiteBuilder {
    /// figures.json, in pieces of a megabyte.
    static func addFiguresJSON(_ figures: [Figure], to site: any SiteOutput) throws(BuildFailure) {
        try Stopwatch.time("figures.json") { () throws(BuildFailure) in
            try site.add("data/figures.json") { path throws(BuildFailure) in
                let file = try PieceFile(path)
                FiguresJSON.write(figures, inPiecesOf: PieceFile.piece) { piece in piece.withUnsafeBytes { file.write($0) } }
                try file.close()
            }
        }
    }

    /// The review's database among the downloads (docs/database.md).
    static let databaseFile = "review.sqlite"

    /// The database page for page: the same data give the same bytes.
    static func addDatabase(_ report: Report, to site: any SiteOutput) throws(BuildFailure) {
        try Stopwatch.time("review.sqlite") { () throws(BuildFailure) in
            try site.add("data/\(databaseFile)") { path throws(BuildFailure) in
                do throws(DatabaseError) { try report.database.database.write(to: path) } catch { throw .output("\(databaseFile): \(error.message)") }
            }
        }
    }
}
