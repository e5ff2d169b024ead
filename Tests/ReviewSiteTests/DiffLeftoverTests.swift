import Foundation
import Testing
@testable import ReviewSite

/// `diff REV`'s temporary copy of a revision's data/: removed on SIGHUP and
/// SIGPIPE as on SIGINT and SIGTERM, and, when a SIGKILL left it behind,
/// removed by the next run, which leaves every other folder alone.
@Suite("diff leaves no temporary copy")
struct DiffLeftoverTests {
    /// A scratch folder that stands for the system's temporary folder (the
    /// child's TMPDIR), so that the test sees every folder a run makes.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-leftovers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    /// `reviewsite diff HEAD` with TMPDIR set to `temporary`, interrupted while it holds its copy.
    func interrupt(with signalNumber: Int32, temporary: String, startBlocked: Bool = false,
                   whilePaused: (String) -> Void = { _ in }) throws -> InterruptedRun {
        try interruptReviewSite(["diff", "HEAD"], with: signalNumber, environment: ["TMPDIR": temporary], startBlocked: startBlocked, whilePaused: whilePaused)
    }

    @Test func sighupRemovesTheCopyAndExits129() throws {
        let temporary = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let result = try interrupt(with: SIGHUP, temporary: temporary)
        #expect(result.folder.hasPrefix(temporary + "/reviewsite-revision-"))
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 129)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }

    @Test func sigpipeRemovesTheCopyAndExits141() throws {
        let temporary = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let result = try interrupt(with: SIGPIPE, temporary: temporary)
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 141, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }

    /// A run started with the signals blocked unblocks them while it holds a copy.
    @Test(arguments: [SIGPIPE, SIGTERM, SIGHUP])
    func aSignalBlockedAtStartStillRemovesTheCopy(_ signalNumber: Int32) throws {
        let temporary = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let result = try interrupt(with: signalNumber, temporary: temporary, startBlocked: true)
        #expect(result.existed)
        #expect(result.reason == .exit && result.status == 128 + signalNumber, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }

    /// The copy is named after the process that holds it, and marked.
    @Test func theCopyIsNamedWithTheProcessIdAndMarked() throws {
        let temporary = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var marker: Data?
        let result = try interrupt(with: SIGTERM, temporary: temporary) { folder in
            marker = FileManager.default.contents(atPath: folder + "/" + TemporaryFolders.marker)
        }
        #expect(TemporaryFolders.owner(of: URL(fileURLWithPath: result.folder).lastPathComponent) == result.id)
        #expect(marker == Data("a git revision's dataset, copied by reviewsite for a diff; removed when that run ends\n".utf8))
        #expect(result.status == 143)
    }

    /// A process id that is no longer running: a child that has ended and been waited for.
    static func endedProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A folder as a run of process `id` leaves it, with the marker unless told.
    static func leftover(in parent: String, id: pid_t, marked: Bool = true) throws -> String {
        let path = "\(parent)/reviewsite-revision-\(id)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try Data("studies\n".utf8).write(to: URL(fileURLWithPath: path + "/studies.csv"))
        if marked { try Data(TemporaryFolders.markerText.utf8).write(to: URL(fileURLWithPath: path + "/" + TemporaryFolders.marker)) }
        return URL(fileURLWithPath: path).lastPathComponent
    }

    @Test func aLeftoverOfAnEndedRunIsSweptAndNothingElse() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["60"]
        try sleeper.run()
        // SIGKILL: a child of a test thread may inherit a mask that blocks SIGTERM.
        defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }
        let ended = try Self.endedProcessID()

        let swept = try Self.leftover(in: parent, id: ended)
        _ = try Self.leftover(in: parent, id: sleeper.processIdentifier)
        _ = try Self.leftover(in: parent, id: getpid())
        _ = try Self.leftover(in: parent, id: ended, marked: false)
        // Names that only look like ours, a file of that name, and a link to a marked folder.
        for name in ["reviewsite-revision-\(ended)-not-a-uuid", "reviewsite-revision-x\(ended)-\(UUID().uuidString)", "reviewsite-\(UUID().uuidString)"] {
            try FileManager.default.createDirectory(atPath: "\(parent)/\(name)", withIntermediateDirectories: false)
            try Data(TemporaryFolders.markerText.utf8).write(to: URL(fileURLWithPath: "\(parent)/\(name)/\(TemporaryFolders.marker)"))
        }
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: "\(parent)/reviewsite-revision-\(ended)-\(UUID().uuidString)"))
        let target = try Self.leftover(in: parent, id: sleeper.processIdentifier)
        try FileManager.default.createSymbolicLink(atPath: "\(parent)/reviewsite-revision-\(ended)-\(UUID().uuidString)", withDestinationPath: target)
        var expected = try Scratch.snapshot(parent)
        expected = expected.filter { !$0.key.hasPrefix(swept) }

        TemporaryFolders.sweep(in: parent)

        #expect(try Scratch.snapshot(parent) == expected)
        #expect(!FileManager.default.fileExists(atPath: "\(parent)/\(swept)"))
    }

    /// The next `diff REV` removes what a killed run left, keeps a running
    /// run's copy, and leaves no copy of its own.
    @Test func theNextDiffSweepsTheCopyASIGKILLLeft() throws {
        let temporary = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let killed = try interrupt(with: SIGKILL, temporary: temporary)
        #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL)
        #expect(FileManager.default.fileExists(atPath: killed.folder + "/patients.csv"))
        let running = try Self.leftover(in: temporary, id: getpid())
        let before = try Scratch.snapshot(temporary)

        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        let next = try runReviewSite(["diff", "HEAD"], environment: environment)
        #expect(next.status == 0 || next.status == 1)
        let killedName = URL(fileURLWithPath: killed.folder).lastPathComponent
        #expect(try Scratch.snapshot(temporary) == before.filter { !$0.key.hasPrefix(killedName) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [running])
    }
}
