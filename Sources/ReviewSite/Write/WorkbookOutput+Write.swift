import Foundation

extension WorkbookOutput {
    /// Why the workbook was not written, in one line.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Writes `bytes` to `output`: to a new temporary file beside it
    /// (O_EXCL, no link followed), synced, then renamed into place. Without
    /// `replace`, an existing file there is left alone, even one that
    /// appeared since `refusal` looked. A failure leaves no temporary file.
    public static func write(_ bytes: [UInt8], to output: String, replace: Bool) throws(Failure) {
        let shown = "--out \(Echo.path(output))"
        // Split by hand: Foundation's deletingLastPathComponent traps on "x/" and ".".
        let slash = output.lastIndex(of: "/")
        let folder = slash.map { String(output[...$0]) } ?? ""
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        let temporary = folder + ".\(name).\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(description: "\(shown): cannot be written (\(SystemError.reason()))") }
        if let reason = fill(descriptor, bytes) {
            unlink(temporary)
            throw Failure(description: "\(shown): cannot be written (\(reason))")
        }
        if let refusal = put(temporary, at: output, replace: replace, shown: shown) {
            unlink(temporary)
            throw Failure(description: refusal)
        }
        syncFolder(folder.isEmpty ? "." : folder)
    }

    /// Writes every byte, syncs and closes; the system's reason for a failure.
    private static func fill(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    failure = written < 0 ? errno : EIO
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        return failure.map { SystemError.reason($0) }
    }

    /// Renames the temporary file into place; without `replace`, links it
    /// (which fails on an existing name) and removes the temporary name.
    private static func put(_ temporary: String, at output: String, replace: Bool, shown: String) -> String? {
        if !replace {
            if link(temporary, output) == 0 {
                unlink(temporary)
                return nil
            }
            let code = errno
            if code == EEXIST { return "\(shown): already exists; give --force to replace it, or name another file" }
            // A file system without hard links: check again, then rename.
            guard code == EPERM || code == EOPNOTSUPP || code == EMLINK else {
                return "\(shown): cannot be written (\(SystemError.reason(code)))"
            }
            var status = stat()
            if lstat(output, &status) == 0 { return "\(shown): already exists; give --force to replace it, or name another file" }
        }
        guard rename(temporary, output) == 0 else { return "\(shown): cannot be written (\(SystemError.reason()))" }
        return nil
    }

    /// Syncs the folder, so that the new name survives a crash; a failure
    /// here is not reported, as the workbook is already in place.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
