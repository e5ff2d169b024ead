import Foundation
import Testing
@testable import ReviewSite

/// The structures that make a million-patient build fast must give exactly
/// what the plain versions give.
@Suite("Indexes, orders and parallel jobs")
struct ScaleStructuresTests {
    static let ids = ["R10-13x2587", "R4-01", "b", "B", "Łódź", "Ä", "A\u{0}", "A", "", "a-very-long-identifier-of-patient-17",
                      "a-very-long-identifier-of-patient-1", "a-very-long-identifier-of-patient-2", "日本", "~", "R10-01"]

    @Test func byteOrderIsTheOrderOfTheUTF8Bytes() {
        let expected = Self.ids.indices.sorted { Self.ids[$0].utf8.lexicographicallyPrecedes(Self.ids[$1].utf8) }
        #expect(ByteOrder.sortedPositions(Self.ids) == expected)
        #expect(ByteOrder.sortedPositions(Self.ids).map { Self.ids[$0] }.first == "")
    }

    @Test func byteComparisonAgreesWithTheUTF8Bytes() {
        for a in Self.ids {
            for b in Self.ids {
                #expect(ByteOrder.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }

    @Test(arguments: [5, 40]) func stableSortKeepsTiesInOrder(_ count: Int) {
        // Small arrays are sorted by insertion, large ones by Swift's sort.
        var items = (0..<count).map { (key: ($0 * 7) % 3, place: $0) }
        items.stableSort { $0.key < $1.key }
        #expect(items.map(\.key) == items.map(\.key).sorted())
        for (a, b) in zip(items, items.dropFirst()) where a.key == b.key {
            #expect(a.place < b.place)
        }
    }

    @Test func byteOrderKeepsEqualIdsInTheirOrder() {
        #expect(ByteOrder.sortedPositions(["b", "a", "b", "a"]) == [1, 3, 0, 2])
    }

    @Test func idIndexFindsEveryIdAndNothingElse() {
        let many = (0..<5_000).map { "P\($0)x\($0 % 7)" } + Self.ids
        let index = IDIndex(many)
        for (position, id) in many.enumerated() {
            #expect(index.position(of: id) == position)
        }
        for missing in ["P5000x1", "a-very-long-identifier-of-patient-3", "R4-1", " A", "Lodz"] {
            #expect(index.position(of: missing) == nil)
        }
    }

    @Test func idIndexOfNothing() {
        #expect(IDIndex([]).position(of: "P1") == nil)
    }

    @Test func derivedRowsGroupStepsByPatientInStepOrder() throws {
        let patients = [Build.patient("P2", study: "S2"), Build.patient("P1", study: "S1"), Build.patient("P3", study: "S1")]
        let steps = [Build.step("P3", 2, .laser), Build.step("P1", 1, .eswl), Build.step("P3", 1, .ilSTS)]
        let dataset = Build.dataset(patients: patients, steps: steps, studies: [Build.study("S2"), Build.study("S1")])
        let database = try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma).database
        let rows = try database.rows("SELECT patient_id, steps, sequence FROM patient_summary").rows
        #expect(rows == [[.text("P2"), .integer(0), .null], [.text("P1"), .integer(1), .text("eswl")], [.text("P3"), .integer(2), .text("il_sts;laser")]])
    }

    @Test func figureRowsSubtractInOnePass() {
        let keys = KeyList(["A", "B", "C", "D", "E"])
        let rows = FigureRows(keys, [0, 1, 2, 3, 4])
        #expect(Array(rows.subtracting(FigureRows(keys, [1, 3]))) == ["A", "C", "E"])
        #expect(Array(rows.subtracting(FigureRows(keys, []))) == ["A", "B", "C", "D", "E"])
        #expect(Array(rows.subtracting(["B", "E"])) == ["A", "C", "D"])
        #expect(rows == ["A", "B", "C", "D", "E"])
        #expect(FigureRows(keys, [4]) == ["E"])
    }

    @Test func figureRowsAreQuotedForJSONOnce() {
        let keys = KeyList(["plain", "say \"hi\"", "back\\slash", "two\nlines", "Łódź"])
        let figure = Figure(id: "x", kind: .count, values: ["n": 3], rows: FigureRows(keys, [1, 3, 4]))
        #expect(FiguresJSON.render([figure]).contains(#""rows": ["say \"hi\"", "two\nlines", "Łódź"]"#))
        #expect(FiguresJSON.render([Figure(id: "y", kind: .count, values: ["n": 0], rows: [])]).contains(#""rows": []"#))
    }

    @Test(arguments: ["", "plain", "<script>alert('x')</script>", "a & b \"q\"", "Łódź 日本 <b>", "&amp;", "it's"])
    func htmlBytesEscapeLikeEscapeHTML(_ text: String) {
        var html = HTMLBytes(capacity: 0)
        html.text(text)
        #expect(String(decoding: html.bytes, as: UTF8.self) == Escape.html(text))
    }

    @Test(arguments: [0.0, -0.0, 1, 7, 42, 1999, 0.5, 4.85, 2.05, 1.8, -3, -2.5, 1e11, 999_999_999_999, 1e12, 1e15, 0.000_000_1, 123.456_789_9])
    func htmlBytesNumbersAreFormatNumber(_ value: Double) {
        var html = HTMLBytes(capacity: 0)
        html.number(value)
        html.raw("|")
        html.int(Int(value.rounded(.towardZero)))
        #expect(String(decoding: html.bytes, as: UTF8.self) == formatNumber(value) + "|" + String(Int(value.rounded(.towardZero))))
    }

    @Test func everyJobRunsAndTheEarliestFailureIsReported() {
        let done = Counter()
        let jobs: [Workers.Job] = (0..<50).map { index in
            { done.add(index) }
        }
        #expect(throws: Never.self) { try Workers.run(jobs, threads: 3) }
        #expect(done.values.sorted() == Array(0..<50))

        let failing: [Workers.Job] = (0..<20).map { index in
            { if index == 4 || index == 9 { throw BuildFailure.output("job \(index)") } }
        }
        do {
            try Workers.run(failing, threads: 1)
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == "job 4")
        }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ value: Int) { lock.withLock { seen.append(value) } }
    var values: [Int] { lock.withLock { seen } }
}
