import Foundation
import Testing
@testable import ReviewSite

/// A figures.yaml with a problem, and the one error line it must give.
struct BadFigure: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var error: String
    var testDescription: String { name }
}

@Suite("Figure definitions: errors placed in figures.yaml")
struct FigureDefinitionTests {
    static let dataset = try! loadDataset(defaultDataPath)

    /// Every error of a figures.yaml run on the default data, as printed.
    static func errors(_ yaml: String) -> [String] {
        let (catalogue, parsed) = FigureFile.parse(yaml, path: "templates/figures.yaml")
        var errors = parsed
        do { _ = try Report(dataset, catalogue: catalogue) } catch { errors += error.errors }
        return FigureErrors(errors).errors.map(\.description)
    }

    static let head = "- id: x\n  definition: d\n"

    static let cases: [BadFigure] = [
        BadFigure(name: "syntax error in a plain scalar", yaml: head + "  kind: count\n  from: patients\n  where: sex = = 'm'\n",
                  error: "templates/figures.yaml:5:16: figure 'x': near \"=\": syntax error"),
        BadFigure(name: "unknown column in a literal block", yaml: head + "  kind: proportion\n  from: patients\n  numerator: |\n    response = 'complete'\n      AND sexx = 'f'\n",
                  error: "templates/figures.yaml:7:11: figure 'x': no such column: sexx"),
        BadFigure(name: "unknown column in a folded block", yaml: head + "  kind: range\n  from: patients\n  value: >\n    age_years +\n    agee\n",
                  error: "templates/figures.yaml:7:5: figure 'x': no such column: agee"),
        BadFigure(name: "unknown column in a quoted scalar", yaml: head + "  kind: count\n  from: patients\n  where: \"sexe = 'm'\"\n",
                  error: "templates/figures.yaml:5:11: figure 'x': no such column: sexe"),
        BadFigure(name: "unknown column after escapes in a double-quoted scalar", yaml: head + "  kind: count\n  from: patients\n  where: \"sex\\t= 'm'\\tAND sexe = 'f'\"\n",
                  error: "templates/figures.yaml:5:27: figure 'x': no such column: sexe"),
        BadFigure(name: "unknown column after hex escapes and a joined line", yaml: head + "  kind: count\n  from: patients\n  where: \"sex = \\x27m\\u0027 AND \\\n    sexe = 'f'\"\n",
                  error: "templates/figures.yaml:6:5: figure 'x': no such column: sexe"),
        BadFigure(name: "unknown table: SQLite gives no position, the piece's start", yaml: head + "  kind: count\n  from: patient\n",
                  error: "templates/figures.yaml:4:9: figure 'x': no such table: patient"),
        BadFigure(name: "wrong shape for the kind", yaml: head + "  kind: proportion\n  sql: SELECT patient_id FROM patients\n",
                  error: "templates/figures.yaml:4:8: figure 'x': the query returns 1 column (a proportion needs 2 columns, each row's key and whether it is in the numerator)"),
        BadFigure(name: "a value that is not a number", yaml: head + "  kind: range\n  from: patients\n  value: sex\n",
                  error: "templates/figures.yaml:5:10: figure 'x': the value of row 'R4-01' is 'f' (expected a number)"),
        BadFigure(name: "a count that is not one number", yaml: head + "  kind: count\n  value: SELECT NULL\n",
                  error: "templates/figures.yaml:4:10: figure 'x': value: gives NULL (expected one whole number ≥ 0, a count)"),
        BadFigure(name: "duplicate id", yaml: head + "  kind: count\n  from: patients\n- id: x\n  definition: e\n  kind: count\n  from: studies\n",
                  error: "templates/figures.yaml:5:7: figure 'x': the id is already declared on line 1"),
        BadFigure(name: "unknown kind", yaml: head + "  kind: ratio\n  from: patients\n",
                  error: "templates/figures.yaml:3:9: figure 'x': kind 'ratio' is not one of count, proportion, range, median_range, mean_range"),
        BadFigure(name: "missing numerator", yaml: head + "  kind: proportion\n  from: patients\n",
                  error: "templates/figures.yaml:1:7: figure 'x': a proportion needs from: and numerator: (a condition on its population's rows)"),
        BadFigure(name: "missing population", yaml: head + "  kind: median_range\n  value: age_years\n",
                  error: "templates/figures.yaml:1:7: figure 'x': a median_range needs from: and value: (an expression over its population's rows) (or sql: a whole query)"),
        BadFigure(name: "unknown key", yaml: head + "  kind: count\n  frm: patients\n",
                  error: "templates/figures.yaml:4:3: figure 'x': 'frm' is not a key of a figure (expected one of id, kind, definition, from, where, numerator, value, counting, sql, of, key)"),
        BadFigure(name: "sql with pieces", yaml: head + "  kind: count\n  from: patients\n  sql: SELECT patient_id FROM patients\n",
                  error: "templates/figures.yaml:1:7: figure 'x': from cannot go with sql: (a whole query)"),
        BadFigure(name: "a range over an unknown figure", yaml: head + "  kind: range\n  of: [nope.percent]\n",
                  error: "templates/figures.yaml:4:8: figure 'x': 'nope' is not another figure of this file"),
        BadFigure(name: "a write is refused", yaml: head + "  kind: count\n  sql: INSERT INTO patients (patient_id) VALUES ('P')\n",
                  error: "templates/figures.yaml:4:8: figure 'x': INSERT (patients) is not allowed: queries only read the review's database"),
        BadFigure(name: "not a list", yaml: "id: x\n", error: "templates/figures.yaml:1:1: expected a list of figures (- id: …, kind: …)"),
    ]

    @Test(arguments: cases)
    func badDefinitionIsPlaced(_ bad: BadFigure) {
        #expect(Self.errors(bad.yaml) == [bad.error])
    }

    @Test func everyProblemOfAFileIsReportedInOneRun() {
        let yaml = Self.head + "  kind: count\n  from: patient\n- id: y\n  definition: d\n  kind: ratio\n- id: z\n  definition: d\n  kind: count\n  from: patients\n  where: sexx = 'f'\n"
        #expect(Self.errors(yaml) == [
            "templates/figures.yaml:4:9: figure 'x': no such table: patient",
            "templates/figures.yaml:7:9: figure 'y': kind 'ratio' is not one of count, proportion, range, median_range, mean_range",
            "templates/figures.yaml:12:10: figure 'z': no such column: sexx",
        ])
    }

    @Test func aRunawayQueryIsStoppedNamingTheFigure() throws {
        let yaml = Self.head + "  kind: count\n  sql: SELECT a.patient_id FROM patients a, patients b, patients c, patients d WHERE a.patient_id || d.patient_id = ''\n"
        let limit = try ReviewDatabase(tables: Self.dataset.tables, codebook: Self.dataset.codebook, prisma: Self.dataset.prisma).workLimit
        #expect(Self.errors(yaml) == [
            "templates/figures.yaml:4:8: figure 'x': stopped after more than \(limit) steps of work: the query does too much (a join without a condition?)",
        ])
    }

    @Test func aPublishedValueOfNoFigureIsAnError() throws {
        let errors = try errorsAfter { try $0.append("published.yaml", "nope.figure: 3\n") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("key 'nope.figure': not a figure of figures.yaml (expected the id of a figure the report computes)") == true)
        #expect(errors.first?.hasPrefix("data/published.yaml:") == true)
    }

    @Test func aFigureAddedToFiguresYAMLIsComputedPlacedAndListed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: templatesPath, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let figures = try String(contentsOfFile: "\(folder)/figures.yaml", encoding: .utf8)
        try (figures + """

            - id: patients.ssc.female
              kind: proportion
              definition: sex f among patients with diagnosis ssc
              from: patients
              where: diagnosis = 'ssc'
              numerator: sex = 'f'

            """).write(toFile: "\(folder)/figures.yaml", atomically: true, encoding: .utf8)
        let results = try String(contentsOfFile: "\(folder)/results.md", encoding: .utf8)
        try (results + "\nWomen among SSc patients: {{patients.ssc.female}}.\n").write(toFile: "\(folder)/results.md", atomically: true, encoding: .utf8)

        let site = try SiteBuilder(dataPath: defaultDataPath, templatesPath: folder).build()
        let patients = try #require(Self.dataset.table("patients"))
        let (diagnosis, sex) = (try #require(patients.index(of: "diagnosis")), try #require(patients.index(of: "sex")))
        let ssc = (0..<patients.count).filter { patients.code(diagnosis, $0) == "ssc" }
        let women = ssc.filter { patients.code(sex, $0) == "f" }
        let shown = "\(Statistics.percent(women.count, ssc.count)!)% (\(women.count)/\(ssc.count))"
        #expect(site["results.html"]!.contains("<a href=\"figures.html#patients.ssc.female\">\(shown)</a>"))
        #expect(site["figures.html"]!.contains("<tr id=\"patients.ssc.female\">"))
        #expect(site["figures.html"]!.contains("sex f among patients with diagnosis ssc"))
        #expect(site["data/figures.json"]!.contains("\"id\": \"patients.ssc.female\""))
    }
}
