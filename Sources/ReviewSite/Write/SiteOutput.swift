import Foundation

/// Where a build puts its files: memory (tests, comparisons) or a folder.
/// The pages are made on several threads at once, so adding is thread-safe.
protocol SiteOutput: Sendable {
    func add(_ path: String, _ text: String) throws(BuildFailure)
    func add(_ path: String, bytes: [UInt8]) throws(BuildFailure)
    /// A page inside the frame every page shares.
    func add(_ page: Page, in frame: PageFrame) throws(BuildFailure)
    /// A file that `write` makes itself at the path it is given (the database).
    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure)
    /// A file this build already added, read back (the supplement prints one).
    func written(_ path: String) -> [UInt8]?
}

extension SiteOutput {
    func add(_ page: Page, in frame: PageFrame) throws(BuildFailure) {
        try add(page.file, bytes: frame.renderBytes(page))
    }
}

/// Collects the files in memory.
final class MemoryOutput: SiteOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var files = SiteFiles()

    var site: SiteFiles { lock.withLock { files } }

    func add(_ path: String, _ text: String) {
        add(path, bytes: Array(text.utf8))
    }

    func add(_ path: String, bytes: [UInt8]) {
        lock.withLock { files.add(path, bytes: bytes) }
    }

    func written(_ path: String) -> [UInt8]? {
        lock.withLock { files.files[path] }
    }

    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .output("\(path): cannot make a temporary folder (\(SystemError.reason(of: error)))")
        }
        let file = folder.appendingPathComponent("file").path
        try write(file)
        // The file this build just wrote in its own private folder.
        guard case .success(let bytes) = RegularFile.contents(file) else {
            throw .output("\(path): the file written for it cannot be read back")
        }
        add(path, bytes: bytes)
    }
}

/// Writes each file as soon as it is made, so that memory holds a page or
/// two at a time; used on a staging folder that replaces the site at the end.
final class FolderOutput: SiteOutput, @unchecked Sendable {
    let folder: URL
    private let lock = NSLock()
    private var written = 0

    init(folder: URL) {
        self.folder = folder
    }

    /// Files written so far.
    var count: Int { lock.withLock { written } }

    func add(_ path: String, _ text: String) throws(BuildFailure) {
        var text = text
        let output = try open(path)
        let ok = text.withUTF8 { buffer in put(UnsafeRawBufferPointer(buffer), output) }
        try close(output, path, ok)
    }

    func add(_ path: String, bytes: [UInt8]) throws(BuildFailure) {
        let output = try open(path)
        let ok = bytes.withUnsafeBytes { put($0, output) }
        try close(output, path, ok)
    }

    func written(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { [UInt8]($0) }
    }

    /// The file is made (with its folders) and counted here; `write` fills it.
    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure) {
        try close(try open(path), path, true)
        try write(folder.path + "/" + path)
    }

    /// Writes the frame and the page's parts one after another, without
    /// joining a table page's megabytes into one more buffer first.
    func add(_ page: Page, in frame: PageFrame) throws(BuildFailure) {
        let (head, foot) = frame.frame(page)
        let output = try open(page.file)
        var ok = true
        func put(_ buffer: UnsafeRawBufferPointer) {
            if ok && !buffer.isEmpty { ok = fwrite(buffer.baseAddress, 1, buffer.count, output) == buffer.count }
        }
        for var text in [head, page.body] { text.withUTF8 { put(UnsafeRawBufferPointer($0)) } }
        page.rows.withUnsafeBytes(put)
        for var text in [page.end, foot] { text.withUTF8 { put(UnsafeRawBufferPointer($0)) } }
        try close(output, page.file, ok)
    }

    /// Whether the whole buffer reached the file.
    private func put(_ buffer: UnsafeRawBufferPointer, _ output: UnsafeMutablePointer<FILE>) -> Bool {
        buffer.isEmpty || fwrite(buffer.baseAddress, 1, buffer.count, output) == buffer.count
    }

    private func open(_ path: String) throws(BuildFailure) -> UnsafeMutablePointer<FILE> {
        // Sub-folders are made one level at a time below the staging folder,
        // never the staging folder itself: if it is gone, the build fails.
        var folder = self.folder.path
        for part in path.split(separator: "/").dropLast() {
            folder += "/\(part)"
            // Another thread may make the same folder at the same moment: what counts is that it exists.
            if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw failure(path) }
        }
        guard let handle = fopen(self.folder.path + "/" + path, "wbe") else { throw failure(path) }
        return handle
    }

    private func close(_ handle: UnsafeMutablePointer<FILE>, _ path: String, _ ok: Bool) throws(BuildFailure) {
        // The write's reason is kept: fclose may fail for the same cause or succeed.
        let cause = ok ? 0 : errno
        guard fclose(handle) == 0 && ok else { throw failure(path, cause == 0 ? errno : cause) }
        lock.withLock { written += 1 }
    }

    /// Names the file and the system's reason (disk full, permission).
    private func failure(_ path: String, _ code: Int32 = errno) -> BuildFailure {
        .output("\(folder.appendingPathComponent(path).path): cannot be written (\(SystemError.reason(code)))")
    }
}
