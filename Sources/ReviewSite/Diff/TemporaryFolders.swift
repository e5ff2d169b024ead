import Dispatch
import Foundation
import Synchronization

/// The temporary folders of `diff` and `build --baseline` (a git revision's
/// data/), removed even when the process is interrupted: while one exists,
/// SIGINT and SIGTERM are caught, the folders removed, and the process exits
/// with 130 or 143 as the default action would.
enum TemporaryFolders {
    private struct State: ~Copyable {
        var folders: Set<String> = []
        var sources: [any DispatchSourceSignal] = []
        /// What each signal did before, restored when the last folder is gone
        /// (a job started in the background ignores SIGINT and goes on doing so).
        var previous: [(Int32, __sighandler_t?)] = []
    }

    private static let state = Mutex(State())

    static func register(_ path: String) {
        state.withLock { state in
            if state.folders.isEmpty {
                for signalNumber in [SIGINT, SIGTERM] {
                    // The default action would end the process before the handler runs.
                    state.previous.append((signalNumber, signal(signalNumber, SIG_IGN)))
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                    source.setEventHandler { interrupted(by: signalNumber) }
                    source.resume()
                    state.sources.append(source)
                }
            }
            state.folders.insert(path)
        }
    }

    /// Removes a folder; with none left, the signals act as usual again.
    static func remove(_ path: String) {
        state.withLock { state in
            try? FileManager.default.removeItem(atPath: path)
            state.folders.remove(path)
            guard state.folders.isEmpty else { return }
            for source in state.sources { source.cancel() }
            state.sources = []
            for (signalNumber, handler) in state.previous { signal(signalNumber, handler) }
            state.previous = []
        }
    }

    private static func interrupted(by signalNumber: Int32) {
        state.withLock { state in
            for folder in state.folders { try? FileManager.default.removeItem(atPath: folder) }
            state.folders = []
            exit(128 + signalNumber)
        }
    }
}
