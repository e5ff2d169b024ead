import Foundation

/// Reads an input file (dataset, template, asset) only when it is a regular
/// file: a link could point at any file of the user's (and its content would
/// then be echoed in messages or published as a download), a FIFO could
/// block the run, a device could be read without end.
enum RegularFile {
    enum Problem: Error, Equatable {
        case missing
        case symbolicLink
        /// A folder on the way to the file is a link (its path in the folder read).
        case linkedFolder(String)
        case notRegular(String)
        /// The system's reason (strerror).
        case unreadable(String)

        /// The message after the file's name; `inputs` says whose files
        /// reviewsite does not follow links in ("a dataset").
        func message(inputs: String) -> String {
            switch self {
            case .missing: "file not found"
            case .symbolicLink: "is a symbolic link (expected a regular file; reviewsite does not follow links in \(inputs))"
            case .linkedFolder(let folder): "is inside \(Echo.quoted(folder)), a symbolic link (expected a real folder; reviewsite does not follow links in \(inputs))"
            case .notRegular(let kind): "is \(kind) (expected a regular file)"
            case .unreadable(let reason): "cannot be read (\(reason))"
            }
        }
    }

    /// The file's bytes, or why they cannot be read. Links in the folders
    /// above the file are followed: only the file itself must not be one.
    static func contents(_ path: String) -> Result<[UInt8], Problem> {
        opened(path).flatMap { descriptor, size in
            defer { close(descriptor) }
            return readAll(descriptor, size: size)
        }
    }

    /// The file in pieces of at most `size` bytes, each given to `body` and
    /// gone after it: a file of any size is read in that much memory.
    static func chunks(_ path: String, size: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) -> Result<Void, Problem> {
        opened(path).flatMap { descriptor, _ in
            defer { close(descriptor) }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                let got = read(descriptor, buffer.baseAddress, size)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { return .failure(.unreadable(SystemError.reason(errno))) }
                if got == 0 { return .success(()) }
                body(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            }
        }
    }

    /// The file opened for reading, with its size, when it is a regular file.
    static func opened(_ path: String) -> Result<(descriptor: Int32, size: Int), Problem> {
        opened(path, at: AT_FDCWD)
    }

    /// `name` opened relative to the folder `folder` (a descriptor).
    static func opened(_ name: String, at folder: Int32) -> Result<(descriptor: Int32, size: Int), Problem> {
        // lstat first, so that a device is not even opened (opening some has effects).
        var status = stat()
        if fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0, let problem = kindProblem(status) { return .failure(problem) }
        // The file may be swapped between lstat and open: O_NOFOLLOW and
        // fstat check again. O_NONBLOCK: a FIFO without a writer must not block.
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(openProblem(name, at: folder, errno)) }
        guard fstat(descriptor, &status) == 0 else {
            let reason = SystemError.reason(errno)
            close(descriptor)
            return .failure(.unreadable(reason))
        }
        if let problem = kindProblem(status) {
            close(descriptor)
            return .failure(problem)
        }
        return .success((descriptor, Int(status.st_size)))
    }

    /// Why a file of this kind is not read; nil for a regular file.
    static func kindProblem(_ status: stat) -> Problem? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: .symbolicLink
        case S_IFDIR: .notRegular("a folder")
        case S_IFIFO: .notRegular("a FIFO (named pipe)")
        case S_IFCHR, S_IFBLK: .notRegular("a device")
        case S_IFSOCK: .notRegular("a socket")
        default: .notRegular("neither a file nor a folder")
        }
    }

    private static func openProblem(_ name: String, at folder: Int32, _ code: Int32) -> Problem {
        switch code {
        case ENOENT: return .missing
        case ELOOP:
            // ELOOP is also a loop of links in the folders above: ask lstat.
            var status = stat()
            if fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK { return .symbolicLink }
            return .unreadable(SystemError.reason(code))
        default: return .unreadable(SystemError.reason(code))
        }
    }

    /// The whole file straight into an array, without the copy from `Data`.
    static func readAll(_ descriptor: Int32, size: Int) -> Result<[UInt8], Problem> {
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
        guard failure == 0 else { return .failure(.unreadable(SystemError.reason(failure))) }
        // A file that grew while read: the rest too, so that what is checked
        // and published is all of it. The buffer only once that happens.
        var chunk: [UInt8] = [0]
        while true {
            let got = read(descriptor, &chunk, chunk.count)
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return .failure(.unreadable(SystemError.reason(errno))) }
            if got == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<got])
            if chunk.count == 1 { chunk = [UInt8](repeating: 0, count: 1 << 16) }
        }
    }
}
