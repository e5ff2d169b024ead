import Foundation
import ReviewSite

/// Answers the browser: the event stream, a file of the site built last
/// (a page with the reload script), or the error page of a failed build.
struct PreviewHandler: Sendable {
    let site: PreviewSite
    let events: ReloadEvents
    /// The port listened on, once known: a request must name this server
    /// as its Host, so that a web page whose name was made to point at
    /// 127.0.0.1 (DNS rebinding) cannot read the review through the browser.
    let port: @Sendable () -> UInt16?

    func answer(_ request: PreviewRequest) -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return Self.text(405, "Method Not Allowed", "Only GET and HEAD are served.\n")
        }
        guard let port = port(), Self.isLocal(host: request.host, port: port) else {
            return Self.text(421, "Misdirected Request", "The preview answers only requests for 127.0.0.1 or localhost.\n")
        }
        let (state, generation) = site.current
        if request.path == ReloadEvents.path {
            return PreviewResponse(status: 200, reason: "OK", type: "text/event-stream; charset=utf-8", events: events.open { site.current.generation })
        }
        let tag = events.tag(generation)
        let name = Self.file(of: request.path)
        switch state {
        case .site(let files):
            guard let bytes = files.files[name] else {
                let page = PreviewPages.errorPage(["\(name): no such file in the site"], tag: tag, title: "Not found",
                                                  intro: "This page reloads when a rebuild makes the file.")
                return PreviewResponse(status: 404, reason: "Not Found", type: "text/html; charset=utf-8", body: page)
            }
            return Self.file(name, bytes, tag: tag)
        case .failed(let messages, let previous):
            if !name.hasSuffix(".html"), let bytes = previous?.files[name] {
                return Self.file(name, bytes, tag: tag)
            }
            return PreviewResponse(status: 500, reason: "Internal Server Error", type: "text/html; charset=utf-8",
                                   body: PreviewPages.errorPage(messages, tag: tag))
        }
    }

    /// The site's file a request path names: `/` and `/folder/` are their `index.html`.
    static func file(of path: String) -> String {
        var name = String(path.drop { $0 == "/" })
        if name.isEmpty || name.hasSuffix("/") { name += "index.html" }
        return name
    }

    /// Whether a Host header names this server (no header: a client of HTTP/1.0 on this machine).
    static func isLocal(host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return true }
        return ["127.0.0.1", "localhost"].contains { host == $0 || host == "\($0):\(port)" }
    }

    private static func file(_ name: String, _ bytes: [UInt8], tag: String) -> PreviewResponse {
        let page = name.hasSuffix(".html")
        return PreviewResponse(status: 200, reason: "OK", type: PreviewPages.contentType(name),
                               body: page ? PreviewPages.inject(PreviewPages.script(tag: tag), into: bytes) : bytes)
    }

    private static func text(_ status: Int, _ reason: String, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, reason: reason, type: "text/plain; charset=utf-8", body: Array(text.utf8))
    }
}
