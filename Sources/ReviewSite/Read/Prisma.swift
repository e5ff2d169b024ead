/// The counts of the PRISMA 2020 flow diagram (new reviews with searches of
/// databases, registers and other sources); the other boxes are derived.
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

    /// Reports excluded at eligibility in both columns.
    public var reportsExcluded: Int { databases.excluded + otherMethods.excluded }

    /// Reports excluded for one reason, both columns.
    public func reportsExcluded(code: String) -> Int {
        (databases.reportsExcluded + otherMethods.reportsExcluded).filter { $0.code == code }.reduce(0) { $0 + $1.count }
    }
}
