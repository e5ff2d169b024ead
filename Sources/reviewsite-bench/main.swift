// Times the stages of reviewsite in one process, for `make bench`:
// loading, computing every figure, rendering figures.json, and writing
// the whole site (into a temporary folder, removed afterwards).
// usage: reviewsite-bench DATA_DIR [REPEATS]
import Foundation
import ReviewSite

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: reviewsite-bench DATA_DIR [REPEATS]")
    exit(2)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let clock = ContinuousClock()

func median(_ durations: [Duration]) -> Double {
    let seconds = durations.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }.sorted()
    return seconds[seconds.count / 2]
}

var load: [Duration] = [], compute: [Duration] = [], render: [Duration] = [], site: [Duration] = []
let output = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: output) }
var patients = 0
for _ in 0..<repeats {
    var dataset: Dataset?
    load.append(clock.measure { dataset = try? DatasetLoader.load(from: arguments[1]) })
    guard let dataset else {
        print("invalid dataset: run reviewsite check --data \(arguments[1])")
        exit(1)
    }
    patients = dataset.patients.count
    var figures: [Figure] = []
    compute.append(clock.measure { figures = FigureCatalogue.compute(ReviewFacts(dataset)) })
    render.append(clock.measure { _ = FiguresJSON.render(figures) })
    let report = Report(dataset)
    let builder = SiteBuilder(dataPath: arguments[1], templatesPath: "templates")
    site.append(clock.measure {
        do { _ = try builder.write(report, to: output) } catch { print(error); exit(1) }
    })
}
let stages = [("load", load), ("compute", compute), ("figures.json", render), ("site (all pages and files)", site)]
print("patients \(patients), median of \(repeats) runs:")
for (name, durations) in stages {
    print("  \(name): \(Int((median(durations) * 1000).rounded())) ms")
}
