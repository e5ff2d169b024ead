import Foundation
import Testing
@testable import ReviewSite

/// A file of a git revision is measured before `diff REV` reads it: a
/// small object that inflates past the limit is refused with its size.
@Suite("diff REV: the size of a revision's file")
struct RevisionFileLimitTests {
    /// A git repository in a scratch folder holding the default review
    /// (data/, templates/), with `change` applied before the one commit.
    struct Repository {
        let path: String
        let temporary: String

        init(_ change: (String) throws -> Void = { _ in }) throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-repository-\(UUID().uuidString)").path
            path = root + "/review"
            temporary = root + "/tmp"
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: defaultDataPath, toPath: path + "/data")
            try FileManager.default.copyItem(atPath: defaultTemplatesPath, toPath: path + "/templates")
            try change(path)
            try git(["init", "--quiet"])
            try git(["add", "."])
            try git(["-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "--quiet", "-m", "data"])
        }

        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: path)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }

        var commit: String {
            get throws {
                let data = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["git", "rev-parse", "HEAD"], in: URL(fileURLWithPath: path)).standardOutput
                return String(data.prefix(12))
            }
        }

        /// `reviewsite diff HEAD` in the repository, with the limit given.
        func diff(limit: Int?) throws -> CommandResult {
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary
            environment["REVIEWSITE_REVISION_FILE_LIMIT"] = limit.map(String.init)
            return try runReviewSite(["diff", "HEAD"], in: URL(fileURLWithPath: path), environment: environment)
        }

        func delete() {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
    }

    /// 1,000,000 bytes that git stores in about a thousand: the shape of a
    /// 7 MB object that inflates to 1.5 GB, made small.
    @Test func aCompressibleFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let repository = try Repository { path in
            try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: URL(fileURLWithPath: path + "/data/patients.csv"))
        }
        defer { repository.delete() }
        let before = try Scratch.snapshot(repository.path)
        let result = try repository.diff(limit: 100_000)
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "HEAD (\(try repository.commit)): data/patients.csv is 1,000,000 bytes at that revision, over the limit of 100,000 bytes for a file read from a git revision (set REVIEWSITE_REVISION_FILE_LIMIT to a larger number of bytes to read it)\n")
        // No copy is left, and the repository is as it was.
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.temporary) == [])
        #expect(try Scratch.snapshot(repository.path) == before)
    }

    /// The limit is inclusive: patients.csv (the default review's largest
    /// file) at exactly the limit is read, one byte over it is not.
    @Test func aFileAtTheLimitIsReadAndOneByteOverIsNot() throws {
        let repository = try Repository()
        defer { repository.delete() }
        let size = try #require(FileManager.default.attributesOfItem(atPath: repository.path + "/data/patients.csv")[.size] as? Int)
        let atLimit = try repository.diff(limit: size)
        #expect(atLimit.status == 0)
        #expect(atLimit.standardOutput.hasSuffix("no changes\n"))
        #expect(atLimit.standardError == "")
        let over = try repository.diff(limit: size - 1)
        #expect(over.status == 2)
        #expect(over.standardError == "HEAD (\(try repository.commit)): data/patients.csv is \(grouped(size)) bytes at that revision, over the limit of \(grouped(size - 1)) bytes for a file read from a git revision (set REVIEWSITE_REVISION_FILE_LIMIT to a larger number of bytes to read it)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.temporary) == [])
    }

    /// Without the variable, the limit is 512 MiB: the files of a dataset of
    /// 1,000,000 patients (about 120 MB at most) fit four times over.
    @Test func theDefaultLimitIs512MiB() {
        #expect(DatasetSource.defaultFileLimit == 536_870_912)
    }
}
