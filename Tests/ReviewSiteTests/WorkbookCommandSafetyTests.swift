import Foundation
import Testing
@testable import ReviewSite

/// One `workbook --out` that must be refused, run from a scratch folder
/// holding a review (data/, templates/) and the user's own files.
struct WorkbookRefusal: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var expected: String
    /// The review's tables as the team's workbook, data/extraction.xlsx.
    var workbookReview = false
    var workingFolder = "."
    var testDescription: String { name }
}

/// Issue 24, C1 and C2: `reviewsite workbook` never writes over a team's
/// file, and a failure says why in the system's words.
@Suite struct WorkbookCommandSafetyTests {
    static let inData = "which reviewsite never writes into, even with --force: name a file outside it"
    static let readFrom = "is the workbook the review is read from; reviewsite never writes over it, even with --force: name a new file outside the folder of --data"

    static let refusals: [WorkbookRefusal] = [
        WorkbookRefusal(name: "C1: the workbook read, by the default --out", arguments: ["--data", "."],
                        expected: "--out 'extraction.xlsx': \(readFrom) '.'", workbookReview: true, workingFolder: "data"),
        WorkbookRefusal(name: "the workbook read, with --force", arguments: ["--out", "data/extraction.xlsx", "--force"],
                        expected: "--out 'data/extraction.xlsx': \(readFrom) 'data'", workbookReview: true),
        WorkbookRefusal(name: "a hard link to the workbook read, with --force", arguments: ["--out", "team.xlsx", "--force"],
                        expected: "--out 'team.xlsx': \(readFrom) 'data'", workbookReview: true),
        WorkbookRefusal(name: "a CSV file of the dataset", arguments: ["--out", "data/studies.csv"],
                        expected: "--out 'data/studies.csv': is in the folder of --data 'data', \(inData)"),
        WorkbookRefusal(name: "the codebook, with --force", arguments: ["--out", "data/codebook.yaml", "--force"],
                        expected: "--out 'data/codebook.yaml': is in the folder of --data 'data', \(inData)"),
        WorkbookRefusal(name: "a new file in the data folder", arguments: ["--out", "data/new.xlsx"],
                        expected: "--out 'data/new.xlsx': is in the folder of --data 'data', \(inData)"),
        WorkbookRefusal(name: "the data folder through a link", arguments: ["--out", "data-link/new.xlsx", "--force"],
                        expected: "--out 'data-link/new.xlsx': is in the folder of --data 'data', \(inData)"),
        WorkbookRefusal(name: "the data folder", arguments: ["--out", "data", "--force"],
                        expected: "--out 'data': is the folder of --data 'data'; name a workbook file outside it"),
        WorkbookRefusal(name: "a template file, with --force", arguments: ["--out", "templates/figures.yaml", "--force"],
                        expected: "--out 'templates/figures.yaml': is in the folder of --templates 'templates', \(inData)"),
        WorkbookRefusal(name: "a dataset file's name elsewhere", arguments: ["--out", "thesis/studies.csv", "--force"],
                        expected: "--out 'thesis/studies.csv': has the name of a dataset file (studies.csv), which reviewsite never writes over: name the workbook with .xlsx, e.g. --out new.xlsx"),
        WorkbookRefusal(name: "an existing file without --force", arguments: ["--out", "notes.txt"],
                        expected: "--out 'notes.txt': already exists; give --force to replace it, or name another file"),
        WorkbookRefusal(name: "a link to a file, with --force", arguments: ["--out", "notes-link", "--force"],
                        expected: "--out 'notes-link': is a symbolic link (to 'notes.txt'); reviewsite neither writes through nor replaces links: name the file itself as --out"),
        WorkbookRefusal(name: "a link to a folder", arguments: ["--out", "link"],
                        expected: "--out 'link': is a symbolic link (to 'site'); reviewsite neither writes through nor replaces links: name the file itself as --out"),
        WorkbookRefusal(name: "a dangling link", arguments: ["--out", "gone.xlsx", "--force"],
                        expected: "--out 'gone.xlsx': is a symbolic link (to 'nowhere.xlsx'); reviewsite neither writes through nor replaces links: name the file itself as --out"),
        WorkbookRefusal(name: "a folder", arguments: ["--out", "thesis", "--force"],
                        expected: "--out 'thesis': is a folder; name the workbook file, e.g. --out 'thesis/new.xlsx'"),
        WorkbookRefusal(name: "an empty path", arguments: ["--out", ""],
                        expected: "--out '': the path is empty (an unset shell variable?); name the workbook to write, e.g. --out new.xlsx"),
        WorkbookRefusal(name: "a missing folder", arguments: ["--out", "missing/new.xlsx"],
                        expected: "--out 'missing/new.xlsx': cannot be written (No such file or directory)"),
        WorkbookRefusal(name: "below a file", arguments: ["--out", "notes.txt/new.xlsx", "--force"],
                        expected: "--out 'notes.txt/new.xlsx': cannot be written (Not a directory)"),
    ]

    /// A scratch folder with links beside the user's files; with `workbookReview`, data/ holds the team's workbook.
    static func scratch(workbookReview: Bool) throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/notes-link", withDestinationPath: "notes.txt")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/gone.xlsx", withDestinationPath: "nowhere.xlsx")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/data-link", withDestinationPath: "data")
        if workbookReview {
            try TeamWorkbook.install(TeamWorkbook.bytes(), in: scratch.path + "/data")
            #expect(link(scratch.path + "/data/extraction.xlsx", scratch.path + "/team.xlsx") == 0)
        }
        return scratch
    }

    @Test(arguments: refusals)
    func refusedAndNothingChanges(_ refusal: WorkbookRefusal) throws {
        let scratch = try Self.scratch(workbookReview: refusal.workbookReview)
        defer { scratch.delete() }
        let before = try TeamWorkbook.snapshot(scratch.path)
        let result = try runReviewSite(["workbook"] + refusal.arguments, in: URL(fileURLWithPath: scratch.path + "/" + refusal.workingFolder))
        #expect(result.standardError == refusal.expected + "\n")
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
        #expect(try TeamWorkbook.snapshot(scratch.path) == before)
    }

    @Test func anExistingFileOutsideTheReviewIsReplacedWithForce() throws {
        let scratch = try Self.scratch(workbookReview: false)
        defer { scratch.delete() }
        var before = try TeamWorkbook.snapshot(scratch.path)
        let result = try runReviewSite(["workbook", "--out", "notes.txt", "--force"], in: URL(fileURLWithPath: scratch.path))
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == "notes.txt: 6 sheets, 689 rows from data/.\n")
        var after = try TeamWorkbook.snapshot(scratch.path)
        let written = try WorkbookWriter.workbook(fromDataset: scratch.path + "/data").bytes
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: scratch.path + "/notes.txt"))) == written)
        // Nothing else changed, and no temporary file is left beside it.
        before["notes.txt"] = nil
        after["notes.txt"] = nil
        #expect(after == before)
    }

    @Test func aNewFileIsWrittenAndTheLinkBesideItIsLeftAlone() throws {
        let scratch = try Self.scratch(workbookReview: true)
        defer { scratch.delete() }
        let before = try TeamWorkbook.snapshot(scratch.path)
        let result = try runReviewSite(["workbook", "--data", ".", "--out", "../new.xlsx"], in: URL(fileURLWithPath: scratch.path + "/data"))
        #expect(result.standardError == "")
        #expect(result.status == 0)
        #expect(result.standardOutput == "../new.xlsx: 7 sheets, 689 rows from extraction.xlsx.\n")
        var after = try TeamWorkbook.snapshot(scratch.path)
        #expect(after.removeValue(forKey: "new.xlsx") != nil)
        #expect(after == before)
    }

    @Test func aFailedRenameLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let before = try TeamWorkbook.snapshot(scratch.path)
        // A file cannot be renamed over a folder: the rename, last, fails.
        #expect(throws: WorkbookOutput.Failure(description: "--out '\(scratch.path)/thesis': cannot be written (Is a directory)")) {
            try WorkbookOutput.write([1, 2, 3], to: scratch.path + "/thesis", replace: true)
        }
        #expect(try TeamWorkbook.snapshot(scratch.path) == before)
    }

    /// The superuser writes into any folder, so the test runs only as another user.
    @Test(.enabled(if: geteuid() != 0)) func aReadOnlyFolderSaysPermissionDenied() throws {
        let scratch = try Scratch()
        defer {
            chmod(scratch.path + "/thesis", 0o755)
            scratch.delete()
        }
        #expect(chmod(scratch.path + "/thesis", 0o555) == 0)
        let before = try TeamWorkbook.snapshot(scratch.path)
        let result = try runReviewSite(["workbook", "--out", "thesis/new.xlsx"], in: URL(fileURLWithPath: scratch.path))
        #expect(result.standardError == "--out 'thesis/new.xlsx': cannot be written (Permission denied)\n")
        #expect(result.status == 2)
        #expect(try TeamWorkbook.snapshot(scratch.path) == before)
    }
}
