import FlyingSocks
import Foundation

/// An answer of the preview: a whole body, or a stream of server-sent events.
struct PreviewResponse: Sendable {
    var status: Int
    var reason: String
    var type: String
    var body: [UInt8] = []
    /// Sent as they come until the stream ends (the connection then closes).
    var events: AsyncStream<[UInt8]>?

    /// The status line and headers. Never cached: the next reload must ask again.
    func head(bodyLength: Int?) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nCache-Control: no-store\r\nConnection: close\r\n"
        if let bodyLength { text += "Content-Length: \(bodyLength)\r\n" }
        return Array((text + "\r\n").utf8)
    }
}

/// What the preview reads of a request: a browser's GET.
struct PreviewRequest: Sendable {
    var method: String
    /// The path, percent-decoded, without the query.
    var path: String
    var host: String?

    /// The request line and headers (up to the blank line), or nil when they are not HTTP/1.x.
    init?(head: [UInt8]) {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else { return nil }
        method = String(parts[0])
        let target = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let decoded = String(target).removingPercentEncoding else { return nil }
        path = decoded
        host = lines.dropFirst().first { $0.lowercased().hasPrefix("host:") }.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) }
    }
}

/// Listens on one address with FlyingSocks' sockets and epoll pool and
/// answers each connection's first request, then closes it. The preview
/// needs no more of HTTP than a browser's GET; FlyingFox's HTTP server is
/// not used because it links FoundationNetworking, which a static release
/// build can link only with libcurl (`make release` fails without it).
final class LoopbackServer: Sendable {
    private let socket: Socket
    private let listener: AsyncSocket
    private let tasks: Task<Void, Never>
    /// The largest request head read (a browser's is a few hundred bytes).
    static let headLimit = 64 * 1024

    /// Binds and listens; `answer` makes the response to each request.
    init(address: sockaddr_in, answer: @escaping @Sendable (PreviewRequest) -> PreviewResponse) async throws {
        let pool: SocketPool<ePoll> = .ePoll()
        try await pool.prepare()
        socket = try Socket(domain: AF_INET)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: address)
        try socket.listen()
        listener = try AsyncSocket(socket: socket, pool: pool)
        let listener = listener
        tasks = Task(executorPreference: PreviewExecutor.shared) {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await pool.run() }
                group.addTask {
                    // Ends when the listening socket is closed.
                    while let client = try? await listener.accept() {
                        Task(executorPreference: PreviewExecutor.shared) { await Self.serve(client, answer) }
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// The socket's own address.
    var address: Socket.Address? { try? socket.sockname() }

    /// Closes the listening socket and stops the pool.
    func stop() async {
        try? socket.close()
        tasks.cancel()
        await tasks.value
    }

    private static func serve(_ client: AsyncSocket, _ answer: @Sendable (PreviewRequest) -> PreviewResponse) async {
        defer { try? client.close() }
        var head: [UInt8] = []
        var complete = false
        let end = Array("\r\n\r\n".utf8)
        while !complete && head.count < headLimit {
            guard let bytes = try? await client.read(atMost: 4096), !bytes.isEmpty else { return }
            head += bytes
            if let found = firstIndex(of: end, in: head) {
                head.removeSubrange(found...)
                complete = true
            }
        }
        let refusal = complete ? "Not an HTTP/1.1 request.\n" : "The request's head is longer than \(headLimit) bytes.\n"
        let response = (complete ? PreviewRequest(head: head) : nil).map(answer)
            ?? PreviewResponse(status: 400, reason: "Bad Request", type: "text/plain; charset=utf-8", body: Array(refusal.utf8))
        let sendsBody = !head.starts(with: Array("HEAD ".utf8))
        do {
            if let events = response.events {
                try await client.write(Data(response.head(bodyLength: nil)))
                for await event in events { try await client.write(Data(event)) }
            } else {
                try await client.write(Data(response.head(bodyLength: response.body.count) + (sendsBody ? response.body : [])))
            }
        } catch {
            // The browser went away (a page reloaded, a tab closed).
        }
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
