// Times the stages of reviewsite in one process, for `make bench`:
// loading, computing every figure, and rendering figures.json.
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

var load: [Duration] = [], compute: [Duration] = [], render: [Duration] = []
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
}
let stages = [("load", load), ("compute", compute), ("figures.json", render)]
print("patients \(patients), median of \(repeats) runs:")
for (name, durations) in stages {
    print("  \(name): \(Int((median(durations) * 1000).rounded())) ms")
}
