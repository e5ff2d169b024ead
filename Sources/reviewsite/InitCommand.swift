import ArgumentParser
import ReviewSite

/// `reviewsite init DIR`: a new review's folder that passes `check` at
/// once, for a team to make its own (README, "Start your own review").
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new review's folder (data/ and templates/) that passes check at once.",
        discussion: """
        DIR must not exist or be empty. data/ holds a codebook with placeholder codes and one example row \
        per file; templates/ holds short pages, figures, both tables and two charts that quote them.
        """
    )

    @Argument(help: ArgumentHelp("The new review's folder.", valueName: "dir"))
    var folder: String

    @Flag(name: .long, help: "Write the tables as one extraction workbook, data/extraction.xlsx, instead of CSV files.")
    var workbook = false

    func run() throws {
        do {
            try ReviewSkeleton.write(to: folder)
            if workbook { try ReviewSkeleton.writeWorkbook(in: folder) }
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        print(ReviewSkeleton.nextSteps(folder))
    }
}
