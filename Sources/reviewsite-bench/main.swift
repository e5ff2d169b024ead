// Times the stages of reviewsite in one process, for `make bench`:
// loading, the report (database, every figure), rendering figures.json, and writing
// the whole site (into a temporary folder, removed afterwards).
// usage: reviewsite-bench DATA_DIR [REPEATS]
import Foundation
import ReviewSite

ProcessMemory.returnLargeBlocks()  // as reviewsite does
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: reviewsite-bench DATA_DIR [REPEATS]")
    exit(2)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let clock = ContinuousClock()

/// One stage's wall time and CPU time (user + system, all threads), in seconds.
struct Sample {
    var wall: Double
    var cpu: Double
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func measure(_ work: () -> Void) -> Sample {
    let cpu = cpuSeconds()
    let duration = clock.measure(work)
    return Sample(wall: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18, cpu: cpuSeconds() - cpu)
}

func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}

var load: [Sample] = [], compute: [Sample] = [], render: [Sample] = [], site: [Sample] = []
let output = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-bench-\(getpid())").path
var patients = 0
for _ in 0..<repeats {
    var dataset: Dataset?
    let catalogue = FigureFile.read("templates/figures.yaml").file
    load.append(measure { dataset = try? DatasetLoader.load(from: arguments[1], figureFields: catalogue.fields) })
    guard let dataset else {
        print("invalid dataset: run reviewsite check --data \(arguments[1])")
        exit(1)
    }
    patients = dataset.codebook.table(for: .patient).flatMap { dataset.table($0.name) }?.count ?? 0
    var figures: [Figure] = []
    var computed: Report?
    // Facts, the database and the figures: the whole report.
    compute.append(measure { computed = try? Report(dataset, catalogue: catalogue) })
    guard let report = computed else {
        print("figures.yaml does not run on this dataset: run reviewsite figures --data \(arguments[1])")
        exit(1)
    }
    figures = report.figures
    render.append(measure { _ = FiguresJSON.render(figures) })
    let builder = SiteBuilder(dataPath: arguments[1], templatesPath: "templates")
    site.append(measure {
        do { _ = try builder.write(report, to: output) } catch { print(error); exit(1) }
    })
}
try? FileManager.default.removeItem(atPath: output)
let stages = [("load", load), ("database and figures", compute), ("figures.json", render), ("site (all pages and files)", site)]
print("patients \(patients), median of \(repeats) runs (wall, and CPU time of all threads):")
for (name, samples) in stages {
    let wall = Int((median(samples.map(\.wall)) * 1000).rounded()), cpu = Int((median(samples.map(\.cpu)) * 1000).rounded())
    print("  \(name): \(wall) ms (CPU \(cpu) ms)")
}
