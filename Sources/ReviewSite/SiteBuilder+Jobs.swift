import Dispatch

/// The template files a job of the build reads, besides the loaded report:
/// a preview (`reviewsite serve`) re-runs after a template's change only
/// the jobs that read it, and keeps the other jobs' files.
struct TemplateInputs: OptionSet, Sendable, Hashable {
    let rawValue: Int

    /// site.yaml: the pages, the navigation every page's frame shows, rows:.
    static let site = TemplateInputs(rawValue: 1 << 0)
    /// tables.yaml: the declared tables, and the links to their rows.
    static let tables = TemplateInputs(rawValue: 1 << 1)
    /// The Markdown files of the text pages.
    static let texts = TemplateInputs(rawValue: 1 << 2)
    /// charts.yaml.
    static let charts = TemplateInputs(rawValue: 1 << 3)
    /// style.css and sort.js.
    static let styles = TemplateInputs(rawValue: 1 << 4)
    /// The files the site copies (site.yaml's files:, the pages' images and links).
    static let files = TemplateInputs(rawValue: 1 << 5)
    static let all: TemplateInputs = [.site, .tables, .texts, .charts, .styles, .files]
}

/// One job of the build: a page, a download, and what it reads.
struct SiteJob: Sendable {
    var reads: TemplateInputs
    /// Throws only BuildFailure (see Workers.Job).
    var run: @Sendable (any SiteOutput) throws -> Void
    /// Run instead when a preview keeps the job's files: another job that
    /// waits for this one's file must not wait for it.
    var skipped: (@Sendable () -> Void)?

    init(_ reads: TemplateInputs, skipped: (@Sendable () -> Void)? = nil, _ run: @escaping @Sendable (any SiteOutput) throws -> Void) {
        self.reads = reads
        self.skipped = skipped
        self.run = run
    }
}

extension SiteBuilder {
    /// Every file of the site as an independent job, the longest first so
    /// that the cores finish together.
    func jobs(_ report: Report, _ plan: SitePlan, into site: any SiteOutput) throws(BuildFailure) -> [Workers.Job] {
        try siteJobs(report, plan).map { job in { try job.run(site) } }
    }

    /// The jobs of `jobs(_:_:into:)`, each with what it reads.
    func siteJobs(_ report: Report, _ plan: SitePlan) throws(BuildFailure) -> [SiteJob] {
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
        // Every page's frame lists site.yaml's pages; links to a table's rows follow tables.yaml.
        let framed: TemplateInputs = [.site, .tables]

        // Figures and patients are made even when site.yaml does not list
        // them, and so is every table of tables.yaml: figures link to their
        // rows there.
        var jobs: [SiteJob] = [
            SiteJob([]) { site in try Self.addFiguresJSON(report.figures, to: site) },
            SiteJob(framed) { site in
                try site.add(FigureListPage.page(report.figures, report.catalogue.definitions, report.published, links,
                                                 title: pages.page(.figures)?.title ?? "Figures", heading: pages.page(.figures)?.shownHeading ?? "Figures", keyRole: report.keyRole(of:)), in: frame)
            },
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
            jobs.append(SiteJob(framed) { site in try site.add("\(table.id).md", bytes: Self.markdown(table, rows)) })
            tables.append(Self.rowTable(table, report, offered: offered, rows))
        }
        // The supplement prints the appraisal page as written: its job waits
        // for that page's, which is taken before it, while the others go on.
        let appraisalWritten = DispatchSemaphore(value: 0)
        let appraisalWords = appraisalText
        let releaseWords = history.map(Supplement.releaseWords)
        let waits = appraisal.map { tables[$0].pages > 0 } ?? false
        let supplement = SiteJob(framed.union(.charts)) { site in
            if waits { appraisalWritten.wait() }
            try Stopwatch.time("supplement") { () throws(BuildFailure) in
                try Supplement.add(report, plan: plan, appraisal: appraisalWords, release: releaseWords, to: site)
            }
        }
        for (index, table) in tables.enumerated() {
            for number in table.published(rows) {
                let signals = index == appraisal && number == 0
                // Kept by a preview, the page is already there to read.
                let kept: (@Sendable () -> Void)? = signals ? { @Sendable in _ = appraisalWritten.signal() } : nil
                jobs.append(SiteJob(framed, skipped: kept) { site in
                    defer { if signals { appraisalWritten.signal() } }
                    try site.add(table.page(number, rows), in: frame)
                })
            }
            if index == appraisal { jobs.append(supplement) }
        }
        if appraisal == nil { jobs.append(supplement) }
        // The files as the loader read them (a file changed since fails the
        // build). An optional file the dataset lacks (published.yaml) is not
        // offered, nor the CSV tables unless rows: downloads: lists them.
        for file in offered {
            let source = report.files[file]!
            jobs.append(SiteJob(.site) { site in try source.add(as: "data/\(file)", to: site) })
        }
        // Which files are copied follows the pages' links and images.
        for copy in plan.assets.copies {
            jobs.append(SiteJob([.site, .texts, .files]) { site in try site.add(copy.name, bytes: copy.bytes) })
        }
        let database = rows.downloads.contains(.database)
        if database { jobs.append(SiteJob(.site) { site in try Self.addDatabase(report, to: site) }) }
        jobs.append(SiteJob(framed.union([.texts, .charts, .styles])) { site in
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
        })
        if let history {
            for job in VersionPages.jobs(history, frame: frame) { jobs.append(SiteJob(.all, job)) }
        }
        for chart in plan.charts.charts {
            jobs.append(SiteJob(.charts) { site in try site.add(chart.file, chart.standalone + "\n") })
        }
        return jobs
    }
}
