import ArgumentParser
import ReviewSite

/// `reviewsite diff BASE [HEAD]`: what a data update changes in the report.
/// Exit 0 when nothing changed, 1 when something did, 2 on errors.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show which data, figures, sentences and table cells change between two datasets.",
        discussion: "BASE and HEAD are dataset folders or git revisions of this repository (their data folder is read with git, the work tree is left alone). HEAD defaults to the working data folder. Exit status: 0 no changes, 1 changes, 2 errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The baseline: a dataset folder or a git revision.")
    var base: String

    @Argument(help: "The updated dataset: a folder or a git revision (default: the --data folder).")
    var head: String?

    @OptionGroup var options: DataOptions

    @Option(name: [.customLong("templates")], help: ArgumentHelp("The folder of templates; both sides' pages are filled from it (default: the templates folder beside the data folder).", valueName: "dir"))
    var givenTemplates: String?

    var templates: String { templatesFolder(givenTemplates, data: options.data) }

    @Option(name: .long, help: "text or json.")
    var format = Format.text

    func run() throws {
        let diff: ReportDiff
        do {
            diff = try ReportDiff.compare(base: base, head: head, dataFolder: options.data, templatesPath: templates)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        print(format == .json ? diff.json : diff.text, terminator: "")
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
