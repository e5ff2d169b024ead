import Foundation
import Testing
@testable import ReviewSite

/// Input files are read only when they are regular files; the downloads are
/// the bytes that were validated.
@Suite("Reading input files safely")
struct SafeReadingTests {
    static let secret = "TOP-SECRET-CONTENT-4711"

    /// A file that is none of the dataset's, as a link could point at
    /// (in `folder`, so that the folder's removal takes it too).
    static func secretFile(in folder: String) throws -> String {
        let path = "\(folder)/secret.txt"
        try Data("\(secret),\(secret)\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let kinds: [ValidationCase] = [
        ValidationCase(name: "a symbolic link in place of a CSV file", change: { fixture in
            let secret = try SafeReadingTests.secretFile(in: fixture.path)
            try fixture.remove("adverse_events.csv")
            try FileManager.default.createSymbolicLink(atPath: "\(fixture.path)/adverse_events.csv", withDestinationPath: secret)
        }, expected: ["data/adverse_events.csv: is a symbolic link (expected a regular file; reviewsite does not follow links in a dataset)"]),
        ValidationCase(name: "a symbolic link in place of a YAML file", change: { fixture in
            try FileManager.default.moveItem(atPath: "\(fixture.path)/review.yaml", toPath: "\(fixture.path)/x_review.yaml")
            try FileManager.default.createSymbolicLink(atPath: "\(fixture.path)/review.yaml", withDestinationPath: "x_review.yaml")
        }, expected: ["data/review.yaml: is a symbolic link (expected a regular file; reviewsite does not follow links in a dataset)"]),
        ValidationCase(name: "a FIFO does not block the load", change: { fixture in
            try fixture.remove("adverse_events.csv")
            #expect(mkfifo("\(fixture.path)/adverse_events.csv", 0o600) == 0)
        }, expected: ["data/adverse_events.csv: is a FIFO (named pipe) (expected a regular file)"]),
        ValidationCase(name: "a folder", change: { fixture in
            try fixture.remove("published.yaml")
            try FileManager.default.createDirectory(atPath: "\(fixture.path)/published.yaml", withIntermediateDirectories: false)
        }, expected: ["data/published.yaml: is a folder (expected a regular file)"]),
    ]

    @Test(arguments: kinds)
    func onlyRegularFilesAreRead(_ rule: ValidationCase) throws {
        #expect(try errorsAfter(rule.change) == rule.expected)
    }

    @Test func aDeviceAndAnUnreadablePathSayWhy() {
        #expect(RegularFile.contents("/dev/null") == .failure(.notRegular("a device")))
        #expect(RegularFile.Problem.notRegular("a device").message(inputs: "a dataset") == "is a device (expected a regular file)")
        // Root reads a file without permissions, so the system's reason is
        // shown with another one: a path through a file.
        let problem = RegularFile.contents("\(defaultDataPath)/review.yaml/x")
        #expect(problem == .failure(.unreadable("Not a directory")))
        #expect(RegularFile.Problem.unreadable("Not a directory").message(inputs: "a dataset") == "cannot be read (Not a directory)")
    }

    /// `--data link`: the folder is the user's explicit argument, so a link to it is followed.
    @Test func theDatasetFolderMayBeALink() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let link = fixture.path + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let dataset = try loadDataset(link)
        #expect(dataset.table("patients")?.count == 136)
    }

    @Test func aLinkedFileIsNeitherEchoedNorPublishedByTheCommands() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let secret = try Self.secretFile(in: fixture.path)
        try fixture.remove("studies.csv")
        try FileManager.default.createSymbolicLink(atPath: "\(fixture.path)/studies.csv", withDestinationPath: secret)
        let output = fixture.path + "-site"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let expected = "\(fixture.path)/studies.csv: is a symbolic link (expected a regular file; reviewsite does not follow links in a dataset)\n1 error in the dataset.\n"

        let check = try runReviewSite(["check", "--data", fixture.path])
        #expect(check.status == 1)
        #expect(check.standardError == expected)
        let build = try runReviewSite(["build", "--data", fixture.path, "--templates", templatesPath, "--out", output])
        #expect(build.status == 1)
        #expect(build.standardError == expected)
        for text in [check.standardOutput, check.standardError, build.standardOutput, build.standardError] {
            #expect(!text.contains(Self.secret))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func diffFollowsNoLinkEither() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let secret = try Self.secretFile(in: fixture.path)
        for file in ["patients.csv", "review.yaml"] {
            try fixture.remove(file)
            try FileManager.default.createSymbolicLink(atPath: "\(fixture.path)/\(file)", withDestinationPath: secret)
        }
        let diff = try runReviewSite(["diff", fixture.path, "--data", defaultDataPath])
        #expect(diff.status == 2)
        #expect(diff.standardError == """
        \(fixture.path)/patients.csv: is a symbolic link (expected a regular file; reviewsite does not follow links in a dataset)
        \(fixture.path)/review.yaml: is a symbolic link (expected a regular file; reviewsite does not follow links in a dataset)
        2 errors in the dataset.

        """)
        #expect(!(diff.standardOutput + diff.standardError).contains(Self.secret))

        let templates = fixture.path + "-templates"
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try FileManager.default.copyItem(atPath: templatesPath, toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/results.md")
        try FileManager.default.createSymbolicLink(atPath: templates + "/results.md", withDestinationPath: secret)
        let linked = try runReviewSite(["diff", defaultDataPath, "--data", defaultDataPath, "--templates", templates])
        #expect(linked.status == 2)
        #expect(linked.standardError.hasPrefix("\(templates)/results.md: is a symbolic link (expected a regular file; reviewsite does not follow links in the templates)"))
        #expect(!(linked.standardOutput + linked.standardError).contains(Self.secret))
    }

    /// The downloads are the bytes that were validated: a file changed
    /// after the check fails the build, and the previous site stays whole.
    @Test func aFileChangedAfterTheCheckIsNotPublished() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        let out = fixture.path + "-site"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let builder = SiteBuilder(dataPath: fixture.path, templatesPath: templatesPath)
        _ = try builder.write(to: out)
        let before = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
        let validated = try fixture.read("patients.csv")
        let report = try loadReport(fixture.path)
        try fixture.write("patients.csv", "patient_id\nchanged after the check\n")
        do {
            _ = try builder.write(report, to: out)
            Issue.record("the site was written with patients.csv changed")
        } catch {
            let why = "\(fixture.path)/patients.csv changed while the site was being built (\(validated.utf8.count) bytes were read, 35 are there now): build again"
            #expect(error.description == "\(out): the site cannot be written (\(why)); the previous site is unchanged")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out).sorted() == before)
        #expect(try String(contentsOfFile: out + "/data/patients.csv", encoding: .utf8) == validated)
    }

    /// A copy of the templates with `file` replaced by a link to a secret.
    static func templatesWithLink(_ file: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: templatesPath, toPath: folder)
        let secret = try secretFile(in: folder)
        try FileManager.default.removeItem(atPath: "\(folder)/\(file)")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/\(file)", withDestinationPath: secret)
        return folder
    }

    @Test(arguments: ["results.md", "style.css"])
    func templatesAndAssetsAreNotFollowedEither(_ file: String) throws {
        let folder = try Self.templatesWithLink(file)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let builder = SiteBuilder(dataPath: defaultDataPath, templatesPath: folder)
        #expect {
            _ = try builder.build()
        } throws: { error in
            "\(error)" == "\(folder)/\(file): is a symbolic link (expected a regular file; reviewsite does not follow links in the templates)\n1 error in the templates."
        }
    }
}
