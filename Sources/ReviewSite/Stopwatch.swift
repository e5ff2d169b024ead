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
        let line = "time \(name()): \(String(format: "%.1f", ms)) ms (CPU of all threads \(String(format: "%.1f", used)) ms,"
            + " memory now \(residentMebibytes()) MiB, peak so far \(peakMebibytes()) MiB)\n"
        FileHandle.standardError.write(line.data(using: .utf8)!)
        return result
    }

    /// The largest resident set of the process so far.
    private static func peakMebibytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// The resident set now (Linux's /proc/self/statm; 0 where there is none).
    private static func residentMebibytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }

    /// User and system time of the whole process so far.
    private static func cpuMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
