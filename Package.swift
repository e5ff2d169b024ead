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
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "reviewsite",
            dependencies: ["ReviewSite", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Stage timings for `make bench`; not part of the tool.
        .executableTarget(
            name: "reviewsite-bench",
            dependencies: ["ReviewSite"]
        ),
        .testTarget(
            name: "ReviewSiteTests",
            dependencies: ["ReviewSite", "reviewsite", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
