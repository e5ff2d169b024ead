import Foundation

/// The folder a build writes into before it takes the site's place: a
/// sibling of the site named `.NAME.reviewsite-XXXXXX`, made with mkdtemp so
/// that no other build can have or reuse the name. Its marker file is
/// locked (flock) for as long as the build runs, which tells a later build
/// whether a leftover folder is still in use.
final class Staging {
    let url: URL
    private let lock: Int32
    private let device: UInt
    private let inode: UInt
    /// When the marker was made; leftovers older than this may go.
    private let made: timespec

    /// Makes the folder in `parent` for the site named `name`.
    init(in parent: String, for name: String) throws(BuildFailure) {
        var template = Array("\(parent)/\(Staging.prefix(name))XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .output("\(parent): the staging folder cannot be made (\(SystemError.reason()))")
        }
        let path = String(cString: made)
        // mkdtemp makes the folder private (0700); a site is as readable as any new folder.
        let mask = umask(0)
        umask(mask)
        chmod(path, 0o777 & ~mask)
        let lock = open(path + "/" + SiteWriter.marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        var status = stat(), folder = stat()
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0, Staging.write(lock, SiteWriter.markerText),
              fstat(lock, &status) == 0, lstat(path, &folder) == 0 else {
            let reason = SystemError.reason()
            if lock >= 0 { close(lock) }
            try? FileManager.default.removeItem(atPath: path)
            throw .output("\(parent): the staging folder cannot be made (\(reason))")
        }
        self.url = URL(fileURLWithPath: path)
        self.lock = lock
        self.device = UInt(folder.st_dev)
        self.inode = UInt(folder.st_ino)
        self.made = status.st_mtim
    }

    deinit {
        close(lock)
    }

    static func prefix(_ name: String) -> String {
        ".\(name).reviewsite-"
    }

    /// Whether the folder is still the one this build made, with its marker.
    var isIntact: Bool {
        var folder = stat(), marker = stat(), linked = stat()
        return lstat(url.path, &folder) == 0 && UInt(folder.st_dev) == device && UInt(folder.st_ino) == inode
            && fstat(lock, &marker) == 0 && marker.st_nlink > 0
            && lstat(url.path + "/" + SiteWriter.marker, &linked) == 0 && linked.st_ino == marker.st_ino
    }

    /// Removes the staging folders (and old sites) that earlier builds of
    /// the same site left behind: marked, older than this one, and not
    /// locked by a build that still runs.
    func removeLeftovers(in parent: String, for name: String) {
        let prefix = Staging.prefix(name)
        // The folder may hold much else (a site in /tmp): only this site's names are sorted.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(prefix) }
        for entry in entries.sorted() where entry != url.lastPathComponent {
            let path = parent + "/" + entry
            var folder = stat()
            guard lstat(path, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR, OutputCheck.isSite(path) else { continue }
            let other = open(path + "/" + SiteWriter.marker, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard other >= 0 else { continue }
            defer { close(other) }
            var marker = stat()
            guard flock(other, LOCK_EX | LOCK_NB) == 0, fstat(other, &marker) == 0, Staging.older(marker.st_mtim, than: made) else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    private static func older(_ a: timespec, than b: timespec) -> Bool {
        a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec)
    }

    private static func write(_ descriptor: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }
}
