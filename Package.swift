// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rasd",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RasdKit", targets: ["RasdKit"]),
        .library(name: "RasdStore", targets: ["RasdStore"]),
        .executable(name: "rasd", targets: ["rasd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libxml2's HTML parser (Debian: libxml2-dev, found through pkg-config).
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "RasdKit",
            dependencies: ["CLibXML2"],
            resources: [.copy("Resources")]
        ),
        // The SQLite store (GRDB); RasdKit itself stays storage-free.
        .target(
            name: "RasdStore",
            dependencies: ["RasdKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Measurement of every stage for `rasd bench` (throughput, peak memory, growth inputs, HTML pages).
        .target(
            name: "RasdBench",
            dependencies: ["RasdKit", "RasdStore"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "rasd",
            dependencies: ["RasdKit", "RasdStore", "RasdBench", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "RasdKitTests",
            dependencies: ["RasdKit"],
            exclude: ["Fixtures", "Cases"]
        ),
        .testTarget(
            name: "RasdBenchTests",
            dependencies: ["RasdBench", "RasdKit"]
        ),
        .testTarget(
            name: "RasdStoreTests",
            dependencies: ["RasdStore", "RasdKit"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
