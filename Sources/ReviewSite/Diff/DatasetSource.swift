import Foundation

/// Where a side of a diff comes from: a dataset folder, or a git revision
/// of this repository whose `data/` is read with `git show`, never touching
/// the work tree.
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-\(commit.prefix(12))-\(UUID().uuidString)")
        TemporaryFolders.register(folder.path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // A workbook in place of the CSV files is read from git like them.
            let listing = (try? git(["ls-tree", "--name-only", "\(commit):\(prefix)\(dataFolder)"])) ?? ""
            let workbooks = listing.split(separator: "\n").map(String.init).filter { $0.lowercased().hasSuffix(".xlsx") }
            for file in SiteBuilder.datasetFiles + workbooks {
                // A file missing at that revision stays missing: the loader reports it.
                if let data = try? gitData(["show", "\(commit):\(prefix)\(dataFolder)/\(file)"]) {
                    try data.write(to: folder.appendingPathComponent(file))
                } else if file == Codebook.fileName, case .success(let bytes) = RegularFile.contents("\(dataFolder)/\(file)") {
                    // A revision from before codebooks was the default review's: the folder's codebook reads it.
                    try Data(bytes).write(to: folder.appendingPathComponent(file))
                }
            }
        } catch {
            remove(folder.path)
            throw .output("\(spec): cannot read \(dataFolder)/ at that revision (\(error))")
        }
        pauseForTests(folder.path)
        return (folder.path, "\(spec) (\(commit.prefix(12)))", true)
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(status: process.terminationStatus) }
        return data
    }

    struct GitFailure: Error { var status: Int32 }
}
