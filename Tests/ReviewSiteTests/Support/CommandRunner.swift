import Foundation

/// The result of running the real `reviewsite` executable.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the built `reviewsite` binary (it sits beside the test bundle).
func runReviewSite(_ arguments: [String], in directory: URL = repositoryRoot) throws -> CommandResult {
    let process = Process()
    process.executableURL = reviewSiteExecutable
    process.arguments = arguments
    process.currentDirectoryURL = directory
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

/// The built `reviewsite` binary.
var reviewSiteExecutable: URL { productsDirectory.appendingPathComponent("reviewsite") }

private var productsDirectory: URL {
    var url = Bundle.main.bundleURL
    if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
    return url
}
