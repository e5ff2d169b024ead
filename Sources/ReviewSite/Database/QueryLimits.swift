import Foundation

/// What one guarded query may take: steps of SQLite's virtual machine,
/// wall-clock time, memory and the length of one value. A figure or table
/// comes from templates a co-author sends: none may hold the machine.
struct QueryLimits: Sendable, Equatable {
    /// Steps of work (the progress handler counts them).
    var steps: Int
    /// Seconds from a query's first step.
    var seconds: Int
    /// Bytes SQLite and the tool's aggregates hold for one query at once.
    var bytes: Int

    /// SQLITE_LIMIT_LENGTH: the longest text or blob a query may make. A
    /// review's longest values are a table cell's lines or a list of all
    /// patients' ids (11 MB at 1,000,000 patients); one step over a value
    /// costs time in proportion to it, which the progress handler cannot cut.
    static let valueBytes = 32 << 20

    init(steps: Int, seconds: Int = 10, bytes: Int = 512 << 20) {
        self.steps = steps
        self.seconds = seconds
        self.bytes = bytes
    }

    /// Enough for any figure or table over every row many times over; too
    /// little for a join without a condition. (Not yet measured against the
    /// 1,000,000-patient benchmark: 60 s and 1.7 GiB a query there.)
    /// REVIEWSITE_QUERY_SECONDS replaces the time limit: a machine many
    /// times slower (a build under valgrind) needs more, a test none.
    static func forRows(_ rows: Int) -> QueryLimits {
        let seconds = ProcessInfo.processInfo.environment["REVIEWSITE_QUERY_SECONDS"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
        return QueryLimits(steps: 10_000_000 + 200 * rows, seconds: seconds ?? 10 + rows / 100_000, bytes: (512 << 20) + 256 * rows)
    }

    var mebibytes: Int { bytes >> 20 }
}
