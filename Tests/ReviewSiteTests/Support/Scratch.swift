import Foundation
@testable import ReviewSite

/// A scratch folder as a careless user's working folder might be: a review
/// (data/, templates/), the user's own files and folders, a site that a
/// build wrote, and a link to it.
struct Scratch {
    let path: String

    init() throws {
        let manager = FileManager.default
        path = manager.temporaryDirectory.appendingPathComponent("reviewsite-scratch-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: path + "/work", withIntermediateDirectories: true)
        try manager.copyItem(atPath: defaultDataPath, toPath: path + "/data")
        try manager.copyItem(atPath: defaultDataPath, toPath: path + "/work/data")
        try manager.copyItem(atPath: templatesPath, toPath: path + "/templates")
        for folder in ["empty", "thesis", "fake", "other/.git", "repo-sub", "site"] {
            try manager.createDirectory(atPath: "\(path)/\(folder)", withIntermediateDirectories: true)
        }
        try write("thesis.tex", "\\documentclass{article}\n")
        try write("notes.txt", "my notes\n")
        try write("thesis/chapter1.tex", "Chapter 1\n")
        try write("fake/.reviewsite-site", "not the marker\n")
        try write("fake/index.html", "mine\n")
        try write("other/README", "another project\n")
        try write("site/\(SiteWriter.marker)", SiteWriter.markerText)
        try write("site/old.html", "an earlier site\n")
        try manager.createSymbolicLink(atPath: path + "/link", withDestinationPath: "site")
    }

    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(file)"))
    }

    func delete() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A marked folder as an earlier build leaves it, `age` seconds old.
    func staging(_ name: String, age: TimeInterval) throws -> String {
        let folder = "\(path)/\(name)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try write("\(name)/\(SiteWriter.marker)", SiteWriter.markerText)
        try write("\(name)/index.html", "half a site\n")
        let date = Date().addingTimeInterval(-age)
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: folder + "/" + SiteWriter.marker)
        return folder
    }

    func snapshot() throws -> [String: String] {
        try Self.snapshot(path)
    }

    /// Every entry below `root` (hidden ones too) with its kind and content
    /// or link target, and its permissions: equal snapshots mean untouched.
    static func snapshot(_ root: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? root : "\(root)/\(relative)"
            for name in try FileManager.default.contentsOfDirectory(atPath: full) {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                let childPath = "\(root)/\(child)"
                var status = stat()
                guard lstat(childPath, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFLNK:
                    entries[child] = "link " + (try FileManager.default.destinationOfSymbolicLink(atPath: childPath))
                case S_IFDIR:
                    entries[child] = "folder \(status.st_mode & 0o7777)"
                    try walk(child)
                default:
                    let content = FileManager.default.contents(atPath: childPath) ?? Data()
                    entries[child] = "file " + String(decoding: content, as: UTF8.self)
                }
            }
        }
        try walk("")
        return entries
    }
}
