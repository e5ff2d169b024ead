import Foundation

/// `reviewsite publish`: the files a review team sends to a journal, made
/// from the same data and templates as the site: the supplement as a PDF
/// (Chromium prints supplement.html, its contents numbered) and the text pages and tables as a
/// Word file (pandoc). Both programs run without network, on a private
/// copy of the site; the files replace earlier ones only when all is done.
public struct Publisher: Sendable {
    public var builder: SiteBuilder
    public static let files = ["supplement.pdf", "manuscript.docx"]
    /// Left in a folder that `publish` wrote into, so that it may replace its own files there later.
    static let marker = ".reviewsite-published"

    static let pandoc = ExternalProgram(name: "pandoc", package: "pandoc")
    static let chromium = ExternalProgram(name: "chromium", package: "chromium")
    static let rsvg = ExternalProgram(name: "rsvg-convert", package: "librsvg2-bin")

    public init(dataPath: String, templatesPath: String) {
        builder = SiteBuilder(dataPath: dataPath, templatesPath: templatesPath)
    }

    /// Writes both files into `out` (made when missing) and returns their paths.
    public func publish(to out: String) throws(PublishFailure) -> [String] {
        let missing = [Self.pandoc, Self.chromium, Self.rsvg, Self.pdfinfo].filter { $0.path == nil }
        if !missing.isEmpty { throw .missing(missing) }
        try PublishOutput.check(out)
        let report: Report
        do { report = try Report.load(from: builder.dataPath, figures: FigureFile.path(inTemplates: builder.templatesPath)) } catch {
            throw .build(.data(error))
        }
        // Every problem of the templates is found before anything is written.
        var builder = self.builder
        let plan: SitePlan
        do { plan = try builder.plan(report) } catch { throw .build(error) }
        // The files say which version of the review they are, as the site does.
        do { try builder.addHistory(report, plan, baseline: nil) } catch { throw .build(error) }
        let work = try PublishOutput.workFolder(in: out)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let site = work + "/site", print = work + "/print"
        do throws(BuildFailure) {
            guard mkdir(site, 0o700) == 0, mkdir(print, 0o700) == 0 else { throw BuildFailure.output("\(work): cannot be written (\(SystemError.reason()))") }
            try Workers.run(builder.jobs(report, plan, into: FolderOutput(folder: URL(fileURLWithPath: site))))
        } catch {
            throw .build(error)
        }
        // Dated as the release they are, when they are one.
        let date = PublishDate(release: builder.history?.release?.date)
        try word(PrintDocument(plan, review: report.review, prisma: report.prisma, site: site), site: site, print: print, date: date)
        try supplement(site: site, print: print, work: work, date: date)
        return try PublishOutput.move(["supplement.pdf": print + "/supplement.pdf", "manuscript.docx": print + "/manuscript.docx"], into: out)
    }
}
