import Foundation

/// Where a side of a diff comes from: a dataset folder, or a git revision
/// of this repository whose `data/` is read with git, never touching the
/// work tree.
public enum DatasetSource {
    /// A folder holding the dataset: `spec` itself when it is a folder, else
    /// a temporary copy of `dataFolder` at git revision `spec`.
    public static func resolve(_ spec: String, dataFolder: String = "data") throws(BuildFailure) -> (path: String, label: String, temporary: Bool) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isFolder), isFolder.boolValue {
            return (spec, spec, false)
        }
        guard let commit = try? git(["rev-parse", "--verify", "--quiet", "\(spec)^{commit}"]).trimmingTrailingNewlines(), !commit.isEmpty else {
            throw .output("\(spec): neither a dataset folder nor a git revision of this repository")
        }
        // A revision without the folder is one message, not one per missing file.
        let prefix = (try? git(["rev-parse", "--show-prefix"]).trimmingTrailingNewlines()) ?? ""
        var folderName = Substring(dataFolder)
        while folderName.hasSuffix("/") && folderName.count > 1 { folderName.removeLast() }
        guard (try? gitData(["cat-file", "-e", "\(commit):\(prefix)\(folderName)"])) != nil else {
            throw .output("\(spec): this revision has no \(folderName)/ folder (expected a revision whose \(folderName)/ holds the dataset)")
        }
        let folder = try TemporaryFolders.make()
        do {
            try copy(commit: commit, tree: "\(prefix)\(folderName)", spec: spec, dataFolder: String(folderName), to: folder)
        } catch {
            remove(folder)
            throw error
        }
        pauseForTests(folder)
        return (folder, "\(spec) (\(commit.prefix(12)))", true)
    }

    /// The largest file read from a git revision, in bytes: a small object
    /// in git may inflate to gigabytes. A dataset of 1,000,000 patients has
    /// files of at most about 120 MB. REVIEWSITE_REVISION_FILE_LIMIT sets another.
    static let defaultFileLimit = 512 << 20

    static var fileLimit: Int {
        ProcessInfo.processInfo.environment["REVIEWSITE_REVISION_FILE_LIMIT"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? defaultFileLimit
    }

    /// Copies the dataset files of `tree` at `commit` into `folder`, each
    /// checked against the limit before it is read, and written as git
    /// gives it (never whole in memory).
    private static func copy(commit: String, tree: String, spec: String, dataFolder: String, to folder: String) throws(BuildFailure) {
        let entries = blobs(commit: commit, tree: tree)
        // A workbook in place of the CSV files is read from git like them.
        // The tables' files are the codebook's: every CSV and YAML file of the folder is copied.
        let workbooks = entries.keys.filter { $0.lowercased().hasSuffix(".xlsx") }.sorted()
        let files = entries.keys.filter { SiteBuilder.isDatasetFile($0) && $0 != Versions.fileName }.sorted()
        let limit = fileLimit
        for file in Set(files + [Codebook.fileName]).sorted() + workbooks {
            let destination = "\(folder)/\(file)"
            guard let blob = entries[file] else {
                // A file missing at that revision stays missing: the loader reports it.
                // A revision from before codebooks was the default review's: the folder's codebook reads it.
                if file == Codebook.fileName, case .success(let bytes) = RegularFile.contents("\(dataFolder)/\(file)"),
                   !FileManager.default.createFile(atPath: destination, contents: Data(bytes)) {
                    throw .output("\(spec): cannot read \(dataFolder)/ at that revision (\(destination) cannot be written)")
                }
                continue
            }
            guard blob.size <= limit else {
                throw .output("\(spec) (\(commit.prefix(12))): \(dataFolder)/\(file) is \(grouped(blob.size)) bytes at that revision, over the limit of \(grouped(limit)) bytes for a file read from a git revision (set REVIEWSITE_REVISION_FILE_LIMIT to a larger number of bytes to read it)")
            }
            do {
                try gitData(["cat-file", "blob", blob.object], into: destination)
            } catch {
                throw .output("\(spec): cannot read \(dataFolder)/ at that revision (\(error))")
            }
        }
    }

    /// The files of `tree` at `commit` with their objects and sizes, by name
    /// (--full-tree: run in a review folder below the repository's top,
    /// ls-tree would list only what lies under that folder).
    private static func blobs(commit: String, tree: String) -> [String: (object: String, size: Int)] {
        guard let listing = try? gitData(["ls-tree", "--full-tree", "-l", "-z", "\(commit):\(tree)"]) else { return [:] }
        var entries: [String: (object: String, size: Int)] = [:]
        // Each entry: "MODE TYPE OBJECT SIZE\tNAME", ended by NUL; SIZE is padded with spaces.
        for entry in listing.split(separator: 0) {
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = String(decoding: entry[..<tab], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
            let name = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 4, fields[1] == "blob", let size = Int(fields[3]) else { continue }
            entries[name] = (String(fields[2]), size)
        }
        return entries
    }

    /// Removes a temporary copy made by `resolve`.
    public static func remove(_ path: String) {
        TemporaryFolders.remove(path)
    }

    /// A hook for the interruption test: with REVIEWSITE_TEST_PAUSE_AFTER_CHECKOUT=1
    /// the path of the copy goes to stderr and the process waits a minute,
    /// so that a test can send a signal while the copy exists.
    private static func pauseForTests(_ path: String) {
        guard ProcessInfo.processInfo.environment["REVIEWSITE_TEST_PAUSE_AFTER_CHECKOUT"] == "1" else { return }
        FileHandle.standardError.write(Data("\(path)\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }

    private static func git(_ arguments: [String]) throws -> String {
        String(decoding: try gitData(arguments), as: UTF8.self)
    }

    private static func gitData(_ arguments: [String]) throws -> Data {
        let process = gitProcess(arguments)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(status: process.terminationStatus) }
        return data
    }

    /// Runs git with its output going straight into a new file at `path`.
    private static func gitData(_ arguments: [String], into path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw WriteFailure(path: path, reason: SystemError.reason())
        }
        defer { try? file.close() }
        let process = gitProcess(arguments)
        process.standardOutput = file
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(status: process.terminationStatus) }
    }

    private static func gitProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.standardError = FileHandle.nullDevice
        return process
    }

    struct GitFailure: Error { var status: Int32 }

    struct WriteFailure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path) cannot be written: \(reason)" }
    }
}
