import Foundation
import Testing
@testable import ReviewSite

/// The swap of a staging folder into the site's place: whole or nothing,
/// and messages that say where everything is.
@Suite("Swapping the new site in")
struct SiteSwapTests {
    func site(_ pages: [String: String]) -> SiteFiles {
        var files = SiteFiles()
        for (path, text) in pages { files.add(path, bytes: Array(text.utf8)) }
        return files
    }

    func write(_ pages: [String: String], to out: String, swap: SiteWriter.Swap = SiteWriter.Swap()) throws(BuildFailure) -> [String] {
        try SiteWriter.write(to: out, swap: swap) { folder throws(BuildFailure) in
            let files = FolderOutput(folder: folder)
            for (path, text) in pages.sorted(by: { $0.key < $1.key }) { try files.add(path, text) }
        }
    }

    @Test func aStagingFolderRemovedDuringTheBuildFailsTheBuild() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let before = try scratch.snapshot()
        var staging = ""
        let failure = #expect(throws: BuildFailure.self) {
            _ = try SiteWriter.write(to: scratch.path + "/site") { folder throws(BuildFailure) in
                staging = folder.path
                try FolderOutput(folder: folder).add("index.html", "new\n")
                try? FileManager.default.removeItem(at: folder)
                // A careless cleanup may even make an empty folder of the same name.
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                try? FolderOutput(folder: folder).add("table-1.html", "new\n")
            }
        }
        #expect(failure?.description == "\(scratch.path)/site: the staging folder \(staging) was removed or replaced during the build; nothing was published, the previous site is unchanged")
        try? FileManager.default.removeItem(atPath: staging)
        #expect(try scratch.snapshot() == before)
    }

    @Test func aPageWrittenAfterTheStagingFolderIsGoneFailsToo() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let before = try scratch.snapshot()
        var staging = ""
        let failure = #expect(throws: BuildFailure.self) {
            _ = try SiteWriter.write(to: scratch.path + "/site") { folder throws(BuildFailure) in
                staging = folder.path
                try? FileManager.default.removeItem(at: folder)
                try FolderOutput(folder: folder).add("data/figures.json", "{}\n")
            }
        }
        #expect(failure?.description == "\(scratch.path)/site: the site cannot be written (\(staging)/data/figures.json: cannot be written (No such file or directory)); the previous site is unchanged")
        #expect(try scratch.snapshot() == before)
    }

    @Test func withoutTheExchangeTheSiteIsStillReplacedWhole() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let warnings = try write(["index.html": "new\n"], to: scratch.path + "/site", swap: SiteWriter.Swap(exchange: false))
        #expect(warnings == [])
        #expect(try Scratch.snapshot(scratch.path + "/site") == [SiteWriter.marker: "file " + SiteWriter.markerText, "index.html": "file new\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func aFailedSecondRenameMovesTheOldSiteBack() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let before = try scratch.snapshot()
        var calls = 0
        var swap = SiteWriter.Swap(exchange: false)
        swap.rename = { from, to in
            calls += 1
            if calls == 2 { errno = EXDEV; return -1 }
            return rename(from, to)
        }
        let failure = #expect(throws: BuildFailure.self) { _ = try write(["index.html": "new\n"], to: scratch.path + "/site", swap: swap) }
        #expect(failure?.description == "\(scratch.path)/site: the new site cannot replace the old one (Invalid cross-device link); the previous site is unchanged")
        #expect(try scratch.snapshot() == before)
    }

    @Test func whenNothingCanBeMovedBackTheMessageSaysWhereBothSitesAre() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        var calls = 0
        var swap = SiteWriter.Swap(exchange: false)
        swap.rename = { from, to in
            calls += 1
            if calls >= 2 { errno = EIO; return -1 }
            return rename(from, to)
        }
        let failure = #expect(throws: BuildFailure.self) { _ = try write(["index.html": "new\n"], to: scratch.path + "/site", swap: swap) }
        let hidden = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".site.reviewsite-") }.sorted()
        #expect(hidden.count == 2)
        let staging = scratch.path + "/" + (hidden.first ?? "")
        #expect(failure?.description == "\(scratch.path)/site: the new site cannot be put in place (Input/output error) and the previous site cannot be moved back: the previous site is at \(staging)-old, the new site at \(staging)")
        #expect(try Scratch.snapshot(staging + "-old")["old.html"] == "file an earlier site\n")
        #expect(try Scratch.snapshot(staging)["index.html"] == "file new\n")
    }

    @Test func anOldSiteThatCannotBeRemovedIsAWarningAndTheNextBuildRemovesIt() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        for exchange in [true, false] {
            var swap = SiteWriter.Swap(exchange: exchange)
            swap.remove = { _ in throw CocoaError(.fileWriteNoPermission, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))]) }
            let warnings = try write(["index.html": "new \(exchange)\n"], to: scratch.path + "/site", swap: swap)
            let hidden = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".site.reviewsite-") }
            #expect(hidden.count == 1)
            #expect(warnings == ["\(scratch.path)/site: the new site is in place, but the previous site, moved to \(scratch.path)/\(hidden.first ?? ""), cannot be removed (Permission denied); the next build removes it, or remove it by hand"])
            #expect(try Scratch.snapshot(scratch.path + "/site")["index.html"] == "file new \(exchange)\n")
            _ = try write(["index.html": "again\n"], to: scratch.path + "/site")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") } == [])
        }
    }

    @Test func aFileThatCannotBeWrittenNamesThePathAndTheReason() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        try scratch.write("notes.txt", "a file where a folder should be\n")
        let output = FolderOutput(folder: URL(fileURLWithPath: scratch.path))
        let failure = #expect(throws: BuildFailure.self) { try output.add("notes.txt/page.html", "x") }
        #expect(failure?.description == "\(scratch.path)/notes.txt/page.html: cannot be written (Not a directory)")
    }

    @Test func theSiteFolderIsAsReadableAsANewFolder() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        _ = try write(["index.html": "new\n"], to: scratch.path + "/fresh")
        var made = stat(), fresh = stat()
        mkdir(scratch.path + "/plain", 0o777)
        #expect(stat(scratch.path + "/plain", &made) == 0 && stat(scratch.path + "/fresh", &fresh) == 0)
        #expect(fresh.st_mode & 0o777 == made.st_mode & 0o777)
    }
}
