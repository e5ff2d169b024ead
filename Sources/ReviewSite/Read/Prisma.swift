/// The counts of the PRISMA 2020 flow diagram (new reviews with searches of
/// databases, registers and other sources); the other boxes are derived.
/// For an updated review (`previous_version`), the counts are the new
/// search's, and `update` adds what the previous version included.
public struct Prisma: Sendable {
    public struct Source: Sendable {
        public var name: String
        public var records: Int
    }

    public struct Exclusion: Sendable {
        public var code: String
        public var reason: String
        public var count: Int
    }

    public struct Databases: Sendable {
        public var recordsIdentified: Int
        public var bySource: [Source]
        public var registersRecords: Int
        public var removedDuplicates: Int
        public var removedAutomation: Int
        public var removedOther: Int
        public var recordsExcluded: Int
        public var reportsNotRetrieved: Int
        public var reportsExcluded: [Exclusion]

        public var removedBeforeScreening: Int { removedDuplicates + removedAutomation + removedOther }
        public var screened: Int { recordsIdentified + registersRecords - removedBeforeScreening }
        public var sought: Int { screened - recordsExcluded }
        public var assessed: Int { sought - reportsNotRetrieved }
        public var excluded: Int { reportsExcluded.reduce(0) { $0 + $1.count } }
        public var included: Int { assessed - excluded }
    }

    public struct OtherMethods: Sendable {
        public var recordsIdentified: Int
        public var sources: [String]
        public var reportsNotRetrieved: Int
        public var reportsExcluded: [Exclusion]

        /// Records from other methods go straight to retrieval.
        public var sought: Int { recordsIdentified }
        public var assessed: Int { sought - reportsNotRetrieved }
        public var excluded: Int { reportsExcluded.reduce(0) { $0 + $1.count } }
        public var included: Int { assessed - excluded }
    }

    public var databases: Databases
    public var otherMethods: OtherMethods
    public var includedStudies: Int
    public var includedReports: Int
    /// prisma.yaml's `previous_version`: the release this search updates.
    public var previousVersion: String? = nil
    /// What the previous version included, counted from its frozen data
    /// (nil for a new review, and for a copy of a dataset read without its releases).
    public var update: Update? = nil

    /// The previous version's studies and reports, and which studies are new.
    public struct Update: Sendable, Equatable {
        public var version: String
        public var previousStudies: Int
        public var previousReports: Int
        /// The rows of the studies table not in the previous version, by key, in the table's order.
        public var newStudies: [String]
    }

    /// Studies and reports of the whole review: the previous version's and the new ones.
    public var totalStudies: Int { (update?.previousStudies ?? 0) + includedStudies }
    public var totalReports: Int { (update?.previousReports ?? 0) + includedReports }

    /// Reports excluded at eligibility in both columns.
    public var reportsExcluded: Int { databases.excluded + otherMethods.excluded }

    /// Reports excluded for one reason, both columns.
    public func reportsExcluded(code: String) -> Int {
        (databases.reportsExcluded + otherMethods.reportsExcluded).filter { $0.code == code }.reduce(0) { $0 + $1.count }
    }
}
