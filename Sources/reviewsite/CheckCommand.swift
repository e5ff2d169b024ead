import ArgumentParser
import ReviewSite

/// `reviewsite check`: validate the dataset; exit 1 when it is invalid.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the dataset and list every problem with its file and line."
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        do {
            let dataset = try DatasetLoader.load(from: options.data)
            print("\(options.data)/ is valid: \(dataset.summary).")
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
