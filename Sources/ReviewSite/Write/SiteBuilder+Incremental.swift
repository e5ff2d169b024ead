import Synchronization

/// A preview's site (`reviewsite serve`) with what made each file, kept
/// between the builds of one loaded report: a change of some templates
/// then re-runs only the jobs that read them.
public struct KeptSite: Sendable {
    public let files: SiteFiles
    /// What the job that made each file reads.
    let owners: [String: TemplateInputs]
    /// The plan's text templates and copied files, by name in the templates folder.
    let texts: Set<String>
    let copies: Set<String>
    /// The files the build that made this site wrote (the others it kept).
    public let made: Set<String>
    /// The jobs that build ran, of all the site's jobs.
    public let jobsRun: Int
    public let jobs: Int

    /// What the jobs to run again after a change of `templates` (names
    /// in the templates folder) read; everything when unsure.
    func inputs(changed templates: Set<String>) -> TemplateInputs {
        var inputs: TemplateInputs = []
        for name in templates {
            if name == "charts.yaml" {
                inputs.insert(.charts)
            } else if name == StyleSheet.file || name == "sort.js" {
                inputs.insert(.styles)
            } else if texts.contains(name) {
                inputs.insert(.texts)
            } else if copies.contains(name) {
                inputs.insert(.files)
            } else {
                // The folder made again (""), site.yaml, tables.yaml,
                // figures.yaml, or a file the last build did not read.
                return .all
            }
        }
        return inputs
    }
}

extension SiteBuilder {
    /// The site of `report`. With `kept`, a site of the same report and of
    /// these templates but for the files `changed` (names in the templates
    /// folder), only the jobs that read a changed file run; the others'
    /// files are kept. The plan is made whole either way, so the templates'
    /// problems are found as a whole build finds them.
    public func build(_ report: Report, keeping kept: KeptSite?, changed: Set<String>) throws(BuildFailure) -> KeptSite {
        let plan = try Stopwatch.time("preview: plan") { () throws(BuildFailure) in try self.plan(report) }
        let jobs = try Stopwatch.time("preview: the jobs made") { () throws(BuildFailure) in try siteJobs(report, plan) }
        let rerun = kept?.inputs(changed: changed) ?? .all
        let output = MemoryOutput()
        let owners = FileOwners()
        if let kept, rerun != .all {
            for (path, bytes) in kept.files.files {
                guard let reads = kept.owners[path], reads.isDisjoint(with: rerun) else { continue }
                output.add(path, bytes: bytes)
                owners.keep(path, reads)
            }
        }
        var run: [Workers.Job] = []
        for job in jobs {
            if rerun == .all || !job.reads.isDisjoint(with: rerun) {
                let recording = RecordingOutput(output, reads: job.reads, owners: owners)
                run.append { try job.run(recording) }
            } else {
                job.skipped?()
            }
        }
        try Stopwatch.time("preview: \(run.count) of \(jobs.count) jobs run") { () throws(BuildFailure) in try Workers.run(run) }
        let (all, made) = owners.result
        return KeptSite(files: output.site, owners: all, texts: Set(plan.site.textPages.compactMap(\.markdown)),
                        copies: Set(plan.assets.copies.map(\.name)), made: made, jobsRun: run.count, jobs: jobs.count)
    }
}

/// Which job made each file of a build, and the files made rather than kept.
final class FileOwners: Sendable {
    private let state = Mutex<(owners: [String: TemplateInputs], made: Set<String>)>(([:], []))

    func keep(_ path: String, _ reads: TemplateInputs) {
        state.withLock { $0.owners[path] = reads }
    }

    func made(_ path: String, _ reads: TemplateInputs) {
        state.withLock {
            $0.owners[path] = reads
            $0.made.insert(path)
        }
    }

    var result: (owners: [String: TemplateInputs], made: Set<String>) { state.withLock { $0 } }
}

/// A job's view of the build's output: notes what the job made.
struct RecordingOutput: SiteOutput {
    let base: MemoryOutput
    let reads: TemplateInputs
    let owners: FileOwners

    init(_ base: MemoryOutput, reads: TemplateInputs, owners: FileOwners) {
        self.base = base
        self.reads = reads
        self.owners = owners
    }

    func add(_ path: String, _ text: String) {
        base.add(path, text)
        owners.made(path, reads)
    }

    func add(_ path: String, bytes: [UInt8]) {
        base.add(path, bytes: bytes)
        owners.made(path, reads)
    }

    func add(_ path: String, writtenBy write: (String) throws(BuildFailure) -> Void) throws(BuildFailure) {
        try base.add(path, writtenBy: write)
        owners.made(path, reads)
    }

    func written(_ path: String) -> [UInt8]? {
        base.written(path)
    }
}
