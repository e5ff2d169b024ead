import Foundation
import Testing
@testable import ReviewSite

/// Inputs that took minutes, hours or gigabytes before (issue 10): each now
/// ends in well under a second with a bounded report. No timing is asserted;
/// with the old code these tests would not finish.
@Suite("Bounded inputs")
struct BoundedInputTests {
    /// 5,000 short rows: the first 1,000 errors, then one line for the rest.
    @Test func errorsPastTheLimitAreCountedPerFile() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.append("patients.csv", String(repeating: "x\n", count: 5_000))
        do {
            _ = try loadDataset(fixture.path)
            Issue.record("expected errors")
        } catch {
            let lines = error.description.replacingOccurrences(of: fixture.path, with: "data").components(separatedBy: "\n")
            #expect(lines.count == 1_002)
            #expect(lines[0] == "data/patients.csv:138: the row has 1 fields; the header has 22")
            #expect(lines[999] == "data/patients.csv:1137: the row has 1 fields; the header has 22")
            #expect(lines[1_000] == "and 4,000 more errors (data/patients.csv: 4,000)")
            #expect(lines[1_001] == "5,000 errors in the dataset.")
        }
    }

    /// Syntax errors are capped inside the CSV reader too: a file of
    /// millions of broken lines does not keep millions of messages.
    @Test func syntaxErrorsPastTheLimitAreOnlyCounted() throws {
        let reader = CSVReader(bytes: Array(("a,b\n" + String(repeating: "1,x\"y\n", count: 5_000)).utf8))
        let (errors, rest) = reader.forEachRow(from: nil) { _ in true }
        #expect(rest == nil)
        #expect(errors.first.count == 1_000)
        #expect(errors.omitted == 4_000)
        #expect(errors.first.last == CSVSyntaxError(line: 1_001, message: "a quote inside an unquoted field (quote the whole field and double the quote: \"\")"))

        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.append("patients.csv", String(repeating: "R4-01,x\"y\n", count: 5_000))
        let failure = #expect(throws: DatasetErrors.self) { try loadDataset(fixture.path) }
        let lines = (failure?.description ?? "").replacingOccurrences(of: fixture.path, with: "data").components(separatedBy: "\n")
        #expect(lines.count == 1_002)
        #expect(lines[0] == "data/patients.csv:138: a quote inside an unquoted field (quote the whole field and double the quote: \"\")")
        #expect(lines[1_000] == "and 4,000 more errors (data/patients.csv: 4,000)")
        #expect(lines[1_001] == "5,000 errors in the dataset.")
    }

    /// The limit applies to the sorted order, and errors of the file read on
    /// another thread (patients.csv) are counted with the others.
    @Test func limitKeepsTheFirstErrorsInSortedOrder() {
        var list = ErrorList<DataError>()
        for line in (1...3_000).reversed() { list.add(DataError(file: "b.csv", line: line, message: "late")) }
        var other = ErrorList<DataError>()
        for line in 1...1_500 { other.add(DataError(file: "a.csv", line: line, message: "early")) }
        list.add(other)
        let report = list.report(noun: "dataset").components(separatedBy: "\n")
        #expect(report.count == 1_002)
        #expect(report[0] == "a.csv:1: early")
        #expect(report[999] == "a.csv:1000: early")
        #expect(report[1_000] == "and 3,500 more errors (a.csv: 500, b.csv: 3,000)")
        #expect(report[1_001] == "4,500 errors in the dataset.")
    }

    @Test func numbersAreGroupedByThousands() {
        #expect([0, 999, 1_000, 4_000, 1_234_567, Int.max].map(grouped) == ["0", "999", "1,000", "4,000", "1,234,567", "9,223,372,036,854,775,807"])
    }

    /// Nine levels of ten aliases: 10^9 nodes if expanded.
    static let billionLaughs = (["x_a: &a [x,x,x,x,x,x,x,x,x,x]"] + zip("abcdefgh", "bcdefghi").map { previous, name in
        "x_\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]"
    }).joined(separator: "\n")

    @Test func aliasExpansionIsBounded() throws {
        let errors = try errorsAfter { try $0.append("review.yaml", Self.billionLaughs + "\n") }
        #expect(errors == ["data/review.yaml:25: the alias *c at column 31 brings the nodes reached through aliases past 10,000 (the dataset's files need no large aliasing)"])
    }

    @Test func aliasAsKeyIsAnError() throws {
        let errors = try errorsAfter { try $0.append("review.yaml", Self.billionLaughs.components(separatedBy: "\n")[0] + "\n? *a\n: 1\n") }
        #expect(errors == ["data/review.yaml:23: the alias *a at column 3 is a mapping key (aliases may stand for values only; write the key)"])
    }

    @Test func fewAliasedNodesAreFine() throws {
        let errors = try errorsAfter { try $0.append("review.yaml", "x_one: &one [a, b]\nx_two: *one\n") }
        #expect(errors == ["data/review.yaml:22: key 'x_one': unknown key (expected one of title, authors, journal, year, doi, registration, databases, languages, provenance, imputation)",
                           "data/review.yaml:23: key 'x_two': unknown key (expected one of title, authors, journal, year, doi, registration, databases, languages, provenance, imputation)"])
    }

    /// 3 million blank lines (3 MB) read as the 136 patients, without
    /// reserving room for 3 million rows.
    @Test func blankLinesReserveNoRows() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.append("patients.csv", String(repeating: "\n", count: 3_000_000))
        #expect(fixture.errors() == [])
        #expect(try loadDataset(fixture.path).table("patients")?.count == 136)
    }

    /// Sums past Int.max are errors, not traps (the reader stops single
    /// values at 10^12, so only the validator's sums are at stake here).
    @Test func prismaSumsPastIntMaxAreErrors() {
        let sink = ErrorSink()
        let validator = DatasetValidator(directory: DataDirectory("data"), sink: sink)
        let big = Prisma.Exclusion(code: "a", reason: "a", count: Int.max)
        let prisma = Prisma(
            databases: .init(recordsIdentified: Int.max, bySource: [.init(name: "a", records: Int.max), .init(name: "b", records: 1)],
                             registersRecords: 1, removedDuplicates: 0, removedAutomation: 0, removedOther: 0, recordsExcluded: 0,
                             reportsNotRetrieved: 0, reportsExcluded: [big, big]),
            otherMethods: .init(recordsIdentified: 0, sources: [], reportsNotRetrieved: 0, reportsExcluded: []),
            includedStudies: 0, includedReports: 0)
        var lines = PrismaLines()
        lines.databases = ["by_source": 3, "registers_records": 9, "reports_excluded": 16]
        validator.checkPrisma(prisma, lines, studyCount: nil, in: "studies.csv")
        #expect(DatasetErrors(sink.list).errors.map(\.description) == [
            "data/prisma.yaml:3: key 'databases.by_source': the sum of the sources' records is too large (more than 9,223,372,036,854,775,807)",
            "data/prisma.yaml:9: key 'databases.registers_records': records_identified + registers_records is too large (more than 9,223,372,036,854,775,807)",
            "data/prisma.yaml:16: key 'databases.reports_excluded': the sum of the reports excluded is too large (more than 9,223,372,036,854,775,807)",
        ])
    }

    /// Through the real binary: exit 1 with the message, not a signal.
    @Test func intMaxInTheFilesIsAnError() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("prisma.yaml", line: 9, "410", "9223372036854775807")
        try fixture.edit("treatments.csv", line: 2, ",250,4,", ",250,9223372036854775807,")
        let result = try runReviewSite(["check", "--data", fixture.path])
        #expect(result.status == 1)
        #expect(result.standardError.replacingOccurrences(of: fixture.path, with: "data") == """
            data/prisma.yaml:9: key 'databases.records_identified': '9223372036854775807' is too large (expected an integer ≥ 0)
            data/treatments.csv:2: column 'sessions': '9223372036854775807' is too large (expected an integer ≥ 1)
            2 errors in the dataset.

            """)
    }
}
