// swift-tools-version:5.4
// libFuzzer targets for reviewsite's input parsers; see README.md.
// Build only with the flags of run.sh (-sanitize=fuzzer,address -parse-as-library):
// each target defines LLVMFuzzerTestOneInput and libFuzzer supplies main.
// Tools 5.4 on purpose: from 5.5 on, SwiftPM links every executable with
// `--defsym main=<Target>_main` (for testable executables), which a target
// without a main of its own cannot satisfy; before 5.5 libFuzzer's main stands.
import PackageDescription

let package = Package(
    name: "reviewsite-fuzz",
    dependencies: [
        .package(name: "reviewsite", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ReviewSite", package: "reviewsite")]
        ),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "ReviewSite", package: "reviewsite")]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", .product(name: "ReviewSite", package: "reviewsite")]),
        .executableTarget(name: "FuzzTemplate", dependencies: ["FuzzSupport", .product(name: "ReviewSite", package: "reviewsite")]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", .product(name: "ReviewSite", package: "reviewsite")]),
        .executableTarget(name: "FuzzWorkbook", dependencies: ["FuzzSupport", .product(name: "ReviewSite", package: "reviewsite")]),
    ]
)
