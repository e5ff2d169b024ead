import ArgumentParser

/// `--data DIR`, shared by every command that reads the dataset.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The dataset folder (format: docs/dataset.md).", valueName: "dir"))
    var data = "data"
}
