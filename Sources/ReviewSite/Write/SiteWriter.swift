import Foundation

/// Writes a built site so that the output folder is always either the
/// previous site or the new one, never a half-written mix: the files go to a
/// temporary sibling folder, which then takes the output folder's place.
public enum SiteWriter {
    /// Writes the files of a site built in memory.
    public static func write(_ site: SiteFiles, to output: String) throws(BuildFailure) {
        try write(to: output) { folder throws(BuildFailure) in
            let files = FolderOutput(folder: folder)
            for path in site.paths { try files.add(path, bytes: site.files[path]!) }
        }
    }

    /// Lets `fill` write into a staging folder, then puts it in `output`'s place.
    static func write(to output: String, _ fill: (URL) throws(BuildFailure) -> Void) throws(BuildFailure) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(getpid())")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .output("\(output): the site cannot be written (\(describe(error))); the previous site is unchanged")
        }
        do {
            try fill(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw .output("\(output): the site cannot be written (\(describe(error))); the previous site is unchanged")
        }
        do {
            try swap(staging, into: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw .output("\(output): the new site cannot replace the old one (\(describe(error))); the previous site is unchanged")
        }
    }

    /// Exchanges the two folders in one step where the system can
    /// (renameat2 with RENAME_EXCHANGE), then removes the old one.
    private static func swap(_ staging: URL, into target: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            try manager.moveItem(at: staging, to: target)
            return
        }
        if let exchange = renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, target.path, 1 << 1) == 0 {
            try manager.removeItem(at: staging)
            return
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
        try manager.moveItem(at: target, to: old)
        try manager.moveItem(at: staging, to: target)
        try manager.removeItem(at: old)
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

    private static func describe(_ error: Error) -> String {
        if let failure = error as? BuildFailure { return failure.description }
        return (error as NSError).localizedDescription
    }
}
