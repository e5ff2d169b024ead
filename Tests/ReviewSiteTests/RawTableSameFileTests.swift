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

/// DataChanges.yamlChanges passes over a YAML file whose bytes are the same on both sides.
struct YAMLSameFileTests {
    @Test func theSameBytesAreNoChangeAndAChangedValueIsOne() throws {
        let base = try DatasetFixture(), head = try DatasetFixture()
        defer { base.delete(); head.delete() }
        #expect(DataChanges.yamlChanges("review.yaml", base.path, head.path).isEmpty)
        try head.write("review.yaml", try head.read("review.yaml").replacingOccurrences(of: "imputation: mean", with: "imputation: none"))
        #expect(DataChanges.yamlChanges("review.yaml", base.path, head.path) == [
            CellChange(file: "review.yaml", key: "imputation", column: nil, old: "mean", new: "none"),
        ])
        #expect(DataChanges.yamlChanges("nowhere.yaml", base.path, head.path).isEmpty)
    }
}
