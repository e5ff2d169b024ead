import Foundation

/// The thread the preview's connections and socket pool run on, instead of
/// Swift's shared pool of threads (two on a two-core machine): a caller
/// doing blocking work there, or a test suite running builds beside the
/// preview, would otherwise hold up every answer. One for the process.
final class PreviewExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = PreviewExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [self] in run() }
        thread.name = "reviewsite serve: connections"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    private func run() {
        while true {
            let batch = condition.withLock {
                while jobs.isEmpty { condition.wait() }
                defer { jobs.removeAll() }
                return jobs
            }
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
