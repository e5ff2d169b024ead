/// How the site publishes the rows of its long tables: site.yaml's `rows:`
/// (docs/site.md). A review of a few hundred studies publishes every row on
/// its pages; one of a hundred thousand patients may show the first page of
/// each table and offer the whole tables as downloads, so that each row is
/// published once per form a reader uses rather than four or five times.
public struct RowPublishing: Sendable, Equatable {
    public enum Pages: String, Sendable, CaseIterable {
        /// Every row, on pages of `Paging.size` rows (the default).
        case all
        /// The first `limit` rows of each table on one page.
        case first
    }

    /// The forms the dataset's rows are offered in for download.
    public enum Download: String, Sendable, CaseIterable {
        /// The dataset's CSV tables, as the build read them.
        case csv
        /// review.sqlite, the database every figure was computed from.
        case database
    }

    public var pages: Pages = .all
    /// With `.first`: the rows of each table's one page (at most a page of `Paging.size`).
    public var limit: Int = Paging.size
    public var downloads: [Download] = Download.allCases

    public init() {}

    /// The rows a table shows on the site, counted from its first.
    var shown: Int { pages == .first ? limit : Int.max }

    static var pagesAllowed: String { Pages.allCases.map(\.rawValue).joined(separator: " or ") }
    static var downloadsAllowed: String { Download.allCases.map(\.rawValue).joined(separator: " or ") }
}
