import Foundation

extension Publisher {
    /// The team's Word styles, when the templates hold them (read like every template file: no links).
    static let referenceDocument = "reference.docx"

    /// The Word file, in two passes: Markdown to pandoc's JSON with the
    /// filter (no raw markup, only the document's own images, no links to
    /// pages of the site), then JSON to DOCX, in the team's styles when
    /// templates/reference.docx exists; then finished by WordFile.
    func word(_ document: PrintDocument, site: String, print: String, date: PublishDate) throws(PublishFailure) {
        var sizes: [String: WordFile.Size] = [:]
        if !document.prismaSVG.isEmpty {
            do { try Data(document.prismaSVG.utf8).write(to: URL(fileURLWithPath: print + "/prisma-print.svg")) } catch {
                throw .output("\(print): cannot be written (\(SystemError.reason()))")
            }
        }
        for drawing in document.drawings {
            let png = print + "/" + drawing.png
            let folder = (png as NSString).deletingLastPathComponent
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw .output("\(folder): cannot be written (\(SystemError.reason()))")
            }
            let svg = drawing.svg == "prisma-print.svg" ? print + "/" + drawing.svg : site + "/" + drawing.svg
            try Self.rsvg.run(["--format", "png", "--zoom", "2", "--output", png, svg], in: print)
            if document.fitted.contains(drawing.png), let size = WordFile.pngSize(png) {
                sizes[drawing.png] = size.fitted(drawing.png == PrintDocument.prisma ? WordFile.landscape : WordFile.portrait)
            }
        }
        var reference: [String] = []
        switch RegularFile.contents(Self.referenceDocument, in: builder.templatesPath) {
        case .success(let bytes):
            do { try Data(bytes).write(to: URL(fileURLWithPath: print + "/reference.docx")) } catch {
                throw .output("\(print): cannot be written (\(SystemError.reason()))")
            }
            reference = ["--reference-doc", "reference.docx"]
        case .failure(.missing): break
        case .failure(let problem):
            throw .output("\(builder.templatesPath)/\(Self.referenceDocument): \(problem.message(inputs: "the templates"))")
        }
        do {
            try Data(document.markdown.utf8).write(to: URL(fileURLWithPath: print + "/manuscript.md"))
            try Data(PrintFilter.lua(document).utf8).write(to: URL(fileURLWithPath: print + "/filter.lua"))
        } catch {
            throw .output("\(print): cannot be written (\(SystemError.reason()))")
        }
        try Self.pandoc.run(["--from", "markdown-raw_html-raw_tex-raw_attribute", "--lua-filter", "filter.lua",
                             "--to", "json", "--output", "manuscript.json", "manuscript.md"], in: print)
        try Self.pandoc.run(["--from", "json", "--to", "docx", "--resource-path", "."] + reference
                            + ["--output", "manuscript.docx", "manuscript.json"], in: print,
                            environment: ["SOURCE_DATE_EPOCH": String(date.epoch)])
        try WordFile.finish(print + "/manuscript.docx", drawings: sizes, ownStyles: !reference.isEmpty)
    }
}
