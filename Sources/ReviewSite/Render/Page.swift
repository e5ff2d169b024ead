/// One HTML page of the site, before the shared frame is put around it.
struct Page {
    var file: String
    var title: String
    /// The HTML inside `<main>`: `body`, then `rows`, then `end`.
    var body: String
    /// Pages with sortable tables load sort.js.
    var sortable = false
    /// A long table's rows, written as bytes (see HTMLBytes), and what closes the table.
    var rows: [UInt8] = []
    var end = ""

    /// The HTML inside `<main>` as one string.
    var content: String { rows.isEmpty ? body + end : body + String(decoding: rows, as: UTF8.self) + end }
}

/// The frame every page shares: head, navigation, and the dataset's
/// provenance paragraph in the footer.
struct PageFrame {
    let review: Review
    /// The pages of site.yaml in order: the navigation, and the `<title>`
    /// of each page (and of its further pages, `patients-2.html`).
    let navigation: [(file: String, label: String)]
    /// Which version of the review the pages are (VersionPages.banner); empty without releases.
    let banner: String

    init(review: Review, navigation: [(file: String, label: String)], banner: String = "") {
        self.review = review
        self.navigation = navigation
        self.banner = banner
    }

    /// The title site.yaml gives the page, else the page's own.
    func title(of page: Page) -> String {
        var stem = Substring(page.file.hasSuffix(".html") ? page.file.dropLast(5) : Substring(page.file))
        if let dash = stem.lastIndex(of: "-"), stem[stem.index(after: dash)...].allSatisfy(\.isNumber), stem.index(after: dash) != stem.endIndex {
            let first = stem[..<dash]
            if navigation.contains(where: { $0.file == first + ".html" }) { stem = first }
        }
        return navigation.first { $0.file == stem + ".html" }?.label ?? page.title
    }

    func render(_ page: Page) -> String {
        let (head, foot) = frame(page)
        return head + page.content + foot
    }

    /// The same bytes as `render`, without making one string of a table's rows.
    func renderBytes(_ page: Page) -> [UInt8] {
        let (head, foot) = frame(page)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + page.body.utf8.count + page.rows.count + page.end.utf8.count + foot.utf8.count)
        bytes += head.utf8
        bytes += page.body.utf8
        bytes += page.rows
        bytes += page.end.utf8
        bytes += foot.utf8
        return bytes
    }

    /// What comes before and after the content of `<main>`.
    func frame(_ page: Page) -> (head: String, foot: String) {
        let title = Escape.html(review.title)
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escape.html(self.title(of: page))) · \(title)</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <header>
        <p class="review-title"><a href="index.html">\(title)</a></p>
        \(banner)<nav aria-label="Report">
        <ul>

        """
        for (file, label) in navigation {
            let current = file == page.file ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(file)\"\(current)>\(Escape.html(label))</a></li>\n"
        }
        html += """
        </ul>
        </nav>
        </header>
        <main>

        """
        var foot = """

        </main>
        <footer>
        \(citation)
        <p class="provenance"><strong>Where the data come from.</strong> \(Escape.html(review.provenance))</p>
        <p>Every number on these pages is computed from the <a href="index.html#downloads">dataset</a> by reviewsite; each links to the rows it came from on the <a href="figures.html">figures</a> page.</p>
        </footer>

        """
        if page.sortable { foot += "<script src=\"sort.js\"></script>\n" }
        return (html, foot + "</body>\n</html>\n")
    }

    private var citation: String {
        var parts = [Escape.html(ListText.join(review.authors)), "<cite>\(Escape.html(review.title))</cite>"]
        if let journal = review.journal { parts.append(Escape.html(journal)) }
        if let year = review.year { parts.append(String(year)) }
        if let doi = review.doi { parts.append("doi:\(Escape.html(doi))") }
        if let registration = review.registration { parts.append(Escape.html(registration)) }
        return "<p class=\"citation\">\(parts.joined(separator: ". ")).</p>"
    }
}

/// `A`, `A and B`, `A, B and C`.
enum ListText {
    static func join(_ items: [String]) -> String {
        switch items.count {
        case 0: "none"
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
