import FuzzSupport

// YAML: the first byte picks the file (r review.yaml, p prisma.yaml,
// u published.yaml; any other byte by its value modulo 3), the rest replaces
// that file in a copy of the base dataset (fuzz/dataset), which
// DatasetLoader.load then reads (Yams and libyaml, typed keys, numbers, PRISMA
// arithmetic against studies.csv, published values) and Report computes.

let files = ["review.yaml", "prisma.yaml", "published.yaml"]
let datasets = files.map { ScratchDataset(replacing: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let index = pick(data[0], "rpu", count: datasets.count)
    datasets[index].load(UnsafeBufferPointer(start: data + 1, count: size - 1))
    return 0
}
