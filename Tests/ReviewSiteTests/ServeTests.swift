import Foundation
import Synchronization
import Testing
@testable import ReviewSite
@testable import ReviewSiteServe
import FlyingSocks

/// `reviewsite serve`: the preview binds to loopback only, answers a saved
/// edit with one reload and the new content, shows a build's located
/// messages in the page, and recovers when a deleted file comes back.
@Suite("serve: the live preview")
struct ServeTests {
    /// A running preview of a scratch copy of the default review, and what it printed.
    final class Preview: Sendable {
        let scratch: Scratch
        let server: PreviewServer
        let port: UInt16
        let printed = Lines()
        let warned = Lines()

        init() async throws {
            scratch = try Scratch()
            server = PreviewServer(data: scratch.path + "/data", templates: scratch.path + "/templates", port: 0,
                                   say: { [printed] line in printed.list.withLock { $0.append(line) } },
                                   warn: { [warned] line in warned.list.withLock { $0.append(line) } })
            let address = try await server.start()
            port = try #require(UInt16(address.split(separator: ":").last!.dropLast()))
            #expect(address == "http://127.0.0.1:\(port)/")
        }

        var templates: String { scratch.path + "/templates" }
        var data: String { scratch.path + "/data" }

        func stop() async {
            await server.stop()
            scratch.delete()
        }

        /// The stream a page opens, past its first event (the generation served now).
        func events() async throws -> EventStreamReader {
            let port = port
            let reader = try await offPool { try EventStreamReader(path: "/_reviewsite/events", port: port) }
            let first = try await reader.next(within: 10_000)
            #expect(first?.name == "site")
            return reader
        }
    }

    /// What the preview printed, line by line.
    final class Lines: Sendable {
        let list = Mutex<[String]>([])
    }

    @Test func bindsOnlyToLoopback() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        // The listening socket's own address.
        let address = preview.server.listeningAddress
        #expect(address == .ip4("127.0.0.1", port: preview.port))
        let home = try await get("/", port: preview.port)
        #expect(home.status == 200)
        #expect(home.body.contains("<title>Abstract · "))
        // Every other IPv4 address of this machine refuses the connection.
        for other in Self.nonLoopbackAddresses() {
            switch LoopbackClient.connect(to: other, port: preview.port) {
            case .success(let socket):
                close(socket)
                Issue.record("\(other):\(preview.port) accepted a connection")
            case .failure(let failure):
                #expect(failure.description == "Connection refused", "\(other)")
            }
        }
        // A page of another site whose name points here (DNS rebinding) is not answered.
        let rebound = try await get("/", port: preview.port, host: "attacker.example:\(preview.port)")
        #expect(rebound.status == 421)
        #expect(rebound.body == "The preview answers only requests for 127.0.0.1 or localhost.\n")
    }

    @Test func templateEditReloadsOnceWithTheNewContent() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let events = try await preview.events()
        let before = try preview.scratch.snapshot()
        let results = preview.templates + "/results.md"
        let text = try String(contentsOfFile: results, encoding: .utf8)
        try Data((text + "\nA sentence saved while the preview runs.\n").utf8).write(to: URL(fileURLWithPath: results))

        let reload = try #require(try await events.next(within: 20_000))
        #expect(reload.name == "reload")
        #expect(reload.data == preview.server.events.tag(2))
        // One save, one reload: nothing follows.
        #expect(try await events.next(within: 1_500) == nil)

        let page = try await get("/results.html", port: preview.port)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.body.contains("<p>A sentence saved while the preview runs.</p>"))
        // The page is the built page with the reload script and nothing else.
        let built = try SiteBuilder(dataPath: preview.data, templatesPath: preview.templates).build()
        let script = PreviewPages.script(tag: preview.server.events.tag(2))
        #expect(page.body.replacingOccurrences(of: script, with: "") == built["results.html"])
        #expect(built["results.html"]?.contains("EventSource") == false)
        // Only the edited template changed on disk: the preview writes no site.
        var after = try preview.scratch.snapshot()
        #expect(after.removeValue(forKey: "templates/results.md") != nil)
        var expected = before
        expected.removeValue(forKey: "templates/results.md")
        #expect(after == expected)
        #expect(preview.printed.list.withLock { $0.last?.hasPrefix("\(results) changed: site built in ") } == true)
    }

    @Test func errorPageShowsTheLocatedMessage() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let events = try await preview.events()
        let results = preview.templates + "/results.md"
        let original = try String(contentsOfFile: results, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "## Results\n", with: "## Results\n\n{{outcome.nope}} <b>\n").utf8).write(to: URL(fileURLWithPath: results))
        #expect(try await events.next(within: 20_000)?.name == "reload")

        let message = "\(results):3:1: 'outcome.nope' is not a figure of \(preview.templates)/figures.yaml nor one of review.title, review.authors, review.journal, review.year, review.doi, review.registration, review.databases, review.languages, review.imputation"
        for path in ["/", "/results.html", "/table-1.html"] {
            let page = try await get(path, port: preview.port)
            #expect(page.status == 500)
            #expect(page.body.contains("<li><code>\(Escape.html(message))</code></li>\n<li><code>1 error in the templates.</code></li>"))
            #expect(page.body.contains("&#39;outcome.nope&#39;"))
            #expect(page.body.contains("new EventSource(\"/_reviewsite/events\")"))
        }
        // The terminal gets the same lines.
        let warning = try #require(preview.warned.list.withLock { $0.last })
        #expect(warning.hasPrefix("\(results) changed: the site could not be built ("))
        #expect(warning.hasSuffix("the page shows why:\n\(message)\n1 error in the templates."))
        // The style sheet of the last good site is still served.
        #expect(try await get("/style.css", port: preview.port).status == 200)

        // Fixed: the site again, after one reload.
        try Data(original.utf8).write(to: URL(fileURLWithPath: results))
        #expect(try await events.next(within: 20_000)?.name == "reload")
        let fixed = try await get("/results.html", port: preview.port)
        #expect(fixed.status == 200)
        #expect(!fixed.body.contains("outcome.nope"))
    }

    @Test(arguments: ["data/patients.csv", "templates/results.md"])
    func deletedAndRestoredFileRecovers(_ file: String) async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let events = try await preview.events()
        let path = preview.scratch.path + "/" + file
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: path)
        #expect(try await events.next(within: 20_000)?.name == "reload")
        // The page shows what a build says of the folder without the file.
        let failure: String
        do {
            _ = try SiteBuilder(dataPath: preview.data, templatesPath: preview.templates).build()
            Issue.record("the build without \(file) succeeded")
            return
        } catch {
            failure = error.description
        }
        let broken = try await get("/index.html", port: preview.port)
        #expect(broken.status == 500)
        let first = try #require(failure.split(separator: "\n").first)
        #expect(first.contains(path))
        #expect(broken.body.contains("<li><code>\(Escape.html(String(first)))</code></li>"))

        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try await events.next(within: 20_000)?.name == "reload")
        let back = try await get("/index.html", port: preview.port)
        #expect(back.status == 200)
        let built = try SiteBuilder(dataPath: preview.data, templatesPath: preview.templates).build()
        #expect(back.body.replacingOccurrences(of: PreviewPages.script(tag: preview.server.events.tag(3)), with: "") == built["index.html"])
    }

    /// The templates folder removed and copied back (a branch switched by
    /// hand): the folder is watched again and the site comes back.
    @Test func removedAndRestoredFolderRecovers() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let events = try await preview.events()
        try FileManager.default.removeItem(atPath: preview.templates)
        #expect(try await events.next(within: 20_000)?.name == "reload")
        let broken = try await get("/methods.html", port: preview.port)
        #expect(broken.status == 500)
        #expect(broken.body.contains("<li><code>\(Escape.html(preview.templates))/"))
        try FileManager.default.copyItem(atPath: defaultTemplatesPath, toPath: preview.templates)
        // The copy may come as more than one batch: the last one builds the site.
        var status = 0
        while status != 200, try await events.next(within: 20_000)?.name == "reload" {
            status = try await get("/methods.html", port: preview.port).status
        }
        #expect(status == 200)
        // Watched again: an edit after the copy is seen.
        let methods = preview.templates + "/methods.md"
        try Data((try String(contentsOfFile: methods, encoding: .utf8) + "\nWatched again.\n").utf8).write(to: URL(fileURLWithPath: methods))
        #expect(try await events.next(within: 20_000)?.name == "reload")
        #expect(try await get("/methods.html", port: preview.port).body.contains("<p>Watched again.</p>"))
    }

    /// A page's edit reuses the declared tables; an edit of tables.yaml computes them again.
    @Test func tablesEditIsShown() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let events = try await preview.events()
        let results = preview.templates + "/results.md"
        try Data((try String(contentsOfFile: results, encoding: .utf8) + "\nMore.\n").utf8).write(to: URL(fileURLWithPath: results))
        #expect(try await events.next(within: 20_000)?.name == "reload")
        #expect(try await get("/table-1.html", port: preview.port).body.contains("<th scope=\"col\""))
        let tables = preview.templates + "/tables.yaml"
        let text = try String(contentsOfFile: tables, encoding: .utf8)
        #expect(text.contains("    - heading: Design\n"))
        try Data(text.replacingOccurrences(of: "    - heading: Design\n", with: "    - heading: Study design, as reported\n").utf8).write(to: URL(fileURLWithPath: tables))
        #expect(try await events.next(within: 20_000)?.name == "reload")
        let page = try await get("/table-1.html", port: preview.port)
        #expect(page.body.contains("Study design, as reported"))
        let built = try SiteBuilder(dataPath: preview.data, templatesPath: preview.templates).build()
        #expect(page.body.replacingOccurrences(of: PreviewPages.script(tag: preview.server.events.tag(3)), with: "") == built["table-1.html"])
    }

    /// What is not a browser's GET of this server gets a plain refusal.
    @Test func answersOnlyABrowsersRequests() async throws {
        let preview = try await Preview()
        defer { Task { await preview.stop() } }
        let port = preview.port
        let exchange = { (request: String) async throws -> String in try await offPool { try LoopbackClient.exchange(request, port: port) } }
        let head = try await exchange("HEAD /index.html HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
        let page = try await get("/index.html", port: port)
        #expect(head == "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: \(page.body.utf8.count)\r\n\r\n")
        #expect(try await exchange("POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").hasSuffix("\r\n\r\nOnly GET and HEAD are served.\n"))
        #expect(try await exchange("GET index.html\r\n\r\n").hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        let missing = try await get("/no-such-page.html", port: port)
        #expect(missing.status == 404)
        #expect(missing.body.contains("<li><code>no-such-page.html: no such file in the site</code></li>"))
        let css = try await get("/style.css", port: port)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("EventSource"))
    }

    /// A template's change reuses the loaded report; a data file's or
    /// figures.yaml's loads it again.
    @Test func whatLoadsTheReportAgain() {
        #expect(!PreviewSite.needsReport(FolderChanges(templates: ["results.md", "style.css", "img/logo.png"])))
        #expect(PreviewSite.needsReport(FolderChanges(templates: ["figures.yaml"])))
        #expect(PreviewSite.needsReport(FolderChanges(data: ["patients.csv"])))
        #expect(!PreviewSite.needsTables(FolderChanges(templates: ["results.md", "site.yaml", "charts.yaml"])))
        #expect(PreviewSite.needsTables(FolderChanges(templates: ["tables.yaml"])))
        #expect(PreviewSite.needsTables(FolderChanges(templates: [""])))
        #expect(PreviewSite.needsTables(FolderChanges(data: ["studies.csv"])))
        #expect(FolderWatcher.ignored(".results.md.swp") && FolderWatcher.ignored("results.md~") && FolderWatcher.ignored("4913"))
        #expect(!FolderWatcher.ignored("results.md"))
        // `sed -i`'s temporary file; names of a review's own files are not one.
        #expect(FolderWatcher.ignored("sedAb12Xy") && FolderWatcher.ignored("sed0K9zQa"))
        #expect(!FolderWatcher.ignored("sedation") && !FolderWatcher.ignored("sed.a.yaml") && !FolderWatcher.ignored("sedAb12Xyz")
                && !FolderWatcher.ignored("sedAb1.md"))
    }

    /// The IPv4 addresses of this machine's interfaces other than loopback.
    static func nonLoopbackAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                var raw = inet.pointee.sin_addr
                _ = inet_ntop(AF_INET, &raw, &text, socklen_t(INET_ADDRSTRLEN))
            }
            let shown = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !shown.hasPrefix("127.") { addresses.append(shown) }
        }
        return addresses
    }
}

/// Runs blocking socket work on a thread of its own: the tests run on the
/// few threads of Swift's cooperative pool (two on a two-core machine),
/// which the server's tasks need to answer.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

func get(_ path: String, port: UInt16, host: String? = nil) async throws -> LoopbackClient.Response {
    try await offPool { try LoopbackClient.get(path, port: port, host: host) }
}

extension EventStreamReader {
    func next(within milliseconds: Int32) async throws -> (name: String, data: String)? {
        try await offPool { try self.next(within: milliseconds) }
    }
}
