import Foundation
import Testing
import Yams
@testable import ReviewSite

@Suite("templates/figures.yaml against docs/figures.yaml and the article")
struct FigureCatalogueTests {
    struct Entry {
        var id: String
        var kind: String
        var definition: String
        var published: [String: Double]
    }

    static let entries: [Entry] = {
        let text = try! String(contentsOf: repositoryRoot.appendingPathComponent("docs/figures.yaml"), encoding: .utf8)
        let list = try! Yams.load(yaml: text) as! [[String: Any]]
        return list.map { item in
            let published: [String: Double]
            if let fields = item["published"] as? [String: Any] {
                published = fields.mapValues { ($0 as? Double) ?? Double($0 as! Int) }
            } else {
                published = ["n": Double(item["published"] as! Int)]
            }
            return Entry(id: item["id"] as! String, kind: item["kind"] as! String,
                         definition: item["definition"] as! String, published: published)
        }
    }()

    @Test func templatesHaveTheContractsIdsKindsAndDefinitionsInOrder() {
        let declarations = defaultCatalogue.declarations
        #expect(FigureFile.read(FigureFile.path(inTemplates: defaultTemplatesPath)).errors.isEmpty)
        #expect(declarations.map(\.id) == Self.entries.map(\.id))
        #expect(declarations.map(\.kind.rawValue) == Self.entries.map(\.kind))
        // The definitions are the readers' sentences (issue 28), not the contract's shorthand.
        for declaration in declarations {
            let words = declaration.definition
            #expect(!words.isEmpty && !words.contains("_") && !words.contains(".csv") && !words.contains("treated("), "\(declaration.id): \(words)")
        }
        #expect(declarations.count == 72)
    }

    static func defaultFigures() throws -> [Figure] {
        try Report(loadDataset(defaultDataPath), catalogue: defaultCatalogue).figures
    }

    @Test func defaultDataReproduceEveryPublishedValueButOne() throws {
        let figures = try Self.defaultFigures()
        var differing: [String] = []
        for (entry, figure) in zip(Self.entries, figures) {
            for (field, value) in entry.published where figure[field] != value {
                differing.append("\(entry.id).\(field): \(value) vs \(figure[field].map(formatNumber) ?? "null")")
            }
        }
        #expect(differing == ["outcome.eswl.complete.percent: 7.0 vs 9"])
    }

    @Test func checkListsTheOneDifferenceFromPublishedYAML() throws {
        let dataset = try loadDataset(defaultDataPath)
        let differences = PublishedCheck.differences(try Self.defaultFigures(), dataset.published)
        #expect(differences.map(\.description) == ["outcome.eswl.complete: printed 7%, computed 9% (1/11)"])
    }

    @Test func provenanceRowsOfAProportion() throws {
        let figures = try Self.defaultFigures()
        let eswl = figures.first { $0.id == "outcome.eswl.complete" }!
        #expect(eswl.rows.count == 11)
        #expect(eswl.numeratorRows?.count == 1)
        #expect(Array(eswl.rows) == eswl.rows.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let prisma = figures.first { $0.id == "prisma.records_databases" }!
        #expect(prisma.rows.isEmpty)
        let included = figures.first { $0.id == "studies.included" }!
        #expect(Array(included.rows.prefix(3)) == ["R10", "R11", "R13"])
    }

    @Test func figuresCommandIsByteIdenticalAcrossRunsWithTheCataloguesIds() throws {
        let first = try runReviewSite(["figures"])
        let second = try runReviewSite(["figures"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        let json = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as! [String: [[String: Any]]]
        #expect(json["figures"]!.map { $0["id"] as! String } == Self.entries.map(\.id))
        let response = json["figures"]!.first { $0["id"] as! String == "outcome.top_sts.response" }!
        #expect(response["percent"] as? Int == 81)
        #expect((response["numerator_rows"] as? [String])?.count == 39)
        #expect((response["rows"] as? [String])?.count == 48)
    }
}
