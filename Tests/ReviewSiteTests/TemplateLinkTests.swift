import Foundation
import Testing
@testable import ReviewSite

/// A folder of the templates that is a link (git keeps links) must not bring
/// files from elsewhere into the site: `img -> /proc/self` would publish the
/// build's environment, `etc -> /etc` the machine's users.
@Suite("Links inside the templates folder")
struct TemplateLinkTests {
    /// A review whose templates hold `img -> /proc/self` and `etc -> /etc`.
    static func linkedReview() throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/templates/img", withDestinationPath: "/proc/self")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/templates/etc", withDestinationPath: "/etc")
        return scratch
    }

    static func edit(_ scratch: Scratch, _ file: String, _ change: (String) -> String) throws {
        let path = "\(scratch.path)/templates/\(file)"
        try Data(change(try String(contentsOfFile: path, encoding: .utf8)).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aListedFileInsideALinkedFolderIsRefused() throws {
        let scratch = try Self.linkedReview()
        defer { scratch.delete() }
        try Self.edit(scratch, "site.yaml") { $0.replacingOccurrences(of: "\nfiles: []", with: "\nfiles: [img/environ, etc/passwd]") }
        let before = try Scratch.snapshot(scratch.path)
        let result = try runReviewSite(["build", "--data", "data", "--templates", "templates", "--out", "published"],
                                       in: URL(fileURLWithPath: scratch.path))
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("templates/site.yaml:41:9: files: 'img/environ': templates/img/environ is inside 'templates/img', a symbolic link (expected a real folder; reviewsite does not follow links in the templates)"))
        #expect(lines.contains("templates/site.yaml:41:22: files: 'etc/passwd': templates/etc/passwd is inside 'templates/etc', a symbolic link (expected a real folder; reviewsite does not follow links in the templates)"))
        #expect(try Scratch.snapshot(scratch.path) == before)
    }

    @Test func aPageLinkingIntoALinkedFolderCopiesNothing() throws {
        let scratch = try Self.linkedReview()
        defer { scratch.delete() }
        try Self.edit(scratch, "methods.md") { $0 + "\nSee [the users](etc/passwd) and [the environment](<img/environ>).\n" }
        let result = try runReviewSite(["build", "--data", "data", "--templates", "templates", "--out", "published"],
                                       in: URL(fileURLWithPath: scratch.path))
        #expect(result.status == 0)
        #expect(result.standardError.contains("templates/etc/passwd: linked from a page but not copied: it is inside 'templates/etc', a symbolic link (expected a real folder; reviewsite does not follow links in the templates)"))
        #expect(result.standardError.contains("templates/img/environ: linked from a page but not copied: it is inside 'templates/img', a symbolic link"))
        let published = RegularFile.files(below: scratch.path + "/published")
        #expect(published.contains("methods.html"))
        #expect(!published.contains { $0.hasPrefix("etc/") || $0.hasPrefix("img/") })
        // Nothing of the linked files reached any page.
        for file in published where file.hasSuffix(".html") || file.hasSuffix(".md") {
            let text = try String(contentsOfFile: "\(scratch.path)/published/\(file)", encoding: .utf8)
            #expect(!text.contains("root:x:0:0"), "\(file)")
            #expect(!text.contains("PATH="), "\(file)")
        }
    }

    @Test func aLinkDeeperDownIsRefusedAndARealFolderIsRead() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let images = scratch.path + "/templates/images"
        try FileManager.default.createDirectory(atPath: images + "/real", withIntermediateDirectories: true)
        try Data("logo".utf8).write(to: URL(fileURLWithPath: images + "/real/logo.png"))
        try FileManager.default.createSymbolicLink(atPath: images + "/deep", withDestinationPath: "/etc")
        #expect(RegularFile.contents("images/real/logo.png", in: scratch.path + "/templates") == .success(Array("logo".utf8)))
        #expect(RegularFile.contents("images/deep/passwd", in: scratch.path + "/templates")
                == .failure(.linkedFolder(scratch.path + "/templates/images/deep")))
        #expect(RegularFile.contents("images/nothing/logo.png", in: scratch.path + "/templates") == .failure(.missing))
        #expect(RegularFile.contents("images/real/logo.png/x", in: scratch.path + "/templates") == .failure(.unreadable("Not a directory")))
        // Listing the folder names the link without walking into /etc.
        let listed = RegularFile.files(below: scratch.path + "/templates")
        #expect(listed.contains("images/deep"))
        #expect(listed.contains("images/real/logo.png"))
        #expect(!listed.contains { $0.hasPrefix("images/deep/") })
    }

    @Test func figuresYAMLIsReadLikeEveryOtherInput() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let figures = scratch.path + "/templates/figures.yaml"
        try FileManager.default.removeItem(atPath: figures)
        try FileManager.default.createSymbolicLink(atPath: figures, withDestinationPath: "/etc/passwd")
        let (_, errors) = FigureFile.read(figures)
        #expect(errors.map(\.description) == ["\(figures): is a symbolic link (expected a regular file; reviewsite does not follow links in the templates)"])
    }
}
