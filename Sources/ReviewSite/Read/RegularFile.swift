import Foundation

/// Reads an input file (dataset, template, asset) only when it is a regular
/// file: a link could point at any file of the user's (and its content would
/// then be echoed in messages or published as a download), a FIFO could
/// block the run, a device could be read without end.
enum RegularFile {
    enum Problem: Error, Equatable {
        case missing
        case symbolicLink
        case notRegular(String)
        /// The system's reason (strerror).
        case unreadable(String)

        /// The message after the file's name; `inputs` says whose files
        /// reviewsite does not follow links in ("a dataset").
        func message(inputs: String) -> String {
            switch self {
            case .missing: "file not found"
            case .symbolicLink: "is a symbolic link (expected a regular file; reviewsite does not follow links in \(inputs))"
            case .notRegular(let kind): "is \(kind) (expected a regular file)"
            case .unreadable(let reason): "cannot be read (\(reason))"
            }
        }
    }

    /// The file's bytes, or why they cannot be read. Links in the folders
    /// above the file are followed: only the file itself must not be one.
    static func contents(_ path: String) -> Result<[UInt8], Problem> {
        // O_NONBLOCK: opening a FIFO without a writer must not wait for one.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(openProblem(path, errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(reason(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.notRegular("a folder"))
        case S_IFIFO: return .failure(.notRegular("a FIFO (named pipe)"))
        case S_IFCHR, S_IFBLK: return .failure(.notRegular("a device"))
        case S_IFSOCK: return .failure(.notRegular("a socket"))
        default: return .failure(.notRegular("neither a file nor a folder"))
        }
        return readAll(descriptor, size: Int(status.st_size))
    }

    private static func openProblem(_ path: String, _ code: Int32) -> Problem {
        switch code {
        case ENOENT: return .missing
        case ELOOP:
            // ELOOP is also a loop of links in the folders above: ask lstat.
            var status = stat()
            if lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK { return .symbolicLink }
            return .unreadable(reason(code))
        default: return .unreadable(reason(code))
        }
    }

    /// The whole file straight into an array, without the copy from `Data`.
    private static func readAll(_ descriptor: Int32, size: Int) -> Result<[UInt8], Problem> {
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                guard got > 0 else { return }
                count += got
            }
        }
        guard failure == 0 else { return .failure(.unreadable(reason(failure))) }
        // A file that grew while read: the rest too, so that what is checked is all of it.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = read(descriptor, &chunk, chunk.count)
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return .failure(.unreadable(reason(errno))) }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return .success(bytes)
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
