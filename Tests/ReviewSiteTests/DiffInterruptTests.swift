import Foundation
import Testing

/// `diff REV` copies a revision's data/ to a temporary folder; a SIGINT or
/// SIGTERM while it exists removes it and exits with 130 or 143.
@Suite("diff interrupted")
struct DiffInterruptTests {
    /// Starts `reviewsite diff HEAD` paused after its checkout (the test hook
    /// REVIEWSITE_TEST_PAUSE_AFTER_CHECKOUT), sends `signalNumber`, and
    /// returns the temporary folder and the exit status.
    func interrupt(_ arguments: [String], with signalNumber: Int32) throws -> (folder: String, existed: Bool, status: Int32, reason: Process.TerminationReason) {
        let process = Process()
        process.executableURL = reviewSiteExecutable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["REVIEWSITE_TEST_PAUSE_AFTER_CHECKOUT": "1"]) { _, new in new }
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = error.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += chunk
        }
        let folder = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let existed = FileManager.default.fileExists(atPath: folder)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        return (folder, existed, process.terminationStatus, process.terminationReason)
    }

    @Test func sigtermRemovesTheTemporaryFolderAndExits143() throws {
        let result = try interrupt(["diff", "HEAD"], with: SIGTERM)
        #expect(result.folder.contains("reviewsite-"))
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 143)
        #expect(!FileManager.default.fileExists(atPath: result.folder))
    }

    @Test func sigintDuringBuildWithABaselineRemovesTheFolderAndExits130() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-interrupt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try interrupt(["build", "--baseline", "HEAD", "--out", out], with: SIGINT)
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 130)
        #expect(!FileManager.default.fileExists(atPath: result.folder))
    }
}
