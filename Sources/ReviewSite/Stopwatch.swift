import Foundation

/// Stage timings on standard error when REVIEWSITE_TIMES is set, for
/// `make bench` and for finding where a slow build spends its time.
enum Stopwatch {
    static let enabled = ProcessInfo.processInfo.environment["REVIEWSITE_TIMES"] != nil
    private static let clock = ContinuousClock()

    /// Runs `work`, and prints how long it took under `name` when enabled.
    static func time<T, E: Error>(_ name: @autoclosure () -> String, _ work: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try work() }
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        FileHandle.standardError.write("time \(name()): \(String(format: "%.1f", ms)) ms\n".data(using: .utf8)!)
        return result
    }
}
