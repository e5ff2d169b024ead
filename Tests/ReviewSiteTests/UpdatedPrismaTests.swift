import Foundation
import Testing
@testable import ReviewSite

/// The PRISMA 2020 diagram for updated reviews: prisma.yaml's
/// previous_version, the previous version counted from its frozen data.
@Suite("PRISMA 2020 for updated reviews", .serialized)
struct UpdatedPrismaTests {
    /// Version 2.0's prisma.yaml as an update of 1.0: the new search only,
    /// which found R58 and R59 (2 studies, from 3 reports).
    static let updated = """
    # The search of 2025, updating version 1.0.
    previous_version: "1.0"
    databases:
      records_identified: 120
      registers_records: 4
      removed_duplicates: 30
      removed_automation: 0
      removed_other: 0
      records_excluded: 86
      reports_not_retrieved: 1
      reports_excluded:
        - {code: duplicate_patients, reason: "patients reported in another included study", count: 1}
        - {code: insufficient_data, reason: "insufficient data", count: 4}
    other_methods:
      records_identified: 3
      sources: [citation searching]
      reports_not_retrieved: 0
      reports_excluded:
        - {code: insufficient_data, reason: "insufficient data", count: 3}
    included:
      studies: 2
      reports: 3

    """

    static func rows(_ file: String) throws -> Int {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count - 1
    }

    @Test func theDiagramCountsThePreviousVersionFromItsDataAndAddsTheNewStudies() throws {
        let history = try TwoVersionHistory(updatedPrisma: Self.updated)
        defer { history.delete() }
        // The fixture: version 1.0 has 38 studies, the review now 40.
        #expect(try Self.rows(history.root + "/releases/1.0/data/studies.csv") == 38)
        #expect(try Self.rows(history.data + "/studies.csv") == 40)
        let prisma = try loadReport(history.data).prisma
        #expect(prisma.update == Prisma.Update(version: "1.0", previousStudies: 38, previousReports: 38, newStudies: ["R58", "R59"]))
        #expect(prisma.totalStudies == 40 && prisma.totalReports == 41)

        let built = try history.run(["build"])
        #expect(built.status == 0, "\(built.standardError)")
        let svg = try String(contentsOfFile: history.root + "/site/prisma.svg", encoding: .utf8)
        let texts = PrismaDiagramTests.texts(svg)
        for box in ["Previous studies", "Identification of new studies via databases and registers", "Identification of new studies via other methods",
                    "Studies included in previous version of review (n = 38) Reports of studies included in previous version of review (n = 38)",
                    "Records identified from: Databases (n = 120) Registers (n = 4)", "Records screened (n = 94)", "Reports sought for retrieval (n = 8)",
                    "Reports assessed for eligibility (n = 7)", "Reports assessed for eligibility (n = 3)",
                    "New studies included in review (n = 2) Reports of new included studies (n = 3)",
                    "Total studies included in review (n = 40) Reports of total included studies (n = 41)", "Included"] {
            #expect(texts.contains(box), "\(box) not in \(texts)")
        }
        #expect(!texts.contains { $0.hasPrefix("Studies included in review") })
        #expect(svg.contains("<title id=\"prisma-title\">PRISMA 2020 flow diagram for updated systematic reviews</title>"))
        #expect(svg.contains("<desc id=\"prisma-desc\">Previous studies: 38 studies included in the previous version of the review (version 1.0), from 38 reports. "
            + "Identification of new studies. Databases and registers: 120 records identified from databases and 4 from registers; 30 removed before screening "
            + "(30 duplicates, 0 by automation tools, 0 for other reasons); 94 records screened and 86 excluded; 8 reports sought, 1 not retrieved, "
            + "7 assessed for eligibility and 5 excluded. Other methods: 3 records identified; 3 reports sought, 0 not retrieved, 3 assessed for eligibility "
            + "and 3 excluded; 2 new studies included in review, from 3 reports. In total, 40 studies included in review, from 41 reports.</desc>"))
        // Same text size and ids as the diagram for new reviews.
        #expect(svg.contains("font-size=\"13\""))
        let ids = svg.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["prisma-title", "prisma-desc", "prisma-arrow"])
        // Two arrows more than for a new review: new → total, previous → total.
        #expect(svg.components(separatedBy: "<path d=\"M").count - 1 == PrismaDiagram.svg(try loadReport(defaultDataPath).prisma).components(separatedBy: "<path d=\"M").count - 1 + 2)

        let page = try String(contentsOfFile: history.root + "/site/prisma.html", encoding: .utf8)
        #expect(page.contains("<p>How the studies of version 1.0 and the records found by the new search became the included studies, after the PRISMA 2020 template for updated reviews"))
        let supplement = try String(contentsOfFile: history.root + "/site/supplement.html", encoding: .utf8)
        #expect(supplement.contains("<figcaption>How the studies of version 1.0 and the records the new search found became the included studies (PRISMA 2020, for updated reviews).</figcaption>"))
        // Version 2.0 as frozen draws the same; version 1.0, a new review, the diagram for new reviews.
        #expect(try String(contentsOfFile: history.root + "/releases/2.0/prisma.svg", encoding: .utf8) == svg)
        let first = try String(contentsOfFile: history.root + "/releases/1.0/prisma.svg", encoding: .utf8)
        #expect(first.contains("<title id=\"prisma-title\">PRISMA 2020 flow diagram</title>") && first.contains("Studies included in review (n = 38)"))
    }

    /// Printed on the supplement's landscape page, its text is still 8 pt or more.
    @Test func thePrintedUpdatedDiagramKeepsItsTextAtEightPoints() throws {
        let history = try TwoVersionHistory(updatedPrisma: Self.updated)
        defer { history.delete() }
        let prisma = try loadReport(history.data).prisma
        let printed = PrismaDiagram.printed(prisma, room: Supplement.printRoom)
        // The template's shape at its best wrap would print below 8 pt: the compact one is printed.
        let room = Supplement.printRoom
        let template = PrismaDiagram.shapes(prisma)[0].map { min(room.width / Double($0.width), room.height / Double($0.height)) }.max()!
        #expect(13 * template < 8)
        #expect(printed.height == PrismaDiagram.shapes(prisma)[1].first { $0.width == printed.width }?.height)
        #expect(13 * printed.scale >= 8, "scale \(printed.scale), \(printed.width) × \(printed.height)")
        #expect(PrismaDiagramTests.texts(printed.svg).contains("Total studies included in review (n = 40) Reports of total included studies (n = 41)"))
        #expect(printed.svg.contains("<desc id=\"prisma-desc\">" + Escape.html(PrismaDiagram.description(prisma)) + "</desc>"))
    }

    /// A version that updates an update: its previous reports are those of
    /// 2.0 (3 new) and of the 1.0 that 2.0 updated (38), counted down the chain.
    @Test func thePreviousReportsOfAnUpdateOfAnUpdateAreCountedDownTheChain() throws {
        let history = try TwoVersionHistory(updatedPrisma: Self.updated)
        defer { history.delete() }
        let nothingNew = Self.updated.replacingOccurrences(of: "previous_version: \"1.0\"", with: "previous_version: \"2.0\"")
            .replacingOccurrences(of: "count: 4}", with: "count: 6}").replacingOccurrences(of: "studies: 2\n  reports: 3", with: "studies: 0\n  reports: 0")
        try Data(nothingNew.utf8).write(to: URL(fileURLWithPath: history.data + "/prisma.yaml"))
        let prisma = try loadReport(history.data).prisma
        #expect(prisma.update == Prisma.Update(version: "2.0", previousStudies: 40, previousReports: 41, newStudies: []))
        #expect(prisma.totalStudies == 40 && prisma.totalReports == 41)
        // A later build compares with 2.0, whose data (with previous_version) are read as a copy.
        let built = try history.run(["build"])
        #expect(built.status == 0, "\(built.standardError)")
        let changes = try String(contentsOfFile: history.root + "/site/changes.html", encoding: .utf8)
        #expect(changes.contains("What’s new since version 2.0 (not yet released)"))
    }

    /// `reviewsite check`'s message for the live data with `prisma` as prisma.yaml.
    func checked(_ history: TwoVersionHistory, _ prisma: String) throws -> String {
        try Data(prisma.utf8).write(to: URL(fileURLWithPath: history.data + "/prisma.yaml"))
        let before = try history.snapshot()
        let result = try history.run(["check"])
        #expect(result.status == 1)
        #expect(try history.snapshot() == before)
        return result.standardError
    }

    @Test func eachRefusalNamesTheLineAndKey() throws {
        let history = try TwoVersionHistory(updatedPrisma: Self.updated)
        defer { history.delete() }
        let line2 = "data/prisma.yaml:2: key 'previous_version': "
        #expect(try checked(history, Self.updated.replacingOccurrences(of: "\"1.0\"", with: "\"1.5\"")).contains(
            line2 + "'1.5' is not a release of data/versions.yaml (its versions: 1.0, 2.0)\n"))
        #expect(try checked(history, Self.updated.replacingOccurrences(of: "\"1.0\"", with: "\"../1.0\"")).contains(
            line2 + "'../1.0' is not a version (expected letters, digits, '.', '-' and '_', starting with a letter or digit, such as 1.0 or 2024-1)\n"))

        // One new study more than the two the data have (the flow agrees with the typed count).
        let three = Self.updated.replacingOccurrences(of: "studies: 2", with: "studies: 3")
            .replacingOccurrences(of: "reason: \"insufficient data\", count: 3}", with: "reason: \"insufficient data\", count: 2}")
        #expect(try checked(history, three).contains(
            "data/prisma.yaml:21: key 'included.studies': '3' differs from the 2 new studies: the rows of studies.csv not in version 1.0 (R58, R59); in an updated review, included counts the new search's studies only\n"))

        // A study of version 1.0 (R4, whose rows are one line each) left out of the update.
        try Self.remove("R4", from: history.data)
        #expect(try checked(history, Self.updated).contains(
            line2 + "1 study of version 1.0 is not in studies.csv: R4; previous + new = total holds only if an updated review keeps the studies of the version it updates (put them back, or release their removal as an amendment of version 1.0 first, its note saying why, and name that version here)\n"))

        // The frozen data of version 1.0 gone.
        try FileManager.default.removeItem(atPath: history.root + "/releases/1.0/data/studies.csv")
        #expect(try checked(history, Self.updated).contains(
            line2 + "the data of version 1.0 are missing: releases/1.0/data/studies.csv not found (its frozen site, releases/1.0/, is written by reviewsite release and kept with the review; restore it, e.g. from git)\n"))
    }

    @Test func aReviewWithoutReleasesCannotNameAPreviousVersion() throws {
        let data = try DatasetFixture()
        defer { data.delete() }
        let prisma = try String(contentsOfFile: data.path + "/prisma.yaml", encoding: .utf8)
        try data.write("prisma.yaml", "previous_version: \"1.0\"\n" + prisma)
        do {
            _ = try loadDataset(data.path)
            Issue.record("loaded an update of a version that was never released")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(data.path)/prisma.yaml:1: key 'previous_version': '1.0' is not a release: \(data.path)/versions.yaml lists none yet (reviewsite release records each published version; docs/versions.md)",
            ])
        }
    }

    @Test func withoutPreviousVersionTheDiagramIsTheOneForNewReviews() throws {
        let prisma = try loadReport(defaultDataPath).prisma
        #expect(prisma.previousVersion == nil && prisma.update == nil)
        let svg = PrismaDiagram.svg(prisma)
        #expect(svg.contains("<title id=\"prisma-title\">PRISMA 2020 flow diagram</title>"))
        #expect(!svg.contains("Previous studies") && !svg.contains("Total studies"))
        #expect(PrismaDiagramTests.texts(svg).contains("Studies included in review (n = 40) Reports of included studies (n = 40)"))
    }

    /// Removes a study and every row that names it from the five tables.
    static func remove(_ study: String, from folder: String) throws {
        for file in ["studies.csv", "risk_of_bias.csv", "patients.csv", "treatments.csv", "adverse_events.csv"] {
            let lines = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8).components(separatedBy: "\n")
            let kept = lines.enumerated().filter { index, line in
                let first = line.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                return index == 0 || first.split(separator: "-").first.map(String.init) != study
            }.map(\.element)
            try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: "\(folder)/\(file)"))
        }
    }
}
