/// search.yaml: how the review searched (PRISMA 2020 item 7), source by
/// source, as the team reports it. Printed as the supplement's eMethods;
/// what a source does not give is printed as not reported, never guessed.
public struct SearchStrategy: Sendable, Equatable {
    public var sources: [Source]
    /// A paragraph after the sources (the team's words: who searched, peer review of the strategy…).
    public var note: String?

    public init(sources: [Source], note: String? = nil) {
        self.sources = sources
        self.note = note
    }

    public struct Source: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// The interface the source was searched through (e.g. Ovid).
        public var platform: String?
        /// When it was searched: YYYY-MM-DD, YYYY-MM or YYYY.
        public var searched: String?
        /// The years or dates the search covered (e.g. inception to July 2018).
        public var coverage: String?
        /// The search string, exactly as run (lines kept).
        public var query: String?
        /// Filters and limits (languages, publication types…).
        public var limits: String?
        public var records: Int?

        public init(name: String, kind: Kind, platform: String? = nil, searched: String? = nil, coverage: String? = nil,
                    query: String? = nil, limits: String? = nil, records: Int? = nil) {
            self.name = name
            self.kind = kind
            self.platform = platform
            self.searched = searched
            self.coverage = coverage
            self.query = query
            self.limits = limits
            self.records = records
        }
    }

    /// Which of PRISMA's columns a source's records go to.
    public enum Kind: String, Sendable, CaseIterable {
        case database
        case register
        /// Websites, organisations, citation searching…: PRISMA's other methods.
        case other

        /// The prisma.yaml count the records of this kind add up to.
        var prismaKey: String {
            switch self {
            case .database: "databases.records_identified"
            case .register: "databases.registers_records"
            case .other: "other_methods.records_identified"
            }
        }
    }

    /// A search without search.yaml: the databases review.yaml names, each with nothing else reported.
    static func named(_ databases: [String]) -> SearchStrategy {
        SearchStrategy(sources: databases.map { Source(name: $0, kind: .database) })
    }
}
