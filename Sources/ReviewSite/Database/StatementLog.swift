import Foundation

/// Every statement the tool compiles, appended to the file that
/// REVIEWSITE_SQL_LOG names, each ended by a NUL byte (SQL has new lines):
/// the test that every index serves some query explains them all.
enum StatementLog {
    private static let file: FileHandle? = ProcessInfo.processInfo.environment["REVIEWSITE_SQL_LOG"].flatMap { path in
        FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
    }
    private static let lock = NSLock()

    static func record(_ sql: Substring.UTF8View) {
        guard let file else { return }
        var bytes = Data(sql)
        bytes.append(0)
        lock.withLock { file.write(bytes) }
    }

    /// The statements of a log, in the order they were compiled.
    static func statements(in log: Data) -> [String] {
        log.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
