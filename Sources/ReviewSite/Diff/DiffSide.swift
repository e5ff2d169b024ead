/// What the diff needs of one side's report: the figures' values, the
/// differences from the article, the results sentences and the two tables
/// as text. Taken from each report in turn, so that only one report (the
/// largest part of memory at a million patients) is held at a time.
struct DiffSide {
    let label: String
    let figures: [(id: String, values: [String: Double?], display: String)]
    let differences: [PublishedDifference]
    let sentences: [String]
    /// The declared tables' cells, by the table's short title (`Table 1`).
    let tables: [(title: String, data: TableData)]

    init(_ report: Report, label: String, template: String, templatesPath: String) throws(BuildFailure) {
        self.label = label
        figures = report.figures.map { ($0.id, $0.values, $0.fullDisplay) }
        differences = PublishedCheck.differences(report.figures, report.published)
        let charts = ChartFile.read(ChartFile.path(inTemplates: templatesPath), catalogue: report.catalogue).file.ids
        switch TemplateFiller(figures: report.figures, review: report.review, charts: charts).fill(template, file: "\(templatesPath)/results.md") {
        case .success(let text): sentences = TextDiff.sentences(ofMarkdown: text)
        case .failure(let errors): throw .templates(errors)
        }
        switch report.declaredTables(TableFile.path(inTemplates: templatesPath)) {
        case .success(let declared): tables = declared.map { ($0.shortTitle, $0.data) }
        case .failure(let errors): throw .templates(errors)
        }
    }
}
