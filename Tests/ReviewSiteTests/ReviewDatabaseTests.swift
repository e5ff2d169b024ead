import Foundation
import Testing
@testable import ReviewSite

@Suite("The review's database")
struct ReviewDatabaseTests {
    static func database(_ dataset: Dataset) throws -> ReviewDatabase {
        try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma)
    }

    @Test func everyCSVFileIsATableWithItsRows() throws {
        let dataset = try loadDataset(defaultDataPath)
        let database = try Self.database(dataset).database
        func count(_ table: String) throws -> DatabaseValue { try database.rows("SELECT count(*) FROM \(table)").rows[0][0] }
        for table in dataset.tables {
            #expect(try count(table.name) == .integer(Int64(table.count)), "\(table.name)")
        }
        #expect(try count("studies") == .integer(40))
        #expect(try count("patients") == .integer(136))
        let sites = try #require(dataset.table("patients").flatMap { table in table.index(of: "sites").map { table.values[$0] } })
        guard case .codeLists(let lists) = sites else { Issue.record("sites is not a code list"); return }
        #expect(try count("patients_sites") == .integer(Int64(lists.reduce(0) { $0 + $1.count })))
        let r4 = try database.rows("SELECT age_years, sex, symptom_months, diagnosis_detail FROM patients WHERE patient_id = 'R4-02'").rows
        #expect(r4 == [[.real(68), .text("f"), .null, .text("diffuse cutaneous SSc")]])
        #expect(try database.rows("SELECT site FROM patients_sites WHERE patient_id = 'R4-02'").rows == [[.text("fingers")], [.text("upper_limb")]])
        #expect(try database.rows("SELECT records_identified FROM prisma_flow ORDER BY flow").rows == [[.integer(410)], [.integer(10)]])
    }

    @Test func patientTreatmentsHoldSequencesSetsAndSums() throws {
        let patients = ["A", "B", "C"].map { Build.patient($0) }
        let steps = [Build.step("A", 1, .laser, variant: .co2, sessions: 2), Build.step("A", 2, .laser, sessions: 1),
                     Build.step("B", 1, .ilSTS), Build.step("B", 2, .eswl), Build.step("B", 3, .ilSTS),
                     Build.step("C", 1, .topSTS, duration: 2), Build.step("C", 2, .topSTS, duration: 1.5)]
        let events = [Build.event("B", .scarring), Build.event("B", .infection), Build.event("B", .infection, step: 2)]
        let database = try Self.database(Build.dataset(patients: patients, steps: steps, events: events)).database
        let rows = try database.rows("""
            SELECT patient_id, steps, sequence, treatments, monotherapy, combined, sessions, total_duration_months, variants, events,
                   has(events, 'infection'), has(events, 'fever')
            FROM treated_patients ORDER BY patient_id
            """).rows
        #expect(rows == [
            [.text("A"), .integer(2), .text("laser;laser"), .text("laser"), .text("laser"), .integer(0), .integer(3), .null, .text("NR;co2"), .null, .integer(0), .integer(0)],
            [.text("B"), .integer(3), .text("il_sts;eswl;il_sts"), .text("eswl;il_sts"), .null, .integer(1), .integer(0), .null, .text("NR"),
             .text("infection;scarring"), .integer(1), .integer(0)],
            [.text("C"), .integer(2), .text("top_sts;top_sts"), .text("top_sts"), .text("top_sts"), .integer(0), .integer(0), .real(3.5), .text("NR"), .null, .integer(0), .integer(0)],
        ])
    }

    @Test func figuresComeInTheFilesOrderOnOneOrTwoConnections() throws {
        let dataset = try loadDataset(defaultDataPath)
        let database = try Self.database(dataset)
        func run(_ two: Bool) -> [UInt8] {
            let result = FigureRunner(database: database, imputation: dataset.review.imputation, path: "figures.yaml", twoConnections: two)
                .run(defaultCatalogue)
            #expect(result.errors.isEmpty)
            return FiguresJSON.bytes(result.figures)
        }
        let one = run(false)
        #expect(one == run(true))
        #expect(String(decoding: one, as: UTF8.self).contains("\"id\": \"studies.included\",\n      \"kind\": \"count\",\n      \"n\": 40,"))
    }

    @Test func figureQueriesOnlyRead() throws {
        let database = try Self.database(try loadDataset(defaultDataPath)).database
        let error = #expect(throws: DatabaseError.self) { try database.rows("DELETE FROM patients") }
        #expect(error?.message == "DELETE (patients) is not allowed: queries only read the review's database")
    }

    @Test func theDownloadIsTheSameBytesEveryBuildAndOpensInSQLite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-sqlite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var written: [Data] = []
        for name in ["a", "b"] {
            let out = folder.appendingPathComponent(name).path
            _ = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).write(to: out)
            written.append(try Data(contentsOf: URL(fileURLWithPath: "\(out)/data/review.sqlite")))
        }
        #expect(written[0].count > 0)
        #expect(written[0] == written[1])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [folder.appendingPathComponent("a/data/review.sqlite").path, "SELECT count(*) FROM patients"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "136\n")
    }
}
