/// The review's extracted dataset, typed and validated (dataset.md):
/// every CSV file as its codebook declares it, for any review.
public struct Dataset: Sendable {
    public var review: Review
    public var prisma: Prisma
    /// published.yaml: the figures as the article printed them, by id.
    public var published: [String: PublishedValue]
    /// Every file as the loader read and validated it, by name: the site
    /// offers these files for download, as they were read.
    public var files: [String: DatasetFile] = [:]
    /// The review's codebook, as read from the dataset folder.
    public var codebook = Codebook(tables: [], codeLists: [], appraisal: Codebook.Appraisal())
    /// Every CSV file as the codebook declares it, valid rows only.
    public var tables: [DataTable] = []
    /// What the reader left aside without it being an error (a hidden
    /// sheet of the workbook): `check` and `build` say so.
    public var notes: [String] = []
    /// search.yaml, when the review gives it: the supplement's eMethods.
    public var search: SearchStrategy?

    public init(review: Review, prisma: Prisma, published: [String: PublishedValue], files: [String: DatasetFile] = [:],
                codebook: Codebook, tables: [DataTable]) {
        self.review = review
        self.prisma = prisma
        self.published = published
        self.files = files
        self.codebook = codebook
        self.tables = tables
    }
}

public struct Review: Sendable {
    public var title: String
    public var authors: [String]
    public var journal: String?
    public var year: Int?
    public var doi: String?
    public var registration: String?
    public var databases: [String]
    public var languages: [String]
    public var provenance: String
    public var imputation: Imputation
}

/// How review.yaml says missing values of a mean are treated.
public enum Imputation: String, Sendable, CaseIterable {
    /// Each missing value counts as the mean of the reported ones.
    case mean
    case none
}
