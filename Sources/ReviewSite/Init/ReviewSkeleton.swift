import Foundation

/// A new review's folder, as `reviewsite init` writes it: `data/` with a
/// codebook and one example row per file, `templates/` with pages, figures,
/// tables and charts that quote them. It passes `check` as written, so the
/// team starts from a working review and changes one file at a time.
public enum ReviewSkeleton {
    /// Every file, by its path inside the new folder, in writing order.
    public static let files: [(path: String, text: String)] = [
        ("README.md", guide),
        (".gitignore", ignored),
        ("data/codebook.yaml", codebook),
        ("data/review.yaml", review),
        ("data/prisma.yaml", prisma),
        ("data/studies.csv", studies),
        ("data/patients.csv", patients),
        ("data/treatments.csv", treatments),
        ("data/adverse_events.csv", adverseEvents),
        ("templates/site.yaml", site),
        ("templates/abstract.md", abstract),
        ("templates/methods.md", methods),
        ("templates/results.md", results),
        ("templates/figures.yaml", figures),
        ("templates/tables.yaml", tables),
        ("templates/charts.yaml", charts),
        ("templates/style.css", styleSheet),
        ("templates/sort.js", sortScript),
    ]

    /// Why a folder could not be written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes the skeleton into `folder`, which must not exist or be empty:
    /// a review is never written over someone's files. Files are created
    /// exclusively, so a file that appears meanwhile is not overwritten.
    public static func write(to folder: String) throws(Failure) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw Failure(description: "\(Echo.path(folder)): is a file (expected a new or empty folder for the review)")
            }
            let entries: [String]
            do { entries = try manager.contentsOfDirectory(atPath: folder) } catch {
                throw Failure(description: "\(Echo.path(folder)): cannot be read (\(SystemError.reason(of: error)))")
            }
            guard entries.isEmpty else {
                throw Failure(description: "\(Echo.path(folder)): is not empty (\(entries.count) \(entries.count == 1 ? "entry" : "entries")); "
                              + "reviewsite init writes a new review only into a new or empty folder, so that no file is overwritten")
            }
        }
        if let reason = makeFolders(folder) {
            throw Failure(description: "\(Echo.path(folder)): cannot be created (\(reason))")
        }
        for sub in ["data", "templates"] where mkdir("\(folder)/\(sub)", 0o755) != 0 {
            throw Failure(description: "\(Echo.path("\(folder)/\(sub)")): cannot be created (\(SystemError.reason()))")
        }
        for file in files {
            let path = "\(folder)/\(file.path)"
            if let reason = writeNew(path, Array(file.text.utf8)) {
                throw Failure(description: "\(Echo.path(path)): cannot be written (\(reason))")
            }
        }
    }

    /// What `init` prints: the folder written and the commands to run next,
    /// with the path as a shell word so that they can be pasted (a path
    /// with control characters is shown escaped and the commands say DIR).
    public static func nextSteps(_ folder: String) -> String {
        let echoed = Echo.value(folder, limit: 4096)
        let dir = echoed == folder ? shellWord(folder) : "DIR"
        return """
            \(echoed)/: a new review, \(files.count) files (README.md says what is where). Next:
              cd \(dir)
              reviewsite check
              reviewsite build
            """
    }

    static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,:@%".unicodeScalars.contains($0)) }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
