/// A build of the working data with the review's history: the working
/// data are loaded and their pages filled once, for the site and for the
/// comparisons of its changes page.
extension SiteBuilder {
    /// Builds and writes the site (as `write(to:)`), its changes page
    /// comparing with the last release (SiteHistory.live) or, when given,
    /// with `baseline` (a dataset folder or git revision).
    public func writeWithHistory(to output: String, baseline: String?) throws(BuildFailure) -> WrittenSite {
        if let refusal = OutputCheck.refusal(output, inputs: inputs) { throw .refused(refusal) }
        let report: Report
        do { report = try Report.load(from: dataPath, figures: FigureFile.path(inTemplates: templatesPath)) } catch { throw .data(error) }
        let plan = try Stopwatch.time("plan (tables, templates)") { () throws(BuildFailure) in try self.plan(report) }
        var builder = self
        try Stopwatch.time("history (comparisons)") { () throws(BuildFailure) in try builder.addHistory(report, plan, baseline: baseline) }
        return try builder.write(report, plan: plan, to: output)
    }

    /// The history and changes page of the working data, whose report and
    /// plan these are.
    mutating func addHistory(_ report: Report, _ plan: SitePlan, baseline: String?) throws(BuildFailure) {
        let working = DiffSide(report, plan: plan, label: dataPath)
        if let live = try SiteHistory.live(dataPath: dataPath, templatesPath: templatesPath, working: (report, working)) {
            (history, changes) = (live.history, live.changes)
        }
        if let baseline {
            changes = try ReportDiff.compare(base: baseline, head: nil, dataFolder: dataPath, templatesPath: templatesPath, labels: nil, working: working).page
        }
    }
}
