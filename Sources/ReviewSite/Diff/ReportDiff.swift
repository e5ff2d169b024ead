import Foundation

/// A figure whose value differs between the two datasets.
public struct FigureChange: Sendable, Equatable {
    public var id: String
    public var old: String
    public var new: String
}

/// What a data update does to the report: the data, the figures, the
/// published statements, the sentences of every text page and the table cells.
public struct ReportDiff: Sendable {
    public var base: String
    public var head: String
    public var data: DataChanges
    public var figures: [FigureChange]
    /// Figures that differ from the article now and did not before.
    public var nowDiffer: [PublishedDifference]
    /// Figures that differed from the article before and no longer do.
    public var noLongerDiffer: [PublishedDifference]
    public var sentences: [SentenceChange]
    public var tableCells: [TableCellChange]

    public var isEmpty: Bool {
        data.isEmpty && figures.isEmpty && nowDiffer.isEmpty && noLongerDiffer.isEmpty && sentences.isEmpty && tableCells.isEmpty
    }

    /// Compares two sides; the text pages of both are filled from the
    /// same templates, so only the data's effect shows.
    static func between(_ base: DiffSide, _ head: DiffSide, data: DataChanges) -> ReportDiff {
        let baseFigures = Dictionary(base.figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let figures = head.figures.compactMap { figure -> FigureChange? in
            guard let old = baseFigures[figure.id], old.values != figure.values else { return nil }
            return FigureChange(id: figure.id, old: old.display, new: figure.display)
        }
        return ReportDiff(
            base: base.label, head: head.label,
            data: data,
            figures: figures,
            nowDiffer: head.differences.filter { difference in !base.differences.contains { $0.id == difference.id } },
            noLongerDiffer: base.differences.filter { difference in !head.differences.contains { $0.id == difference.id } },
            sentences: zip(base.sentences, head.sentences).flatMap { old, new in
                TextDiff.changes(old.sentences, new.sentences).map { change in
                    var change = change
                    (change.page, change.pageTitle) = (new.page.file, new.page.title)
                    return change
                }
            },
            tableCells: head.tables.flatMap { table in
                TableCells.changes(table.title, old: base.tables.first { $0.title == table.title }?.data ?? TableData(columns: table.data.columns, bytes: [], cellEnds: []), new: table.data)
            }
        )
    }

    /// Compares two dataset specs (folders or git revisions of `dataFolder`);
    /// `head` nil is the working `dataFolder`. Each side's report is dropped
    /// once its part of the comparison is taken.
    /// `labels` name the sides on the page instead of their specs (`version 1.0 (2025-03-01)`).
    public static func compare(base: String, head: String?, dataFolder: String, templatesPath: String,
                               labels: (base: String, head: String)? = nil) throws(BuildFailure) -> ReportDiff {
        try compare(base: base, head: head, dataFolder: dataFolder, templatesPath: templatesPath, labels: labels, working: nil)
    }

    /// As above; `working`: the working data's side as a build already has
    /// it (DiffSide(_:plan:label:)), used when `head` is nil instead of
    /// loading and filling `dataFolder` again.
    static func compare(base: String, head: String?, dataFolder: String, templatesPath: String,
                        labels: (base: String, head: String)?, working: DiffSide?) throws(BuildFailure) -> ReportDiff {
        var baseSide = try DatasetSource.resolve(base, dataFolder: dataFolder)
        defer { if baseSide.temporary { DatasetSource.remove(baseSide.path) } }
        var headSide: (path: String, label: String, temporary: Bool) = try head.map { spec throws(BuildFailure) in
            try DatasetSource.resolve(spec, dataFolder: dataFolder)
        } ?? (dataFolder, dataFolder, false)
        if let labels { (baseSide.label, headSide.label) = (labels.base, labels.head) }
        defer { if headSide.temporary { DatasetSource.remove(headSide.path) } }
        let pages = try textPages(templatesPath)
        func side(_ side: (path: String, label: String, temporary: Bool)) throws(BuildFailure) -> DiffSide {
            let report: Report
            // A copy (a release's data, a git revision) has no releases beside it to count an update from.
            do { report = try Report.load(from: side.path, figures: FigureFile.path(inTemplates: templatesPath), history: side.path == dataFolder) } catch {
                // Errors name the folder as the user named the side, not a temporary copy.
                var errors = error
                if side.temporary { errors.data?.list.renameFiles { $0.replacingOccurrences(of: side.path, with: side.label) } }
                throw .data(errors)
            }
            return try DiffSide(report, label: side.label, pages: pages, templatesPath: templatesPath)
        }
        // The CSV comparison needs only the folders: it runs while the reports load.
        let (basePath, headPath) = (baseSide.path, headSide.path)
        let data = Background { DataChanges.between(basePath, headPath) }
        let old = try side(baseSide)
        let new: DiffSide
        if head == nil, var working {
            working.label = headSide.label
            new = working
        } else {
            new = try side(headSide)
        }
        return between(old, new, data: data.result())
    }

    /// The text pages of site.yaml with their templates, or every problem of them.
    private static func textPages(_ templatesPath: String) throws(BuildFailure) -> [(page: SitePage, template: String)] {
        let site: SiteFile
        switch SiteFile.read(SiteFile.path(inTemplates: templatesPath), tables: SiteBuilder.tableIDs(inTemplates: templatesPath)) {
        case .success(let read): site = read
        case .failure(let errors): throw .templates(errors)
        }
        var pages: [(page: SitePage, template: String)] = []
        var errors: [TemplateError] = []
        for page in site.textPages {
            let path = "\(templatesPath)/\(page.markdown!)"
            switch RegularFile.contents(path) {
            case .success(let bytes) where String(validating: bytes, as: UTF8.self) != nil:
                pages.append((page, String(decoding: bytes, as: UTF8.self)))
            case .success, .failure(.missing):
                errors.append(TemplateError(file: path, line: nil, column: nil, message: "template not found or not UTF-8 text"))
            case .failure(let problem):
                errors.append(TemplateError(file: path, line: nil, column: nil, message: problem.message(inputs: "the templates")))
            }
        }
        guard errors.isEmpty else { throw .templates(TemplateErrors(errors: errors)) }
        return pages
    }

    /// `4 figures changed, 2 sentences, 1 study added`.
    public var summary: String {
        func count(_ n: Int, _ singular: String, _ plural: String) -> String? {
            n == 0 ? nil : "\(n) \(n == 1 ? singular : plural)"
        }
        let parts = [
            count(figures.count, "figure changed", "figures changed"),
            count(sentences.count, "sentence", "sentences"),
            count(tableCells.count, "table cell", "table cells"),
            count(nowDiffer.count, "figure now differs from the article", "figures now differ from the article"),
            count(noLongerDiffer.count, "figure no longer differs from the article", "figures no longer differ from the article"),
            count(data.studiesAdded.count, "study added", "studies added"),
            count(data.studiesRemoved.count, "study removed", "studies removed"),
            count(data.patientsAdded.count, "patient added", "patients added"),
            count(data.patientsRemoved.count, "patient removed", "patients removed"),
            count(data.rows.count, "row added or removed", "rows added or removed"),
            count(data.cells.count, "data cell changed", "data cells changed"),
        ].compactMap { $0 }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }
}
