import Foundation

/// Where a build puts its files: memory (tests, comparisons) or a folder.
protocol SiteOutput {
    mutating func add(_ path: String, _ text: String) throws(BuildFailure)
    mutating func add(_ path: String, bytes: [UInt8]) throws(BuildFailure)
}

extension SiteFiles: SiteOutput {}

/// Writes each file as soon as it is built, so that memory holds one page
/// at a time; used on a staging folder that replaces the site at the end.
struct FolderOutput: SiteOutput {
    let folder: URL
    /// Files written so far.
    private(set) var count = 0

    mutating func add(_ path: String, _ text: String) throws(BuildFailure) {
        var text = text
        let written = text.withUTF8 { write(path, UnsafeRawBufferPointer($0)) }
        guard written else { throw .output("\(folder.appendingPathComponent(path).path): cannot be written") }
        count += 1
    }

    mutating func add(_ path: String, bytes: [UInt8]) throws(BuildFailure) {
        guard bytes.withUnsafeBytes({ write(path, $0) }) else { throw .output("\(folder.appendingPathComponent(path).path): cannot be written") }
        count += 1
    }

    /// Whether the whole buffer reached the file.
    private func write(_ path: String, _ buffer: UnsafeRawBufferPointer) -> Bool {
        let file = folder.appendingPathComponent(path)
        guard (try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)) != nil,
              let handle = fopen(file.path, "wb") else { return false }
        let written = buffer.isEmpty || fwrite(buffer.baseAddress, 1, buffer.count, handle) == buffer.count
        return fclose(handle) == 0 && written
    }
}
