import Foundation

/// The files of the templates folder that are neither templates nor
/// stylesheets: copied into the site when site.yaml lists them or a text
/// page links to them; any other file is named in a warning, so that an
/// image a page forgot is never dropped in silence.
struct TemplateAssets: Sendable {
    /// Path in the site (the same as in the templates folder) and bytes.
    var copies: [(name: String, bytes: [UInt8])] = []
    var warnings: [String] = []

    /// Files a build reads by their fixed names. tables.yaml and charts.yaml
    /// are the table and chart declarations, read beside figures.yaml.
    static let fixedInputs: Set<String> = ["site.yaml", "figures.yaml", "tables.yaml", "charts.yaml", "style.css", "sort.js"]

    /// Why `name` cannot be a file the site carries; nil when it can.
    static func pathProblem(_ name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) || name.contains("\\") {
            return "is not a path inside the templates folder (expected a relative path such as images/logo.png)"
        }
        if parts.contains(where: { $0.hasPrefix(".") }) {
            return "is a hidden file (expected a file the site shows, such as images/logo.png)"
        }
        if parts.first == "data" || [".html", ".md", ".yaml"].contains(where: name.hasSuffix) || ["style.css", "sort.js", "prisma.svg"].contains(name) {
            return "would take the place of a file reviewsite makes (expected another name)"
        }
        return nil
    }

    /// Relative link and image targets of Markdown: `](target)` or
    /// `](<target>)`, without a `#fragment`, `?query` or title.
    static func references(inMarkdown text: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(text)
        // Byte by byte, as libcmark reads it (and no grapheme breaking over a long page).
        func end(_ bytes: Substring.UTF8View, _ stops: String) -> Substring.Index? {
            let stops = Array(stops.utf8)
            return bytes.firstIndex { stops.contains($0) }
        }
        while let open = rest.byteRange(of: "](") {
            rest = rest[open.upperBound...]
            let angled = rest.hasPrefix("<")
            if angled { rest = rest.dropFirst() }
            guard let close = end(rest.utf8, angled ? ">\n" : ") \n") else { break }
            var target = rest[..<close]
            if let cut = end(target.utf8, "#?") { target = target[..<cut] }
            if !target.isEmpty, !target.contains(":"), pathProblem(String(target)) == nil { targets.append(String(target)) }
        }
        return targets
    }

    /// Reads the listed and referenced files, and warns about the others.
    /// `images`: the checked images of the pages, in any Markdown form.
    init(folder: String, site: SiteFile, texts: [String: String], images: [String] = []) throws(TemplateErrors) {
        var errors: [TemplateError] = []
        var names = Set<String>()
        for listed in site.files {
            switch RegularFile.contents(listed.name, in: folder) {
            case .success(let bytes):
                copies.append((listed.name, bytes))
                names.insert(listed.name)
            case .failure(let problem):
                errors.append(TemplateError(file: site.path, line: listed.position.line, column: listed.position.column,
                                            message: "files: \(Echo.quoted(listed.name)): \(folder)/\(listed.name) \(problem.message(inputs: "the templates"))"))
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        // A link to a file that is not there may be a page of the site: only files found are copied.
        let linked = site.textPages.compactMap(\.markdown).flatMap { texts[$0].map(Self.references) ?? [] }
        for name in Set(linked + images).sorted() where !names.contains(name) {
            switch RegularFile.contents(name, in: folder) {
            case .success(let bytes):
                copies.append((name, bytes))
                names.insert(name)
            case .failure(.missing): continue
            case .failure(let problem):
                warnings.append("\(folder)/\(name): linked from a page but not copied: it \(problem.message(inputs: "the templates"))")
            }
        }
        let used = Self.fixedInputs.union(site.textPages.compactMap(\.markdown)).union(names)
        for file in RegularFile.files(below: folder) where !used.contains(file) {
            warnings.append("\(folder)/\(file): not used by the site (list it under files: in \(site.path) to copy it, or remove it)")
        }
    }
}
