// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reviewsite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reviewsite", targets: ["reviewsite"]),
        .library(name: "ReviewSite", targets: ["ReviewSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // For libyaml (its CYaml module): Read/YAML/YAMLComposer.swift makes the nodes from its events.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Reading and writing .xlsx workbooks (Read/Workbook/, Write/Workbook*).
        // Every swift command warns "'zipfoundation': found 1 file(s) which are
        // unhandled" (its Sources/ZIPFoundation/Resources/PrivacyInfo.xcprivacy):
        // its manifest, tools version 5.0, cannot declare resources, SwiftPM has
        // no switch to silence a dependency's warning, and 0.9.20 is the only
        // version in the mirror. The Makefile leaves that line out of what it shows.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The HTTP server of `reviewsite serve` (ReviewSiteServe only; the
        // library, the bench and the fuzz targets do not build it). Cold
        // debug build on 2 shared cores (`swift build --scratch-path` a new
        // folder, twice each): 85.8 s of CPU without it, 99.2 s with it
        // (+13 s, +16 %); wall 93 s → 107 s back to back; FlyingFox and
        // FlyingSocks alone take 16 s wall, 21 s CPU.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev; only Render/Markdown.swift imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // SQLite from Debian's libsqlite3-dev; only files of Database/ import it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "ReviewSite",
            dependencies: ["Ccmark", "CSQLite", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Serve"]
        ),
        // The live preview (`reviewsite serve`): a target of its own, so that
        // the library, the bench and the fuzz targets build without FlyingFox.
        .target(
            name: "ReviewSiteServe",
            dependencies: ["ReviewSite", .product(name: "FlyingSocks", package: "FlyingFox")],
            path: "Sources/ReviewSite/Serve"
        ),
        .executableTarget(
            name: "reviewsite",
            dependencies: ["ReviewSite", "ReviewSiteServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Stage timings for `make bench`; not part of the tool.
        .executableTarget(
            name: "reviewsite-bench",
            dependencies: ["ReviewSite"]
        ),
        .testTarget(
            name: "ReviewSiteTests",
            dependencies: ["ReviewSite", "ReviewSiteServe", "reviewsite", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
