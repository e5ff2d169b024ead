import Foundation
import Synchronization
import Testing
@testable import ReviewSite

/// A build with releases makes its plan on a second thread while the
/// comparisons load the release's data: the working side is made once,
/// and the templates' problems are still what the build reports first.
@Suite("The plan beside the comparisons", .serialized)
struct WorkingSideTests {
    @Test func theSideIsMadeOnceHoweverOftenAsked() {
        let made = Mutex(0)
        let side = WorkingSide { made.withLock { $0 += 1 }; return nil }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in #expect(side.side() == nil) }
        #expect(made.withLock { $0 } == 1)
    }

    @Test func aTemplateProblemIsReportedAsWithoutTheSecondThread() throws {
        let history = try TwoVersionHistory()
        defer { history.delete() }
        let page = "\(history.templates)/methods.md"
        try (try String(contentsOfFile: page, encoding: .utf8) + "\n{{no.such.figure}}\n").write(toFile: page, atomically: true, encoding: .utf8)
        let builder = SiteBuilder(dataPath: history.data, templatesPath: history.templates)
        let out = history.root + "/site-out"
        var thrown: String?
        do { _ = try builder.writeWithHistory(to: out, baseline: nil) } catch { thrown = error.description }
        let report = try loadReport(history.data, templates: history.templates)
        #expect(thrown != nil)
        #expect(thrown == builder.templateProblems(report)?.description)
        #expect(thrown?.contains("no.such.figure") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
