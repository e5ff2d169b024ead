import Foundation

/// What a build knows of the review's published versions: which one the
/// site shows, the one before it, and where the frozen sites are.
public struct SiteHistory: Sendable {
    /// Which version the pages are.
    public enum Shown: Sendable, Equatable {
        /// A frozen copy of this release, published under versions/VERSION/.
        case frozen(Release)
        /// The working data are this release's, unchanged.
        case latest(Release)
        /// The working data changed since this release: not yet a version.
        case draft(after: Release)
    }

    /// Every release, oldest first (for a frozen build, up to the one made).
    public var versions: Versions
    public var shown: Shown
    /// The release before the one shown (for a draft, the last release):
    /// the changes page and the updated-review PRISMA diagram count from it.
    public var previous: Release?
    /// Where the frozen sites are (`releases`, beside the data folder).
    public var releasesFolder: String

    /// The release the pages are, when they are one (not a draft): the
    /// version and date a supplement's front page gives.
    public var release: Release? {
        switch shown {
        case .frozen(let release), .latest(let release): release
        case .draft: nil
        }
    }

    /// The latest release, whatever the pages are.
    public var latest: Release? { versions.latest }

    var isFrozen: Bool { if case .frozen = shown { true } else { false } }

    /// How a page of the site reaches the top of the live site.
    var top: String { isFrozen ? "../../" : "" }

    /// The dataset of a release as its frozen site offers it.
    func data(of release: Release) -> String { "\(releasesFolder)/\(release.version)/data" }

    /// The history of a build of the working data, and its changes page:
    /// nil when nothing was released. Compares with the last release; when
    /// nothing changed since, the site is that release and its page says
    /// what was new in it.
    public static func live(dataPath: String, templatesPath: String) throws(BuildFailure) -> (history: SiteHistory, changes: (html: String, markdown: String))? {
        try live(dataPath: dataPath, templatesPath: templatesPath, working: nil)
    }

    /// As above, with the working data as a build already has them (their
    /// report and DiffSide(_:plan:label:)): neither is made again, and a
    /// release whose data files are the working ones byte for byte is
    /// known unchanged without loading it (ReleasedData).
    static func live(dataPath: String, templatesPath: String, working: (report: Report, side: DiffSide)?) throws(BuildFailure) -> (history: SiteHistory, changes: (html: String, markdown: String))? {
        let versions: Versions
        do { versions = try Versions.read(dataPath: dataPath) } catch { throw .data(ReportErrors(data: error, figures: [])) }
        guard let latest = versions.latest else { return nil }
        let folder = Release.releasesFolder(dataPath: dataPath)
        var history = SiteHistory(versions: versions, shown: .draft(after: latest), previous: latest, releasesFolder: folder)
        if try !history.isUnchanged(since: latest, dataPath: dataPath, working: working) {
            let since = try history.compare(latest, dataPath: dataPath, templatesPath: templatesPath, head: "the working data", working: working?.side)
            if !since.isEmpty {
                return (history, WhatsNew(diff: since, release: nil, previous: latest, keyFigures: keyFigures(templatesPath)).page)
            }
        }
        history.shown = .latest(latest)
        history.previous = versions.before(latest.version).last
        return (history, try history.changesPage(dataPath: dataPath, templatesPath: templatesPath, working: working?.side))
    }

    /// Whether the working data are `release`'s files, byte for byte.
    private func isUnchanged(since release: Release, dataPath: String, working: (report: Report, side: DiffSide)?) throws(BuildFailure) -> Bool {
        guard let working else { return false }
        let folder = try releasedData(release)
        return ReleasedData.isUnchanged(release: folder, working: dataPath, report: working.report)
    }

    /// The history of the frozen build of `release`, about to be added after `versions`.
    static func frozen(_ release: Release, after versions: Versions, dataPath: String) -> SiteHistory {
        SiteHistory(versions: Versions(releases: versions.releases + [release]), shown: .frozen(release), previous: versions.latest,
                    releasesFolder: Release.releasesFolder(dataPath: dataPath))
    }

    /// The changes page of the release shown: what was new in it against
    /// the release before, or that it is the first.
    /// `working`: the working data's side, when the caller has it.
    func changesPage(dataPath: String, templatesPath: String, working: DiffSide? = nil) throws(BuildFailure) -> (html: String, markdown: String) {
        guard let release else { return ChangesPlaceholder.none }
        guard let previous else { return WhatsNew.first(release) }
        let diff = try compare(previous, dataPath: dataPath, templatesPath: templatesPath, head: "version \(release.version) (\(release.date))", working: working)
        return WhatsNew(diff: diff, release: release, previous: previous, keyFigures: Self.keyFigures(templatesPath)).page
    }

    private func compare(_ base: Release, dataPath: String, templatesPath: String, head: String, working: DiffSide?) throws(BuildFailure) -> ReportDiff {
        try ReportDiff.compare(base: try releasedData(base), head: nil, dataFolder: dataPath, templatesPath: templatesPath,
                               labels: ("version \(base.version) (\(base.date))", head), working: working)
    }

    /// The folder of `release`'s data, or why it is missing.
    private func releasedData(_ release: Release) throws(BuildFailure) -> String {
        let folder = data(of: release)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .output("\(folder): the data of version \(release.version) are missing (its frozen site, \(releasesFolder)/\(release.version)/, is written by reviewsite release and kept with the review; restore it, e.g. from git)")
        }
        return folder
    }

    /// The ids of figures.yaml's figures marked `key: true`.
    static func keyFigures(_ templatesPath: String) -> Set<String> {
        FigureFile.read(FigureFile.path(inTemplates: templatesPath)).file.keyIDs
    }
}
