import Foundation

/// Decides, before anything is touched, whether `--out` may be replaced by
/// a new site: only a folder that a build made (it carries the marker file)
/// or an empty folder, and never a folder that holds the user's work.
public enum OutputCheck {
    /// A folder the build reads, which the output must neither be nor hold.
    public struct Input: Sendable {
        public var option: String
        public var path: String

        public init(option: String, path: String) {
            self.option = option
            self.path = path
        }
    }

    /// Why `output` must not be replaced, in one line; nil when it may be.
    public static func refusal(_ output: String, inputs: [Input] = []) -> String? {
        let shown = "--out \(Echo.path(output))"
        guard !output.isEmpty else {
            return "\(shown): the path is empty (an unset shell variable?); name the folder to write the site to, e.g. --out site"
        }
        var status = stat()
        let exists = lstat(output, &status) == 0
        if exists && status.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) ?? "?"
            return "\(shown): is a symbolic link (to \(Echo.path(target))); reviewsite does not replace links: name the folder itself as --out"
        }
        let target = Paths.resolve(output)
        if target == "/" {
            return "\(shown): is the root of the file system; reviewsite replaces only a site it made"
        }
        let workingFolder = Paths.resolve(".")
        if let repository = Paths.repositoryRoot(from: workingFolder), Paths.holds(target, repository) {
            let relation = target == repository ? "is" : "holds"
            return "\(shown): \(relation) the git repository \(Echo.path(repository)); reviewsite replaces only a site it made"
        }
        if Paths.holds(target, workingFolder) {
            let relation = target == workingFolder ? "is the working folder" : "holds the working folder"
            return "\(shown): \(relation); reviewsite replaces only a site it made, never the folder it is run from"
        }
        for input in inputs where !input.path.isEmpty && Paths.holds(target, Paths.resolve(input.path)) {
            let relation = target == Paths.resolve(input.path) ? "is" : "holds"
            return "\(shown): \(relation) the folder of \(input.option) \(Echo.path(input.path)); the site must be written elsewhere"
        }
        guard exists else { return parentRefusal(shown, target) }
        if status.st_mode & S_IFMT != S_IFDIR {
            return "\(shown): is a file, not a folder; reviewsite replaces only a site it made or an empty folder"
        }
        if FileManager.default.fileExists(atPath: target + "/.git") {
            return "\(shown): is the root of a git repository; reviewsite replaces only a site it made"
        }
        var parent = stat()
        if stat(target + "/..", &parent) == 0 && (parent.st_dev != status.st_dev || parent.st_ino == status.st_ino) {
            return "\(shown): is a mount point, which cannot be replaced by renaming; name a folder inside it, e.g. --out \(Echo.path(output + "/site"))"
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if entries.isEmpty || isSite(target) { return nil }
        return "\(shown): is a folder that reviewsite did not make (it has no \(SiteWriter.marker) file) and is not empty; reviewsite replaces only a site it made or an empty folder: move it away or choose another --out"
    }

    /// Whether `folder` carries the marker of a site that a build wrote.
    static func isSite(_ folder: String) -> Bool {
        var status = stat()
        guard lstat(folder + "/" + SiteWriter.marker, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              status.st_size == off_t(SiteWriter.markerText.utf8.count) else { return false }
        return FileManager.default.contents(atPath: folder + "/" + SiteWriter.marker) == Data(SiteWriter.markerText.utf8)
    }

    /// A new folder is made inside its nearest existing ancestor, which must be a folder.
    private static func parentRefusal(_ shown: String, _ target: String) -> String? {
        var ancestor = (target as NSString).deletingLastPathComponent
        var status = stat()
        while lstat(ancestor, &status) != 0 && ancestor != "/" {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { return nil }
        return "\(shown): cannot be made, because \(Echo.path(ancestor)) is a file, not a folder"
    }
}

/// Absolute paths with the links of their existing part resolved, so that
/// two names of one folder compare equal.
enum Paths {
    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let parts = absolute.split(separator: "/", omittingEmptySubsequences: true)
        var existing = "/"
        var rest = parts[...]
        for count in stride(from: parts.count, through: 0, by: -1) {
            let prefix = "/" + parts[..<count].joined(separator: "/")
            if let real = realpath(prefix, nil) {
                existing = String(cString: real)
                free(real)
                rest = parts[count...]
                break
            }
        }
        var components = existing.split(separator: "/").map(String.init)
        for part in rest {
            if part == "." { continue }
            if part == ".." { _ = components.popLast(); continue }
            components.append(String(part))
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether `folder` is `path` or one of its ancestors (both resolved).
    static func holds(_ folder: String, _ path: String) -> Bool {
        folder == path || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The nearest folder at or above `folder` that holds `.git`.
    static func repositoryRoot(from folder: String) -> String? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current + "/.git") { return current }
            if current == "/" { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }
}
