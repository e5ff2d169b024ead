import Foundation

/// Why a build did not produce a site; the previous site stays as it was.
public enum BuildFailure: Error, CustomStringConvertible {
    case data(DatasetErrors)
    case templates(TemplateErrors)
    case output(String)

    public var description: String {
        switch self {
        case .data(let errors): errors.description
        case .templates(let errors): errors.description
        case .output(let message): message
        }
    }
}

/// Builds every file of the site in memory: read → compute → fill → render.
public struct SiteBuilder {
    public var dataPath: String
    public var templatesPath: String
    /// The changes page's content (from a baseline); nil says there is none.
    public var changes: (html: String, markdown: String)?

    public init(dataPath: String, templatesPath: String, changes: (html: String, markdown: String)? = nil) {
        self.dataPath = dataPath
        self.templatesPath = templatesPath
        self.changes = changes
    }

    /// The files of the dataset that the site offers for download.
    static let datasetFiles = ["review.yaml", "prisma.yaml", "studies.csv", "risk_of_bias.csv", "patients.csv",
                               "treatments.csv", "adverse_events.csv", "published.yaml"]

    public func build() throws(BuildFailure) -> SiteFiles {
        let report: Report
        do { report = try Report.load(from: dataPath) } catch { throw .data(error) }
        return try build(report)
    }

    public func build(_ report: Report) throws(BuildFailure) -> SiteFiles {
        var files = SiteFiles()
        try build(report, texts: try filledTemplates(report), into: &files)
        return files
    }

    /// Builds and writes the site: loads and fills everything first, then
    /// writes page by page into a staging folder that replaces `output`
    /// only when all of it is written. Returns the number of files.
    public func write(to output: String) throws(BuildFailure) -> Int {
        let report: Report
        do { report = try Report.load(from: dataPath) } catch { throw .data(error) }
        // Template errors are reported before any folder is touched.
        let texts = try filledTemplates(report)
        var count = 0
        try SiteWriter.write(to: output) { folder throws(BuildFailure) in
            var files = FolderOutput(folder: folder)
            try build(report, texts: texts, into: &files)
            count = files.count
        }
        return count
    }

    private func build<Output: SiteOutput>(_ report: Report, texts: [String: String], into site: inout Output) throws(BuildFailure) {
        let review = report.dataset.review
        let frame = PageFrame(review: review)
        let pages = TextPages(frame: frame, provenance: review.provenance)
        let links = RowLinks(report.facts)

        let downloads = Self.datasetFiles + ["figures.json"]
        let index = pages.page(file: "index.html", title: "Abstract", markdown: TextPages.index(abstract: texts["abstract.md"]!),
                               extra: TextPages.downloads(downloads))
        let methods = pages.page(file: "methods.html", title: "Methods", markdown: texts["methods.md"]!)
        let results = pages.page(file: "results.html", title: "Results", markdown: texts["results.md"]!)
        let changes = pages.page(file: "changes.html", title: "Changes", markdown: "", extra: self.changes ?? ChangesPlaceholder.none)
        for (name, page) in [("index", index), ("methods", methods), ("results", results), ("changes", changes)] {
            try site.add("\(name).html", page.html)
            try site.add("\(name).md", page.markdown)
        }

        let svg = PrismaDiagram.svg(report.dataset.prisma)
        try site.add("prisma.svg", svg + "\n")
        for page in [TreatmentTable.page(report.facts), PrismaPage.page(svg),
                     FigureListPage.page(report.figures, report.dataset.published, links)] {
            try site.add(page.file, frame.render(page))
        }
        do {
            try StudyTable.pages(report.facts) { page in try site.add(page.file, frame.render(page)) }
            try RiskOfBiasTable.pages(report.facts, links) { page in try site.add(page.file, frame.render(page)) }
            try PatientTable.pages(report.facts, links) { page in try site.add(page.file, frame.render(page)) }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw .output("\(error)")
        }
        try site.add("style.css", try asset("style.css"))
        try site.add("sort.js", try asset("sort.js"))
        try site.add("data/figures.json", bytes: FiguresJSON.bytes(report.figures))
        for file in Self.datasetFiles {
            guard let bytes = FileManager.default.contents(atPath: "\(dataPath)/\(file)") else {
                throw .output("\(dataPath)/\(file): cannot be read for the downloads")
            }
            try site.add("data/\(file)", bytes: [UInt8](bytes))
        }
    }

    static let templateFiles = ["abstract.md", "methods.md", "results.md"]

    /// Every template filled, or every problem of all of them.
    private func filledTemplates(_ report: Report) throws(BuildFailure) -> [String: String] {
        let filler = TemplateFiller(figures: report.figures, review: report.dataset.review)
        var filled: [String: String] = [:]
        var errors: [TemplateError] = []
        for name in Self.templateFiles {
            let path = "\(templatesPath)/\(name)"
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                errors.append(TemplateError(file: path, line: nil, column: nil, message: "template not found or not UTF-8 text"))
                continue
            }
            switch filler.fill(text, file: path) {
            case .success(let markdown): filled[name] = markdown
            case .failure(let failure): errors += failure.errors
            }
        }
        guard errors.isEmpty else { throw .templates(TemplateErrors(errors: errors)) }
        return filled
    }

    private func asset(_ name: String) throws(BuildFailure) -> String {
        let path = "\(templatesPath)/\(name)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .templates(TemplateErrors(errors: [TemplateError(file: path, line: nil, column: nil, message: "file not found")]))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The changes page of a build without a baseline.
enum ChangesPlaceholder {
    static let none = (
        html: "<h1>Changes</h1>\n<p>This build has no baseline, so there are no changes to show. Build with <code>reviewsite build --baseline REV</code> (a git revision or a dataset folder) to list what a data update changed.</p>\n",
        markdown: "# Changes\n\nThis build has no baseline, so there are no changes to show. Build with `reviewsite build --baseline REV` (a git revision or a dataset folder) to list what a data update changed.\n"
    )
}

/// The PRISMA page: the diagram inline, and the standalone file.
enum PrismaPage {
    static func page(_ svg: String) -> Page {
        Page(file: "prisma.html", title: "PRISMA flow", body: """
        <h1>PRISMA 2020 flow diagram</h1>
        <p>How the records found by the searches became the included studies, after the PRISMA 2020 template for new reviews that searched databases, registers and other sources. The counts come from prisma.yaml and the rows of studies.csv. The diagram is also available as a standalone <a href="prisma.svg">SVG file</a>.</p>
        <figure class="figure-svg">
        \(svg)
        </figure>
        """)
    }
}
