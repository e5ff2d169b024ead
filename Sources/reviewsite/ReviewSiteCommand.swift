import ArgumentParser
import Foundation
import ReviewSite

/// `reviewsite`: the review's dataset in, its report out.
@main
struct ReviewSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewsite",
        abstract: "Check a systematic review's extracted dataset and publish its report as a static site.",
        subcommands: [CheckCommand.self, FiguresCommand.self, BuildCommand.self, ServeCommand.self, DiffCommand.self, SQLCommand.self, WorkbookCommand.self, PublishCommand.self, TestCommand.self, InitCommand.self, ReleaseCommand.self]
    )

    /// Exit status: 0 done, 1 invalid data (or, for diff, changes found), 2 usage or other errors.
    static func main() {
        ProcessMemory.returnLargeBlocks()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Writes to standard error (Swift 6 rejects the C global `stderr`).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
