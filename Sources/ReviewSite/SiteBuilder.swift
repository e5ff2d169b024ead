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

    /// Every file of the site as an independent job, the longest first so
    /// that the cores finish together.
    func jobs(_ report: Report, _ plan: SitePlan, into site: any SiteOutput) throws(BuildFailure) -> [Workers.Job] {
        let review = report.review
        let pages = plan.site
        let frame = PageFrame(review: review, navigation: pages.pages.map { ($0.file, $0.title) }, banner: history.map(VersionPages.banner) ?? "")
        let rows = pages.rows
        let studyID = report.codebook.core.studyID
        let links = RowLinks(report.tables, studyTable: plan.tables.first { $0.anchored && $0.result.keyColumn == studyID }, codebook: report.codebook,
                             patientStem: (pages.page(.patients) ?? SitePage(unlisted: .patients)).stem, shown: rows.shown)
        let offered = Self.offered(report, rows)
        let assets = (css: plan.css, script: plan.script)
        let (changes, history) = (self.changes, self.history)

        // Figures and patients are made even when site.yaml does not list
        // them, and so is every table of tables.yaml: figures link to their
        // rows there.
        var jobs: [Workers.Job] = [
            { try Self.addFiguresJSON(report.figures, to: site) },
            { try site.add(FigureListPage.page(report.figures, report.catalogue.definitions, report.published, links,
                                                 title: pages.page(.figures)?.title ?? "Figures", heading: pages.page(.figures)?.shownHeading ?? "Figures", keyRole: report.keyRole(of:)), in: frame) },
        ]
        var tables: [RowTable] = []
        if let patients = PatientTable(report.tables, report.codebook, links: links, page: pages.page(.patients) ?? SitePage(unlisted: .patients),
                                        order: links.patientOrder) {
            let names = [patients.cells.table.name] + patients.children.map(\.cells.table.name)
            tables.append(RowTable(pages: patients.pageCount, page: patients.page, stem: patients.page.stem, total: patients.order.count,
                                   words: patients.rowsWords, downloads: Self.rowDownloads(names, report, offered: offered, rows)))
        }
        var appraisal: Int?
        var appraisalText: Supplement.AppraisalText?
        if let page = pages.page(.appraisal), let table = AppraisalTable(report.tables, report.codebook, links: links, page: page) {
            appraisal = tables.count
            appraisalText = Supplement.AppraisalText(intro: table.intro, legend: table.legend, file: page.file, questions: table.questionKey)
            let studies = table.studies.table.name
            tables.append(RowTable(pages: table.pageCount, page: table.page, stem: page.stem, total: table.order.count,
                                   words: report.codebook.table(studies)?.rowsInWords ?? studies,
                                   downloads: Self.rowDownloads(Self.appraisalTables(report, studies: studies), report, offered: offered, rows)))
        }
        for table in plan.tables {
            jobs.append { try site.add("\(table.id).md", bytes: Self.markdown(table, rows)) }
            tables.append(Self.rowTable(table, report, offered: offered, rows))
        }
        // The supplement prints the appraisal page as written: its job waits
        // for that page's, which is taken before it, while the others go on.
        let appraisalWritten = DispatchSemaphore(value: 0)
        let appraisalWords = appraisalText
        let releaseWords = history.map(Supplement.releaseWords)
        let waits = appraisal.map { tables[$0].pages > 0 } ?? false
        let supplement: Workers.Job = {
            if waits { appraisalWritten.wait() }
            try Stopwatch.time("supplement") { () throws(BuildFailure) in
                try Supplement.add(report, plan: plan, appraisal: appraisalWords, release: releaseWords, to: site)
            }
        }
        for (index, table) in tables.enumerated() {
            for number in table.published(rows) {
                let signals = index == appraisal && number == 0
                jobs.append {
                    defer { if signals { appraisalWritten.signal() } }
                    try site.add(table.page(number, rows), in: frame)
                }
            }
            if index == appraisal { jobs.append(supplement) }
        }
        if appraisal == nil { jobs.append(supplement) }
        // The files as the loader read them (a file changed since fails the
        // build). An optional file the dataset lacks (published.yaml) is not
        // offered, nor the CSV tables unless rows: downloads: lists them.
        for file in offered {
            let source = report.files[file]!
            jobs.append { try source.add(as: "data/\(file)", to: site) }
        }
        for copy in plan.assets.copies {
            jobs.append { try site.add(copy.name, bytes: copy.bytes) }
        }
        let database = rows.downloads.contains(.database)
        if database { jobs.append { try Self.addDatabase(report, to: site) } }
        jobs.append {
            let text = TextPages(frame: frame, provenance: review.provenance, charts: plan.charts)
            var downloads = TextPages.downloads(offered + ["figures.json"] + (database ? [Self.databaseFile] : []),
                                                formulas: FormulaCells(offered, sources: report.files))
            if let history { downloads = VersionPages.withCitation(downloads, history, review) }
            for (number, page) in pages.textPages.enumerated() {
                var markdown = plan.texts[page.markdown!]!
                if number == 0 { markdown = TextPages.home(markdown, contents: pages.pages.filter { $0.file != page.file }) }
                let made = text.page(file: page.file, title: page.title, markdown: markdown, extra: number == 0 ? downloads : nil)
                try site.add(page.file, made.html)
                try site.add(page.stem + ".md", made.markdown)
            }
            if let page = pages.page(.changes) {
                let made = text.page(file: page.file, title: page.title, markdown: "", extra: changes ?? ChangesPlaceholder.none)
                try site.add(page.file, made.html)
                try site.add(page.stem + ".md", made.markdown)
            }
            if let page = pages.page(.prisma) {
                let svg = PrismaDiagram.svg(report.prisma)
                try site.add("prisma.svg", svg + "\n")
                try site.add(PrismaPage.page(svg, page, update: report.prisma.update), in: frame)
            }
            try site.add("style.css", assets.css)
            try site.add("sort.js", assets.script)
        }
        if let history { jobs += VersionPages.jobs(history, frame: frame, site: site) }
        for chart in plan.charts.charts {
            jobs.append { try site.add(chart.file, chart.standalone + "\n") }
        }
        return jobs
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
