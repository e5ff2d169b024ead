import Testing
@testable import ReviewSite

/// The dataset's own codebook.yaml is read first and drives every check of
/// the rows; its problems come with the data's, each at line and character.
@Suite("The dataset's codebook drives the checks")
struct CodebookWiringTests {
    static let cases: [ValidationCase] = [
        ValidationCase(name: "no codebook", change: { try $0.remove("codebook.yaml") },
                       expected: ["data/codebook.yaml: file not found (expected the review's codebook: its tables, columns and codes)"]),
        ValidationCase(name: "a bad codebook stops the row checks, not the others", change: { fixture in
            try fixture.edit("codebook.yaml", line: 38, "type: code,", "type: cod,")
            try fixture.edit("codebook.yaml", line: 134, "label:", "lable:")
            try fixture.edit("review.yaml", line: 1, "title:", "tilte:")
            try fixture.edit("patients.csv", line: 17, ",f,", ",female,")
        }, expected: [
            "data/codebook.yaml:38:29: key 'tables.patients.sex.type': unknown type 'cod' (expected one of id, reference, integer, number, text, code, code list, yes/no, checklist, answer, level)",
            "data/codebook.yaml:134:23: key 'codes.modality.top_sts.lable': unknown key (did you mean 'label'?)",
            "data/review.yaml:1: key 'tilte': unknown key (expected one of title, authors, journal, year, doi, registration, databases, languages, provenance, imputation)",
            "data/review.yaml:1: key 'title': required key is missing",
        ]),
        ValidationCase(name: "codes in the codebook's order", change: { fixture in
            try fixture.edit("codebook.yaml", line: 100, "[f, m]", "[m, f]")
            try fixture.edit("patients.csv", line: 17, ",f,", ",female,")
        }, expected: ["data/patients.csv:17: column 'sex': 'female' is not one of m, f (empty when not reported)"]),
        ValidationCase(name: "bounds from the codebook", change: { fixture in
            try fixture.edit("codebook.yaml", line: 52, "max: 10,", "max: 10, max_exclusive: yes,")
            try fixture.edit("patients.csv", line: 2, "complete,,,,12", "complete,,10,2,12")
        }, expected: ["data/patients.csv:2: column 'vas_before': '10' is out of range (expected a number ≥ 0 and < 10)"]),
        ValidationCase(name: "a column the codebook makes required", change: { fixture in
            try fixture.edit("codebook.yaml", line: 91, "type: text,", "type: text, required: yes,")
            try fixture.edit("adverse_events.csv", line: 2, ",local infection treated with oral antibiotics", ",")
        }, expected: ["data/adverse_events.csv:2: column 'detail': is empty (expected a value)"]),
        ValidationCase(name: "an extra column is read and checked", change: { fixture in
            try fixture.edit("codebook.yaml", line: 91, "label: Detail}", "label: Detail}\n    extra:\n      - {column: severe, type: yes/no, label: Severe}")
            try fixture.write("adverse_events.csv", try fixture.read("adverse_events.csv").replacingOccurrences(of: "\n", with: ",\n"))
            try fixture.edit("adverse_events.csv", line: 1, "detail,", "detail,severe")
            try fixture.edit("adverse_events.csv", line: 2, "antibiotics,", "antibiotics,very")
        }, expected: ["data/adverse_events.csv:2: column 'severe': 'very' is not one of yes, no (empty when not reported)"]),
    ]

    @Test(arguments: cases)
    func rule(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(rule.change)
        #expect(actual == rule.expected)
    }

    @Test func codebookProblemsThroughCheckWithLineAndCharacter() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("codebook.yaml", line: 100, "[f, m]", "[f, m, f]")
        let result = try runReviewSite(["check", "--data", fixture.path])
        #expect(result.status == 1)
        #expect(result.standardError == """
            \(fixture.path)/codebook.yaml:100:15: key 'codes.sex': code 'f' appears twice (first on line 100)
            1 error in the dataset.

            """)
    }

    /// A code the default review does not know validates, but the pages of this version cannot show it.
    /// A code the default review does not have is the review's own: it
    /// validates, the database holds it, and the site builds.
    @Test func aNewCodeIsTheReviewsOwn() throws {
        let fixture = try DatasetFixture()
        defer { fixture.delete() }
        try fixture.edit("codebook.yaml", line: 100, "[f, m]", "[f, m, x]")
        try fixture.edit("patients.csv", line: 17, ",f,", ",x,")
        let report = try loadReport(fixture.path)
        #expect(report.table("patients")?.count == 136)
        #expect(try report.database.database.rows("SELECT count(*) FROM patients WHERE sex = 'x'").rows == [[.integer(1)]])
        let female = try #require(report.figures.first { $0.id == "patients.sex.female" })
        #expect(female.values["n"] == 89)  // 90 women in data/, one of them now coded x
    }
}
