import Foundation

/// The Word file's Markdown, made from the declared pages of site.yaml:
/// every text page as filled (the home page without its contents list),
/// the PRISMA diagram, the declared table pages and the appraisal table
/// in a landscape section; where the data come from closes it, once. Built from the
/// pages themselves, never cut out of the site's Markdown twins, so a
/// page's own `---` or `## Contents` is text like any other.
struct PrintDocument {
    var markdown = ""
    /// Every image the document may show, by its address in the Markdown:
    /// the file that Word gets, relative to the print folder.
    var images: [String: String] = [:]
    /// The SVG files (in the site; the PRISMA diagram's in the print folder) that become those PNG files.
    var drawings: [(svg: String, png: String)] = []
    /// The document's properties and title block: review.yaml's title and authors, and what it is.
    var title: String
    var authors: [String]
    var subject: String
    /// The drawings sized to their page (the charts, fitted to a portrait
    /// one, and the PRISMA diagram, to its landscape page); the templates'
    /// own images keep their size.
    var fitted: Set<String> = []
    static let prisma = "prisma.png"
    /// The PRISMA diagram laid out for the landscape page (lines wrapped
    /// narrower than the site's, so its text prints at 8 pt or more).
    var prismaSVG = ""

    /// Ids of the Divs that the print filter turns into Word section breaks.
    static let portraitEnd = "reviewsite-portrait-end"
    static let landscapeEnd = "reviewsite-landscape-end"
    static let pageBreak = "reviewsite-page-break"

    init(_ plan: SitePlan, review: Review, prisma flow: Prisma, site: String) {
        title = review.title
        authors = review.authors
        subject = (["Systematic review", review.journal] + [review.year.map(String.init)]).compactMap { $0 }.joined(separator: ", ")
        let pages = plan.site
        for page in pages.textPages {
            markdown += plan.charts.markdown(plan.texts[page.markdown!] ?? "").trimmingTrailingNewlines() + "\n\n"
        }
        // The PRISMA diagram on a landscape page of its own, the tables after it.
        markdown += "::: {#\(Self.portraitEnd)}\n:::\n\n"
        if let prisma = pages.page(.prisma) {
            markdown += "## \(Escape.markdown(prisma.shownHeading))\n\n![\(Escape.markdown(prisma.shownHeading))](\(Self.prisma))\n\n"
            markdown += "::: {#\(Self.pageBreak)}\n:::\n\n"
            prismaSVG = PrismaDiagram.printed(flow, room: Supplement.printRoom).svg
            drawings.append(("prisma-print.svg", Self.prisma))
            images[Self.prisma] = Self.prisma
            fitted.insert(Self.prisma)
        }
        let declared = Set(pages.pages.compactMap { page -> String? in
            if case .table(let id) = page.kind { return id }
            return nil
        })
        for table in plan.tables where declared.contains(table.id) {
            markdown += String(decoding: SiteBuilder.markdown(table, pages.rows, heading: "##"), as: UTF8.self) + "\n"
        }
        // Each study's appraisal, as the page the build wrote shows it.
        if let appraisal = pages.page(.appraisal), let page = FileManager.default.contents(atPath: site + "/" + appraisal.file),
           let table = PrintAppraisal.markdown(page: String(decoding: page, as: UTF8.self), heading: appraisal.shownHeading) {
            markdown += table
        }
        markdown += "::: {#\(Self.landscapeEnd)}\n:::\n\n" + TextPages.footer(review.provenance)
        for chart in plan.charts.charts {
            let png = String(chart.file.dropLast(".svg".count)) + ".png"
            drawings.append((chart.file, png))
            images[chart.file] = png
            fitted.insert(png)
        }
        // The templates' own images, as the site carries them; an SVG is drawn for Word.
        let shown = Set(Markdown.images(markdown).map(\.target))
        for copy in plan.assets.copies where shown.contains(copy.name) {
            if copy.name.hasSuffix(".svg") {
                let png = "images-drawn/" + copy.name.dropLast(".svg".count) + ".png"
                drawings.append((copy.name, png))
                images[copy.name] = png
            } else {
                images[copy.name] = "\(site)/\(copy.name)"
            }
        }
    }
}
