import Foundation

/// A figure whose value differs between the two datasets.
public struct FigureChange: Sendable, Equatable {
    public var id: String
    public var old: String
    public var new: String
}

/// What a data update does to the report: the data, the figures, the
/// published statements, the sentences of the results and the table cells.
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

    /// Compares two computed reports; the results text of both is filled
    /// from the same templates, so only the data's effect shows.
    public static func between(base: Report, baseLabel: String, basePath: String,
                               head: Report, headLabel: String, headPath: String,
                               templatesPath: String) throws(BuildFailure) -> ReportDiff {
        let baseFigures = Dictionary(base.figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let figures = head.figures.compactMap { figure -> FigureChange? in
            guard let old = baseFigures[figure.id], old.values != figure.values else { return nil }
            return FigureChange(id: figure.id, old: old.fullDisplay, new: figure.fullDisplay)
        }
        let baseDiffer = PublishedCheck.differences(base.figures, base.published)
        let headDiffer = PublishedCheck.differences(head.figures, head.published)
        let template = try results(templatesPath)
        let sentences = TextDiff.changes(TextDiff.sentences(ofMarkdown: try fill(template, base, templatesPath)),
                                         TextDiff.sentences(ofMarkdown: try fill(template, head, templatesPath)))
        let tableCells = TableCells.changes("Table 1", old: StudyTable.page(base.facts), new: StudyTable.page(head.facts))
            + TableCells.changes("Table 2", old: TreatmentTable.page(base.facts, base.figures), new: TreatmentTable.page(head.facts, head.figures))
        return ReportDiff(
            base: baseLabel, head: headLabel,
            data: DataChanges.between(basePath, headPath),
            figures: figures,
            nowDiffer: headDiffer.filter { difference in !baseDiffer.contains { $0.id == difference.id } },
            noLongerDiffer: baseDiffer.filter { difference in !headDiffer.contains { $0.id == difference.id } },
            sentences: sentences,
            tableCells: tableCells
        )
    }

    /// Compares two dataset specs (folders or git revisions of `dataFolder`);
    /// `head` nil is the working `dataFolder`.
    public static func compare(base: String, head: String?, dataFolder: String, templatesPath: String) throws(BuildFailure) -> ReportDiff {
        let baseSide = try DatasetSource.resolve(base, dataFolder: dataFolder)
        defer { if baseSide.temporary { try? FileManager.default.removeItem(atPath: baseSide.path) } }
        let headSide: (path: String, label: String, temporary: Bool) = try head.map { spec throws(BuildFailure) in
            try DatasetSource.resolve(spec, dataFolder: dataFolder)
        } ?? (dataFolder, dataFolder, false)
        defer { if headSide.temporary { try? FileManager.default.removeItem(atPath: headSide.path) } }
        func load(_ side: (path: String, label: String, temporary: Bool)) throws(BuildFailure) -> Report {
            do { return try Report.load(from: side.path, figures: FigureFile.path(inTemplates: templatesPath)) } catch {
                // Errors name the folder as the user named the side, not a temporary copy.
                var errors = error
                for index in errors.data.indices {
                    errors.data[index].file = errors.data[index].file.replacingOccurrences(of: side.path, with: side.label)
                }
                throw .data(errors)
            }
        }
        return try between(base: try load(baseSide), baseLabel: baseSide.label, basePath: baseSide.path,
                           head: try load(headSide), headLabel: headSide.label, headPath: headSide.path,
                           templatesPath: templatesPath)
    }

    private static func results(_ templatesPath: String) throws(BuildFailure) -> String {
        let path = "\(templatesPath)/results.md"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .templates(TemplateErrors(errors: [TemplateError(file: path, line: nil, column: nil, message: "template not found")]))
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func fill(_ template: String, _ report: Report, _ templatesPath: String) throws(BuildFailure) -> String {
        switch TemplateFiller(figures: report.figures, review: report.review).fill(template, file: "\(templatesPath)/results.md") {
        case .success(let text): return text
        case .failure(let errors): throw .templates(errors)
        }
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
