import Foundation
import ReviewSite
import Synchronization

/// What the preview serves: the last site built, or the messages of the
/// build that failed (with the last good site, whose style sheet and
/// images the error page may still ask for).
enum PreviewState: Sendable {
    case site(SiteFiles)
    case failed(messages: [String], previous: SiteFiles?)
}

/// What one rebuild did, for the terminal.
struct Rebuild: Sendable {
    /// Counts up from 1 with every rebuild: the page compares it to reload.
    var generation: Int
    /// Whether the dataset and figures.yaml were read again (else the loaded report was reused).
    var reloaded: Bool
    var milliseconds: Double
    /// The build's messages, as `reviewsite build` prints them; nil when the site was built.
    var failure: String?
}

/// The site `reviewsite serve` shows, built in memory: never written to a
/// folder, so the published site (`reviewsite build`) is not touched.
/// A change of the templates re-plans the site from the report already
/// loaded and re-runs only the jobs (pages, downloads) that read a changed
/// file, keeping the others' files; a change of the data folder or of
/// figures.yaml (the figures' queries) loads and computes the report
/// again, re-reading only the data files that changed.
final class PreviewSite: Sendable {
    let data: String
    let templates: String
    /// Only the watcher's thread rebuilds; the lock makes that visible to the type checker.
    private let loaded = Mutex(Loaded())
    /// The declared tables of that report while tables.yaml stays as it was.
    private let tables = DeclaredTablesMemo()
    /// The data files as last read, so that a change re-reads only the files changed.
    let dataMemo = DataFileMemo()
    private let shown = Mutex<(state: PreviewState, generation: Int)>((.failed(messages: ["The site is being built."], previous: nil), 0))

    init(data: String, templates: String) {
        self.data = data
        self.templates = templates
    }

    /// The state served now, and its generation.
    var current: (state: PreviewState, generation: Int) { shown.withLock { $0 } }

    /// Builds the site again after `changes` (nil: the first build) and
    /// serves the result from then on.
    func rebuild(after changes: FolderChanges?) -> Rebuild {
        let started = ContinuousClock.now
        var reload = changes.map(Self.needsReport) ?? true
        let outcome = loaded.withLock { loaded -> Result<SiteFiles, BuildFailure> in
            // After a failed load, any change loads the data again.
            reload = reload || loaded.report == nil
            if reload || changes.map(Self.needsTables) ?? true { tables.forget() }
            if reload {
                loaded.site = nil
                loaded.changed = []
                do throws(ReportErrors) {
                    loaded.report = try Report.load(from: data, figures: FigureFile.path(inTemplates: templates), memo: dataMemo)
                } catch {
                    loaded.report = nil
                    return .failure(.data(error))
                }
            } else {
                // Since the kept site was built: the builds that failed in between changed files too.
                loaded.changed.formUnion(changes?.templates ?? [])
            }
            guard let report = loaded.report else { return .failure(.output("no report loaded")) }
            do throws(BuildFailure) {
                var builder = SiteBuilder(dataPath: data, templatesPath: templates)
                builder.tablesMemo = tables
                let site = try builder.build(report, keeping: loaded.site, changed: loaded.changed)
                loaded.site = site
                loaded.changed = []
                return .success(site.files)
            } catch {
                return .failure(error)
            }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return shown.withLock { shown in
            shown.generation += 1
            var failure: String?
            switch outcome {
            case .success(let files):
                shown.state = .site(files)
            case .failure(let problem):
                failure = problem.description
                shown.state = .failed(messages: problem.description.split(separator: "\n").map(String.init), previous: shown.state.site)
            }
            return Rebuild(generation: shown.generation, reloaded: reload, milliseconds: milliseconds, failure: failure)
        }
    }

    /// Whether the report must be loaded again: a data file changed, or
    /// figures.yaml, whose queries make the figures. Any other template
    /// is read by the plan of every build.
    static func needsReport(_ changes: FolderChanges) -> Bool {
        !changes.data.isEmpty || changes.templates.contains("figures.yaml")
    }

    /// Whether the declared tables must be computed again: tables.yaml
    /// changed, or the whole templates folder was made again ("").
    static func needsTables(_ changes: FolderChanges) -> Bool {
        needsReport(changes) || changes.templates.contains("tables.yaml") || changes.templates.contains("")
    }
}

/// The report loaded and the site last built from it, with the template
/// files changed since that site was built.
struct Loaded: Sendable {
    var report: Report?
    var site: KeptSite?
    var changed: Set<String> = []
}

/// What the preview built last, for the tests.
extension PreviewSite {
    var kept: KeptSite? { loaded.withLock { $0.site } }
}

extension PreviewState {
    /// The site built last, failed or not.
    var site: SiteFiles? {
        switch self {
        case .site(let files): files
        case .failed(_, let previous): previous
        }
    }
}
