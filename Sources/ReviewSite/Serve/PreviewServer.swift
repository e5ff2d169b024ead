import FlyingSocks
import Foundation
import Synchronization

/// Why the preview could not start, in one line.
public struct ServeFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }

    /// strerror of the last failure.
    static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}

/// The port, known once the server listens (with `--port 0`, the system picks it).
final class ListeningPort: Sendable {
    let value = Mutex<UInt16?>(nil)
}

/// `reviewsite serve`: the site built in memory and served on 127.0.0.1
/// only, rebuilt when a file of the data or templates folder is saved, and
/// each open page told to reload (server-sent events).
public final class PreviewServer: Sendable {
    let site: PreviewSite
    let events = ReloadEvents()
    private let requestedPort: UInt16
    private let say: @Sendable (String) -> Void
    private let warn: @Sendable (String) -> Void
    private let running = Mutex<(watcher: FolderWatcher?, server: LoopbackServer?)>((nil, nil))
    /// The port listened on, which the handler checks Host headers against.
    private let port = ListeningPort()

    /// `say` prints what happened (standard output), `warn` a build's messages (standard error).
    public init(data: String, templates: String, port: UInt16,
                say: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
        site = PreviewSite(data: data, templates: templates)
        requestedPort = port
        self.say = say
        self.warn = warn
    }

    /// Watches the folders, builds the site and starts listening; returns
    /// the address to open, `http://127.0.0.1:PORT/`.
    public func start() async throws(ServeFailure) -> String {
        let watcher = try FolderWatcher(data: site.data, templates: site.templates) { [self] changes in rebuild(after: changes) }
        running.withLock { $0.watcher = watcher }
        rebuild(after: nil)
        // Bound to the IPv4 loopback address, never to every address.
        var address = sockaddr_in.inet(port: requestedPort)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
        let handler = PreviewHandler(site: site, events: events, port: { [port] in port.value.withLock { $0 } })
        let server: LoopbackServer
        do {
            server = try await LoopbackServer(address: address) { handler.answer($0) }
        } catch {
            await stop()
            throw ServeFailure("cannot listen on 127.0.0.1:\(requestedPort): \(Self.reason(error)); choose another port with --port")
        }
        running.withLock { $0.server = server }
        guard case .ip4(_, let listening) = server.address else {
            await stop()
            throw ServeFailure("127.0.0.1:\(requestedPort): the listening socket has no address")
        }
        port.value.withLock { $0 = listening }
        return "http://127.0.0.1:\(listening)/"
    }

    /// The address the server listens on (its socket's own name).
    var listeningAddress: Socket.Address? {
        running.withLock { $0.server }?.address
    }

    /// Stops watching, ends the event streams and closes the listening socket.
    public func stop() async {
        let (watcher, server) = running.withLock { state in
            defer { state = (nil, nil) }
            return state
        }
        watcher?.stop()
        events.finish()
        await server?.stop()
    }

    private static func reason(_ error: any Error) -> String {
        if case SocketError.failed(_, let code, _) = error { return ServeFailure.reason(code) }
        return "\(error)"
    }

    /// Builds again, says how it went and tells every open page to reload.
    private func rebuild(after changes: FolderChanges?) {
        let done = site.rebuild(after: changes)
        let time = String(format: "%.0f ms", done.milliseconds)
        let what = changes.map { describe($0) + ": " } ?? ""
        if let failure = done.failure {
            warn("\(what)the site could not be built (\(time)); the page shows why:\n\(failure)")
        } else {
            say(changes == nil ? "Site built in \(time)." : what + (done.reloaded ? "data and figures loaded, " : "") + "site built in \(time).")
        }
        events.reload(generation: done.generation)
    }

    /// `templates/results.md changed`, naming at most three files.
    func describe(_ changes: FolderChanges) -> String {
        let names = changes.data.sorted().map { "\(site.data)/\($0)" } + changes.templates.sorted().map { "\(site.templates)/\($0)" }
        return names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "") + " changed"
    }
}
