import Foundation

/// The git checks of `reviewsite release`: the data and templates must be
/// committed, so that the recorded revision holds exactly what was frozen.
enum ReleaseGit {
    /// HEAD's commit, when the data and templates folders have nothing
    /// uncommitted (versions.yaml aside: release writes it).
    static func committedRevision(data: String, templates: String) throws(BuildFailure) -> String {
        let inGit = "release records the git commit that holds the data and templates: put the review in git (git init; git add data templates; git commit) and run it again"
        guard let top = run(["rev-parse", "--show-toplevel"]), top.status == 0 else {
            throw .refused("\(FileManager.default.currentDirectoryPath) is not in a git repository; \(inGit)")
        }
        let versions = DataDirectory(data).display(Versions.fileName)
        guard let status = run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", data, templates, ":(exclude)\(versions)"]),
              status.status == 0 else {
            throw .refused("\(data)/ and \(templates)/ are not both in this git repository; \(inGit)")
        }
        let entries = status.output.split(separator: "\0").map(String.init).filter { $0.count > 3 }
        if !entries.isEmpty {
            let named = entries.prefix(5).map { entry in "\(entry.dropFirst(3)) (\(words(String(entry.prefix(2)))))" }
            let more = entries.count > 5 ? " and \(entries.count - 5) more" : ""
            throw .refused("not committed: \(named.joined(separator: ", "))\(more); release freezes what git holds, so commit \(data)/ and \(templates)/ first (git add, git commit)")
        }
        guard let head = run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]), head.status == 0, !head.output.isEmpty else {
            throw .refused("this git repository has no commit yet; \(inGit)")
        }
        return head.output.trimmingTrailingNewlines()
    }

    /// git status's two letters in words.
    private static func words(_ code: String) -> String {
        if code == "??" { return "untracked" }
        let letter = code.trimmingCharacters(in: .whitespaces).first
        switch letter {
        case "M": return "modified"
        case "A": return "added, not committed"
        case "D": return "deleted"
        case "R": return "renamed"
        default: return "changed"
        }
    }

    private static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.standardError = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A file replaced in one step: written beside it, then renamed over it.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = "\(path).reviewsite-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw Failure(description: "\(temporary) cannot be written: \(SystemError.reason())")
        }
        guard rename(temporary, path) == 0 else {
            let reason = SystemError.reason()
            unlink(temporary)
            throw Failure(description: "\(path) cannot be replaced: \(reason)")
        }
    }
}
