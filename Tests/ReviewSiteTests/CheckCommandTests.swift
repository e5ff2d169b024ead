import Testing

@Suite("reviewsite check, end to end")
struct CheckCommandTests {
    @Test func validDataExitsZero() throws {
        let result = try runReviewSite(["check"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("data/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.\n"))
    }

    @Test func invalidDataExitsOneWithEveryError() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("patients.csv", line: 17, ",f,", ",female,")
        try fixture.edit("treatments.csv", line: 2, ",250,4,", ",250,four,")
        let result = try runReviewSite(["check", "--data", fixture.path])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == """
            \(fixture.path)/patients.csv:17: column 'sex': 'female' is not one of f, m (empty when not reported)
            \(fixture.path)/treatments.csv:2: column 'sessions': 'four' is not an integer (expected an integer ≥ 1)
            2 errors in the dataset.

            """)
    }

    @Test func usageErrorExitsTwo() throws {
        let result = try runReviewSite(["check", "--dataa", "x"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("Error: Unknown option '--dataa'"))
    }
}
