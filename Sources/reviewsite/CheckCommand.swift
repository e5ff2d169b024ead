import ArgumentParser
import ReviewSite

/// `reviewsite check`: validate the dataset and the templates (everything
/// `build` would refuse) and compare every figure with the article. Invalid
/// data, figure definitions or templates exit 1; a difference from the
/// article is a finding, listed, with exit 0.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the dataset and the templates, and compare every figure with the published article."
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let builder = SiteBuilder(dataPath: options.data, templatesPath: templates.templates(for: options.data))
        let report: Report
        do {
            report = try Report.load(from: options.data, figures: FigureFile.path(inTemplates: builder.templatesPath))
        } catch {
            printError(error.description)
            // What the templates show without figures, in the same run.
            if let problems = builder.templateProblemsWithoutData() { printError(problems.description) }
            throw ExitCode(1)
        }
        // Everything `build` would refuse the templates for.
        if let problems = builder.templateProblems(report) {
            printError(problems.description)
            throw ExitCode(1)
        }
        print("\(options.data)/ is valid: \(report.summary).")
        report.notes.forEach { print("Note: \($0).") }
        let figures = report.figures
        // An unpublished review has no printed figures to compare with.
        guard report.isPublished else {
            print("\(figures.count) figures computed.")
            return
        }
        let differences = PublishedCheck.differences(figures, report.published)
        let compared = figures.filter { report.published[$0.id] != nil }.count
        switch differences.count {
        case 0: print("\(figures.count) figures computed; all \(compared) that the article printed match it.")
        case let n:
            print("\(figures.count) figures computed; \(n) of the \(compared) that the article printed \(n == 1 ? "differs" : "differ") from it:")
            for difference in differences { print("  \(difference)" + (difference.explained.map { " — explained: \($0)" } ?? "")) }
        }
    }
}
