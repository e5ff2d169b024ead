/// The computed report of a dataset: facts and figures, computed once and
/// shared by every page, table and check.
public struct Report: Sendable {
    public let dataset: Dataset
    public let facts: ReviewFacts
    public let figures: [Figure]

    public init(_ dataset: Dataset) {
        self.dataset = dataset
        facts = ReviewFacts(dataset)
        figures = FigureCatalogue.compute(facts)
    }

    /// Loads and checks a dataset folder, then computes.
    public static func load(from path: String) throws(DatasetErrors) -> Report {
        Report(try DatasetLoader.load(from: path))
    }
}
