/// The files of the site, by path relative to the output folder, in memory
/// until the whole build has succeeded.
public struct SiteFiles: Sendable {
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    mutating func add(_ path: String, bytes: [UInt8]) {
        files[path] = bytes
    }

    /// Paths in byte order.
    public var paths: [String] { files.keys.sorted() }

    public subscript(path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
