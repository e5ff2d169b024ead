import Foundation

/// An updated review (prisma.yaml's `previous_version`): the previous
/// version's studies and reports are counted from its frozen data, never
/// typed, and the new studies (the rows not in that version) must be the
/// new search's included count.
extension DatasetValidator {
    /// `studies`: the studies table with its key column, when every row of
    /// it was valid (else its errors are reported and nothing is compared).
    func prismaUpdate(_ prisma: Prisma, _ lines: PrismaLines, studies: (table: DataTable, key: String, source: String)?) -> Prisma.Update? {
        guard let version = prisma.previousVersion else { return nil }
        let file = "prisma.yaml"
        func refuse(_ key: String, _ line: Int?, _ message: String) -> Prisma.Update? {
            fail(file, line, key, message)
            return nil
        }
        let versionsFile = directory.display(Versions.fileName)
        let versions: Versions
        do { versions = try Versions.read(dataPath: directory.path) } catch {
            sink.add(error.list)
            return nil
        }
        guard let release = versions.release(version) else {
            let listed = versions.releases.map(\.version)
            return refuse("previous_version", lines.previousVersion, listed.isEmpty
                ? "\(Echo.quoted(version)) is not a release: \(versionsFile) lists none yet (reviewsite release records each published version; docs/versions.md)"
                : "\(Echo.quoted(version)) is not a release of \(versionsFile) (its versions: \(listed.joined(separator: ", ")))")
        }
        let releases = Release.releasesFolder(dataPath: directory.path)
        let reports: Int
        switch Self.includedReports(release, versions, releases) {
        case .success(let count): reports = count
        case .failure(let problem): return refuse("previous_version", lines.previousVersion, problem.text)
        }
        guard let studies else { return nil }
        let folder = "\(releases)/\(version)/data"
        let previousFile = "\(folder)/\(studies.table.fileName)"
        guard FileManager.default.fileExists(atPath: previousFile) else {
            return refuse("previous_version", lines.previousVersion, Self.missing(version, previousFile, releases))
        }
        let rows = KeyedRows(folder: folder, file: studies.table.fileName, sheet: studies.table.name, key: [.column(studies.key)])
        guard rows.header.contains(studies.key) else {
            return refuse("previous_version", lines.previousVersion,
                          "\(previousFile), the studies of version \(version), has no column \(Echo.quoted(studies.key)) (expected the key of the studies table, to tell its studies from the new ones)")
        }
        let previous = (0..<rows.count).map(rows.key)
        let current = (studies.table.texts(studies.key) ?? []).compactMap { $0 }
        let kept = Set(current), before = Set(previous)
        let missing = previous.filter { !kept.contains($0) }
        if !missing.isEmpty {
            let which = missing.count == 1 ? "1 study of version \(version) is" : "\(missing.count) studies of version \(version) are"
            return refuse("previous_version", lines.previousVersion,
                          "\(which) not in \(studies.source): \(Self.named(missing)); previous + new = total holds only if an updated review keeps the studies of the version it updates (put them back, or release their removal as an amendment of version \(version) first, its note saying why, and name that version here)")
        }
        let new = current.filter { !before.contains($0) }
        if new.count != prisma.includedStudies {
            let found = new.isEmpty ? "none" : Self.named(new)
            fail(file, lines.includedStudies, "included.studies",
                 "'\(prisma.includedStudies)' differs from the \(new.count) new studies: the rows of \(studies.source) not in version \(version) (\(found)); in an updated review, included counts the new search's studies only")
        }
        return Prisma.Update(version: version, previousStudies: previous.count, previousReports: reports, newStudies: new)
    }

    struct UpdateProblem: Error {
        var text: String
    }

    /// The reports a release included: its prisma.yaml's `included.reports`,
    /// plus, when it was itself an update, those of the version it updated
    /// (counted the same way, each from its own frozen data).
    static func includedReports(_ release: Release, _ versions: Versions, _ releases: String) -> Result<Int, UpdateProblem> {
        let folder = "\(releases)/\(release.version)/data"
        let file = "\(folder)/prisma.yaml"
        guard FileManager.default.fileExists(atPath: file) else { return .failure(UpdateProblem(text: missing(release.version, file, releases))) }
        let sink = ErrorSink()
        guard let (prisma, _) = DatasetLoader.readPrisma(DataDirectory(folder), sink) else {
            let first = sink.list.errors.first.map { "\($0)" } ?? "\(file) cannot be read"
            return .failure(UpdateProblem(text: "the reports of version \(release.version) cannot be counted: \(first)"))
        }
        guard let earlier = prisma.previousVersion else { return .success(prisma.includedReports) }
        // Only an earlier release: the chain of versions ends.
        guard let previous = versions.before(release.version).first(where: { $0.version == earlier }) else {
            return .failure(UpdateProblem(text: "\(file): previous_version \(Echo.quoted(earlier)) is not a release before \(release.version), so the reports of version \(release.version) cannot be counted"))
        }
        return includedReports(previous, versions, releases).flatMap { before in
            let (sum, overflow) = before.addingReportingOverflow(prisma.includedReports)
            return overflow ? .failure(UpdateProblem(text: "the reports of version \(release.version) are too many to count (more than \(grouped(Int.max)))")) : .success(sum)
        }
    }

    private static func missing(_ version: String, _ file: String, _ releases: String) -> String {
        "the data of version \(version) are missing: \(file) not found (its frozen site, \(releases)/\(version)/, is written by reviewsite release and kept with the review; restore it, e.g. from git)"
    }

    /// Keys for a message: the first 20, then how many more.
    static func named(_ keys: [String]) -> String {
        let shown = keys.prefix(20).joined(separator: ", ")
        return keys.count > 20 ? "\(shown) and \(keys.count - 20) more" : shown
    }
}
