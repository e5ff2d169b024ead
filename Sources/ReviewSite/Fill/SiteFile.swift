/// templates/site.yaml: the site's pages in the order of the navigation and
/// of the home page's contents, their titles, and the other files of the
/// templates folder the site carries (docs/site.md). The review's wording
/// lives here, not in the engine.
public struct SiteFile: Sendable {
    /// The file as the user named it, e.g. `templates/site.yaml`.
    public let path: String
    public var pages: [SitePage]
    /// Files of the templates folder copied into the site as they are.
    public var files: [Listed]
    /// How the long tables' rows are published (`rows:`).
    public var rows = RowPublishing()

    /// A file named under `files:`, with where it is named.
    public struct Listed: Sendable, Equatable {
        public var name: String
        var position: TextPosition
    }

    public static func path(inTemplates folder: String) -> String { "\(folder)/site.yaml" }

    /// The text pages, in order: the first is the home page.
    public var textPages: [SitePage] { pages.filter { $0.markdown != nil } }

    public func page(_ builtin: SitePage.Builtin) -> SitePage? {
        pages.first { $0.kind == .builtin(builtin) }
    }
}

/// One page of the site: a text page (a Markdown template), a page
/// reviewsite makes from the data, or a table.
public struct SitePage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The Markdown file of the templates folder, e.g. `methods.md`.
        case text(String)
        case builtin(Builtin)
        /// A table page by its file's stem, e.g. `table-1`.
        case table(String)
    }

    /// The pages reviewsite makes from the data, by their site.yaml names.
    public enum Builtin: String, CaseIterable, Sendable {
        case figures, patients, prisma, appraisal, changes

        /// The page's file stem: today's names, which links keep.
        public var stem: String {
            switch self {
            case .appraisal: "risk-of-bias"
            default: rawValue
            }
        }

        /// Whether site.yaml may give the page an `intro:` of its own.
        var takesIntro: Bool { self == .patients || self == .appraisal || self == .prisma }

        static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    public var kind: Kind
    /// The navigation's label and the page's `<title>`.
    public var title: String
    /// The page's name in the home page's contents (and the heading of a
    /// built-in page); the title when not given.
    public var heading: String?
    /// What the page holds, after its name in the contents.
    public var about: String?
    /// Markdown that replaces a built-in page's opening paragraph.
    public var intro: String?
    /// The HTML file: `index.html` for the first page.
    public var file: String
    var position: TextPosition

    public var stem: String { String(file.dropLast(".html".count)) }

    /// The Markdown template of a text page.
    public var markdown: String? {
        if case .text(let name) = kind { return name }
        return nil
    }

    public var shownHeading: String { heading ?? title }

    init(kind: Kind, title: String, heading: String? = nil, about: String? = nil, intro: String? = nil, file: String, position: TextPosition) {
        (self.kind, self.title, self.heading, self.about, self.intro, self.file, self.position) = (kind, title, heading, about, intro, file, position)
    }

    /// A built-in page site.yaml does not list but other pages link to.
    init(unlisted builtin: Builtin) {
        let title = builtin.rawValue.prefix(1).uppercased() + builtin.rawValue.dropFirst()
        self.init(kind: .builtin(builtin), title: title, file: builtin.stem + ".html", position: TextPosition(line: 1, column: 1))
    }
}

extension SiteFile {
    /// Reads and checks site.yaml; `tables` are the stems of the table
    /// pages the site can make. Every problem is reported, with its line
    /// and column.
    public static func read(_ path: String, tables: [String]) -> Result<SiteFile, TemplateErrors> {
        let text: String
        switch RegularFile.contents(path) {
        case .success(let bytes):
            guard let valid = String(validating: bytes, as: UTF8.self) else {
                return .failure(TemplateErrors(errors: [TemplateError(file: path, line: nil, column: nil, message: "not UTF-8 text")]))
            }
            text = valid
        case .failure(.missing):
            return .failure(TemplateErrors(errors: [TemplateError(file: path, line: nil, column: nil,
                message: "file not found (expected the site's pages and their titles: pages: - {text: abstract.md, title: Abstract} …)")]))
        case .failure(let problem):
            return .failure(TemplateErrors(errors: [TemplateError(file: path, line: nil, column: nil, message: problem.message(inputs: "the templates"))]))
        }
        return parse(text, path: path, tables: tables)
    }

    static func parse(_ text: String, path: String, tables: [String]) -> Result<SiteFile, TemplateErrors> {
        let reader = SiteFileReader(path: path, tables: tables)
        let root: YAMLNode?
        do {
            root = try YAMLNode.compose(text)
        } catch {
            reader.syntax(error)
            return .failure(TemplateErrors(errors: reader.errors))
        }
        let site = reader.site(root)
        guard reader.errors.isEmpty, let site else { return .failure(TemplateErrors(errors: reader.errors)) }
        return .success(site)
    }
}
