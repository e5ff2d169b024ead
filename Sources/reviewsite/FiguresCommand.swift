import ArgumentParser
import ReviewSite

/// `reviewsite figures`: every figure of figures.yaml as figures.json.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print every figure of figures.yaml, with the rows it came from, as JSON."
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let report = try loadOrExit(options.data, templates: templates.templates)
        print(FiguresJSON.render(report.figures), terminator: "")
    }
}

/// `--templates DIR`: where figures.yaml (and the page templates) are.
struct TemplatesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of templates: figures.yaml, the Markdown templates and assets.", valueName: "dir"))
    var templates = "templates"
}

/// Loads the dataset and computes its figures; on invalid data or figure
/// definitions prints every error and exits 1.
func loadOrExit(_ path: String, templates: String) throws -> Report {
    do {
        return try Report.load(from: path, figures: FigureFile.path(inTemplates: templates))
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}
