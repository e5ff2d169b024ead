/// The head of the changes page when the review has releases: a "What's
/// new" summary in Cochrane's terms, drafted from the comparison with the
/// previous release, then the comparison's own sections.
struct WhatsNew {
    let diff: ReportDiff
    /// The release the page is about; nil for changes not yet released.
    let release: Release?
    let previous: Release
    /// Figures marked `key: true` in figures.yaml.
    let keyFigures: Set<String>

    var title: String {
        release.map { "What’s new in version \($0.version)" } ?? "What’s new since version \(previous.version) (not yet released)"
    }

    /// The summary's items as (HTML, Markdown).
    var items: [(html: String, markdown: String)] {
        var items: [(html: String, markdown: String)] = []
        func plain(_ text: String) { items.append((Escape.html(text), Escape.markdown(text))) }
        let data = diff.data
        if !data.studiesAdded.isEmpty { plain("Studies added (\(data.studiesAdded.count)): \(data.studiesAdded.joined(separator: ", "))") }
        if !data.studiesRemoved.isEmpty { plain("Studies removed (\(data.studiesRemoved.count)): \(data.studiesRemoved.joined(separator: ", "))") }
        if !data.patientsAdded.isEmpty || !data.patientsRemoved.isEmpty {
            plain("Patients: \(data.patientsAdded.count) added, \(data.patientsRemoved.count) removed")
        }
        if !diff.figures.isEmpty || !diff.sentences.isEmpty || !diff.tableCells.isEmpty {
            plain("Figures changed: \(diff.figures.count); sentences: \(diff.sentences.count); table cells: \(diff.tableCells.count) (each below, old → new)")
        }
        let removed = data.rows.filter { !$0.added } + data.rowsRemovedWith
        for file in Set(removed.map(\.file)).sorted() {
            let keys = removed.filter { $0.file == file }.map(\.key)
            plain("Rows removed from \(file) (\(keys.count)): \(keys.joined(separator: ", "))")
        }
        return items
    }

    /// The whole changes page.
    var page: (html: String, markdown: String) {
        let body = diff.page
        var html = "<section id=\"whats-new\" aria-labelledby=\"whats-new-title\">\n<h2 id=\"whats-new-title\">\(Escape.html(title))</h2>\n"
        var markdown = "\n## \(Escape.markdown(title))\n\n"
        if let release {
            let event = [release.kind.words, release.conclusionsWords].compactMap { $0 }.joined(separator: ", ")
            html += "<p><strong>\(Escape.html(event))</strong>, \(Escape.html(release.date)).</p>\n"
            markdown += "**\(Escape.markdown(event))**, \(Escape.markdown(release.date)).\n\n"
            html += "<p class=\"release-note\">\(Escape.html(release.note))</p>\n"
            markdown += "\(Escape.markdown(release.note))\n\n"
        }
        let key = diff.figures.filter { keyFigures.contains($0.id) }
        if !key.isEmpty {
            html += "<h3>May change the conclusions</h3>\n<ul class=\"changes\">\n" + key.map { "<li>\(Self.figureHTML($0))</li>\n" }.joined() + "</ul>\n"
            markdown += "### May change the conclusions\n\n" + key.map { "- \(Self.figureMarkdown($0))\n" }.joined() + "\n"
        }
        let items = self.items
        if items.isEmpty {
            html += "<p>The data give the same report as version \(Escape.html(previous.version)).</p>\n"
            markdown += "The data give the same report as version \(Escape.markdown(previous.version)).\n"
        } else {
            html += "<ul class=\"changes\">\n" + items.map { "<li>\($0.html)</li>\n" }.joined() + "</ul>\n"
            markdown += items.map { "- \($0.markdown)\n" }.joined()
        }
        html += "</section>\n"
        return (Self.insert(html, after: "</p>\n", in: body.html), Self.insert(markdown, before: "\n## ", in: body.markdown))
    }

    /// The changes page of the first publication: nothing earlier to compare.
    static func first(_ release: Release) -> (html: String, markdown: String) {
        let text = "Version \(release.version) (\(release.date)) is the review’s first publication: there is no earlier version to compare with."
        return ("<h1>Changes</h1>\n<p>\(Escape.html(text))</p>\n<p class=\"release-note\">\(Escape.html(release.note))</p>\n",
                "# Changes\n\n\(Escape.markdown(text))\n\n\(Escape.markdown(release.note))\n")
    }

    private static func figureHTML(_ change: FigureChange) -> String {
        Cells.figureLink(change.id, "<code>\(Escape.html(change.id))</code>") + " <del>\(Escape.html(change.old))</del> → <ins>\(Escape.html(change.new))</ins>"
    }

    private static func figureMarkdown(_ change: FigureChange) -> String {
        "[`\(change.id)`](figures.html#\(Escape.fragment(change.id))) \(change.old) → **\(change.new)**"
    }

    private static func insert(_ piece: String, after marker: String, in text: String) -> String {
        guard let range = text.range(of: marker) else { return text + piece }
        return String(text[..<range.upperBound]) + piece + String(text[range.upperBound...])
    }

    private static func insert(_ piece: String, before marker: String, in text: String) -> String {
        guard let range = text.range(of: marker) else { return text + piece }
        return String(text[..<range.lowerBound]) + piece + String(text[range.lowerBound...])
    }
}
