import Foundation

/// `reviewsite release`: records a published version in versions.yaml and
/// freezes its site in releases/VERSION. Every refusal comes before
/// anything is written; the folder is written whole or not at all.
public struct Releaser: Sendable {
    public var dataPath: String
    public var templatesPath: String

    public init(dataPath: String, templatesPath: String) {
        self.dataPath = dataPath
        self.templatesPath = templatesPath
    }

    /// What the release recorded, for the command's message.
    public struct Done: Sendable {
        public var release: Release
        public var folder: String
        public var files: Int
    }

    public func release(_ version: String, note: String, kind: Release.Kind?, conclusionsChanged: Bool?, date: String) throws(BuildFailure) -> Done {
        let file = DataDirectory(dataPath).display(Versions.fileName)
        if let problem = Versions.problem(version: version) { throw .refused("version \(problem)") }
        if !Versions.isDate(date) { throw .refused("--date \(Echo.quoted(date)) is not a date (expected YYYY-MM-DD)") }
        if note.allSatisfy(\.isWhitespace) { throw .refused("--note is empty (expected why this version was made, in the team's words)") }
        if let control = TextRule.firstControl(note) { throw .refused("--note: \(TextRule.controlMessage(control))") }
        let versions: Versions
        do { versions = try Versions.read(dataPath: dataPath) } catch { throw .data(ReportErrors(data: error, figures: [])) }
        if let existing = versions.release(version) {
            throw .refused("\(file): version \(version) exists (released \(existing.date)); a version is released once (choose another, such as the next number)")
        }
        let kind = kind ?? (versions.latest == nil ? .new : .update)
        if kind == .new, let latest = versions.latest {
            throw .refused("--kind new is for the first publication, and version \(latest.version) was released on \(latest.date) (expected --kind update or amendment)")
        }
        if kind != .new && conclusionsChanged == nil {
            throw .refused("--conclusions is missing: say whether this \(kind.rawValue) changed the review's conclusions (--conclusions changed or --conclusions unchanged)")
        }
        if let latest = versions.latest, date < latest.date {
            throw .refused("--date \(date) is before \(latest.date), the date of version \(latest.version) (versions are released in order)")
        }
        let folder = Release.folder(version, dataPath: dataPath)
        if (try? FileManager.default.attributesOfItem(atPath: folder)) != nil {
            throw .refused("\(folder) exists: reviewsite release writes a version's frozen site into a new folder only (move it away, or choose another version)")
        }
        let revision = try ReleaseGit.committedRevision(data: dataPath, templates: templatesPath)
        let release = Release(version: version, date: date, kind: kind, conclusionsChanged: kind == .new ? nil : conclusionsChanged,
                              note: note, revision: revision)
        let updated = try updatedFile(file, versions, release)
        var builder = SiteBuilder(dataPath: dataPath, templatesPath: templatesPath)
        let history = SiteHistory.frozen(release, after: versions, dataPath: dataPath)
        builder.history = history
        builder.changes = try history.changesPage(dataPath: dataPath, templatesPath: templatesPath)
        let releases = Release.releasesFolder(dataPath: dataPath)
        let madeReleases = (try? FileManager.default.attributesOfItem(atPath: releases)) == nil
        let written: WrittenSite
        do {
            written = try builder.write(to: folder)
        } catch {
            if madeReleases { rmdir(releases) }
            throw error
        }
        do {
            try AtomicFile.write(updated, to: file)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            if madeReleases { rmdir(releases) }
            throw .output("\(file) cannot be written (\(error)); the release was undone")
        }
        return Done(release: release, folder: folder, files: written.files)
    }

    /// versions.yaml with the entry added at its end, checked by reading it back.
    private func updatedFile(_ file: String, _ versions: Versions, _ release: Release) throws(BuildFailure) -> [UInt8] {
        var text: String
        switch RegularFile.contents(file) {
        case .failure(.missing):
            text = "# The review's published versions, oldest first: reviewsite release adds each (docs/versions.md).\nversions:\n"
        case .failure(let problem):
            throw .refused("\(file): \(problem.message(inputs: "a dataset"))")
        case .success(let bytes):
            text = String(decoding: bytes, as: UTF8.self)
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        }
        text += release.yaml
        // The new entry must read back as the last one: a file whose list does not end it is left alone.
        let check = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-versions-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: check) }
        let readBack: Versions?
        do {
            try FileManager.default.createDirectory(atPath: check, withIntermediateDirectories: false)
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(check)/\(Versions.fileName)"))
            readBack = try? Versions.read(dataPath: check)
        } catch {
            throw .output("\(check): cannot check the new entry (\(SystemError.reason(of: error)))")
        }
        guard readBack?.releases == versions.releases + [release] else {
            throw .refused("\(file): the new entry cannot be added at the end of the file (expected the file to end with its versions: list, as reviewsite release writes it)")
        }
        return Array(text.utf8)
    }
}
