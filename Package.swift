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
        // The sockets and epoll pool of `reviewsite serve` (its FlyingSocks
        // product, in ReviewSiteServe only). Not FlyingFox's HTTPServer: that
        // module imports FoundationNetworking, and the static release build
        // then cannot link without libcurl. Cold debug build on 2 shared
        // cores (`swift build --scratch-path` a new folder): 83.5 s of CPU
        // without it (4 runs), 92.2 s with it (2 runs), +9 s or +10 %; wall
        // varied 57-146 s with the machine's load. FlyingSocks alone, with
        // fetching the package: 14 s wall, 12 s CPU.
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
        // the library, the bench and the fuzz targets build without FlyingSocks.
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
