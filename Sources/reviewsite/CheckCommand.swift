import ArgumentParser
import ReviewSite

/// `reviewsite check`: validate the dataset and compare every figure with
/// the article. Invalid data exit 1; a difference from the article is a
/// finding, listed, with exit 0.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the dataset and compare every figure with the published article."
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        let dataset = try loadOrExit(options.data)
        print("\(options.data)/ is valid: \(dataset.summary).")
        // Another review's data are valid, but the figures of this version are the default review's.
        if let problem = dataset.defaultReviewProblem {
            print("No figures computed: \(problem.message).")
            return
        }
        let figures = FigureCatalogue.compute(ReviewFacts(dataset))
        // An unpublished review has no printed figures to compare with.
        guard dataset.isPublished else {
            print("\(figures.count) figures computed.")
            return
        }
        let differences = PublishedCheck.differences(figures, dataset.published)
        let compared = figures.filter { dataset.published[$0.id] != nil }.count
        switch differences.count {
        case 0: print("\(figures.count) figures computed; all \(compared) that the article printed match it.")
        case let n:
            print("\(figures.count) figures computed; \(n) of the \(compared) that the article printed \(n == 1 ? "differs" : "differ") from it:")
            for difference in differences { print("  \(difference)") }
        }
    }
}
