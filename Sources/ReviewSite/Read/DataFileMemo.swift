import Foundation
import Synchronization

/// The tables of a data folder as the last load read them, by file: a
/// preview (`reviewsite serve`) loads the report again after a change of
/// one file, and the files that did not change are not parsed again.
/// Keyed by the file's bytes and by the codebook's text (a table's plan
/// follows the codebook); only tables read without a problem are kept, so
/// a kept table is what reading its bytes again gives. The bytes are
/// compared whole, not by a hash. A CSV file of the folder only, never a
/// sheet of a workbook.
public final class DataFileMemo: Sendable {
    private struct Entry: Sendable {
        var codebook: [UInt8]
        var bytes: [UInt8]
        var rows: TableRows
    }

    private let kept = Mutex<[String: Entry]>([:])
    /// The files parsed (not taken from the memo), by the name errors give them, in order.
    private let parsedFiles = Mutex<[String]>([])

    public init() {}

    /// The memo of the tables read with the codebook `text`.
    func scope(codebook text: [UInt8]) -> Scope {
        Scope(memo: self, codebook: text)
    }

    /// The files parsed so far (for tests: what a load re-read).
    var parsed: [String] { parsedFiles.withLock { $0 } }

    /// The memo as one load sees it: its codebook's text is part of every key.
    struct Scope: Sendable {
        let memo: DataFileMemo
        let codebook: [UInt8]

        /// The rows kept for `file` (its name in messages) when read from the same bytes with the same codebook.
        func rows(_ file: String, _ bytes: [UInt8]) -> TableRows? {
            let entry = memo.kept.withLock { $0[file] }
            guard let entry, DataFileMemo.same(entry.codebook, codebook), DataFileMemo.same(entry.bytes, bytes) else {
                memo.parsedFiles.withLock { $0.append(file) }
                return nil
            }
            return entry.rows
        }

        /// Keeps `rows`, read from `bytes` without a problem.
        func keep(_ file: String, _ bytes: [UInt8], _ rows: TableRows) {
            memo.kept.withLock { $0[file] = Entry(codebook: codebook, bytes: bytes, rows: rows) }
        }
    }

    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }
}
