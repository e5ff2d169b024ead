import Foundation

/// A file written in pieces as they are made: a file of a hundred
/// megabytes (the supplement of a large review) never has to be held whole
/// in memory next to everything else a build holds.
final class PieceFile {
    /// The size of the pieces a long file is written in.
    static let piece = 1 << 20

    private let path: String
    private var handle: UnsafeMutablePointer<FILE>?
    /// The first write's failure, reported when the file is closed.
    private var failure: Int32 = 0

    init(_ path: String) throws(BuildFailure) {
        guard let handle = fopen(path, "wbe") else { throw .output("\(path): cannot be written (\(SystemError.reason()))") }
        self.path = path
        self.handle = handle
    }

    /// Writes what `out` holds once it holds `least` bytes or more, and empties it.
    func write(_ out: inout HTMLBytes, atLeast least: Int = 0) {
        guard out.bytes.count >= least else { return }
        out.bytes.withUnsafeBytes { write($0) }
        out.removeAll()
    }

    /// Writes bytes as they are.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == 0, let handle, !bytes.isEmpty else { return }
        if fwrite(bytes.baseAddress, 1, bytes.count, handle) != bytes.count { failure = errno }
    }

    /// Closes the file; the first failure names the file and why.
    func close() throws(BuildFailure) {
        guard let handle else { return }
        self.handle = nil
        let closed = fclose(handle) == 0 ? 0 : errno
        if failure != 0 || closed != 0 {
            throw .output("\(path): cannot be written (\(SystemError.reason(failure != 0 ? failure : closed)))")
        }
    }

    deinit {
        if let handle { fclose(handle) }
    }
}
