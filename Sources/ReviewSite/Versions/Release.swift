import Foundation

/// One published version of the review, as data/versions.yaml records it.
public struct Release: Sendable, Equatable {
    /// What the version did, in Cochrane's "What's new" terms.
    public enum Kind: String, Sendable, CaseIterable {
        /// The first publication.
        case new
        /// A new search: studies may be added or removed.
        case update
        /// Any other change (an erratum, a corrected cell, a rewording).
        case amendment

        /// How the version history names it.
        public var words: String {
            switch self {
            case .new: "First publication"
            case .update: "Update (new search)"
            case .amendment: "Amendment"
            }
        }
    }

    public var version: String
    /// YYYY-MM-DD.
    public var date: String
    public var kind: Kind
    /// Whether the conclusions changed; nil for the first publication.
    public var conclusionsChanged: Bool?
    /// Why, in the team's words.
    public var note: String
    /// The git commit whose data and templates this version was built from.
    public var revision: String
    public var doi: String? = nil
    public var url: String? = nil

    /// `Version 2.0 (2025-03-01)`.
    public var title: String { "Version \(version) (\(date))" }

    /// `conclusions changed`, `conclusions unchanged`, or nothing for a first publication.
    public var conclusionsWords: String? {
        conclusionsChanged.map { $0 ? "conclusions changed" : "conclusions unchanged" }
    }

    /// Where a build finds the frozen site of a version: `releases/VERSION`
    /// beside the data folder (`my-review/data` → `my-review/releases/1.0`).
    public static func folder(_ version: String, dataPath: String) -> String {
        "\(releasesFolder(dataPath: dataPath))/\(version)"
    }

    /// The folder of frozen sites: `releases` beside the data folder.
    public static func releasesFolder(dataPath: String) -> String {
        var data = Substring(dataPath)
        while data.count > 1 && data.hasSuffix("/") { data.removeLast() }
        let parent = (String(data) as NSString).deletingLastPathComponent
        return parent.isEmpty ? "releases" : "\(parent)/releases"
    }

    /// The entry as versions.yaml holds it (two spaces of indent, a list item).
    var yaml: String {
        var lines = ["  - version: \(Self.quoted(version))", "    date: \(date)", "    kind: \(kind.rawValue)"]
        if let conclusionsChanged { lines.append("    conclusions: \(conclusionsChanged ? "changed" : "unchanged")") }
        lines.append("    note: \(Self.quoted(note))")
        lines.append("    revision: \(revision)")
        if let doi { lines.append("    doi: \(Self.quoted(doi))") }
        if let url { lines.append("    url: \(Self.quoted(url))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
