import Foundation

/// Why a build did not produce a site; the previous site stays as it was.
public enum BuildFailure: Error, CustomStringConvertible {
    case data(ReportErrors)
    case templates(TemplateErrors)
    case output(String)
    /// `--out` names something a build must not replace; nothing was touched.
    case refused(String)

    public var description: String {
        switch self {
        case .data(let errors): errors.description
        case .templates(let errors): errors.description
        case .output(let message), .refused(let message): message
        }
    }
}

/// What writing a site did: the files written, and warnings about what
/// went wrong after the new site was in place.
public struct WrittenSite: Sendable {
    public var files: Int
    public var warnings: [String]
}

/// Builds every file of the site in memory: read → compute → fill → render.
public struct SiteBuilder: Sendable {
    public var dataPath: String
    public var templatesPath: String
    /// The changes page's content (from a baseline); nil says there is none.
    public var changes: (html: String, markdown: String)?
    /// The review's releases, when it has any (SiteHistory.live).
    public var history: SiteHistory?
    /// The declared tables kept from an earlier build of the same report (serve).
    public var tablesMemo: DeclaredTablesMemo?

    public init(dataPath: String, templatesPath: String, changes: (html: String, markdown: String)? = nil) {
        self.dataPath = dataPath
        self.templatesPath = templatesPath
        self.changes = changes
    }

    public func build() throws(BuildFailure) -> SiteFiles {
        let report: Report
        do { report = try Report.load(from: dataPath, figures: FigureFile.path(inTemplates: templatesPath)) } catch { throw .data(error) }
        return try build(report)
    }

    public func build(_ report: Report) throws(BuildFailure) -> SiteFiles {
        let output = MemoryOutput()
        try build(report, into: output)
        return output.site
    }

    /// Every file of the site into `output`.
    func build(_ report: Report, into output: any SiteOutput) throws(BuildFailure) {
        try Workers.run(jobs(report, try plan(report), into: output))
    }

    /// The folders a build reads, which `--out` must neither be nor hold.
    public var inputs: [OutputCheck.Input] {
        [OutputCheck.Input(option: "--data", path: dataPath), OutputCheck.Input(option: "--templates", path: templatesPath)]
    }

    /// Builds and writes the site: checks that `output` may be replaced,
    /// loads and fills everything, then writes page by page into a staging
    /// folder that replaces `output` only when all of it is written.
    public func write(to output: String) throws(BuildFailure) -> WrittenSite {
        if let refusal = OutputCheck.refusal(output, inputs: inputs) { throw .refused(refusal) }
        let report: Report
        do { report = try Report.load(from: dataPath, figures: FigureFile.path(inTemplates: templatesPath)) } catch { throw .data(error) }
        return try write(report, to: output)
    }

    /// Writes the site of a report already computed from `dataPath`.
    public func write(_ report: Report, to output: String) throws(BuildFailure) -> WrittenSite {
        // Template errors are reported before any folder is touched.
        let plan = try Stopwatch.time("plan (tables, templates)") { () throws(BuildFailure) in try self.plan(report) }
        return try write(report, plan: plan, to: output)
    }

    /// Writes the site of a report and its plan.
    func write(_ report: Report, plan: SitePlan, to output: String) throws(BuildFailure) -> WrittenSite {
        var count = 0
        let warnings = try SiteWriter.write(to: output, inputs: inputs) { folder throws(BuildFailure) in
            let files = FolderOutput(folder: folder)
            try Stopwatch.time("pages and files") { () throws(BuildFailure) in try Workers.run(jobs(report, plan, into: files)) }
            count = files.count
        }
        return WrittenSite(files: count, warnings: report.notes + plan.assets.warnings + warnings)
    }

    /// site.yaml read, every text page filled, the declared tables computed
    /// and the other files of the templates folder found, or every problem
    /// of all of them.
    /// `drawing` false leaves the charts undrawn (check wants only the problems).
    func plan(_ report: Report, drawing: Bool = true) throws(BuildFailure) -> SitePlan {
        var errors = ErrorList<TemplateError>()
        var tables: [DeclaredTable] = []
        // tables.yaml is read once: its tables are computed, and site.yaml may list their ids.
        let tableFile = TableFile.read(TableFile.path(inTemplates: templatesPath))
        let declared = { report.declaredTables(tableFile.file, readErrors: tableFile.errors) }
        switch tablesMemo?.tables(declared) ?? declared() {
        case .success(let computed): tables = computed
        case .failure(let problems): errors.add(problems.list)
        }
        let site: SiteFile
        switch SiteFile.read(SiteFile.path(inTemplates: templatesPath), tables: tableFile.file.tables.map(\.id)) {
        case .success(let read): site = read
        case .failure(let problems):
            errors.add(problems.list)
            throw .templates(TemplateErrors(errors))
        }
        let (chartFile, chartErrors) = ChartFile.read(ChartFile.path(inTemplates: templatesPath), catalogue: report.catalogue)
        errors.add(ErrorList(chartErrors))
        let filled = fill(site.textPages.compactMap(\.markdown), report, charts: chartFile.declared)
        errors.add(filled.errors)
        let (css, script) = (asset(StyleSheet.file, &errors), asset("sort.js", &errors))
        errors.add(ErrorList(StyleSheet.problems(css, inTemplates: templatesPath)))
        guard errors.isEmpty else { throw .templates(TemplateErrors(errors)) }
        do {
            return SitePlan(site: site, texts: filled.texts, tables: tables, charts: drawing ? ChartSet(chartFile, report: report) : .none,
                            assets: try TemplateAssets(folder: templatesPath, site: site, texts: filled.texts, images: filled.images),
                            css: css, script: script)
        } catch {
            throw .templates(error)
        }
    }

    /// Every template filled, or every problem of all of them.
    private func fill(_ names: [String], _ report: Report, charts: [String]) -> (texts: [String: String], images: [String], errors: ErrorList<TemplateError>) {
        let filler = TemplateFiller(figures: report.figures, review: report.review, charts: charts, figuresFile: FigureFile.path(inTemplates: templatesPath))
        let drawn = Set(["prisma.svg"] + charts.map { "charts/\($0).svg" })
        var filled: [String: String] = [:], images: [String] = []
        var errors = ErrorList<TemplateError>()
        for name in names {
            let path = "\(templatesPath)/\(name)"
            let text: String
            switch RegularFile.contents(name, in: templatesPath) {
            case .success(let bytes) where String(validating: bytes, as: UTF8.self) != nil:
                text = String(decoding: bytes, as: UTF8.self)
            case .success, .failure(.missing):
                errors.add(TemplateError(file: path, line: nil, column: nil, message: "template not found or not UTF-8 text"))
                continue
            case .failure(let problem):
                errors.add(TemplateError(file: path, line: nil, column: nil, message: problem.message(inputs: "the templates")))
                continue
            }
            let shown = TemplateImages.check(text, file: path, folder: templatesPath, generated: drawn)
            images += shown.names
            errors.add(ErrorList(shown.errors))
            switch filler.fill(text, file: path) {
            case .success(let markdown): filled[name] = markdown
            case .failure(let failure): errors.add(failure.list)
            }
        }
        return (filled, images, errors)
    }

    /// A file the site copies as it is (style.css, sort.js); a problem joins `errors`.
    private func asset(_ name: String, _ errors: inout ErrorList<TemplateError>) -> String {
        switch RegularFile.contents(name, in: templatesPath) {
        case .success(let bytes):
            return String(decoding: bytes, as: UTF8.self)
        case .failure(let problem):
            errors.add(TemplateError(file: "\(templatesPath)/\(name)", line: nil, column: nil, message: problem.message(inputs: "the templates")))
            return ""
        }
    }
}

/// What the templates make of one report: the pages of site.yaml, each
/// text page filled (by its Markdown file's name) and the files to copy.
struct SitePlan: Sendable {
    let site: SiteFile
    let texts: [String: String]
    let tables: [DeclaredTable]
    /// The charts of charts.yaml, drawn: placed by `{{chart ID}}` lines and written as files.
    let charts: ChartSet
    let assets: TemplateAssets
    /// style.css and sort.js as the templates hold them.
    let css: String
    let script: String
}
