// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Rasd",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RasdKit", targets: ["RasdKit"]),
        .library(name: "RasdStore", targets: ["RasdStore"]),
        .library(name: "RasdServer", targets: ["RasdServer"]),
        .library(name: "RasdPostgres", targets: ["RasdPostgres"]),
        .executable(name: "rasd", targets: ["rasd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The HTTP server (`rasd serve`); its swift-configuration support is not needed (settings come from flags).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        // The PostgreSQL store, for teams that share one database.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        // The HTTP API and the web page over any ArticleRepository.
        .target(
            name: "RasdServer",
            dependencies: ["RasdKit", "RasdStore", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Public")]
        ),
        // The PostgreSQL store (PostgresNIO): the same ArticleRepository, shared by several workers.
        .target(
            name: "RasdPostgres",
            dependencies: ["RasdKit", "RasdStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Measurement of every stage for `rasd bench` (throughput, peak memory, growth inputs, HTML pages).
        .target(
            name: "RasdBench",
            dependencies: ["RasdKit", "RasdStore"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "rasd",
            dependencies: ["RasdKit", "RasdStore", "RasdPostgres", "RasdServer", "RasdBench",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What several test targets share: running the `rasd` binary the test build produced, test articles.
        .target(
            name: "RasdTestSupport",
            dependencies: ["RasdKit"],
            path: "Tests/RasdTestSupport"
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
            dependencies: ["RasdStore", "RasdKit", "RasdTestSupport"]
        ),
        .testTarget(
            name: "RasdServerTests",
            dependencies: ["RasdServer", "RasdStore", "RasdKit"]
        ),
        .testTarget(
            name: "RasdPostgresTests",
            dependencies: ["RasdPostgres", "RasdStore", "RasdKit", "RasdTestSupport",
                           .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
