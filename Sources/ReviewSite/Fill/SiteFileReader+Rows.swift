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
        let ways = "\(RowPublishing.pagesAllowed): every page, or the first page only"
        if let pages = map["pages"] {
            if let value = pages.string, let known = RowPublishing.Pages(rawValue: value) {
                rows.pages = known
            } else if let value = pages.string {
                fail(pages, "rows: pages: \(Echo.quoted(value)) is not a way to publish the rows (expected \(ways))")
            } else {
                fail(pages, "rows: pages: expected \(ways)")
            }
        }
        if let limit = map["limit"] {
            let rowsOfAPage = "a number of rows from 1 to \(grouped(Paging.size)) (the rows of each table's one page)"
            if rows.pages != .first {
                fail(limit, "rows: limit: is for pages: first (pages: all publishes every row, \(grouped(Paging.size)) to a page)")
            } else if let value = limit.string.flatMap({ Int($0) }), (1...Paging.size).contains(value) {
                rows.limit = value
            } else if let value = limit.string {
                fail(limit, "rows: limit: \(Echo.quoted(value)) is not \(rowsOfAPage)")
            } else {
                fail(limit, "rows: limit: expected \(rowsOfAPage)")
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
                let what = item.string.map { "\(Echo.quoted($0)) is not a form of the downloads" } ?? "expected a form of the downloads"
                fail(item, "rows: downloads: \(what) (expected \(RowPublishing.downloadsAllowed))")
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
