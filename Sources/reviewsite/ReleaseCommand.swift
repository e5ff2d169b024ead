import ArgumentParser
import Foundation
import ReviewSite

/// `reviewsite release VERSION`: records a published version and freezes its site.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Record a published version in data/versions.yaml and freeze its site in releases/VERSION.",
        discussion: "The data and templates must be committed in git and valid. Later builds compare the working data with the last release on changes.html, show the version history and copy every frozen site under versions/VERSION/. Refused, with nothing written: a version that exists, uncommitted data or templates, invalid data or templates."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case new, update, amendment }
    enum Conclusions: String, ExpressibleByArgument, CaseIterable { case changed, unchanged }

    @Argument(help: "The version, such as 1.0 or 2024-1.")
    var version: String

    @Option(name: .long, help: "Why this version: what changed, in the team's words (shown in What's new and the version history).")
    var note: String

    @Option(name: .long, help: "new (the first publication; the default when nothing was released), update (a new search; the default after) or amendment.")
    var kind: Kind?

    @Option(name: .long, help: "Whether the review's conclusions changed: changed or unchanged (required after the first publication).")
    var conclusions: Conclusions?

    @Option(name: .long, help: ArgumentHelp("The date of the version (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @OptionGroup var options: DataOptions

    @Option(name: [.customLong("templates")], help: ArgumentHelp("The folder of templates (default: the templates folder beside the data folder).", valueName: "dir"))
    var givenTemplates: String?

    func run() throws {
        let templates = templatesFolder(givenTemplates, data: options.data)
        let releaser = Releaser(dataPath: options.data, templatesPath: templates)
        do {
            let done = try releaser.release(version, note: note, kind: kind.flatMap { Release.Kind(rawValue: $0.rawValue) },
                                            conclusionsChanged: conclusions.map { $0 == .changed }, date: date ?? Self.today)
            print("version \(done.release.version) (\(done.release.date), git \(done.release.revision.prefix(12))): \(done.files) files frozen in \(done.folder)/, recorded in \(options.data)/versions.yaml. Commit both.")
        } catch {
            printError(error.description)
            if case .refused = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }

    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
