import Foundation
import Testing

/// `diff REV` copies a revision's data/ to a temporary folder; a SIGINT or
/// SIGTERM while it exists removes it and exits with 130 or 143.
@Suite("diff interrupted")
struct DiffInterruptTests {
    @Test func sigtermRemovesTheTemporaryFolderAndExits143() throws {
        let result = try interruptReviewSite(["diff", "HEAD"], with: SIGTERM)
        #expect(result.folder.contains("reviewsite-"))
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 143)
        #expect(!FileManager.default.fileExists(atPath: result.folder))
    }

    @Test func sigintDuringBuildWithABaselineRemovesTheFolderAndExits130() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-interrupt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try interruptReviewSite(["build", "--baseline", "HEAD", "--out", out], with: SIGINT)
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 130)
        #expect(!FileManager.default.fileExists(atPath: result.folder))
    }
}
