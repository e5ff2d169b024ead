import FlyingFox
import Foundation
import ReviewSite

/// Answers the browser: the event stream, a file of the site built last
/// (a page with the reload script), or the error page of a failed build.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    let events: ReloadEvents
    /// The port listened on, once known: a request must name this server
    /// as its Host, so that a web page whose name was made to point at
    /// 127.0.0.1 (DNS rebinding) cannot read the review through the browser.
    let port: @Sendable () -> UInt16?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n")
        }
        guard let port = port(), Self.isLocal(host: request.headers[.host], port: port) else {
            return Self.text(.misdirectedRequest, "The preview answers only requests for 127.0.0.1 or localhost.\n")
        }
        let (state, generation) = site.current
        if request.path == ReloadEvents.path {
            return events.open(generation: generation)
        }
        let tag = events.tag(generation)
        let name = Self.file(of: request.path)
        switch state {
        case .site(let files):
            guard let bytes = files.files[name] else {
                return Self.page(.notFound, PreviewPages.errorPage(["\(name): no such file in the site"], tag: tag, title: "Not found",
                                                                         intro: "This page reloads when a rebuild makes the file."), head: request.method == .HEAD)
            }
            return Self.file(name, bytes, tag: tag, head: request.method == .HEAD)
        case .failed(let messages, let previous):
            if !name.hasSuffix(".html"), let bytes = previous?.files[name] {
                return Self.file(name, bytes, tag: tag, head: request.method == .HEAD)
            }
            return Self.page(.internalServerError, PreviewPages.errorPage(messages, tag: tag), head: request.method == .HEAD)
        }
    }

    /// The site's file a request path names: `/` and `/folder/` are their `index.html`.
    static func file(of path: String) -> String {
        var name = String((path.removingPercentEncoding ?? path).drop { $0 == "/" })
        if name.isEmpty || name.hasSuffix("/") { name += "index.html" }
        return name
    }

    /// Whether a Host header names this server (no header: a client of HTTP/1.0 on this machine).
    static func isLocal(host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return true }
        return ["127.0.0.1", "localhost"].contains { host == $0 || host == "\($0):\(port)" }
    }

    private static func file(_ name: String, _ bytes: [UInt8], tag: String, head: Bool) -> HTTPResponse {
        var body = bytes
        if name.hasSuffix(".html") { body = PreviewPages.inject(PreviewPages.script(tag: tag), into: bytes) }
        return response(.ok, type: PreviewPages.contentType(name), body, head: head)
    }

    private static func page(_ status: HTTPStatusCode, _ bytes: [UInt8], head: Bool) -> HTTPResponse {
        response(status, type: "text/html; charset=utf-8", bytes, head: head)
    }

    private static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        response(status, type: "text/plain; charset=utf-8", Array(text.utf8), head: false)
    }

    /// Never cached: the next reload must ask again.
    private static func response(_ status: HTTPStatusCode, type: String, _ body: [UInt8], head: Bool) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        if head {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(body))
    }
}
