import Foundation

/// Files named inside a folder of the review (a template's image, an asset
/// listed in site.yaml): every folder on the way is opened without following
/// a link, so that `templates/img -> /proc/self` cannot bring the build's
/// environment into the site. The folder itself is the one the user named.
extension RegularFile {
    /// The bytes of `name` (a relative path, `/` between its parts) inside `folder`.
    static func contents(_ name: String, in folder: String) -> Result<[UInt8], Problem> {
        opened(name, in: folder).flatMap { descriptor, size in
            defer { close(descriptor) }
            return readAll(descriptor, size: size)
        }
    }

    /// `name` opened inside `folder`, each part below it checked to be a real folder.
    static func opened(_ name: String, in folder: String) -> Result<(descriptor: Int32, size: Int), Problem> {
        var parts = name.split(separator: "/").map(String.init)
        guard let last = parts.popLast(), !parts.contains(".."), last != ".." else { return .failure(.missing) }
        var current = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(SystemError.reason(errno))) }
        defer { close(current) }
        var walked = folder
        for part in parts where part != "." {
            walked += "/" + part
            var status = stat()
            guard fstatat(current, part, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                return .failure(errno == ENOENT ? .missing : .unreadable(SystemError.reason(errno)))
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK: return .failure(.linkedFolder(walked))
            case S_IFDIR: break
            default: return .failure(.unreadable(SystemError.reason(ENOTDIR)))
            }
            // O_NOFOLLOW: a folder swapped for a link after fstatat is refused too.
            let next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                return .failure(errno == ELOOP ? .linkedFolder(walked) : .unreadable(SystemError.reason(errno)))
            }
            close(current)
            current = next
        }
        return opened(last, at: current)
    }

    /// Every file below `folder` (not the folders), as sorted relative
    /// paths; a link is listed, never followed.
    static func files(below folder: String) -> [String] {
        var found: [String] = []
        func walk(_ descriptor: Int32, _ prefix: String) {
            guard let directory = fdopendir(descriptor) else { close(descriptor); return }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            for name in names {
                var status = stat()
                guard fstatat(dirfd(directory), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFREG, S_IFLNK: found.append(prefix + name)
                case S_IFDIR:
                    let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    if child >= 0 { walk(child, prefix + name + "/") }
                default: continue
                }
            }
        }
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if top >= 0 { walk(top, "") }
        return found.sorted()
    }
}
