/// What the diff needs of one side's report: the figures' values, the
/// differences from the article, the sentences of every text page and the declared
/// tables as text. Taken from each report in turn, so that only one report (the
/// largest part of memory at a million patients) is held at a time.
struct DiffSide: Sendable {
    /// How the changes page names the side (`version 1.0 (2025-03-01)`).
    var label: String
    let figures: [(id: String, values: [String: Double?], display: String)]
    let differences: [PublishedDifference]
    /// Each text page's sentences, in site.yaml's order.
    let sentences: [(page: SitePage, sentences: [String])]
    /// The declared tables' cells, by the table's short title (`Table 1`).
    let tables: [(title: String, data: TableData)]

    init(_ report: Report, label: String, pages: [(page: SitePage, template: String)], templatesPath: String) throws(BuildFailure) {
        self.label = label
        figures = Self.figures(report)
        differences = PublishedCheck.differences(report.figures, report.published)
        let charts = ChartFile.read(ChartFile.path(inTemplates: templatesPath), catalogue: report.catalogue).file.ids
        let filler = TemplateFiller(figures: report.figures, review: report.review, charts: charts, figuresFile: FigureFile.path(inTemplates: templatesPath))
        var sentences: [(page: SitePage, sentences: [String])] = []
        var errors = ErrorList<TemplateError>()
        for (page, template) in pages {
            switch filler.fill(template, file: "\(templatesPath)/\(page.markdown!)") {
            case .success(let text): sentences.append((page, TextDiff.sentences(ofMarkdown: text)))
            case .failure(let failure): errors.add(failure.list)
            }
        }
        guard errors.isEmpty else { throw .templates(TemplateErrors(errors)) }
        self.sentences = sentences
        switch report.declaredTables(TableFile.path(inTemplates: templatesPath)) {
        case .success(let declared): tables = declared.map { ($0.shortTitle, $0.data) }
        case .failure(let errors): throw .templates(errors)
        }
    }

    /// The working data's side as a build already has it: the same
    /// templates filled and the same tables computed by its plan, so
    /// that the report is neither loaded nor filled a second time.
    init(_ report: Report, plan: SitePlan, label: String) {
        self.label = label
        figures = Self.figures(report)
        differences = PublishedCheck.differences(report.figures, report.published)
        sentences = plan.site.textPages.map { page in (page, TextDiff.sentences(ofMarkdown: plan.texts[page.markdown!] ?? "")) }
        tables = plan.tables.map { ($0.shortTitle, $0.data) }
    }

    private static func figures(_ report: Report) -> [(id: String, values: [String: Double?], display: String)] {
        report.figures.map { ($0.id, $0.values, $0.fullDisplay) }
    }
}
