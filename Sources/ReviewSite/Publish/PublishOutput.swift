import Foundation

/// Where `publish` writes: a folder of the user's, in which it replaces
/// only files it wrote itself (or a site's, which reviewsite made).
enum PublishOutput {
    /// Refuses an output where a file would be written over that reviewsite did not make.
    static func check(_ out: String) throws(PublishFailure) {
        var status = stat()
        guard lstat(out, &status) == 0 else {
            if errno == ENOENT { return }
            throw .output("\(out): cannot be read (\(SystemError.reason()))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .refused("\(out): is not a folder (expected the folder to write \(Publisher.files.joined(separator: " and ")) into)")
        }
        let ours = [SiteWriter.marker, Publisher.marker].contains { access(out + "/" + $0, F_OK) == 0 }
        for file in Publisher.files where lstat(out + "/" + file, &status) == 0 {
            if status.st_mode & S_IFMT != S_IFREG {
                throw .refused("\(out)/\(file): is not a regular file; publish replaces only files it wrote (remove it or choose another --out)")
            }
            if !ours {
                throw .refused("\(out)/\(file): exists and reviewsite did not write it; publish replaces only files it wrote (remove it or choose another --out)")
            }
        }
    }

    /// A private folder inside `out` (made if missing) for the copy of the site and the print's files.
    static func workFolder(in out: String) throws(PublishFailure) -> String {
        if mkdir(out, 0o777) != 0 && errno != EEXIST { throw .output("\(out): cannot be made (\(SystemError.reason()))") }
        var template = Array("\(out)/.publish-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .output("\(out): cannot be written (\(SystemError.reason()))")
        }
        // Absolute: the programs run in folders of their own.
        guard let absolute = realpath(made, nil) else { return String(cString: made) }
        defer { free(absolute) }
        return String(cString: absolute)
    }

    /// Renames the finished files into `out` (each replaces its earlier version at once) and marks the folder.
    static func move(_ files: [String: String], into out: String) throws(PublishFailure) -> [String] {
        if access(out + "/" + SiteWriter.marker, F_OK) != 0 {
            let marker = open(out + "/" + Publisher.marker, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if marker >= 0 {
                _ = "This folder holds files written by reviewsite publish, which it may replace.\n".withCString { write(marker, $0, strlen($0)) }
                close(marker)
            }
        }
        var written: [String] = []
        for (name, path) in files.sorted(by: { $0.key < $1.key }) {
            guard rename(path, out + "/" + name) == 0 else { throw .output("\(out)/\(name): cannot be written (\(SystemError.reason()))") }
            written.append(out + "/" + name)
        }
        return written
    }
}
