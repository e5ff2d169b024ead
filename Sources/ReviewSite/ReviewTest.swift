import Foundation

/// `reviewsite test`: a review's own test, the command a team runs in its
/// own CI. It passes when the data are valid, every template, figure, table
/// and chart compiles and resolves, every figure the article printed
/// matches (or its difference is explained in published.yaml) and the
/// whole site builds.
public struct ReviewTest: Sendable {
    public var builder: SiteBuilder

    public init(dataPath: String, templatesPath: String) {
        builder = SiteBuilder(dataPath: dataPath, templatesPath: templatesPath)
    }

    /// What the test found: a line per step, and whether it passed.
    public struct Outcome: Sendable {
        public var lines: [String] = []
        public var passed = true

        mutating func fail(_ line: String) {
            lines.append(line)
            passed = false
        }
    }

    public func run() -> Outcome {
        var outcome = Outcome()
        let report: Report
        do {
            report = try Report.load(from: builder.dataPath, figures: FigureFile.path(inTemplates: builder.templatesPath))
        } catch {
            outcome.fail(error.description)
            if let problems = builder.templateProblemsWithoutData() { outcome.fail(problems.description) }
            return outcome
        }
        outcome.lines.append("\(builder.dataPath)/ is valid: \(report.summary).")
        if let problems = builder.templateProblems(report) {
            outcome.fail(problems.description)
            return outcome
        }
        outcome.lines.append("\(builder.templatesPath)/: every page, figure, table and chart compiles and resolves (\(report.figures.count) figures).")
        let differences = PublishedCheck.differences(report.figures, report.published)
        let unexplained = differences.filter { $0.explained == nil }
        let printed = report.figures.filter { report.published[$0.id] != nil }.count
        if !unexplained.isEmpty {
            outcome.fail("\(unexplained.count) of the \(printed) figures the article printed \(unexplained.count == 1 ? "differs" : "differ") from the data "
                         + "(fix the data, or say why under explained: in published.yaml):\n"
                         + unexplained.map { "  \($0)" }.joined(separator: "\n"))
        } else if report.isPublished {
            let explained = differences.map { "  \($0) — explained: \($0.explained ?? "")" }
            outcome.lines.append("All \(printed) figures the article printed match the data"
                                 + (explained.isEmpty ? "." : ", but for \(explained.count) explained in published.yaml:\n" + explained.joined(separator: "\n")))
        }
        // The whole site, written where nobody looks, then removed.
        var template = Array((FileManager.default.temporaryDirectory.path + "/reviewsite-test-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            outcome.fail("the site cannot be built: no temporary folder (\(SystemError.reason()))")
            return outcome
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let written = try builder.write(report, to: folder + "/site")
            outcome.lines.append("The site builds: \(written.files) files.")
            outcome.lines += written.warnings.map { "Warning: \($0)" }
        } catch {
            outcome.fail("The site does not build:\n" + error.description)
        }
        return outcome
    }
}
