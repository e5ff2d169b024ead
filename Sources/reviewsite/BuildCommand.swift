import ArgumentParser
import ReviewSite

/// `reviewsite build`: the report site, written atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the report site from the dataset and the templates."
    )

    @OptionGroup var options: DataOptions

    @Option(name: [.customLong("templates")], help: ArgumentHelp("The folder of templates and assets (default: the templates folder beside the data folder).", valueName: "dir"))
    var givenTemplates: String?

    var templates: String { templatesFolder(givenTemplates, data: options.data) }

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to: a new or empty folder, or a site reviewsite wrote. Replaced only when the whole build succeeds.", valueName: "dir"))
    var out = "site"

    @Option(name: .long, help: ArgumentHelp("A dataset folder or git revision to compare with on changes.html (default: the last release of data/versions.yaml, if any).", valueName: "rev-or-dir"))
    var baseline: String?

    func run() throws {
        let builder = SiteBuilder(dataPath: options.data, templatesPath: templates)
        // Refused before the baseline is read or anything else is done.
        if let refusal = OutputCheck.refusal(out, inputs: builder.inputs) {
            printError(refusal)
            throw ExitCode(2)
        }
        do {
            // With releases, the changes page compares with the last one unless --baseline says otherwise.
            let written = try builder.writeWithHistory(to: out, baseline: baseline)
            written.warnings.forEach(printError)
            print("\(out)/: \(written.files) files written from \(options.data)/ and \(templates)/.")
        } catch {
            printError(error.description)
            if case .refused = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}
