/// The computed report of a dataset: facts and figures, computed once and
/// shared by every page, table and check.
public struct Report: Sendable {
    public let facts: ReviewFacts
    public let figures: [Figure]
    /// The dataset's files as loaded and validated, for the downloads.
    public let files: [String: [UInt8]]

    public init(_ dataset: consuming Dataset) {
        files = dataset.files
        facts = ReviewFacts(dataset)
        figures = FigureCatalogue.compute(facts)
    }

    public var review: Review { facts.review }
    public var prisma: Prisma { facts.prisma }
    public var published: [String: PublishedValue] { facts.published }

    /// Loads and checks a dataset folder, then computes; the pages of this
    /// version need the default review's codes.
    public static func load(from path: String) throws(DatasetErrors) -> Report {
        let dataset = try DatasetLoader.load(from: path)
        try dataset.requireDefaultReview()
        return Report(dataset)
    }
}
