import Foundation
import Testing
@testable import ReviewSite

/// `reviewsite init DIR`: a new review's folder that passes `check` and
/// `figures` at once, and is never written over someone's files.
@Suite("reviewsite init")
struct InitCommandTests {
    static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-init-\(UUID().uuidString)").path
    }

    @Test func aNewReviewPassesCheckAtOnce() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/my review"
        let made = try runReviewSite(["init", folder])
        #expect(made.standardError == "")
        #expect(made.status == 0)
        // The path has a space: the commands quote it, so they can be pasted.
        #expect(made.standardOutput == """
            \(folder)/: a new review, 18 files (README.md says what is where). Next:
              cd '\(folder)'
              reviewsite check
              reviewsite build

            """)
        // Inside the folder, the commands need no options.
        let inside = URL(fileURLWithPath: folder)
        #expect(try runReviewSite(["check"], in: inside).status == 0)
        #expect(try runReviewSite(["build"], in: inside).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/site/index.html"))
        try FileManager.default.removeItem(atPath: folder + "/site")
        for file in ReviewSkeleton.files {
            #expect(FileManager.default.contents(atPath: "\(folder)/\(file.path)") == Data(file.text.utf8), "\(file.path)")
        }
        let check = try runReviewSite(["check", "--data", folder + "/data", "--templates", folder + "/templates"])
        #expect(check.standardError == "")
        #expect(check.status == 0)
        #expect(check.standardOutput == "\(folder)/data/ is valid: 1 study, 1 patient, 1 treatment step, 1 adverse event.\n7 figures computed.\n")
        let figures = try runReviewSite(["figures", "--data", folder + "/data", "--templates", folder + "/templates"])
        #expect(figures.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(figures.standardOutput.utf8)) as? [String: Any])
        let list = try #require(json["figures"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["prisma.records_databases", "studies.included", "patients.total", "patients.age",
                                                    "outcome.response", "outcome.treatment_a.response", "adverse.patients"])
        #expect(list[1]["rows"] as? [String] == ["S1"])
        #expect(list[5]["numerator"] as? Int == 1 && list[5]["denominator"] as? Int == 1)
        let build = try runReviewSite(["build", "--data", folder + "/data", "--templates", folder + "/templates", "--out", folder + "/site"])
        #expect(build.standardError == "")
        #expect(build.status == 0)
        let index = try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8)
        #expect(index.contains("Title of your review") && index.contains("Placeholder rows written by reviewsite init."))
        for page in ["methods.html", "results.html", "table-1.html", "table-2.html", "prisma.html", "risk-of-bias.html", "figures.html", "patients.html"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/site/\(page)"), "\(page)")
        }
    }

    /// Its tables, charts and pages work on its own rows too.
    /// `init --workbook`: the tables as one workbook in place of the CSV
    /// files; the review checks and builds the same.
    @Test func theTablesMayBeAWorkbook() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try runReviewSite(["init", "--workbook", root])
        #expect(made.status == 0 && made.standardError == "")
        let data = try FileManager.default.contentsOfDirectory(atPath: root + "/data").sorted()
        #expect(data == ["codebook.yaml", "extraction.xlsx", "prisma.yaml", "review.yaml"])
        let check = try runReviewSite(["check", "--data", root + "/data", "--templates", root + "/templates"])
        #expect(check.status == 0)
        #expect(check.standardOutput == "\(root)/data/ is valid: 1 study, 1 patient, 1 treatment step, 1 adverse event.\n7 figures computed.\n")
        let build = try runReviewSite(["build", "--data", root + "/data", "--templates", root + "/templates", "--out", root + "/site"])
        #expect(build.status == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/site/data/patients.csv"))
    }

    @Test func itsTablesChartsAndPagesWork() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ReviewSkeleton.write(to: root)
        let report = try Report.load(from: root + "/data", figures: FigureFile.path(inTemplates: root + "/templates"))
        let tables = try report.declaredTables(root + "/templates/tables.yaml").get()
        #expect(tables.map(\.id) == ["table-1", "table-2"])
        #expect(tables[0].result.rows.map { $0.cells.map(\.text) } == [["Author et al. 2024", "case series", "3", "1", "50", "Treatment A"]])
        #expect(tables[1].result.rows.map(\.key) == ["treatment_a"])
        #expect(tables[1].result.rows.first?.cells[3].link == "outcome.treatment_a.response")
        let (charts, errors) = ChartFile.read(root + "/templates/charts.yaml", catalogue: report.catalogue)
        #expect(errors.isEmpty)
        #expect(ChartSet(charts, report: report).chart("appraisal-summary")?.svg.contains("1 study") == true)
        for page in ["abstract.md", "methods.md", "results.md"] {
            let template = try String(contentsOfFile: "\(root)/templates/\(page)", encoding: .utf8)
            let filled = TemplateFiller(figures: report.figures, review: report.review, charts: charts.ids).fill(template, file: page)
            guard case .success(let text) = filled else { Issue.record("\(page) does not fill: \(filled)"); continue }
            #expect(!text.contains("{{") || text.contains("{{chart "), "\(page)")
        }
    }

    @Test func aFolderWithFilesIsRefused() throws {
        let root = Self.scratch()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        let before = try Scratch.snapshot(root)
        let result = try runReviewSite(["init", root])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "'\(root)': is not empty (1 entry); reviewsite init writes a new review only into a new or empty folder, so that no file is overwritten\n")
        #expect(try Scratch.snapshot(root) == before)
        let file = try runReviewSite(["init", root + "/notes.txt"])
        #expect(file.status == 2)
        #expect(file.standardError == "'\(root)/notes.txt': is a file (expected a new or empty folder for the review)\n")
        #expect(try Scratch.snapshot(root) == before)
        // The system's reason, not Foundation's "NSCocoaErrorDomain error 512".
        let below = try runReviewSite(["init", root + "/notes.txt/review"])
        #expect(below.status == 2)
        #expect(below.standardError == "'\(root)/notes.txt/review': cannot be created (Not a directory)\n")
        #expect(try Scratch.snapshot(root) == before)
    }

    @Test func anEmptyFolderIsFilled() throws {
        let root = Self.scratch()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ReviewSkeleton.write(to: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".gitignore", "README.md", "data", "templates"])
        #expect(throws: ReviewSkeleton.Failure.self) { try ReviewSkeleton.write(to: root) }
    }

    /// The site of a new review looks and sorts like the default one.
    @Test func theAssetsAreTheDefaultTemplates() {
        #expect(Data(ReviewSkeleton.styleSheet.utf8) == FileManager.default.contents(atPath: defaultTemplatesPath + "/style.css"))
        #expect(Data(ReviewSkeleton.sortScript.utf8) == FileManager.default.contents(atPath: defaultTemplatesPath + "/sort.js"))
    }

    /// Placeholder wording only: no review's subject or codes.
    @Test func theSkeletonKnowsNoReview() {
        let words = ["calcinosis", "thiosulfate", "top_sts", "il_sts", "eswl", "laser", "co2", "zinc_oxide", "sclerosis", "jbi_", "warfarin", "oxford"]
        for file in ReviewSkeleton.files {
            let text = file.text.lowercased()
            #expect(words.filter { text.contains($0) } == [], "\(file.path)")
        }
    }
}
