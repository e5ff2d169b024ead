import Foundation

/// The folder of dataset files, and the names errors give them.
struct DataDirectory {
    /// The folder as the user named it, without a trailing slash (`data`).
    let path: String

    init(_ path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    /// The name errors use for a file: `data/patients.csv`.
    func display(_ file: String) -> String {
        path == "." ? file : "\(path)/\(file)"
    }

    var exists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The file's bytes; nil when it cannot be read.
    func bytes(_ file: String) -> [UInt8]? {
        let path = display(file)
        return readRegularFile(path) ?? FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// A regular file read straight into an array, without the copy from
    /// `Data`; nil for anything else, which `FileManager` then reads.
    private func readRegularFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return }
                count += got
            }
            // A file that grew while read is left to FileManager.
            var extra: UInt8 = 0
            complete = read(descriptor, &extra, 1) == 0
        }
        return complete ? bytes : nil
    }
}
