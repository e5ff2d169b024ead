import FuzzSupport

// YAML: the first byte picks review.yaml, prisma.yaml or published.yaml, the
// rest replaces that file in a copy of the base dataset (fuzz/dataset), which
// DatasetLoader.load then reads (Yams, typed keys, numbers, PRISMA
// arithmetic against studies.csv, published values) and Report computes.

let files = ["review.yaml", "prisma.yaml", "published.yaml"]
let datasets = files.map { ScratchDataset(replacing: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let dataset = datasets[Int(data[0]) % datasets.count]
    dataset.load(UnsafeBufferPointer(start: data + 1, count: size - 1))
    return 0
}
