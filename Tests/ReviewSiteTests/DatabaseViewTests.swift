import Foundation
import Testing
@testable import ReviewSite

/// A large review's database is a shared store in memory, read through
/// views of its bytes: two threads' views read at once, with no mutex and
/// no copy, and see what the store holds.
@Suite("Database views")
struct DatabaseViewTests {
    static func store() throws -> Database {
        let database = try Database(shared: true)
        try database.execute("""
        CREATE TABLE t (x INTEGER, label TEXT);
        WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)
        INSERT INTO t SELECT i, 'row ' || i FROM c;
        CREATE INDEX t_by_label ON t (label)
        """)
        return database
    }

    @Test func aViewReadsTheStoresRows() throws {
        let store = try Self.store()
        let view = try store.view()
        #expect(try view.rows("SELECT count(*), sum(x) FROM t").rows == [[.integer(20000), .integer(200_010_000)]])
        #expect(try view.rows("SELECT x FROM t WHERE label = 'row 7'").rows == [[.integer(7)]])
        // Another connection of a view is a view of the same store.
        #expect(try view.connect().rows("SELECT max(x) FROM t").rows == [[.integer(20000)]])
    }

    @Test func aViewOnlyReads() throws {
        let view = try Self.store().view()
        let error = #expect(throws: DatabaseError.self) { try view.execute("INSERT INTO t VALUES (1, 'one')") }
        #expect(error?.message == "attempt to write a readonly database")
    }

    @Test func twoViewsReadAtOnce() throws {
        let store = try Self.store()
        let views = [try store.view(), try store.view()]
        let sums = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
        defer { sums.deallocate() }
        let shared = SendableBuffer(sums)
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            var total = 0
            for _ in 0..<20 { total += (try? views[thread].rows("SELECT sum(length(label)) FROM t").rows[0][0].integer) ?? 0 }
            shared.buffer[thread] = total
        }
        #expect(Array(sums) == [20 * 168_894, 20 * 168_894])
    }

    @Test func aViewWritesTheStoresBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-view-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store()
        try store.write(to: folder.appendingPathComponent("store.sqlite").path)
        try store.view().write(to: folder.appendingPathComponent("view.sqlite").path)
        let written = try Data(contentsOf: folder.appendingPathComponent("store.sqlite"))
        #expect(written.count > 100_000)
        #expect(written == (try Data(contentsOf: folder.appendingPathComponent("view.sqlite"))))
    }
}

private struct SendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int>
    init(_ buffer: UnsafeMutableBufferPointer<Int>) { self.buffer = buffer }
}
