import Foundation

/// Writes a built site so that the output folder is always either the
/// previous site or the new one, never a half-written mix: the files go to a
/// staging folder beside it, which then takes the output folder's place.
/// Only a folder that a build made (it carries the marker) or an empty
/// folder is ever replaced (`OutputCheck`).
public enum SiteWriter {
    /// The file that marks a folder as a site reviewsite wrote.
    public static let marker = ".reviewsite-site"
    static let markerText = "This folder is a site written by reviewsite. `reviewsite build --out` replaces only a folder that holds this file.\n"

    /// How the new site takes the old one's place. Tests turn the exchange
    /// off to take the path of file systems without it (NFS, SMB), and make
    /// a rename or a removal fail.
    struct Swap {
        var exchange = true
        var rename: (String, String) -> Int32 = { Foundation.rename($0, $1) }
        var remove: (String) throws -> Void = { try FileManager.default.removeItem(atPath: $0) }
    }

    /// Writes the files of a site built in memory. Returns warnings.
    @discardableResult
    public static func write(_ site: SiteFiles, to output: String, inputs: [OutputCheck.Input] = []) throws(BuildFailure) -> [String] {
        try write(to: output, inputs: inputs) { folder throws(BuildFailure) in
            let files = FolderOutput(folder: folder)
            for path in site.paths { try files.add(path, bytes: site.files[path]!) }
        }
    }

    /// Lets `fill` write into a staging folder, then puts it in `output`'s
    /// place. Returns warnings: things that went wrong after the new site
    /// was in place.
    static func write(to output: String, inputs: [OutputCheck.Input] = [], swap: Swap = Swap(),
                      _ fill: (URL) throws(BuildFailure) -> Void) throws(BuildFailure) -> [String] {
        if let refusal = OutputCheck.refusal(output, inputs: inputs) { throw .refused(refusal) }
        let target = Paths.resolve(output)
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .output("\(output): the site cannot be written (\(parent) cannot be made: \(describe(error))); nothing was changed")
        }
        let staging = try Staging(in: parent, for: name)
        staging.removeLeftovers(in: parent, for: name)
        do {
            try fill(staging.url)
        } catch {
            try? FileManager.default.removeItem(at: staging.url)
            throw .output("\(output): the site cannot be written (\(error.description)); the previous site is unchanged")
        }
        guard staging.isIntact else {
            throw .output("\(output): the staging folder \(staging.url.path) was removed or replaced during the build; nothing was published, the previous site is unchanged")
        }
        return try put(staging.url.path, in: target, shown: output, swap: swap)
    }

    /// Puts the staging folder in the target's place.
    private static func put(_ staging: String, in target: String, shown: String, swap: Swap) throws(BuildFailure) -> [String] {
        var status = stat()
        guard lstat(target, &status) == 0 else {
            guard swap.rename(staging, target) == 0 else {
                let reason = SystemError.reason()
                try? FileManager.default.removeItem(atPath: staging)
                throw .output("\(shown): the new site cannot be put in place (\(reason)); nothing was changed")
            }
            return []
        }
        if swap.exchange, let exchange = renameExchange {
            if exchange(AT_FDCWD, staging, AT_FDCWD, target, 1 << 1) == 0 {
                return removeOld(staging, shown, swap)
            }
            let code = errno
            // Only a file system without the exchange goes on to the fallback.
            guard code == EINVAL || code == ENOSYS || code == EOPNOTSUPP else {
                try? FileManager.default.removeItem(atPath: staging)
                throw .output("\(shown): the new site cannot replace the old one (\(SystemError.reason(code))); the previous site is unchanged")
            }
        }
        // Two renames: the old site steps aside, the new one takes its name.
        let old = staging + "-old"
        guard swap.rename(target, old) == 0 else {
            let reason = SystemError.reason()
            try? FileManager.default.removeItem(atPath: staging)
            throw .output("\(shown): the new site cannot replace the old one (\(reason)); the previous site is unchanged")
        }
        guard swap.rename(staging, target) == 0 else {
            let reason = SystemError.reason()
            if swap.rename(old, target) == 0 {
                try? FileManager.default.removeItem(atPath: staging)
                throw .output("\(shown): the new site cannot replace the old one (\(reason)); the previous site is unchanged")
            }
            throw .output("\(shown): the new site cannot be put in place (\(reason)) and the previous site cannot be moved back: the previous site is at \(old), the new site at \(staging)")
        }
        return removeOld(old, shown, swap)
    }

    /// Removes the previous site, now beside the new one; a failure is a
    /// warning, since the new site is already in place.
    private static func removeOld(_ old: String, _ shown: String, _ swap: Swap) -> [String] {
        do {
            try swap.remove(old)
            return []
        } catch {
            return ["\(shown): the new site is in place, but the previous site, moved to \(old), cannot be removed (\(describe(error))); the next build removes it, or remove it by hand"]
        }
    }

    /// glibc's renameat2, looked up at run time: Swift does not see it
    /// without _GNU_SOURCE. The flag 1 << 1 is RENAME_EXCHANGE.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// The system's reason, not Foundation's "error 512".
    static func describe(_ error: Error) -> String {
        if let failure = error as? BuildFailure { return failure.description }
        return SystemError.reason(of: error)
    }
}
