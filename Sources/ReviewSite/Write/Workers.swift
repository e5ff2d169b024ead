import Dispatch
import Foundation

/// Runs a build's independent jobs (a page, a download) on every core.
/// Each job's output depends only on the data, never on which thread made
/// it or when, so the site stays byte-identical from run to run.
enum Workers {
    /// Throws only BuildFailure; the type says `throws` because closures
    /// with a typed throw crash Swift 6.3's SILGen in an array literal.
    typealias Job = @Sendable () throws -> Void

    /// Runs every job, in the order given (longest first); after a failure
    /// no further job starts, and of the jobs that failed, the earliest's
    /// failure is thrown.
    static func run(_ jobs: [Job], threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(BuildFailure) {
        let queue = JobQueue(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, jobs.count))) { _ in
            while let index = queue.next() {
                do { try jobs[index]() } catch { queue.fail(index, error as? BuildFailure ?? .output("\(error)")) }
            }
        }
        if let failure = queue.failure { throw failure }
    }
}

/// The next job to take, and the first failure.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var taken = 0
    private var failed: (index: Int, failure: BuildFailure)?

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.withLock {
            guard failed == nil, taken < count else { return nil }
            taken += 1
            return taken - 1
        }
    }

    func fail(_ index: Int, _ failure: BuildFailure) {
        lock.withLock {
            if failed.map({ index < $0.index }) ?? true { failed = (index, failure) }
        }
    }

    var failure: BuildFailure? { lock.withLock { failed?.failure } }
}
