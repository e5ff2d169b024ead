import Foundation
import Testing
@testable import ReviewSite

/// The data part of the diff, read as bytes: rows matched by key wherever
/// they are in the file, repeated keys numbered, NR read as empty.
@Suite("diff data changes")
struct DataChangesTests {
    func changes(_ change: (DatasetFixture) throws -> Void) throws -> DataChanges {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try change(fixture)
        return DataChanges.between(defaultDataPath, fixture.path)
    }

    @Test func rowsMovedInTheFileAreNotChanges() throws {
        let changes = try changes { fixture in
            var lines = try fixture.read("treatments.csv").components(separatedBy: "\n")
            lines.swapAt(1, 5)
            lines.swapAt(2, lines.count - 2)
            try fixture.write("treatments.csv", lines.joined(separator: "\n"))
        }
        #expect(changes.isEmpty)
    }

    @Test func aRepeatedKeyIsNumberedAndARowInsertedEarlyChangesNothingElse() throws {
        let changes = try changes { fixture in
            var lines = try fixture.read("adverse_events.csv").components(separatedBy: "\n")
            lines.insert(lines[1], at: 1)
            try fixture.write("adverse_events.csv", lines.joined(separator: "\n"))
        }
        #expect(changes.rows.count == 1)
        #expect(changes.rows.first?.added == true)
        #expect(changes.rows.first?.key.hasSuffix(" #2") == true)
        #expect(changes.cells.isEmpty)
    }

    @Test func nrReadsAsEmpty() throws {
        let changes = try changes { fixture in
            try fixture.edit("patients.csv", line: 4, ",partial,", ",NR,")
        }
        #expect(changes.cells == [CellChange(file: "patients.csv", key: "R4-03", column: "response", old: "partial", new: "")])
    }
}
