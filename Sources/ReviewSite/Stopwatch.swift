import Foundation

/// Stage timings on standard error when REVIEWSITE_TIMES is set, for
/// `make bench` and for finding where a slow build spends its time.
enum Stopwatch {
    static let enabled = ProcessInfo.processInfo.environment["REVIEWSITE_TIMES"] != nil
    private static let clock = ContinuousClock()

    /// Runs `work`, and prints how long it took under `name` when enabled.
    static func time<T, E: Error>(_ name: @autoclosure () -> String, _ work: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try work() }
        let start = clock.now, cpu = cpuMilliseconds()
        let result = try work()
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let used = cpuMilliseconds() - cpu
        FileHandle.standardError.write("time \(name()): \(String(format: "%.1f", ms)) ms (CPU of all threads \(String(format: "%.1f", used)) ms)\n".data(using: .utf8)!)
        return result
    }

    /// User and system time of the whole process so far.
    private static func cpuMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
