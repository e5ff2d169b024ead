import Foundation

/// A program of the machine that `publish` runs (pandoc, Chromium,
/// rsvg-convert), found on the PATH, run with the network off where the
/// system lets a process leave it (a network namespace of its own).
public struct ExternalProgram: Sendable {
    public let name: String
    /// The Debian package that installs it, for the message when it is missing.
    public let package: String

    /// The program's path on the PATH, or nil.
    var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// `unshare` with the options that give a process no network, when it works here.
    static let offline: [String]? = {
        guard let unshare = ExternalProgram(name: "unshare", package: "util-linux").path else { return nil }
        // Root can make the namespace; others need a user namespace of their own too.
        let options = getuid() == 0 ? ["--net"] : ["--map-root-user", "--net"]
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: unshare)
        probe.arguments = options + ["true"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? [unshare] + options : nil
    }()

    /// Runs the program in `folder` and returns what it printed (its
    /// standard output goes to `output` there, when named).
    @discardableResult
    func run(_ arguments: [String], in folder: String, output: String? = nil, environment: [String: String] = [:]) throws(PublishFailure) -> String {
        guard let path else { throw .missing([self]) }
        let process = Process()
        let command = (Self.offline ?? []) + [path] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let errors = Pipe()
        var printed: FileHandle?
        if let output {
            let file = folder + "/" + output
            guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
                throw .output("\(file): cannot be written (\(SystemError.reason()))")
            }
            printed = handle
        }
        defer { try? printed?.close() }
        process.standardOutput = printed ?? FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .failed(name, "could not be started") }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: said, as: UTF8.self).split(separator: "\n").suffix(8).joined(separator: "\n")
            throw .failed(name, "stopped with status \(process.terminationStatus)" + (text.isEmpty ? "" : ":\n" + text))
        }
        guard let output else { return "" }
        return (try? String(contentsOfFile: folder + "/" + output, encoding: .utf8)) ?? ""
    }
}

/// Why `publish` wrote no files; what was there before stays.
public enum PublishFailure: Error, CustomStringConvertible {
    case build(BuildFailure)
    case missing([ExternalProgram])
    case failed(String, String)
    case refused(String)
    case output(String)

    public var description: String {
        switch self {
        case .build(let failure): failure.description
        case .missing(let programs):
            "publish needs " + programs.map(\.name).joined(separator: ", ") + ", which "
                + (programs.count == 1 ? "is" : "are") + " not installed (on Debian: sudo apt-get install "
                + programs.map(\.package).joined(separator: " ") + ")"
        case .failed(let name, let why): "\(name) \(why)"
        case .refused(let message), .output(let message): message
        }
    }
}
