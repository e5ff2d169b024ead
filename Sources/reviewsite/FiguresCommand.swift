import ArgumentParser
import ReviewSite

/// `reviewsite figures`: every figure of the catalogue as figures.json.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print every figure of the catalogue, with the rows it came from, as JSON."
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        let dataset = try loadOrExit(options.data)
        do {
            try dataset.requireDefaultReview()
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        print(FiguresJSON.render(FigureCatalogue.compute(ReviewFacts(dataset))), terminator: "")
    }
}

/// Loads the dataset; on invalid data prints every error and exits 1.
func loadOrExit(_ path: String) throws -> Dataset {
    do {
        return try DatasetLoader.load(from: path)
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}
