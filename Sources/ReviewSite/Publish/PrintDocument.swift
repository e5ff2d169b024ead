/// The Word file's Markdown, made from the declared pages of site.yaml:
/// every text page as filled (the home page without its contents list),
/// the PRISMA diagram, and the declared table pages in a landscape
/// section; where the data come from closes it, once. Built from the
/// pages themselves, never cut out of the site's Markdown twins, so a
/// page's own `---` or `## Contents` is text like any other.
struct PrintDocument {
    var markdown = ""
    /// Every image the document may show, by its address in the Markdown:
    /// the file that Word gets, relative to the print folder.
    var images: [String: String] = [:]
    /// The SVG files (in the site) that become those PNG files.
    var drawings: [(svg: String, png: String)] = []

    /// Ids of the Divs that the print filter turns into Word section breaks.
    static let portraitEnd = "reviewsite-portrait-end"
    static let landscapeEnd = "reviewsite-landscape-end"

    init(_ plan: SitePlan, provenance: String, site: String) {
        let pages = plan.site
        for page in pages.textPages {
            markdown += plan.charts.markdown(plan.texts[page.markdown!] ?? "").trimmingTrailingNewlines() + "\n\n"
        }
        if let prisma = pages.page(.prisma) {
            markdown += "## \(Escape.markdown(prisma.shownHeading))\n\n![\(Escape.markdown(prisma.shownHeading))](prisma.png)\n\n"
            drawings.append(("prisma.svg", "prisma.png"))
            images["prisma.png"] = "prisma.png"
        }
        markdown += "::: {#\(Self.portraitEnd)}\n:::\n\n"
        let declared = Set(pages.pages.compactMap { page -> String? in
            if case .table(let id) = page.kind { return id }
            return nil
        })
        for table in plan.tables where declared.contains(table.id) {
            markdown += String(decoding: table.markdown(heading: "##"), as: UTF8.self) + "\n"
        }
        markdown += "::: {#\(Self.landscapeEnd)}\n:::\n\n" + TextPages.footer(provenance)
        for chart in plan.charts.charts {
            let png = String(chart.file.dropLast(".svg".count)) + ".png"
            drawings.append((chart.file, png))
            images[chart.file] = png
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
