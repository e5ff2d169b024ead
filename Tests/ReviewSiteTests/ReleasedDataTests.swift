import Foundation
import Testing
@testable import ReviewSite

/// A build with releases takes a release whose data files are the working
/// ones byte for byte as unchanged without loading it (ReleasedData). Any
/// other state of the frozen data (a file edited, missing, a link, a
/// workbook) falls back to the full comparison: the frozen folder is the
/// baseline, so an edit in it is reported as a difference from it, and a
/// file that cannot be read is named by the loader, as before.
@Suite("The working data compared with a frozen release's data", .serialized)
struct ReleasedDataTests {
    @Test func onlyTheSameBytesOfEveryDatasetFileCountAsUnchanged() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        let report = try loadReport(history.data, templates: history.templates)
        let frozen = history.root + "/releases/2.0/data"
        #expect(ReleasedData.isUnchanged(release: frozen, working: history.data, report: report))
        // Version 1.0 lacks R58 and R59.
        #expect(!ReleasedData.isUnchanged(release: history.root + "/releases/1.0/data", working: history.data, report: report))

        func unchanged(after edit: (String) throws -> Void) throws -> Bool {
            let copy = history.root + "/copy-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: frozen, toPath: copy)
            defer { try? FileManager.default.removeItem(atPath: copy) }
            try edit(copy)
            return ReleasedData.isUnchanged(release: copy, working: history.data, report: report)
        }
        #expect(try unchanged { _ in })
        // One byte of a cell, the last byte, a file missing, a link in place of a file, a workbook beside them.
        #expect(try !unchanged { folder in try Self.replace("R4,4,", with: "R4,5,", in: folder + "/studies.csv") })
        #expect(try !unchanged { folder in try Self.append(" ", to: folder + "/review.yaml") })
        #expect(try !unchanged { folder in try FileManager.default.removeItem(atPath: folder + "/prisma.yaml") })
        #expect(try !unchanged { folder in
            try FileManager.default.removeItem(atPath: folder + "/patients.csv")
            try FileManager.default.createSymbolicLink(atPath: folder + "/patients.csv", withDestinationPath: history.data + "/patients.csv")
        })
        #expect(try !unchanged { folder in try Data().write(to: URL(fileURLWithPath: folder + "/review.xlsx")) })
        // A file neither side has is the same on both: published.yaml is optional.
        let published = history.data + "/published.yaml"
        let saved = try Data(contentsOf: URL(fileURLWithPath: published))
        try FileManager.default.removeItem(atPath: published)
        #expect(try unchanged { folder in try FileManager.default.removeItem(atPath: folder + "/published.yaml") })
        #expect(try !unchanged { _ in })
        try saved.write(to: URL(fileURLWithPath: published))
    }

    /// An update counted from versions.yaml: the working report differs
    /// from that of the same files read as a copy, so only a comparison tells.
    @Test func anUpdatedPrismaIsNeverTakenAsUnchanged() throws {
        let history = try TwoVersionHistory(updatedPrisma: UpdatedPrismaTests.updated)
        defer { history.delete() }
        let report = try loadReport(history.data, templates: history.templates)
        #expect(report.prisma.update != nil)
        #expect(!ReleasedData.isUnchanged(release: history.root + "/releases/2.0/data", working: history.data, report: report))
    }

    /// The build's changes page is the one the full comparison (loading
    /// the release's data and the working data again) makes.
    @Test func theChangesPageIsTheFullComparisons() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        let full = try #require(try SiteHistory.live(dataPath: history.data, templatesPath: history.templates))
        var builder = SiteBuilder(dataPath: history.data, templatesPath: history.templates)
        let report = try loadReport(history.data, templates: history.templates)
        try builder.addHistory(report, try builder.plan(report), baseline: nil)
        #expect(builder.history?.shown == full.history.shown && builder.history?.previous == full.history.previous)
        #expect(builder.changes?.html == full.changes.html && builder.changes?.markdown == full.changes.markdown)
        #expect(full.changes.html.contains("<h2 id=\"whats-new-title\">What’s new in version 2.0</h2>"))
    }

    @Test func anEditedReleaseFileIsReportedAsAChangeSinceThatRelease() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        try Self.replace("R4,4,,,,case_series,article,en,", with: "R4,4,,,,case_series,article,es,", in: history.root + "/releases/2.0/data/studies.csv")
        let before = try history.snapshot()
        let built = try history.run(["build"])
        #expect(built.status == 0, "\(built.standardError)")
        let changes = try String(contentsOfFile: history.root + "/site/changes.md", encoding: .utf8)
        #expect(changes.contains("## What’s new since version 2.0 (not yet released)\n"))
        #expect(changes.contains("- studies.csv, R4, language: 'es' → 'en'\n"))
        // Only site/ was written; the frozen site is carried as it is.
        #expect(try history.snapshot().filter { !$0.key.hasPrefix("site/") && $0.key != "site" } == before)
        #expect(try String(contentsOfFile: history.root + "/site/versions/2.0/data/studies.csv", encoding: .utf8).contains("R4,4,,,,case_series,article,es,"))
    }

    @Test func aMissingReleaseFileIsNamedAndNothingIsWritten() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        try FileManager.default.removeItem(atPath: history.root + "/releases/2.0/data/patients.csv")
        let before = try history.snapshot()
        let built = try history.run(["build"])
        #expect(built.status == 1)
        #expect(built.standardError == "releases/2.0/data/patients.csv: file not found (expected the patients.csv table of the dataset format)\n1 error in the dataset.\n")
        #expect(try history.snapshot() == before)
    }

    static func replace(_ text: String, with replacement: String, in file: String) throws {
        let old = try String(contentsOfFile: file, encoding: .utf8)
        let new = old.replacingOccurrences(of: text, with: replacement)
        #expect(new != old)
        try Data(new.utf8).write(to: URL(fileURLWithPath: file))
    }

    static func append(_ text: String, to file: String) throws {
        try Data((try String(contentsOfFile: file, encoding: .utf8) + text).utf8).write(to: URL(fileURLWithPath: file))
    }
}
