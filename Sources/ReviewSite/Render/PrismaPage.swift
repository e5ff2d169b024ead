/// The PRISMA page: the diagram inline at its own size (its text is never
/// shrunk below 13 px: a narrow window scrolls it), and the standalone file.
enum PrismaPage {
    static let fullSize = "<p>The diagram is also available <a href=\"prisma.svg\">on its own, at full size</a>.</p>"

    static func page(_ svg: String, _ page: SitePage, update: Prisma.Update? = nil) -> Page {
        let intro = page.intro.map { Markdown.html($0) + fullSize } ?? update.map { PrismaDiagram.updatedIntro($0) + fullSize }
            ?? "<p>How the records found by the searches became the included studies, after the PRISMA 2020 template for new reviews that searched databases, registers and other sources. The counts come from the review's search records and its table of included studies.</p>" + fullSize
        return Page(file: page.file, title: page.title, body: """
        <h1>\(Escape.html(page.shownHeading))</h1>
        \(intro)
        \(Cells.scrollBox("PRISMA flow diagram"))
        <figure class="figure-svg prisma">
        \(svg)
        </figure>
        </div>
        """)
    }
}
