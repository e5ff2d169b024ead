import Foundation
import Testing
@testable import ReviewSite

/// One `--out` that must be refused, run from a scratch folder that holds
/// a review (data/, templates/) and the user's own files.
struct RefusalCase: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    /// The message; `SCRATCH` stands for the scratch folder's path.
    var expected: String
    var workingFolder = "."
    var testDescription: String { name }
}

@Suite("What --out may replace")
struct OutputSafetyTests {
    static let notMade = "is a folder that reviewsite did not make (it has no .reviewsite-site file) and is not empty; reviewsite replaces only a site it made or an empty folder: move it away or choose another --out"

    static let refusals: [RefusalCase] = [
        RefusalCase(name: "the working folder", arguments: ["--out", "."],
                    expected: "--out '.': is the working folder; reviewsite replaces only a site it made, never the folder it is run from"),
        RefusalCase(name: "an empty path", arguments: ["--out", ""],
                    expected: "--out '': the path is empty (an unset shell variable?); name the folder to write the site to, e.g. --out site"),
        RefusalCase(name: "the folder above", arguments: ["--out", ".."], expected: "--out '..': holds the working folder; reviewsite replaces only a site it made, never the folder it is run from",
                    workingFolder: "work"),
        RefusalCase(name: "the data folder", arguments: ["--out", "data"],
                    expected: "--out 'data': is the folder of --data 'data'; the site must be written elsewhere"),
        RefusalCase(name: "the templates folder", arguments: ["--out", "templates"],
                    expected: "--out 'templates': is the folder of --templates 'templates'; the site must be written elsewhere"),
        RefusalCase(name: "a folder holding the data", arguments: ["--data", "work/data", "--out", "work"],
                    expected: "--out 'work': holds the folder of --data 'work/data'; the site must be written elsewhere"),
        RefusalCase(name: "the data folder by another name", arguments: ["--out", "SCRATCH/templates/../data"],
                    expected: "--out 'SCRATCH/templates/../data': is the folder of --data 'data'; the site must be written elsewhere"),
        RefusalCase(name: "a file", arguments: ["--out", "notes.txt"],
                    expected: "--out 'notes.txt': is a file, not a folder; reviewsite replaces only a site it made or an empty folder"),
        RefusalCase(name: "a folder without the marker", arguments: ["--out", "thesis"], expected: "--out 'thesis': \(notMade)"),
        RefusalCase(name: "a folder with a marker of other text", arguments: ["--out", "fake"], expected: "--out 'fake': \(notMade)"),
        RefusalCase(name: "a symbolic link to a site", arguments: ["--out", "link"],
                    expected: "--out 'link': is a symbolic link (to 'site'); reviewsite does not replace links: name the folder itself as --out"),
        RefusalCase(name: "the root", arguments: ["--out", "/"],
                    expected: "--out '/': is the root of the file system; reviewsite replaces only a site it made"),
        RefusalCase(name: "the repository root", arguments: ["--data", "../data", "--templates", "../templates", "--out", ".."],
                    expected: "--out '..': is the git repository 'SCRATCH'; reviewsite replaces only a site it made", workingFolder: "repo-sub"),
        RefusalCase(name: "another repository's root", arguments: ["--out", "other"],
                    expected: "--out 'other': is the root of a git repository; reviewsite replaces only a site it made"),
        RefusalCase(name: "a mount point", arguments: ["--out", "/proc"],
                    expected: "--out '/proc': is a mount point, which cannot be replaced by renaming; name a folder inside it, e.g. --out '/proc/site'"),
        RefusalCase(name: "below a file", arguments: ["--out", "notes.txt/site"],
                    expected: "--out 'notes.txt/site': cannot be made, because 'SCRATCH/notes.txt' is a file, not a folder"),
    ]

    @Test(arguments: refusals)
    func refusedBeforeAnythingIsTouched(_ refusal: RefusalCase) throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        if refusal.name == "the repository root" {
            try FileManager.default.createDirectory(atPath: scratch.path + "/.git", withIntermediateDirectories: true)
        }
        let before = try scratch.snapshot()
        let arguments = refusal.arguments.map { $0.replacingOccurrences(of: "SCRATCH", with: scratch.path) }
        let result = try runReviewSite(["build"] + arguments, in: URL(fileURLWithPath: scratch.path + "/" + refusal.workingFolder))
        #expect(result.status == 2)
        #expect(result.standardError == refusal.expected.replacingOccurrences(of: "SCRATCH", with: scratch.path) + "\n")
        #expect(result.standardOutput == "")
        #expect(try scratch.snapshot() == before)
    }

    @Test func aSiteAndAnEmptyFolderAreReplacedAndCarryTheMarker() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        for out in ["site", "empty", "new/deeper/site"] {
            let result = try runReviewSite(["build", "--out", out], in: URL(fileURLWithPath: scratch.path))
            #expect(result.status == 0)
            #expect(result.standardError == "")
            #expect(FileManager.default.contents(atPath: "\(scratch.path)/\(out)/\(SiteWriter.marker)") == Data(SiteWriter.markerText.utf8))
            #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/\(out)/table-1.html"))
            #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/\(out)/old.html"))
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        #expect(entries == ["data", "empty", "fake", "link", "new", "notes.txt", "other", "repo-sub", "site", "templates", "thesis", "thesis.tex", "work"])
    }

    @Test func leftoversOfInterruptedBuildsGoButABuildInProgressIsLeftAlone() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let leftover = try scratch.staging(".site.reviewsite-AAAAAA", age: 3600)
        let oldSite = try scratch.staging(".site.reviewsite-BBBBBB-old", age: 60)
        let busy = try scratch.staging(".site.reviewsite-CCCCCC", age: 3600)
        let unmarked = scratch.path + "/.site.reviewsite-DDDDDD"
        try FileManager.default.createDirectory(atPath: unmarked, withIntermediateDirectories: false)
        // Another build holds the lock of its staging folder.
        let lock = open(busy + "/" + SiteWriter.marker, O_RDONLY)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let busyBefore = try Scratch.snapshot(busy)

        let result = try runReviewSite(["build", "--out", "site"], in: URL(fileURLWithPath: scratch.path))
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(!FileManager.default.fileExists(atPath: oldSite))
        #expect(try Scratch.snapshot(busy) == busyBefore)
        #expect(FileManager.default.fileExists(atPath: unmarked))
        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templatesPath).build()
        let written = try Scratch.snapshot(scratch.path + "/site")
        #expect(written.filter { !$0.value.hasPrefix("folder") }.keys.sorted() == (site.paths + [SiteWriter.marker]).sorted())
        for path in site.paths { #expect(written[path] == "file " + String(decoding: site.files[path]!, as: UTF8.self)) }
    }
}
