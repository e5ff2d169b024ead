import Foundation

/// The result of running the real `reviewsite` executable.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the built `reviewsite` binary (it sits beside the test bundle);
/// `environment` replaces the test's own when given. By default in the
/// frozen copy of the default review, so that `data` and `templates` are
/// its folders whatever the repository's own data/ holds now.
func runReviewSite(_ arguments: [String], in directory: URL = defaultReviewFixture, environment: [String: String]? = nil) throws -> CommandResult {
    try runProgram(reviewSiteExecutable, arguments, in: directory, environment: environment)
}

/// Runs a program and collects what it prints.
func runProgram(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self))
}

/// How a run of `reviewsite` that a signal interrupted ended.
struct InterruptedRun {
    /// The temporary folder it printed (REVIEWSITE_TEST_PAUSE_AFTER_CHECKOUT).
    var folder: String
    /// Whether the folder held the revision's patients.csv while it paused.
    var existed: Bool
    var id: pid_t
    var status: Int32
    var reason: Process.TerminationReason
}

/// Starts `reviewsite ARGUMENTS`, which pauses once it holds its temporary
/// copy of a revision, calls `whilePaused` with the copy, sends the signal
/// and waits. With `startBlocked` the child starts with the signal blocked
/// (posix_spawn passes on this thread's mask), as a shell job may.
func interruptReviewSite(_ arguments: [String], with signalNumber: Int32, environment: [String: String] = [:], startBlocked: Bool = false,
                         whilePaused: (String) -> Void = { _ in }) throws -> InterruptedRun {
    let process = Process()
    process.executableURL = reviewSiteExecutable
    process.arguments = arguments
    process.currentDirectoryURL = defaultReviewFixture
    process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["REVIEWSITE_TEST_PAUSE_AFTER_CHECKOUT": "1"]) { _, new in new }) { _, new in new }
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    var blocked = sigset_t(), previous = sigset_t()
    sigemptyset(&blocked)
    if startBlocked { sigaddset(&blocked, signalNumber) }
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try process.run()
    var printed = Data()
    while !printed.contains(UInt8(ascii: "\n")) {
        let chunk = error.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        printed += chunk
    }
    let folder = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let existed = FileManager.default.fileExists(atPath: folder + "/patients.csv")
    whilePaused(folder)
    kill(process.processIdentifier, signalNumber)
    process.waitUntilExit()
    return InterruptedRun(folder: folder, existed: existed, id: process.processIdentifier, status: process.terminationStatus, reason: process.terminationReason)
}

/// The built `reviewsite` binary.
var reviewSiteExecutable: URL { productsDirectory.appendingPathComponent("reviewsite") }

private var productsDirectory: URL {
    var url = Bundle.main.bundleURL
    if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
    return url
}
