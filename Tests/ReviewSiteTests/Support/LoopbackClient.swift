import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client on a blocking socket, for the preview's tests:
/// what a browser sends, without a library between the test and the bytes.
enum LoopbackClient {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A connected socket, or the errno of the refused connection.
    static func connect(to address: String, port: UInt16) -> Result<Int32, Failure> {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return .failure(Failure(description: "socket: \(String(cString: strerror(errno)))")) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        inet_pton(AF_INET, address, &target.sin_addr)
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(socket)
            return .failure(Failure(description: String(cString: strerror(code))))
        }
        return .success(socket)
    }

    /// GET `path` from 127.0.0.1, the connection closed after the answer.
    static func get(_ path: String, port: UInt16, host: String? = nil) throws -> Response {
        let socket = try connect(to: "127.0.0.1", port: port).get()
        defer { close(socket) }
        try send(socket, "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        guard let end = find(Array("\r\n\r\n".utf8), in: bytes, from: 0) else {
            throw Failure(description: "no complete answer to GET \(path): \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(decoding: bytes[(end + 4)...], as: UTF8.self))
    }

    /// Sends `request` as it is and returns all the server answers.
    static func exchange(_ request: String, port: UInt16) throws -> String {
        let socket = try connect(to: "127.0.0.1", port: port).get()
        defer { close(socket) }
        try send(socket, request)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw Failure(description: "write: \(String(cString: strerror(errno)))") }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// The server-sent events of one open stream, as a page's EventSource gets them.
/// One test reads it, one call at a time.
final class EventStreamReader: @unchecked Sendable {
    private let socket: Int32
    /// Bytes read and not yet taken.
    private var pending: [UInt8] = []
    private var body: [UInt8] = []

    init(path: String, port: UInt16) throws {
        socket = try LoopbackClient.connect(to: "127.0.0.1", port: port).get()
        try LoopbackClient.send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        while LoopbackClient.find(Array("\r\n\r\n".utf8), in: pending, from: 0) == nil {
            guard try fill(timeout: 20_000) else { throw LoopbackClient.Failure(description: "no answer to \(path)") }
        }
        let end = LoopbackClient.find(Array("\r\n\r\n".utf8), in: pending, from: 0)!
        header = String(decoding: pending[..<end], as: UTF8.self)
        pending.removeFirst(end + 4)
    }

    /// The status line and headers of the answer.
    private(set) var header = ""

    deinit { close(socket) }

    /// The next event as (name, data), or nil when none comes within `milliseconds`.
    func next(within milliseconds: Int32) throws -> (name: String, data: String)? {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        while true {
            takeChunks()
            if let end = LoopbackClient.find(Array("\n\n".utf8), in: body, from: 0) {
                let text = String(decoding: body[..<end], as: UTF8.self)
                body.removeFirst(end + 2)
                var name = "message", data = ""
                for line in text.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                return (name, data)
            }
            let left = Int32(deadline.timeIntervalSinceNow * 1000)
            guard left > 0, try fill(timeout: left) else { return nil }
        }
    }

    /// The stream's body is the events as they come (no chunked framing:
    /// the connection closes when the stream ends).
    private func takeChunks() {
        body += pending
        pending.removeAll()
    }

    /// Reads what arrives within `timeout` ms; false on a timeout or the end of the stream.
    private func fill(timeout: Int32) throws -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(socket, &buffer, buffer.count)
        guard count > 0 else { return false }
        pending += buffer[..<count]
        return true
    }
}
