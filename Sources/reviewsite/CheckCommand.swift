import ArgumentParser
import ReviewSite

/// `reviewsite check`: validate the dataset and compare every figure with
/// the article. Invalid data or figure definitions exit 1; a difference
/// from the article is a finding, listed, with exit 0.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the dataset and compare every figure with the published article."
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let report = try loadOrExit(options.data, templates: templates.templates)
        print("\(options.data)/ is valid: \(report.summary).")
        let figures = report.figures
        let differences = PublishedCheck.differences(figures, report.published)
        let compared = figures.filter { report.published[$0.id] != nil }.count
        switch differences.count {
        case 0: print("\(figures.count) figures computed; all \(compared) that the article printed match it.")
        case let n:
            print("\(figures.count) figures computed; \(n) of the \(compared) that the article printed \(n == 1 ? "differs" : "differ") from it:")
            for difference in differences { print("  \(difference)") }
        }
    }
}
