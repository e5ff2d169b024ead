import Foundation
import Testing
@testable import ReviewSite

/// Every index the review's database creates is used by some query the
/// default review runs: an index no query uses costs its build (0.8 s for
/// three of them at a million patients) and serves nobody. The queries are
/// the ones a real build compiles (REVIEWSITE_SQL_LOG), each explained.
@Suite("Index use")
struct IndexUseTests {
    static let data = repositoryRoot.appendingPathComponent("data").path
    static let templates = repositoryRoot.appendingPathComponent("templates").path

    /// The statements `reviewsite build` of the default review compiles.
    static func builtStatements() throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-use-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["REVIEWSITE_SQL_LOG"] = folder + "/statements"
        let build = try runReviewSite(["build", "--data", data, "--templates", templates, "--out", folder + "/site"],
                                      in: repositoryRoot, environment: environment)
        #expect(build.status == 0, "\(build.standardError)")
        return StatementLog.statements(in: try Data(contentsOf: URL(fileURLWithPath: folder + "/statements")))
    }

    /// The indexes of `database` that no query of `statements` uses, each
    /// with a sentence naming it; a statement that is no query is passed over.
    static func unusedIndexes(_ database: Database, _ statements: [String]) throws -> [String] {
        let created = try database.rows("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").rows.compactMap { $0[0].text }
        var used = Set<String>()
        for sql in statements {
            let words = sql.split(whereSeparator: \.isWhitespace)
            guard let first = words.first?.uppercased(), ["SELECT", "WITH"].contains(first) else { continue }
            for row in try database.rows("EXPLAIN QUERY PLAN " + sql).rows {
                let detail = row.last?.text ?? ""
                for match in detail.matches(of: /USING (?:COVERING )?INDEX (\w+)/) { used.insert(String(match.1)) }
            }
        }
        return created.filter { !used.contains($0) }.map { "the index \($0) is used by no query of the default review" }
    }

    @Test func everyIndexServesAQueryOfTheDefaultReview() throws {
        let statements = try Self.builtStatements()
        // Figures and both tables, at least.
        #expect(statements.count > 70)
        let report = try Report.load(from: Self.data, figures: FigureFile.path(inTemplates: Self.templates))
        let unused = try Self.unusedIndexes(report.database.database, statements)
        #expect(unused == [])
    }

    @Test func anIndexNoQueryUsesIsNamed() throws {
        let statements = try Self.builtStatements()
        let report = try Report.load(from: Self.data, figures: FigureFile.path(inTemplates: Self.templates))
        let database = try report.database.database.copy()
        try database.execute("CREATE INDEX prisma_sources_by_name ON prisma_sources (name)")
        let unused = try Self.unusedIndexes(database, statements)
        #expect(unused.contains("the index prisma_sources_by_name is used by no query of the default review"))
    }
}
