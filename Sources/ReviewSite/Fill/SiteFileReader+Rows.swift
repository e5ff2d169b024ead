/// site.yaml's `rows:`: how the long tables' rows are published.
extension SiteFileReader {
    static let rowKeys = ["pages", "limit", "downloads"]

    /// `rows:` read, each problem at the value it is about; the default when absent.
    func rows(_ node: YAMLNode?) -> RowPublishing {
        var rows = RowPublishing()
        guard let node else { return rows }
        guard let map = node.mapping else {
            fail(node, "rows: expected a mapping such as {pages: first, limit: 1000} or {pages: all}")
            return rows
        }
        for key in map.keys where !Self.rowKeys.contains(key.string ?? "") {
            fail(key, "\(Echo.quoted(key.string ?? "")) is not a key of rows (expected pages, limit or downloads)")
        }
        if let pages = map["pages"] {
            if let value = pages.string, let known = RowPublishing.Pages(rawValue: value) {
                rows.pages = known
            } else {
                fail(pages, "rows: pages: \(Echo.quoted(pages.string ?? "")) is not a way to publish the rows (expected \(RowPublishing.pagesAllowed): every page, or the first page only)")
            }
        }
        if let limit = map["limit"] {
            let range = 1...Paging.size
            if rows.pages != .first {
                fail(limit, "rows: limit: is for pages: first (pages: all publishes every row, \(grouped(Paging.size)) to a page)")
            } else if let value = limit.scalar.flatMap({ $0.style == .plain ? Int($0.string) : nil }), range.contains(value) {
                rows.limit = value
            } else {
                fail(limit, "rows: limit: \(Echo.quoted(limit.string ?? "")) is not a number of rows from 1 to \(grouped(Paging.size)) (the rows of each table's one page)")
            }
        }
        if let downloads = map["downloads"] {
            rows.downloads = self.downloads(downloads)
        }
        return rows
    }

    /// `downloads:`: a list of the forms, each once, at least one.
    private func downloads(_ node: YAMLNode) -> [RowPublishing.Download] {
        let fallback = RowPublishing.Download.allCases
        guard let items = node.sequence else {
            fail(node, "rows: downloads: expected a list of the forms the dataset's rows are offered in, e.g. [csv, database]")
            return fallback
        }
        guard !items.isEmpty else {
            fail(node, "rows: downloads: [] offers the dataset's rows in no form (expected \(RowPublishing.downloadsAllowed), or both)")
            return fallback
        }
        var forms: [RowPublishing.Download] = []
        for item in items {
            guard let value = item.string, let form = RowPublishing.Download(rawValue: value) else {
                fail(item, "rows: downloads: \(Echo.quoted(item.string ?? "")) is not a form of the downloads (expected \(RowPublishing.downloadsAllowed))")
                continue
            }
            if forms.contains(form) {
                fail(item, "rows: downloads: \(Echo.quoted(value)) is listed twice")
            } else {
                forms.append(form)
            }
        }
        // The site's order, whatever the list's: the downloads list stays the same.
        return RowPublishing.Download.allCases.filter(forms.contains)
    }
}
