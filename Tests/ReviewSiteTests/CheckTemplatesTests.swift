import Foundation
import Testing

/// `check` refuses every template that `build` would refuse, with the
/// review's own file, line and column, in one run with exit status 1.
@Suite("check: the templates, as build reads them")
struct CheckTemplatesTests {
    struct Broken: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var from: String
        var to: String
        var errors: [String]
        /// Whose errors the closing count names.
        var summary = "templates"
        var testDescription: String { name }
    }

    static let cases: [Broken] = [
        Broken(name: "a placeholder naming no figure", file: "results.md", from: "## Results\n", to: "## Results\n\n{{outcome.nope}}\n",
               errors: ["templates/results.md:3:1: 'outcome.nope' is not a figure of templates/figures.yaml nor one of review.title, review.authors, review.journal, review.year, review.doi, review.registration, review.databases, review.languages, review.imputation"]),
        Broken(name: "a table cell naming no column", file: "tables.yaml", from: "      cell: count(p.patient_id)", to: "      cell: count(p.patient_idd)",
               errors: ["templates/tables.yaml:35:19: table 'table-1': no such column: p.patient_idd",
                        "templates/tables.yaml:114:19: table 'table-2': no such column: p.patient_idd"]),
        Broken(name: "an SQL syntax error in a figure", file: "figures.yaml", from: "- id: studies.included\n  kind: count\n  definition: Studies included in the review\n  from: studies\n",
               to: "- id: studies.included\n  kind: count\n  definition: Studies included in the review\n  from: studies\n  where: design = = 'x'\n",
               errors: ["templates/figures.yaml:72:19: figure 'studies.included': near \"=\": syntax error"], summary: "figure definitions"),
        Broken(name: "a page of site.yaml naming no file", file: "site.yaml", from: "{text: abstract.md, title: Abstract}", to: "{text: abstract.md, title: Abstract}\n  - {text: discussion.md, title: Discussion}",
               errors: ["templates/discussion.md: template not found or not UTF-8 text"]),
        Broken(name: "a chart naming no figure", file: "charts.yaml", from: "{figure: outcome.eswl.response, label: ESWL}", to: "{figure: outcome.eswl.nope, label: ESWL}",
               errors: ["templates/charts.yaml:36:16: chart 'response-by-option': 'outcome.eswl.nope' is not a figure of templates/figures.yaml"]),
        Broken(name: "an image outside the templates", file: "methods.md", from: "## Methods", to: "![x](/etc/passwd)\n\n## Methods",
               errors: ["templates/methods.md:1:1: image '/etc/passwd' is not a path inside the templates folder (expected a relative path such as images/logo.png)"]),
    ]

    @Test(arguments: cases)
    func checkRefusesWhatBuildRefuses(_ broken: Broken) throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let path = "\(scratch.path)/templates/\(broken.file)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(broken.from))
        try Data(text.replacingOccurrences(of: broken.from, with: broken.to).utf8).write(to: URL(fileURLWithPath: path))
        let expected = (broken.errors + ["\(broken.errors.count) error\(broken.errors.count == 1 ? "" : "s") in the \(broken.summary)."]).joined(separator: "\n") + "\n"
        let check = try runReviewSite(["check"], in: URL(fileURLWithPath: scratch.path))
        #expect(check.status == 1)
        #expect(check.standardError == expected)
        #expect(check.standardOutput == "")
        // build refuses the same, with the same words.
        let build = try runReviewSite(["build", "--out", "published"], in: URL(fileURLWithPath: scratch.path))
        #expect(build.status == 1)
        #expect(build.standardError == expected)
    }

    /// With invalid data too, the templates' own problems come in the same run.
    @Test func dataAndTemplateProblemsInOneRun() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let site = "\(scratch.path)/templates/site.yaml"
        try Data(try String(contentsOfFile: site, encoding: .utf8).replacingOccurrences(of: "title: Abstract}", with: "titel: Abstract}").utf8)
            .write(to: URL(fileURLWithPath: site))
        let prisma = "\(scratch.path)/data/review.yaml"
        try Data(try String(contentsOfFile: prisma, encoding: .utf8).replacingOccurrences(of: "title:", with: "titel:").utf8)
            .write(to: URL(fileURLWithPath: prisma))
        let check = try runReviewSite(["check"], in: URL(fileURLWithPath: scratch.path))
        #expect(check.status == 1)
        #expect(check.standardError.contains("data/review.yaml:"))
        #expect(check.standardError.contains("templates/site.yaml:16:25: 'titel' is not a key of a page"))
    }
}
