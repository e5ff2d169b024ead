import Foundation

/// The review's published versions (data/versions.yaml), oldest first.
/// No file means no release yet.
public struct Versions: Sendable, Equatable {
    public static let fileName = "versions.yaml"

    public var releases: [Release]

    public init(releases: [Release] = []) {
        self.releases = releases
    }

    /// The last version published, if any.
    public var latest: Release? { releases.last }

    public func release(_ version: String) -> Release? {
        releases.first { $0.version == version }
    }

    /// The releases before `version`, oldest first.
    public func before(_ version: String) -> [Release] {
        Array(releases.prefix { $0.version != version })
    }

    /// Why `version` cannot name a version (it becomes a folder name and part of addresses); nil when it can.
    public static func problem(version: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
        if version.isEmpty { return "is empty (expected a version such as 1.0 or 2024-1)" }
        if version.count > 40 { return "\(Echo.quoted(String(version.prefix(40))))… is longer than 40 characters" }
        if !version.allSatisfy(allowed.contains) || version.first == "." || version.first == "-" {
            return "\(Echo.quoted(version)) is not a version (expected letters, digits, '.', '-' and '_', starting with a letter or digit, such as 1.0 or 2024-1)"
        }
        return nil
    }

    /// Reads `versions.yaml` of the data folder: every problem with its line and key.
    public static func read(dataPath: String) throws(DatasetErrors) -> Versions {
        let directory = DataDirectory(dataPath)
        if case .failure(.missing) = RegularFile.contents(directory.display(fileName)) { return Versions() }
        let sink = ErrorSink()
        let versions = parse(directory, sink)
        guard sink.isEmpty else { throw DatasetErrors(sink.list) }
        return versions
    }

    private static func parse(_ directory: DataDirectory, _ sink: ErrorSink) -> Versions {
        let yaml = YAMLReader(file: directory.display(fileName), sink: sink)
        guard let root = yaml.root(directory, fileName), let map = yaml.mapping(root, "", known: ["versions"]),
              let list = yaml.value(map, "versions", "", required: true) else { return Versions() }
        guard let items = list.sequence else {
            yaml.fail(list, "versions", "expected a list of versions, oldest first (reviewsite release adds each)")
            return Versions()
        }
        var releases: [Release] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "versions[\(index + 1)]"
            guard let release = entry(yaml, item, path) else { continue }
            if let line = seen[release.version] {
                yaml.fail(item, "\(path).version", "\(Echo.quoted(release.version)) is already the version on line \(line) (each version once)")
            } else if let last = releases.last, release.date < last.date {
                yaml.fail(item, "\(path).date", "\(release.date) is before \(last.date), the date of version \(last.version) above (versions are listed oldest first)")
            }
            seen[release.version] = item.mark.line
            releases.append(release)
        }
        return Versions(releases: releases)
    }

    private static func entry(_ yaml: YAMLReader, _ item: YAMLNode, _ path: String) -> Release? {
        let keys = ["version", "date", "kind", "conclusions", "note", "revision", "doi", "url"]
        guard let map = yaml.mapping(item, path, known: keys) else { return nil }
        let errors = yaml.sink.count
        let version = yaml.string(map, "version", path, required: true) ?? ""
        if let node = map["version"], map["version"]?.scalar != nil, let problem = problem(version: version) {
            yaml.fail(node, "\(path).version", problem)
        }
        let date = yaml.string(map, "date", path, required: true) ?? ""
        if let node = map["date"], !date.isEmpty, !isDate(date) {
            yaml.fail(node, "\(path).date", "\(Echo.quoted(date)) is not a date (expected YYYY-MM-DD, such as 2025-03-01)")
        }
        let kindText = yaml.string(map, "kind", path, required: true) ?? ""
        let kind = Release.Kind(rawValue: kindText)
        if let node = map["kind"], !kindText.isEmpty, kind == nil {
            yaml.fail(node, "\(path).kind", "\(Echo.quoted(kindText)) is not one of new, update, amendment")
        }
        var conclusions: Bool?
        if let text = yaml.string(map, "conclusions", path, required: kind == .update || kind == .amendment), let node = map["conclusions"] {
            switch text {
            case "changed": conclusions = true
            case "unchanged": conclusions = false
            default: yaml.fail(node, "\(path).conclusions", "\(Echo.quoted(text)) is not one of changed, unchanged")
            }
        }
        let note = yaml.string(map, "note", path, required: true) ?? ""
        if let node = map["note"], let problem = LineLimit.problem(note, limit: LineLimit.paragraph) { yaml.fail(node, "\(path).note", problem) }
        let revision = yaml.string(map, "revision", path, required: true) ?? ""
        if let node = map["revision"], !revision.isEmpty, !(7...64).contains(revision.count) || !revision.allSatisfy(\.isHexDigit) {
            yaml.fail(node, "\(path).revision", "\(Echo.quoted(revision)) is not a git commit (expected the hexadecimal name reviewsite release recorded)")
        }
        let doi = yaml.string(map, "doi", path, required: false)
        let url = yaml.string(map, "url", path, required: false)
        for (key, value) in [("doi", doi), ("url", url)] {
            if let value, let node = map[key], let problem = LineLimit.problem(value) { yaml.fail(node, "\(path).\(key)", problem) }
        }
        guard yaml.sink.count == errors, let kind else { return nil }
        return Release(version: version, date: date, kind: kind, conclusionsChanged: kind == .new ? nil : conclusions,
                       note: note, revision: revision, doi: doi, url: url)
    }

    /// A real calendar date written YYYY-MM-DD.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
