import ArgumentParser
import ReviewSite

/// `reviewsite test`: the review's own test, for the team's CI.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Test the review: valid data, templates that compile, printed figures that match, a site that builds.",
        discussion: """
        The review's own test, to run in its CI. It fails (exit 1) on any problem check finds, on a figure \
        the article printed that the data no longer give (unless published.yaml explains it under explained:), \
        and when the site does not build; nothing is written.
        """
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    func run() throws {
        let outcome = ReviewTest(dataPath: options.data, templatesPath: templates.templates(for: options.data)).run()
        for line in outcome.lines { print(line) }
        print(outcome.passed ? "The review's test passed." : "The review's test failed.")
        if !outcome.passed { throw ExitCode(1) }
    }
}
