import Foundation

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
        // The plan is made on a second thread while the comparisons load the
        // release's data (they need the working side only at their end).
        let builder = self
        let planned = Background { () -> Result<SitePlan, BuildFailure> in
            Result { () throws(BuildFailure) in try Stopwatch.time("plan (tables, templates)") { () throws(BuildFailure) in try builder.plan(report) } }
        }
        let working = WorkingSide { (try? planned.result().get()).map { DiffSide(report, plan: $0, label: builder.dataPath) } }
        var withHistory = self
        let history = Result { () throws(BuildFailure) in
            try Stopwatch.time("history (comparisons)") { () throws(BuildFailure) in try withHistory.addHistory(report, working, baseline: baseline) }
        }
        // The templates' problems come first, as when the two ran in turn.
        let plan = try planned.result().get()
        try history.get()
        return try withHistory.write(report, plan: plan, to: output)
    }

    /// The history and changes page of the working data, whose report and
    /// plan these are.
    mutating func addHistory(_ report: Report, _ plan: SitePlan, baseline: String?) throws(BuildFailure) {
        let dataPath = self.dataPath
        try addHistory(report, WorkingSide { DiffSide(report, plan: plan, label: dataPath) }, baseline: baseline)
    }

    private mutating func addHistory(_ report: Report, _ working: WorkingSide, baseline: String?) throws(BuildFailure) {
        if let live = try SiteHistory.live(dataPath: dataPath, templatesPath: templatesPath, working: (report, working)) {
            (history, changes) = (live.history, live.changes)
        }
        if let baseline {
            changes = try ReportDiff.compare(base: baseline, head: nil, dataFolder: dataPath, templatesPath: templatesPath, labels: nil, working: working).page
        }
    }
}

/// The working data's side of a comparison, made the first time one asks
/// for it (its plan may still be under way on another thread); nil when
/// the plan failed (the build reports that first).
final class WorkingSide: @unchecked Sendable {
    private let make: @Sendable () -> DiffSide?
    private let lock = NSLock()
    private var made: DiffSide??

    init(_ make: @escaping @Sendable () -> DiffSide?) {
        self.make = make
    }

    func side() -> DiffSide? {
        lock.withLock {
            if let made { return made }
            let side = make()
            made = .some(side)
            return side
        }
    }
}
