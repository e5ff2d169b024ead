import Foundation
import Testing
@testable import ReviewSite
@testable import ReviewSiteServe

/// `reviewsite serve` after a template's change re-runs only the jobs that
/// read it; the site it serves is still, file for file and byte for byte,
/// the site a whole build makes of the edited folders.
@Suite("serve: incremental rebuilds")
struct IncrementalPreviewTests {
    /// A preview of a scratch copy of the default review, built once.
    struct Preview {
        let scratch: Scratch
        let site: PreviewSite

        init() throws {
            scratch = try Scratch()
            site = PreviewSite(data: scratch.path + "/data", templates: scratch.path + "/templates")
            #expect(site.rebuild(after: nil).failure == nil)
        }

        var templates: String { scratch.path + "/templates" }

        /// Replaces `old` with `new` in the template `name` (which must hold it).
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let path = "\(templates)/\(name)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(name) holds \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
        }

        func rebuild(_ names: Set<String>) -> Rebuild {
            site.rebuild(after: FolderChanges(templates: names))
        }

        /// The site served now is the whole build's of the folders, and says which files differ.
        func servedIsWholeBuild() throws {
            guard case .site(let served) = site.current.state else {
                Issue.record("the preview serves no site")
                return
            }
            let whole = try SiteBuilder(dataPath: scratch.path + "/data", templatesPath: templates).build()
            #expect(served.paths == whole.paths)
            for path in whole.paths where served.files[path] != whole.files[path] {
                Issue.record("\(path) differs from the whole build's")
            }
        }
    }

    /// One edit of a template, and whether the rebuild may keep some jobs' files.
    struct Edit: Sendable, CustomTestStringConvertible {
        var file: String
        var old: String
        var new: String
        var incremental: Bool
        var testDescription: String { file }
    }

    static let edits: [Edit] = [
        Edit(file: "results.md", old: "patients after CO₂ laser.", new: "patients after CO₂ laser (edited).", incremental: true),
        Edit(file: "methods.md", old: "# ", new: "# Edited: ", incremental: true),
        Edit(file: "style.css", old: "}", new: "}\n.edited { color: red; }", incremental: true),
        Edit(file: "charts.yaml", old: "title: Response by treatment option", new: "title: Response by option (edited)", incremental: true),
        Edit(file: "site.yaml", old: "title: Results\n", new: "title: Results (edited)\n", incremental: false),
        Edit(file: "tables.yaml", old: "    - heading: Design\n", new: "    - heading: Study design, as reported\n", incremental: false),
    ]

    @Test(arguments: edits)
    func editGivesTheWholeBuildsSite(_ edit: Edit) throws {
        let preview = try Preview()
        defer { preview.scratch.delete() }
        let first = try #require(preview.site.kept)
        #expect(first.jobsRun == first.jobs)
        try preview.edit(edit.file, edit.old, edit.new)
        #expect(preview.rebuild([edit.file]).failure == nil)
        try preview.servedIsWholeBuild()
        let kept = try #require(preview.site.kept)
        if edit.incremental {
            #expect(kept.jobsRun < kept.jobs)
        } else {
            #expect(kept.jobsRun == kept.jobs)
        }
    }

    /// A page's edit re-runs the text pages' job only: not the patients',
    /// the appraisal's, the tables', the supplement's or the downloads'.
    @Test func resultsEditRunsOnlyTheTextPagesJob() throws {
        let preview = try Preview()
        defer { preview.scratch.delete() }
        try preview.edit("results.md", "patients after CO₂ laser.", "patients after CO₂ laser, again.")
        #expect(preview.rebuild(["results.md"]).failure == nil)
        let kept = try #require(preview.site.kept)
        #expect(kept.jobsRun == 1)
        #expect(kept.made == ["index.html", "index.md", "methods.html", "methods.md", "results.html", "results.md", "changes.html", "changes.md",
                              "prisma.svg", "prisma.html", "style.css", "sort.js"])
        for path in ["patients.html", "risk-of-bias.html", "table-1.html", "table-1.md", "supplement.html", "figures.html", "charts/response-by-option.svg",
                     "data/figures.json", "data/review.sqlite", "data/patients.csv"] {
            #expect(kept.files.files[path] != nil && !kept.made.contains(path), "\(path)")
        }
        try preview.servedIsWholeBuild()
    }

    /// A copied image's edit re-copies it; a file the last build did not
    /// read (the new image, before) builds everything.
    @Test func imageEdit() throws {
        let preview = try Preview()
        defer { preview.scratch.delete() }
        try FileManager.default.createDirectory(atPath: preview.templates + "/images", withIntermediateDirectories: false)
        try Data("first".utf8).write(to: URL(fileURLWithPath: preview.templates + "/images/logo.png"))
        try preview.edit("results.md", "patients after CO₂ laser.", "patients after CO₂ laser.\n\n![Logo](images/logo.png)")
        #expect(preview.rebuild(["images", "images/logo.png", "results.md"]).failure == nil)
        let all = try #require(preview.site.kept)
        #expect(all.jobsRun == all.jobs)
        try Data("second".utf8).write(to: URL(fileURLWithPath: preview.templates + "/images/logo.png"))
        #expect(preview.rebuild(["images/logo.png"]).failure == nil)
        let kept = try #require(preview.site.kept)
        #expect(kept.made == ["images/logo.png"])
        #expect(kept.files["images/logo.png"] == "second")
        try preview.servedIsWholeBuild()
    }

    /// A failing edit, another edit while it fails, then the fix: the
    /// build after the fix re-runs what both edits read.
    @Test func failedBuildThenFix() throws {
        let preview = try Preview()
        defer { preview.scratch.delete() }
        try preview.edit("results.md", "## Results\n", "## Results\n\n{{outcome.nope}}\n")
        let failed = preview.rebuild(["results.md"])
        #expect(failed.failure?.hasPrefix("\(preview.templates)/results.md:3:1: 'outcome.nope' is not a figure of ") == true)
        try preview.edit("style.css", "}", "}\n.while-broken { color: blue; }")
        #expect(preview.rebuild(["style.css"]).failure != nil)
        try preview.edit("results.md", "{{outcome.nope}}\n", "Fixed.\n")
        #expect(preview.rebuild(["results.md"]).failure == nil)
        let kept = try #require(preview.site.kept)
        #expect(kept.jobsRun < kept.jobs)
        #expect(kept.files["style.css"]?.contains(".while-broken") == true)
        try preview.servedIsWholeBuild()
    }
}
