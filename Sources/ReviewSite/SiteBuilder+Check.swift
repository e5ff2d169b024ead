/// What `check` asks of the templates: every problem a build would refuse
/// them for, found without writing anything.
extension SiteBuilder {
    /// Every problem of the templates with this report (site.yaml, the
    /// pages and their placeholders, tables, charts, images, style.css);
    /// nil when a build would take them.
    public func templateProblems(_ report: Report) -> TemplateErrors? {
        do {
            _ = try plan(report, drawing: false)
            return nil
        } catch {
            if case .templates(let problems) = error { return problems }
            return TemplateErrors(errors: [TemplateError(file: templatesPath, line: nil, column: nil, message: error.description)])
        }
    }

    /// The problems of the templates that show without the data's figures
    /// (when the data has errors of its own): tables.yaml and site.yaml as written.
    public func templateProblemsWithoutData() -> TemplateErrors? {
        let tables = TableFile.read(TableFile.path(inTemplates: templatesPath))
        var errors = ErrorList(tables.errors)
        if case .failure(let problems) = SiteFile.read(SiteFile.path(inTemplates: templatesPath), tables: tables.file.tables.map(\.id)) {
            errors.add(problems.list)
        }
        return errors.isEmpty ? nil : TemplateErrors(errors)
    }
}
