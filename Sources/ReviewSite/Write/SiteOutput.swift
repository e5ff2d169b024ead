import Foundation

/// Where a build puts its files: memory (tests, comparisons) or a folder.
/// The pages are made on several threads at once, so adding is thread-safe.
protocol SiteOutput: Sendable {
    func add(_ path: String, _ text: String) throws(BuildFailure)
    func add(_ path: String, bytes: [UInt8]) throws(BuildFailure)
    /// A file of the dataset, as it is, for the downloads.
    func copy(_ source: String, to path: String) throws(BuildFailure)
    /// A page inside the frame every page shares.
    func add(_ page: Page, in frame: PageFrame) throws(BuildFailure)
    /// A file that `write` makes itself at the path it is given (the database).
    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure)
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

    func copy(_ source: String, to path: String) throws(BuildFailure) {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw .output("\(source): cannot be read for the downloads")
        }
        add(path, bytes: [UInt8](data))
    }

    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .output("\(path): cannot make a temporary folder (\(error.localizedDescription))")
        }
        let file = folder.appendingPathComponent("file").path
        try write(file)
        try copy(file, to: path)
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

    func copy(_ source: String, to path: String) throws(BuildFailure) {
        guard let input = fopen(source, "rb") else { throw .output("\(source): cannot be read for the downloads") }
        defer { fclose(input) }
        let output = try open(path)
        let inKernel = FileCopy.inKernel(from: fileno(input), to: fileno(output))
        var ok = inKernel == .copied
        if inKernel == .unsupported {
            // Nothing was written yet: copy through a buffer instead.
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            ok = true
            while ok {
                let count = fread(&buffer, 1, buffer.count, input)
                if count == 0 { break }
                ok = fwrite(buffer, 1, count, output) == count
            }
            ok = ferror(input) == 0 && ok
        }
        try close(output, path, ok)
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
        .output("\(folder.appendingPathComponent(path).path): cannot be written (\(Staging.reason(code)))")
    }
}

/// Copies a file inside the kernel (copy_file_range), which skips two
/// passes through user memory for the dataset's downloads.
enum FileCopy {
    private typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int
    private static let copyFileRange: CopyFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CopyFileRange.self)
        #else
        return nil
        #endif
    }()

    enum Outcome { case copied, failed, unsupported }

    /// `unsupported` (with nothing written) when the system cannot copy
    /// these files this way, so that the caller copies them another way.
    static func inKernel(from input: Int32, to output: Int32) -> Outcome {
        guard let copy = copyFileRange else { return .unsupported }
        var copied = 0
        while true {
            let count = copy(input, nil, output, nil, 1 << 30, 0)
            if count == 0 { return .copied }
            if count < 0 { return copied == 0 ? .unsupported : .failed }
            copied += count
        }
    }
}
