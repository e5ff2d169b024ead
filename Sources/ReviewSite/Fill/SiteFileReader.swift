/// Reads site.yaml's nodes into pages, collecting every problem with the
/// line and column of the value it is about. Used by one thread.
final class SiteFileReader {
    let path: String
    /// The stems of the table pages the site can make.
    let tables: [String]
    private(set) var errors: [TemplateError] = []

    static let topKeys = ["pages", "files", "rows"]
    static let pageKeys = ["text", "builtin", "table", "title", "heading", "about", "intro"]

    init(path: String, tables: [String]) {
        self.path = path
        self.tables = tables
    }

    func fail(_ node: YAMLNode?, _ message: String) {
        let mark = node?.mark
        errors.append(TemplateError(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    func syntax(_ error: YAMLProblems) {
        for problem in error.all {
            errors.append(TemplateError(file: path, line: problem.line, column: problem.column, message: problem.message(repeatedIn: "one mapping")))
        }
    }

    func site(_ root: YAMLNode?) -> SiteFile? {
        guard let root, let top = root.mapping else {
            fail(root, "expected a mapping with pages: (the site's pages in order) and files: (other files to copy)")
            return nil
        }
        for key in top.keys where !Self.topKeys.contains(key.string ?? "") {
            fail(key, "\(Echo.quoted(key.string ?? "")) is not a key of site.yaml (expected pages, files or rows)")
        }
        guard let list = top["pages"] else {
            fail(root, "no pages: (expected the list of the site's pages, the home page first)")
            return nil
        }
        guard let items = list.sequence, !items.isEmpty else {
            fail(list, "pages: must be a list of pages, e.g. - {text: abstract.md, title: Abstract}")
            return nil
        }
        var pages: [SitePage] = []
        for (index, item) in items.enumerated() {
            if let page = page(item, isHome: index == 0) { pages.append(page) }
        }
        checkUnique(pages)
        return SiteFile(path: path, pages: pages, files: listed(top["files"]), rows: rows(top["rows"]))
    }

    /// Scalar text of a key; nil when absent, reported when not text.
    private func text(_ node: YAMLNode?, _ key: String) -> String? {
        guard let node else { return nil }
        guard let value = node.scalar?.string, !value.allSatisfy(\.isWhitespace) else {
            fail(node, "\(key): expected text")
            return nil
        }
        // An intro is Markdown: it may run over several lines.
        if let control = TextRule.firstControl(key == "intro" ? value.replacingOccurrences(of: "\n", with: " ") : value) {
            fail(node, "\(key): \(TextRule.controlMessage(control))")
            return nil
        }
        // Every page's navigation repeats the titles: a value of one line is short.
        if key != "intro", let problem = LineLimit.problem(value) {
            fail(node, "\(key): \(problem)")
            return nil
        }
        return value
    }

    private func page(_ item: YAMLNode, isHome: Bool) -> SitePage? {
        guard let map = item.mapping else {
            fail(item, "expected a page: a mapping such as {text: methods.md, title: Methods} or {builtin: figures, title: Figures}")
            return nil
        }
        for key in map.keys where !Self.pageKeys.contains(key.string ?? "") {
            fail(key, "\(Echo.quoted(key.string ?? "")) is not a key of a page (expected one of \(Self.pageKeys.joined(separator: ", ")))")
        }
        let kinds = ["text", "builtin", "table"].filter { map[$0] != nil }
        guard kinds.count == 1 else {
            fail(item, kinds.isEmpty ? "a page needs one of text: (a Markdown file), builtin: (\(SitePage.Builtin.allowed)) or table:"
                                     : "a page is one of text:, builtin: or table:, not \(kinds.joined(separator: " and "))")
            return nil
        }
        let node = map[kinds[0]]!
        guard let name = text(node, kinds[0]) else { return nil }
        let kind: SitePage.Kind
        switch kinds[0] {
        case "text":
            guard Self.isMarkdownName(name) else {
                fail(node, "text: \(Echo.quoted(name)) is not a Markdown file of the templates folder (expected a name such as discussion.md)")
                return nil
            }
            kind = .text(name)
        case "builtin":
            guard let builtin = SitePage.Builtin(rawValue: name) else {
                fail(node, "builtin: \(Echo.quoted(name)) is not a built-in page (expected one of \(SitePage.Builtin.allowed))")
                return nil
            }
            kind = .builtin(builtin)
        default:
            guard tables.contains(name) else {
                fail(node, "table: \(Echo.quoted(name)) is not a table of the site (expected one of \(tables.joined(separator: ", ")))")
                return nil
            }
            kind = .table(name)
        }
        if isHome, kind.markdownName == nil {
            fail(node, "the first page is the home page (index.html): expected a text page, not \(kinds[0]): \(Echo.quoted(name))")
        }
        guard let titleNode = map["title"] else {
            fail(item, "\(kinds[0]): \(Echo.quoted(name)) has no title (expected title: its label in the navigation)")
            return nil
        }
        guard let title = text(titleNode, "title") else { return nil }
        var intro: String?
        if let introNode = map["intro"] {
            if case .builtin(let builtin) = kind, builtin.takesIntro {
                intro = text(introNode, "intro")
            } else {
                fail(introNode, "intro: is for the built-in pages \(SitePage.Builtin.allCases.filter(\.takesIntro).map(\.rawValue).joined(separator: ", ")) (a text page says it in its Markdown)")
            }
        }
        return SitePage(kind: kind, title: title, heading: text(map["heading"], "heading"), about: text(map["about"], "about"),
                        intro: intro, file: Self.file(kind, isHome: isHome), position: position(item))
    }

    private func position(_ node: YAMLNode) -> TextPosition {
        TextPosition(line: node.mark.line, column: node.mark.column)
    }

    static func file(_ kind: SitePage.Kind, isHome: Bool) -> String {
        switch kind {
        case .text(let name): isHome ? "index.html" : String(name.dropLast(".md".count)) + ".html"
        case .builtin(let builtin): builtin.stem + ".html"
        case .table(let stem): stem + ".html"
        }
    }

    /// A plain file name ending in `.md`: no folder, not hidden.
    static func isMarkdownName(_ name: String) -> Bool {
        name.hasSuffix(".md") && name.count > 3 && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }

    /// No two pages make the same file; a text page does not take a file
    /// that reviewsite makes (a built-in page or a table, listed or not).
    private func checkUnique(_ pages: [SitePage]) {
        let reserved = Set(SitePage.Builtin.allCases.map(\.stem) + tables + ["index"])
        var seen: [String: Int] = [:]
        for page in pages {
            if let line = seen[page.file] {
                errors.append(TemplateError(file: path, line: page.position.line, column: page.position.column,
                                            message: "\(page.file) is already made by the page on line \(line) (expected each page once)"))
                continue
            }
            seen[page.file] = page.position.line
            if case .text(let name) = page.kind, page.file != "index.html", reserved.contains(page.stem) {
                errors.append(TemplateError(file: path, line: page.position.line, column: page.position.column,
                                            message: "text: \(Echo.quoted(name)) would make \(page.file), a page reviewsite makes (expected another file name)"))
            }
        }
    }

    /// `files:`: paths inside the templates folder, each once.
    private func listed(_ node: YAMLNode?) -> [SiteFile.Listed] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            fail(node, "files: must be a list of files of the templates folder, e.g. [logo.png]")
            return []
        }
        var files: [SiteFile.Listed] = []
        for item in items {
            guard let name = text(item, "files") else { continue }
            if let problem = TemplateAssets.pathProblem(name) {
                fail(item, "files: \(Echo.quoted(name)) \(problem)")
            } else if files.contains(where: { $0.name == name }) {
                fail(item, "files: \(Echo.quoted(name)) is listed twice")
            } else {
                files.append(SiteFile.Listed(name: name, position: position(item)))
            }
        }
        return files
    }
}

extension SitePage.Kind {
    var markdownName: String? {
        if case .text(let name) = self { return name }
        return nil
    }
}
