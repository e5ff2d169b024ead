import Foundation

/// Folders and files of a new review, made with the system's calls so that
/// a failure says the system's reason (Foundation's says "error 512").
extension ReviewSkeleton {
    /// `mkdir -p`; the reason of a failure, or nil.
    static func makeFolders(_ path: String) -> String? {
        var made = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            made += "/" + part
            if mkdir(made, 0o777) != 0 && errno != EEXIST { return SystemError.reason() }
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return SystemError.reason() }
        return status.st_mode & S_IFMT == S_IFDIR ? nil : SystemError.reason(ENOTDIR)
    }

    /// A new file (never one that exists, nor through a link) with `bytes`; the reason of a failure, or nil.
    static func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { return SystemError.reason() }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(file, $0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = SystemError.reason()
                close(file)
                return reason
            }
            written += count
        }
        return close(file) == 0 ? nil : SystemError.reason()
    }
}

/// The C library's write(2): inside ReviewSkeleton, `write` is its own method.
private func systemWrite(_ file: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
    write(file, buffer.baseAddress, buffer.count)
}
