import Foundation
import Synchronization

/// The open pages' server-sent event streams (`/_reviewsite/events`).
/// A new stream first gets `site` with the generation it would show now
/// (a page built before the last rebuild reloads at once); every rebuild
/// then sends one `reload` to every stream.
final class ReloadEvents: Sendable {
    private let streams = Mutex<[UUID: AsyncStream<[UInt8]>.Continuation]>([:])
    /// Tells this server's generations from those of a server run before it,
    /// which a page's EventSource may reconnect to.
    let instance = UUID().uuidString.prefix(8).lowercased()

    static let path = "/_reviewsite/events"

    /// What a page and its stream compare: this run's instance and the site's generation.
    func tag(_ generation: Int) -> String { "\(instance)-\(generation)" }

    /// A new stream, starting with the generation served now. It is
    /// registered before that generation is read, so a rebuild finishing
    /// meanwhile is either in `site` or sent as a `reload`.
    func open(generation: () -> Int) -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .unbounded)
        continuation.onTermination = { [weak self] _ in
            _ = self?.streams.withLock { $0.removeValue(forKey: id) }
        }
        streams.withLock { $0[id] = continuation }
        continuation.yield(Self.event("site", tag(generation())))
        return stream
    }

    /// One `reload` to every open stream.
    func reload(generation: Int) {
        let event = Self.event("reload", tag(generation))
        streams.withLock { streams in
            for continuation in streams.values { continuation.yield(event) }
        }
    }

    /// Ends every stream, so that the server can close their connections.
    func finish() {
        let open = streams.withLock { streams in
            defer { streams.removeAll() }
            return Array(streams.values)
        }
        open.forEach { $0.finish() }
    }

    /// Streams open now.
    var count: Int { streams.withLock { $0.count } }

    static func event(_ name: String, _ data: String) -> [UInt8] {
        Array("event: \(name)\ndata: \(data)\n\n".utf8)
    }
}
