import Foundation

/// What a site with releases adds: a line on every page saying which
/// version it is, the version history page, "Cite this version" on the
/// home page, and each release's frozen site under versions/VERSION/.
enum VersionPages {
    static let historyFile = "versions.html"

    /// The line under the review's title on every page.
    static func banner(_ history: SiteHistory) -> String {
        let top = history.top
        let historyLink = "<a href=\"\(top)\(historyFile)\">Version history</a>"
        switch history.shown {
        case .frozen(let release):
            return "<p class=\"version\">\(Escape.html(release.title)), as published. <a href=\"\(top)index.html\">The latest version</a> · \(historyLink)</p>\n"
        case .latest(let release):
            return "<p class=\"version\">\(Escape.html(release.title)), the latest version · \(historyLink)</p>\n"
        case .draft(let after):
            return "<p class=\"version\">Draft: changes since \(Escape.html(after.title.lowercased())), not yet released (<a href=\"changes.html\">what changed</a>) · \(historyLink)</p>\n"
        }
    }

    /// "Cite this version": authors, title, version, date, DOI or address.
    static func cite(_ history: SiteHistory, _ review: Review) -> (html: String, markdown: String) {
        let release = history.release ?? history.latest!
        let lead = history.release == nil ? "These pages are a draft, not a published version; cite the latest version:" : "Cite this version:"
        var parts = [ListText.join(review.authors), review.title, "Version \(release.version), \(release.date)"]
        if let doi = release.doi ?? review.doi { parts.append("doi:\(doi)") }
        if let url = release.url { parts.append(url) }
        let text = parts.joined(separator: ". ") + "."
        return ("<section id=\"cite\">\n<h2>Cite this version</h2>\n<p>\(Escape.html(lead))</p>\n<p class=\"citation\">\(Escape.html(text))</p>\n</section>\n",
                "## Cite this version\n\n\(Escape.markdown(lead))\n\n\(Escape.markdown(text))\n")
    }

    /// versions.html: every release, newest first, with its frozen site and what changed in it.
    static func history(_ history: SiteHistory) -> Page {
        var rows = ""
        for release in history.versions.releases.reversed() {
            let folder = "versions/\(Escape.html(release.version))/"
            let conclusions = release.conclusionsChanged.map { $0 ? "changed" : "unchanged" } ?? "—"
            rows += "<tr><th scope=\"row\">\(Escape.html(release.version))</th><td>\(Escape.html(release.date))</td><td>\(Escape.html(release.kind.words))</td>"
                + "<td>\(conclusions)</td><td>\(Escape.html(release.note))</td>"
                + "<td><a href=\"\(folder)index.html\">site</a> · <a href=\"\(folder)changes.html\">what changed</a></td></tr>\n"
        }
        let shown: String
        switch history.shown {
        case .latest(let release): shown = "These pages are version \(release.version), the latest."
        case .draft(let after): shown = "These pages are a draft: the data changed since version \(after.version), and the changes are not yet released."
        case .frozen(let release): shown = "These pages are version \(release.version)."
        }
        return Page(file: historyFile, title: "Version history", body: """
        <h1>Version history</h1>
        <p>\(Escape.html(shown)) Each version’s site is kept as it was published, under its own folder; its changes page says what was new in it.</p>
        <div class="table-scroll">
        <table>
        <thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Conclusions</th><th scope="col">Note</th><th scope="col">Pages</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </div>

        """)
    }

    /// Every file of each release's frozen site, as it is, under versions/VERSION/.
    static func copyFrozen(_ history: SiteHistory, to site: any SiteOutput) throws(BuildFailure) {
        for release in history.versions.releases {
            let root = "\(history.releasesFolder)/\(release.version)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
                throw .output("\(root): the frozen site of version \(release.version) is missing (reviewsite release wrote it; keep it with the review, e.g. in git, and restore it)")
            }
            try copy(root, "", into: "versions/\(release.version)", site)
        }
    }

    private static func copy(_ root: String, _ relative: String, into prefix: String, _ site: any SiteOutput) throws(BuildFailure) {
        let folder = relative.isEmpty ? root : "\(root)/\(relative)"
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw .output("\(folder): cannot be read (\(SystemError.reason(of: error)))")
        }
        for name in names where !(relative.isEmpty && name == SiteWriter.marker) {
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            var status = stat()
            guard lstat("\(root)/\(child)", &status) == 0 else { throw .output("\(root)/\(child): cannot be read (\(SystemError.reason()))") }
            if status.st_mode & S_IFMT == S_IFDIR {
                try copy(root, child, into: prefix, site)
                continue
            }
            switch RegularFile.contents("\(root)/\(child)") {
            case .success(let bytes): try site.add("\(prefix)/\(child)", bytes: bytes)
            case .failure(let problem): throw .output("\(root)/\(child): \(problem.message(inputs: "a frozen site"))")
            }
        }
    }
}

extension VersionPages {
    /// The history page and the frozen sites, as jobs of a live build (a frozen one links to the live site's).
    static func jobs(_ history: SiteHistory, frame: PageFrame) -> [@Sendable (any SiteOutput) throws -> Void] {
        guard !history.isFrozen else { return [] }
        return [
            { site in try site.add(Self.history(history), in: frame) },
            { site in try copyFrozen(history, to: site) },
        ]
    }

    /// The home page's downloads, then "Cite this version".
    static func withCitation(_ downloads: (html: String, markdown: String), _ history: SiteHistory, _ review: Review) -> (html: String, markdown: String) {
        let cite = cite(history, review)
        return (downloads.html + cite.html, downloads.markdown + "\n" + cite.markdown)
    }
}
