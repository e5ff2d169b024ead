import Foundation
import Testing
@testable import ReviewSite

/// `reviewsite serve` as a user runs it: the address printed, a page
/// served, and a clean stop on Ctrl-C with nothing written.
@Suite("serve: the command")
struct ServeCommandTests {
    /// The command prints the address, serves, and stops cleanly on Ctrl-C.
    @Test func commandServesUntilInterrupted() async throws {
        let run = try await offPool { try Self.serveUntilInterrupted() }
        #expect(run.printed.count == 2, "\(run.printed)")
        #expect(run.printed.first?.hasPrefix("Site built in ") == true)
        #expect(run.port != nil, "\(run.printed)")
        #expect(run.pageStatus == 200)
        #expect(run.status == 0)
        #expect(run.rest == "Stopped.\n")
        #expect(run.errors == "")
        #expect(!run.wroteSite)
        #expect(!run.stillListening)
    }

    struct CommandRun: Sendable {
        var printed: [String] = [], port: UInt16?, pageStatus: Int?, status: Int32 = -1, rest = "", errors = ""
        var wroteSite = false, stillListening = false
    }

    /// `reviewsite serve --port 0` in a scratch review: what it printed, a
    /// page fetched, and how it ended after SIGINT.
    static func serveUntilInterrupted() throws -> CommandRun {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let process = Process()
        process.executableURL = reviewSiteExecutable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        var run = CommandRun()
        var printed = ""
        while !printed.contains("Ctrl-C stops.\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        run.printed = printed.split(separator: "\n").map(String.init)
        run.port = run.printed.last?
            .firstMatch(of: /^Serving the site at http:\/\/127\.0\.0\.1:(\d+)\/ \(this machine only\); watching data\/ and templates\/\. Ctrl-C stops\.$/)
            .flatMap { UInt16($0.1) }
        if let port = run.port { run.pageStatus = try LoopbackClient.get("/table-1.html", port: port).status }
        kill(process.processIdentifier, SIGINT)
        run.rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        run.status = process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
        run.errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // Nothing written into the review's folder, and the port closed.
        run.wroteSite = FileManager.default.fileExists(atPath: scratch.path + "/site/index.html")
        if let port = run.port, case .success(let socket) = LoopbackClient.connect(to: "127.0.0.1", port: port) {
            close(socket)
            run.stillListening = true
        }
        return run
    }
}
