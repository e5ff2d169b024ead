import FuzzSupport
@testable import ReviewSite

// Markdown: the input is filled like a template (when it fills; otherwise
// the input itself is the Markdown) and rendered to a text page: libcmark
// through Markdown.html (internal, hence @testable), the page frame and the
// Markdown twin. Safe mode must keep raw HTML and javascript: links out.

let review = defaultReport.review
nonisolated(unsafe) let filler = TemplateFiller(figures: defaultReport.figures, review: review)
let pages = TextPages(frame: PageFrame(review: review, navigation: [("results.html", "Results")]), provenance: review.provenance)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let template = text(data, size)
    let markdown: String
    switch filler.fill(template, file: "templates/results.md") {
    case .success(let filled): markdown = filled
    case .failure: markdown = template
    }
    let page = pages.page(file: "results.html", title: "Results", markdown: markdown)
    let html = page.html.lowercased()
    if html.contains("<script") { violated("raw <script> reached the page", template) }
    if html.contains("href=\"javascript:") || html.contains("src=\"javascript:") {
        violated("a javascript: URL reached the page", template)
    }
    return 0
}
