import Foundation
@testable import ReviewSite

/// The default review with two releases, in a git repository of its own in
/// a scratch folder: version 1.0 without studies R58 and R59 (their
/// appraisal, patients, steps and events; prisma.yaml counting them as
/// excluded for insufficient data), version 2.0 the review as it is.
struct TwoVersionHistory {
    let root: String
    static let removed = ["R58", "R59"]

    var data: String { root + "/data" }
    var templates: String { root + "/templates" }

    /// `updatedPrisma`: version 2.0's prisma.yaml, when not the review's own
    /// (an updated review's, with previous_version: 1.0).
    init(updatedPrisma: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: defaultDataPath, toPath: data)
        try FileManager.default.copyItem(atPath: defaultTemplatesPath, toPath: templates)
        try Self.withoutRemovedStudies(data)
        try git(["init", "-q"])
        try commit("version 1.0")
        try release(["1.0", "--note", "First publication.", "--date", "2025-01-10"])
        for file in ["studies.csv", "risk_of_bias.csv", "patients.csv", "treatments.csv", "adverse_events.csv", "prisma.yaml"] {
            try FileManager.default.removeItem(atPath: "\(data)/\(file)")
            try FileManager.default.copyItem(atPath: "\(defaultDataPath)/\(file)", toPath: "\(data)/\(file)")
        }
        if let updatedPrisma { try Data(updatedPrisma.utf8).write(to: URL(fileURLWithPath: "\(data)/prisma.yaml")) }
        try commit("version 2.0")
        try release(["2.0", "--note", "New search: R58 and R59 added.", "--conclusions", "unchanged", "--date", "2025-06-01"])
        try commit("released 2.0")
    }

    func delete() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try runReviewSite(arguments, in: URL(fileURLWithPath: root))
    }

    private func release(_ arguments: [String]) throws {
        let result = try run(["release"] + arguments)
        guard result.status == 0 else { throw HistoryFailure(message: result.standardError) }
    }

    func commit(_ message: String) throws {
        try git(["add", "-A"])
        try git(["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message])
    }

    func git(_ arguments: [String]) throws {
        let result = try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: URL(fileURLWithPath: root))
        guard result.status == 0 else { throw HistoryFailure(message: "git \(arguments.joined(separator: " ")): \(result.standardError)") }
    }

    /// Every entry below the root but git's own folder (git status refreshes its index).
    func snapshot() throws -> [String: String] {
        try Scratch.snapshot(root).filter { !$0.key.hasPrefix(".git/") && $0.key != ".git" }
    }

    /// The dataset without the removed studies and what belongs to them.
    static func withoutRemovedStudies(_ folder: String) throws {
        for file in ["studies.csv", "risk_of_bias.csv", "patients.csv", "treatments.csv", "adverse_events.csv"] {
            let lines = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8).components(separatedBy: "\n")
            let kept = lines.enumerated().filter { index, line in
                let first = line.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                let study = first.split(separator: "-").first.map(String.init) ?? ""
                return index == 0 || !removed.contains(study)
            }.map(\.element)
            try Data(kept.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: "\(folder)/\(file)"))
        }
        let prisma = try String(contentsOfFile: "\(folder)/prisma.yaml", encoding: .utf8)
            .replacingOccurrences(of: "studies: 40", with: "studies: 38").replacingOccurrences(of: "reports: 40", with: "reports: 38")
        let insufficient = "reason: \"insufficient data\", count: 3}"
        let range = prisma.range(of: insufficient)!
        try Data(prisma.replacingCharacters(in: range, with: "reason: \"insufficient data\", count: 5}").utf8)
            .write(to: URL(fileURLWithPath: "\(folder)/prisma.yaml"))
    }
}

struct HistoryFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
