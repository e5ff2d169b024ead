import Testing
@testable import ReviewSite

/// templates/charts.yaml and `{{chart ID}}`: bad declarations and
/// placeholders are errors placed at file, line and column.
@Suite("Chart declarations and placeholders")
struct ChartDeclarationTests {
    static func errors(_ yaml: String) -> [String] {
        ChartFile.parse(yaml, path: "templates/charts.yaml", catalogue: defaultCatalogue).errors.map(\.description)
    }

    @Test func theDefaultChartsRead() {
        let (file, errors) = ChartFile.read(ChartFile.path(inTemplates: templatesPath), catalogue: defaultCatalogue)
        #expect(errors.isEmpty)
        #expect(file.ids == ["appraisal-summary", "response-by-option"])
    }

    @Test func everyBadDeclarationIsPlaced() {
        let yaml = """
        - id: a
          kind: appraisal
          title: A
          description: D
          rows: [{figure: outcome.laser.response, label: L}]
        - id: b c
          kind: proportions
        - id: c
          kind: pie
          title: C
          description: D
        - id: d
          kind: proportions
          title: D
          description: D
          colour: red
          rows:
            - {figure: outcome.lazer.response, label: Laser}
            - {figure: studies.included, label: Studies}
            - {figure: outcome.eswl.response}
        - id: a
          kind: appraisal
          title: A
        """
        #expect(Self.errors(yaml) == [
            "templates/charts.yaml:5:9: chart 'a': rows: are for a chart of proportions; an appraisal chart is drawn from the appraisal data",
            "templates/charts.yaml:6:7: the chart id 'b c' is not a plain name (expected letters, digits, - and _, at most 64)",
            "templates/charts.yaml:9:9: chart 'c': kind 'pie' is not one of appraisal, proportions",
            "templates/charts.yaml:16:3: 'colour' is not a key of a chart (expected one of id, kind, title, description, rows)",
            "templates/charts.yaml:18:16: chart 'd': 'outcome.lazer.response' is not a figure of templates/figures.yaml",
            "templates/charts.yaml:19:16: chart 'd': figure 'studies.included' is a count, not a proportion",
            "templates/charts.yaml:20:7: chart 'd': the row of 'outcome.eswl.response' has no label (expected label: the row's words)",
            "templates/charts.yaml:21:7: chart 'a': no description (expected the chart's description in words)",
        ])
    }

    @Test func aDuplicateIdAndBadYAMLArePlaced() {
        let twice = "- {id: a, kind: appraisal, title: A, description: D}\n- {id: a, kind: appraisal, title: B, description: D}\n"
        #expect(Self.errors(twice) == ["templates/charts.yaml:2:8: chart 'a': the id is already declared on line 1"])
        #expect(Self.errors("- id: [a\n").first?.hasPrefix("templates/charts.yaml:2:1: YAML syntax error") == true)
        #expect(Self.errors("id: a\n") == ["templates/charts.yaml:1:1: expected a list of charts (- id: …, kind: appraisal or proportions, title: …, description: …)"])
        #expect(Self.errors("- {id: a, kind: appraisal, id: b}\n") == ["templates/charts.yaml:1:4: the key 'id' appears more than once in one chart"])
    }

    /// Template files have the dataset files' alias limits.
    @Test func aliasesAreBounded() {
        #expect(Self.errors("- &a {id: a}\n- {? *a : 1}\n") == [
            "templates/charts.yaml:2:6: the alias *a is a mapping key (aliases may stand for values only; write the key)",
        ])
        #expect(Self.errors("x: [1]\n" + BoundedInputTests.billionLaughs) == [
            "templates/charts.yaml:5:31: the alias *c brings the nodes reached through aliases past 10,000 (no file of a review needs large aliasing)",
        ])
    }

    @Test func aPlaceholderPlacesAKnownChartOnALineOfItsOwn() throws {
        let report = try loadReport(defaultDataPath)
        let filler = TemplateFiller(figures: report.figures, review: report.review, charts: ["rates"])
        #expect(try filler.fill("Text.\n\n  {{chart rates}}  \n\nMore.", file: "t.md").get() == "Text.\n\n  {{chart rates}}  \n\nMore.")
        guard case .failure(let failure) = filler.fill("See {{chart rates}}.\n{{chart rate}}\n{{chart}}\n{{chart rates | percent}}\n", file: "t.md") else {
            Issue.record("bad chart placeholders were accepted")
            return
        }
        #expect(failure.errors.map(\.description) == [
            "t.md:1:5: {{chart rates}} must stand on a line of its own",
            "t.md:2:1: 'rate' is not a chart of charts.yaml (expected one of rates)",
            "t.md:3:1: a chart placeholder is {{chart ID}} with the id of a chart of charts.yaml, without a field",
            "t.md:4:1: a chart placeholder is {{chart ID}} with the id of a chart of charts.yaml, without a field",
        ])
    }

    @Test func anUnknownChartInATemplateFailsTheBuild() throws {
        // A copy of the templates folder, edited.
        let templates = try DatasetFixture(from: templatesPath)
        defer { templates.delete() }
        try templates.write("results.md", try templates.read("results.md") + "\n{{chart missing}}\n")
        do {
            _ = try SiteBuilder(dataPath: defaultDataPath, templatesPath: templates.path).build()
            Issue.record("the build accepted an unknown chart")
        } catch {
            #expect(error.description.contains("/results.md:"))
            #expect(error.description.contains(": 'missing' is not a chart of charts.yaml (expected one of appraisal-summary, response-by-option)"))
        }
    }
}
