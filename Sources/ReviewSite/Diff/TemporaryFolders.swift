import Foundation
import Synchronization

/// The temporary folders of `diff` and `build --baseline` (a git revision's
/// data/), removed even when the process is interrupted: while one exists,
/// SIGINT, SIGTERM, SIGHUP and SIGPIPE are caught, the folders removed, and
/// the process exits with 128 + the signal's number as the default action
/// would. A SIGKILL cannot be caught: each folder's name carries the id of
/// the process that made it, and a later run removes the folders of
/// processes that have ended (`sweep`).
enum TemporaryFolders {
    private struct State: ~Copyable {
        var folders: Set<String> = []
        /// What each signal did before, restored when the last folder is gone
        /// (a job started in the background ignores SIGINT and goes on doing so).
        var previous: [(Int32, __sighandler_t?)] = []
    }

    private static let state = Mutex(State())

    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]

    /// `reviewsite-revision-PID-UUID`: whose folder it is, and that reviewsite made it.
    static let prefix = "reviewsite-revision-"
    /// The file in each folder that says reviewsite made it.
    static let marker = ".reviewsite-revision"
    static let markerText = "a git revision's dataset, copied by reviewsite for a diff; removed when that run ends\n"

    /// Makes a new folder in `parent` (the system's temporary folder),
    /// first removing the ones that ended runs left behind; it is removed
    /// on the signals above until `remove` is called.
    static func make(in parent: String = FileManager.default.temporaryDirectory.path) throws(BuildFailure) -> String {
        sweep(in: parent)
        let path = "\(parent)/\(prefix)\(getpid())-\(UUID().uuidString)"
        register(path)
        // mkdir fails when the name exists: the folder is new and this process's.
        guard mkdir(path, 0o700) == 0 else {
            let reason = SystemError.reason()
            // Whatever has that name is not this process's to delete.
            forget(path)
            throw .output("\(parent): a temporary folder cannot be made (\(reason))")
        }
        guard FileManager.default.createFile(atPath: "\(path)/\(marker)", contents: Data(markerText.utf8)) else {
            remove(path)
            throw .output("\(path): the temporary folder's marker cannot be written")
        }
        return path
    }

    /// Removes the folders of `parent` that reviewsite made for a run that
    /// has ended: named with the prefix and a process id that is no longer
    /// running, a folder of this user (not a link) holding the marker.
    /// Anything else is left alone.
    static func sweep(in parent: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let owner = owner(of: name), owner != getpid(), !isRunning(owner) else { continue }
            let path = "\(parent)/\(name)"
            var folder = stat(), mark = stat()
            guard lstat(path, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR, folder.st_uid == getuid(),
                  lstat("\(path)/\(marker)", &mark) == 0, mark.st_mode & S_IFMT == S_IFREG,
                  FileManager.default.contents(atPath: "\(path)/\(marker)") == Data(markerText.utf8) else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// The process id in a folder's name, when the name is one `make` gives.
    static func owner(of name: String) -> pid_t? {
        let parts = name.dropFirst(prefix.count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard name.hasPrefix(prefix), parts.count == 2, parts[0].allSatisfy(\.isASCII), let id = pid_t(parts[0]), id > 0,
              UUID(uuidString: String(parts[1])) != nil else { return nil }
        return id
    }

    /// Whether a process of that id exists (EPERM: it does, another user's).
    private static func isRunning(_ id: pid_t) -> Bool {
        kill(id, 0) == 0 || errno != ESRCH
    }

    static func register(_ path: String) {
        state.withLock { state in
            if state.folders.isEmpty {
                // A process may start with these blocked (posix_spawn passes on
                // the mask of the thread that started it): the copy must still go.
                var blocked = sigset_t()
                sigemptyset(&blocked)
                for signalNumber in signals { sigaddset(&blocked, signalNumber) }
                pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
                // The handler is in place before this returns: a signal
                // source of Dispatch is set up later on its own thread, and a
                // signal that comes first was lost while it was ignored.
                SignalPipe.start()
                for signalNumber in signals {
                    state.previous.append((signalNumber, signal(signalNumber, SignalPipe.handler)))
                }
            }
            state.folders.insert(path)
        }
    }

    /// Removes a folder; with none left, the signals act as usual again.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        forget(path)
    }

    private static func forget(_ path: String) {
        state.withLock { state in
            state.folders.remove(path)
            guard state.folders.isEmpty else { return }
            for (signalNumber, handler) in state.previous { signal(signalNumber, handler) }
            state.previous = []
        }
    }

    static func interrupted(by signalNumber: Int32) {
        state.withLock { state in
            for folder in state.folders { try? FileManager.default.removeItem(atPath: folder) }
            state.folders = []
            exit(128 + signalNumber)
        }
    }
}

/// Signals to a thread that waits for them: the handler only writes the
/// signal's number into a pipe (which is safe in a signal handler); the
/// thread removes the folders and ends the process.
enum SignalPipe {
    nonisolated(unsafe) private static var ends: [Int32] = [-1, -1]
    private static let started = Mutex(false)

    static let handler: @convention(c) (Int32) -> Void = { number in
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(SignalPipe.ends[1], &byte, 1)
    }

    static func start() {
        started.withLock { started in
            guard !started, pipe(&ends) == 0 else { return }
            started = true
            let reader = ends[0]
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while true {
                    let got = read(reader, &byte, 1)
                    if got == 1 { TemporaryFolders.interrupted(by: Int32(byte)) }
                    if got < 0 && errno != EINTR { return }
                }
            }
        }
    }
}
