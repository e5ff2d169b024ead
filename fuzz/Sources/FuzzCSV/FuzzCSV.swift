import FuzzSupport

// CSV: the first byte picks one of the five tables (s studies, r risk_of_bias,
// p patients, t treatments, a adverse_events; any other byte by its value
// modulo 5), the rest replaces that file in a copy of the base dataset
// (fuzz/dataset), which DatasetLoader.load then reads (CSVReader, header,
// RowReader, codes, numbers, cross-file validation) and, when it loads,
// Report computes.

let tables = ["studies.csv", "risk_of_bias.csv", "patients.csv", "treatments.csv", "adverse_events.csv"]
let datasets = tables.map { ScratchDataset(replacing: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let index = pick(data[0], "srpta", count: datasets.count)
    datasets[index].load(UnsafeBufferPointer(start: data + 1, count: size - 1))
    return 0
}
