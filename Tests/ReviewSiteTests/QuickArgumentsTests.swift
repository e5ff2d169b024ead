import Foundation
import Testing

/// `build`, `figures` and `check` written `--name value` are read without
/// ArgumentParser (Sources/reviewsite/QuickArguments.swift): each gives
/// exactly what the same command gives when ArgumentParser reads it
/// (`--name=value`, which the quick reading leaves to it).
@Suite("quick arguments, end to end")
struct QuickArgumentsTests {
    /// The run of `arguments` and of the same with every `--name value` written `--name=value`.
    func both(_ arguments: [String], in directory: URL = defaultReviewFixture) throws -> (quick: CommandResult, parsed: CommandResult) {
        var joined = [arguments[0]]
        for index in stride(from: 1, to: arguments.count, by: 2) { joined.append("\(arguments[index])=\(arguments[index + 1])") }
        return (try runReviewSite(arguments, in: directory), try runReviewSite(joined, in: directory))
    }

    func expectSame(_ runs: (quick: CommandResult, parsed: CommandResult)) {
        #expect(runs.quick.status == runs.parsed.status)
        #expect(runs.quick.standardOutput == runs.parsed.standardOutput)
        #expect(runs.quick.standardError == runs.parsed.standardError)
    }

    @Test func checkAndFiguresGiveWhatArgumentParserGives() throws {
        let check = try both(["check", "--data", "data", "--templates", "templates"])
        expectSame(check)
        #expect(check.quick.status == 0)
        #expect(check.quick.standardOutput.hasPrefix("data/ is valid: 40 studies, 136 patients, 144 treatment steps, 26 adverse events.\n"))
        let figures = try both(["figures", "--templates", "templates", "--data", "data"])
        expectSame(figures)
        #expect(figures.quick.standardOutput.hasPrefix("{"))
        // No options at all: the defaults, as ArgumentParser gives them.
        let plain = try runReviewSite(["check"]), parsed = try runReviewSite(["check", "--data=data"])
        expectSame((plain, parsed))
    }

    @Test func errorsAreTheSame() throws {
        let missing = try both(["check", "--data", "nowhere"])
        expectSame(missing)
        #expect(missing.quick.status == 1)
        #expect(missing.quick.standardError.hasPrefix("nowhere"))
        let figures = try both(["figures", "--data", "nowhere", "--templates", "templates"])
        expectSame(figures)
        #expect(figures.quick.status == 1)
    }

    @Test func buildGivesTheSameSiteAndRefusals() throws {
        let scratch = try Scratch()
        defer { scratch.delete() }
        let root = URL(fileURLWithPath: scratch.path)
        let quick = try runReviewSite(["build", "--data", "data", "--templates", "templates", "--out", "one"], in: root)
        let parsed = try runReviewSite(["build", "--data=data", "--templates=templates", "--out=two"], in: root)
        #expect(quick.status == 0)
        #expect(parsed.status == 0)
        #expect(quick.standardOutput.replacingOccurrences(of: "one/", with: "two/") == parsed.standardOutput)
        #expect(quick.standardError == parsed.standardError)
        let manager = FileManager.default
        let files = try manager.subpathsOfDirectory(atPath: "\(scratch.path)/one").sorted()
        #expect(files == (try manager.subpathsOfDirectory(atPath: "\(scratch.path)/two").sorted()))
        for file in files where !file.hasSuffix(".reviewsite-site") {
            #expect(manager.contents(atPath: "\(scratch.path)/one/\(file)") == manager.contents(atPath: "\(scratch.path)/two/\(file)"), "\(file)")
        }
        // A refused --out: status 2 and the same message, nothing written.
        let refused = try both(["build", "--data", "data", "--templates", "templates", "--out", "thesis"], in: root)
        expectSame(refused)
        #expect(refused.quick.status == 2)
        #expect(try manager.contentsOfDirectory(atPath: "\(scratch.path)/thesis") == ["chapter1.tex"])
    }

    @Test func formsTheQuickReadingLeavesAloneStillWork() throws {
        // An option twice, an option of another command, help: ArgumentParser's answers.
        let twice = try runReviewSite(["check", "--data", "nowhere", "--data", "data"])
        #expect(twice.status == 0)
        #expect(twice.standardOutput.hasPrefix("data/ is valid"))
        let other = try runReviewSite(["check", "--out", "x"])
        #expect(other.status == 2)
        #expect(other.standardError.hasPrefix("Error: Unknown option '--out'"))
        let help = try runReviewSite(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--templates <dir>"))
    }
}
