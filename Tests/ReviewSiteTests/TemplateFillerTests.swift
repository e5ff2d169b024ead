import Foundation
import Testing
@testable import ReviewSite

@Suite("Template filler")
struct TemplateFillerTests {
    static let report = try! Report(loadDataset(defaultDataPath), catalogue: defaultCatalogue)
    let filler = TemplateFiller(figures: Self.report.figures, review: Self.report.review,
                                charts: ChartFile.read(ChartFile.path(inTemplates: templatesPath), catalogue: defaultCatalogue).file.ids)

    func fill(_ text: String) -> Result<String, TemplateErrors> { filler.fill(text, file: "templates/t.md") }

    @Test(arguments: [
        ("{{outcome.top_sts.response}}", "[81% (39/48)](figures.html#outcome.top_sts.response)"),
        ("{{ outcome.top_sts.response | percent }}", "[81%](figures.html#outcome.top_sts.response)"),
        ("{{outcome.top_sts.response|numerator}}", "[39](figures.html#outcome.top_sts.response)"),
        ("{{outcome.top_sts.response | fraction}}", "[39/48](figures.html#outcome.top_sts.response)"),
        ("{{patients.total}}", "[136](figures.html#patients.total)"),
        ("{{patients.age | max}}", "[91](figures.html#patients.age)"),
        ("{{pain.eswl.vas_reduction}}", "[3 (range 0–9)](figures.html#pain.eswl.vas_reduction)"),
        ("{{pain.eswl.vas_reduction | n}}", "[6](figures.html#pain.eswl.vas_reduction)"),
        ("{{top_sts.duration_months}}", "[4.9 (range 2–24)](figures.html#top_sts.duration_months)"),
        ("{{top_sts.duration_months | imputed}}", "[12](figures.html#top_sts.duration_months)"),
        ("{{il_sts.concentration.0.1}}", "[7](figures.html#il_sts.concentration.0.1)"),
        ("{{review.databases}}", "PubMed, Embase and Web of Science"),
        ("{{review.languages}}", "English, Spanish and German"),
        ("{{review.registration}}", "PROSPERO CRD42020207253"),
        ("no placeholders, { single } braces", "no placeholders, { single } braces"),
    ])
    func fillsPlaceholders(_ template: String, _ expected: String) throws {
        #expect(try fill(template).get() == expected)
    }

    @Test func everyErrorWithFileLineAndColumn() {
        let template = """
        Fine {{patients.total}} line.
        Unknown {{outcome.topsts.response}} here and {{patients.total | percent}}.
          {{outcome.top_sts.response | median}} and {{ }} and {{review.title | x}}
        Open {{patients.total and more
        """
        guard case .failure(let failure) = fill(template) else {
            Issue.record("expected errors")
            return
        }
        #expect(failure.errors.map(\.description) == [
            "templates/t.md:2:9: 'outcome.topsts.response' is not a figure of figures.yaml nor one of review.title, review.authors, review.journal, review.year, review.doi, review.registration, review.databases, review.languages, review.imputation",
            "templates/t.md:2:46: 'percent' is not a field of patients.total (expected one of n)",
            "templates/t.md:3:3: 'median' is not a field of outcome.top_sts.response (expected one of percent, numerator, denominator, fraction, ci)",
            "templates/t.md:3:45: empty placeholder '{{ }}' (expected {{figure.id}} or {{figure.id | field}})",
            "templates/t.md:3:55: 'review.title' takes no field",
            "templates/t.md:4:6: '{{' is not closed by '}}' on the same line",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        guard case .failure(let failure) = fill("CO₂ laser: {{nope}}") else {
            Issue.record("expected an error")
            return
        }
        #expect(failure.errors.first?.column == 12)
    }

    @Test(arguments: [
        ("plain words, commas and hyphen-ated", "plain words, commas and hyphen-ated"),
        ("- starts like a list", "\\- starts like a list"),
        ("12. starts like a list", "12\\. starts like a list"),
        ("# heading", "\\# heading"),
        ("a_b *c* `d` [e](f) <g> & h! | ~ {{i}}", "a\\_b \\*c\\* \\`d\\` \\[e\\](f) \\<g\\> \\& h\\! \\| \\~ \\{\\{i\\}\\}"),
        ("two\nlines", "two lines"),
    ])
    func markdownEscaping(_ text: String, _ escaped: String) {
        #expect(Escape.markdown(text) == escaped)
        #expect(!Markdown.html(Escape.markdown(text)).contains("<ul") && !Markdown.html(Escape.markdown(text)).contains("<ol"))
    }

    @Test func dataIsEscapedForMarkdownAndNeverFilledAgain() throws {
        var review = Self.report.review
        review.databases = ["<script>alert(1)</script>", "*Embase* & {{patients.total}}"]
        let filler = TemplateFiller(figures: Self.report.figures, review: review)
        let markdown = try filler.fill("Searched {{review.databases}}.", file: "t.md").get()
        #expect(markdown == #"Searched \<script\>alert(1)\</script\> and \*Embase\* \& \{\{patients.total\}\}."#)
        #expect(Markdown.html(markdown) == "<p>Searched &lt;script&gt;alert(1)&lt;/script&gt; and *Embase* &amp; {{patients.total}}.</p>\n")
    }

    /// Every number of the templates is a placeholder; the only literal
    /// numbers are names (PRISMA 2020, Table 1) and the parameters that
    /// define a figure (the concentrations of the catalogue's ids).
    @Test func templatesHoldNoLiteralNumbers() throws {
        let allowed = ["PRISMA 2020", "Table 1", "Table 2", "table-1.html", "table-2.html", "10%", "20%", "25%", "0.1 mg/ml", "40 mg/ml", "150 mg/ml", "250 mg/ml"]
        for name in ["abstract.md", "methods.md", "results.md"] {
            var text = try String(contentsOf: URL(fileURLWithPath: defaultTemplatesPath).appendingPathComponent(name), encoding: .utf8)
            text = text.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "", options: .regularExpression)
            for literal in allowed { text = text.replacingOccurrences(of: literal, with: "") }
            let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }
            #expect(digits.isEmpty, "\(name) has a literal number: \(String(String.UnicodeScalarView(digits)))")
        }
    }

    @Test func templatesFillWithoutErrors() throws {
        for name in ["abstract.md", "methods.md", "results.md"] {
            let text = try String(contentsOf: URL(fileURLWithPath: defaultTemplatesPath).appendingPathComponent(name), encoding: .utf8)
            #expect(throws: Never.self) { try fill(text).get() }
        }
    }
}

@Suite("libcmark")
struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.html("# Title\n\nSome *text* with [a link](figures.html#a.b).\n") ==
                "<h1>Title</h1>\n<p>Some <em>text</em> with <a href=\"figures.html#a.b\">a link</a>.</p>\n")
    }

    @Test func dropsRawHTML() {
        let html = Markdown.html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here.\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dropsUnsafeLinks() {
        #expect(!Markdown.html("[x](javascript:alert(1))").contains("javascript:"))
    }
}
