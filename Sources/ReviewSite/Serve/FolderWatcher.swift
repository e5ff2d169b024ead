#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What a batch of saves touched: the names changed in the data folder and
/// in the templates folder (relative to each, sub-folders included).
struct FolderChanges: Sendable, Equatable {
    var data: Set<String> = []
    var templates: Set<String> = []

    var isEmpty: Bool { data.isEmpty && templates.isEmpty }
}

/// Watches the data and templates folders with inotify on a thread of its
/// own, which sleeps in poll(2) until the kernel reports a change: no timer.
/// The events of one save (an editor writes, renames, changes modes) come
/// within microseconds of each other; they are gathered until the folders
/// have been quiet for `settle`, and handed over as one batch.
final class FolderWatcher: @unchecked Sendable {
    private enum Root { case data, templates }

    private let inotify: Int32
    /// Written to stop the thread.
    private let wake: (read: Int32, write: Int32)
    /// Each watch: its root and its folder relative to the root ("" for the root).
    private var watches: [Int32: (root: Root, folder: String)] = [:]
    /// The folders holding the roots, watched for a root made again
    /// (removed and restored, or replaced by a rename).
    private var parents: [Int32: [(root: Root, name: String)]] = [:]
    private let roots: [(Root, String)]
    private let settle: Int32

    /// Starts watching; `changed` runs on the watcher's thread, one batch at a time.
    init(data: String, templates: String, settleMilliseconds: Int32 = 20, changed: @escaping @Sendable (FolderChanges) -> Void) throws(ServeFailure) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw ServeFailure("inotify: \(ServeFailure.reason())") }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            let reason = ServeFailure.reason()
            close(descriptor)
            throw ServeFailure("pipe: \(reason)")
        }
        // Not inherited by the programs a build runs.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        inotify = descriptor
        wake = (ends[0], ends[1])
        roots = [(.data, data), (.templates, templates)]
        settle = settleMilliseconds
        for (root, path) in roots {
            add(root, path, "")
            watchParent(of: root, path)
        }
        // The thread holds the watcher until stop() ends its loop.
        let started = Thread { [self] in loop(changed) }
        started.name = "reviewsite serve: watcher"
        started.start()
    }

    /// Stops the thread (it finishes the batch it is handing over first).
    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

    /// Watches `folder` of `root` and every folder below it (inotify does not recurse).
    private func add(_ root: Root, _ rootPath: String, _ folder: String) {
        let path = folder.isEmpty ? rootPath : "\(rootPath)/\(folder)"
        let descriptor = inotify_add_watch(inotify, path, Self.mask | UInt32(IN_ONLYDIR))
        guard descriptor >= 0 else { return }
        watches[descriptor] = (root, folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !Self.ignored(name) {
            var status = stat()
            if lstat("\(path)/\(name)", &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                add(root, rootPath, folder.isEmpty ? name : "\(folder)/\(name)")
            }
        }
    }

    private func watchParent(of root: Root, _ path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let slash = trimmed.lastIndex(of: "/")
        let parent = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
        let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        let descriptor = inotify_add_watch(inotify, parent, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR))
        if descriptor >= 0 { parents[descriptor, default: []].append((root, name)) }
    }

    /// Editors' scratch files: hidden names (.results.md.swp, Foundation's
    /// atomic-write temporaries), backups (results.md~), vim's probe 4913
    /// and `sed -i`'s temporary (sed and six letters or digits, no dot),
    /// which made one saved edit two rebuilds.
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" || sedTemporary(name)
    }

    private static func sedTemporary(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return bytes.count == 9 && name.hasPrefix("sed")
            && bytes.dropFirst(3).allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    private func loop(_ changed: @Sendable (FolderChanges) -> Void) {
        while true {
            guard wait(timeout: -1) else { return }
            var batch = FolderChanges()
            repeat {
                read(into: &batch)
            } while wait(timeout: settle) && !stopping
            if stopping { return }
            if !batch.isEmpty { changed(batch) }
        }
    }

    private var stopping = false

    /// Whether inotify has events (false on a timeout or a stop).
    private func wait(timeout: Int32) -> Bool {
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if fds[1].revents != 0 { stopping = true }
            return ready > 0 && !stopping && fds[0].revents != 0
        }
    }

    /// Reads the pending events into `batch`; a new folder is watched too.
    private func read(into batch: inout FolderChanges) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(inotify, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = bytes[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                offset = nameStart + Int(event.len)
                let name = String(decoding: nameBytes, as: UTF8.self)
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    watches[event.wd] = nil
                    continue
                }
                if let made = parents[event.wd]?.first(where: { $0.name == name }), event.mask & UInt32(IN_ISDIR) != 0,
                   let rootPath = roots.first(where: { $0.0 == made.root })?.1 {
                    add(made.root, rootPath, "")
                    switch made.root {
                    case .data: batch.data.insert("")
                    case .templates: batch.templates.insert("")
                    }
                    continue
                }
                guard let watch = watches[event.wd], !name.isEmpty, !Self.ignored(name) else { continue }
                let relative = watch.folder.isEmpty ? name : "\(watch.folder)/\(name)"
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let rootPath = roots.first(where: { $0.0 == watch.root })?.1 {
                    add(watch.root, rootPath, relative)
                }
                switch watch.root {
                case .data: batch.data.insert(relative)
                case .templates: batch.templates.insert(relative)
                }
            }
        }
    }
}
