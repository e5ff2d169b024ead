import Foundation
import Testing
@testable import ReviewSite

/// Inputs that crashed the fuzz targets of fuzz/ (fuzz/README.md), each with
/// the errors a reviewer gets instead. The inputs are kept in fuzz/crashes/
/// (their first byte picks the file, as in the fuzz targets).
///
/// All were one bug: an integer with more digits than `Int` holds trapped in
/// `Int(_:)` (RowReader.integer, YAMLReader.count, review.yaml's year) until
/// NumberRule learnt to say "is too large".
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// A minimised fuzz input as one file of a copy of `data/`; the error lines of the load.
    func errorsWithReproducer(_ name: String, as file: String) throws -> [String] {
        let bytes = try Data(contentsOf: repositoryRoot.appendingPathComponent("fuzz/crashes/\(name)"))
        return try errorsAfter { try $0.writeBytes(file, Array(bytes.dropFirst())) }
    }

    /// FuzzCSV, minimised: `r` + "study_id,question,answer\n,18888888888888888888,\n".
    @Test func csvReproducerIsAnErrorNotATrap() throws {
        let errors = try errorsWithReproducer("FuzzCSV-risk-of-bias-question-digits", as: "risk_of_bias.csv")
        #expect(errors.filter { $0.hasPrefix("data/risk_of_bias.csv") } == [
            "data/risk_of_bias.csv:2: column 'study_id': is empty (expected a value)",
            "data/risk_of_bias.csv:2: column 'question': '18888888888888888888' is too large (expected an integer ≥ 1)",
            "data/risk_of_bias.csv:2: column 'answer': is empty (expected one of yes, no, unclear, not_applicable)",
        ])
        // The file has no answers for the 40 studies: each says so.
        #expect(errors.filter { $0.hasPrefix("data/studies.csv") }.count == 40)
    }

    @Test func csvQuestionWithTooManyDigits() throws {
        let errors = try errorsAfter { try $0.edit("risk_of_bias.csv", line: 2, "R4,1,yes", "R4,18888888888888888888,yes") }
        #expect(errors == ["data/risk_of_bias.csv:2: column 'question': '18888888888888888888' is too large (expected an integer ≥ 1)"])
    }

    /// Same cause in every integer column, e.g. studies.csv `ref`.
    @Test func csvReferenceWithTooManyDigits() throws {
        let errors = try errorsAfter { try $0.edit("studies.csv", line: 2, "R4,4,", "R4,99999999999999999999,") }
        #expect(errors == ["data/studies.csv:2: column 'ref': '99999999999999999999' is too large (expected an integer ≥ 1)"])
    }

    /// FuzzYAML: a count of Int.max (2^63 once a Double). Not found by the fuzzer but
    /// by its first seed corpus (prisma-huge), which trapped at start-up; cut by hand.
    @Test func prismaReproducerIsAnErrorNotATrap() throws {
        let errors = try errorsWithReproducer("FuzzYAML-prisma-count-int-max", as: "prisma.yaml")
        let expected: [String] = [
            "data/prisma.yaml:1: key 'databases.records_identified': '9223372036854775807' is too large (expected an integer ≥ 0)",
            "data/prisma.yaml:2: key 'other_methods.records_identified': required key is missing",
            "data/prisma.yaml:3: key 'included.studies': required key is missing",
            "data/prisma.yaml:3: key 'included.reports': required key is missing",
        ]
        #expect(errors == expected)
    }

    @Test func prismaCountWithTooManyDigits() throws {
        let errors = try errorsAfter { try $0.edit("prisma.yaml", line: 9, "records_identified: 410", "records_identified: 9223372036854775807") }
        #expect(errors == ["data/prisma.yaml:9: key 'databases.records_identified': '9223372036854775807' is too large (expected an integer ≥ 0)"])
    }

    /// FuzzYAML (also a first seed, cut by hand): review.yaml's `year` went through the same `Int(_:)`.
    @Test func reviewYearReproducerIsAnErrorNotATrap() throws {
        let errors = try errorsWithReproducer("FuzzYAML-review-year-digits", as: "review.yaml")
        let expected: [String] = [
            "data/review.yaml:1: key 'imputation': required key is missing",
            "data/review.yaml:1: key 'title': required key is missing",
            "data/review.yaml:1: key 'authors': required key is missing",
            "data/review.yaml:1: key 'year': '99999999999999999999' is too large (expected an integer from 1900 to 2100)",
            "data/review.yaml:1: key 'databases': required key is missing",
            "data/review.yaml:1: key 'languages': required key is missing",
            "data/review.yaml:1: key 'provenance': required key is missing",
        ]
        #expect(errors == expected)
    }

    /// The largest count accepted still adds up without overflow: the flow's arithmetic reports it.
    @Test func largestCountIsArithmeticNotATrap() throws {
        let accepted = try errorsAfter { try $0.edit("prisma.yaml", line: 9, "records_identified: 410", "records_identified: 999999999999") }
        #expect(accepted == ["data/prisma.yaml:27: key 'included.studies': '40' differs from the 999999999629 the flow gives (databases: 999999999627 assessed − 5 excluded; other methods: 10 assessed − 3 excluded)"])
        let rejected = try errorsAfter { try $0.edit("prisma.yaml", line: 9, "records_identified: 410", "records_identified: 1000000000000") }
        #expect(rejected == ["data/prisma.yaml:9: key 'databases.records_identified': '1000000000000' is too large (expected an integer ≥ 0)"])
    }
}
