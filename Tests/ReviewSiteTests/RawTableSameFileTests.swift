import Testing
@testable import ReviewSite

/// RawTable passes over a file whose bytes are the same on both sides.
struct RawTableSameFileTests {
    @Test func theSameBytesAreNoChangeAndOneByteMoreIsOne() throws {
        let base = try DatasetFixture(), head = try DatasetFixture()
        defer { base.delete(); head.delete() }
        let key: [KeyPart] = [.column("patient_id")]
        let same = RawTable(file: "patients.csv", sheet: "patients", base: base.path, head: head.path, key: key)
        #expect(same.added.isEmpty && same.removed.isEmpty && same.cells.isEmpty)
        try head.edit("patients.csv", line: 17, ",f,", ",m,")
        let changed = RawTable(file: "patients.csv", sheet: "patients", base: base.path, head: head.path, key: key)
        #expect(changed.cells.map(\.column) == ["sex"])
        #expect(changed.cells.map(\.old) == ["f"])
        // Missing on both sides: nothing, as before.
        let missing = RawTable(file: "nowhere.csv", sheet: "nowhere", base: base.path, head: head.path, key: key)
        #expect(missing.added.isEmpty && missing.removed.isEmpty && missing.cells.isEmpty)
    }
}
