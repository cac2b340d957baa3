// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rasd",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RasdKit", targets: ["RasdKit"]),
        .library(name: "RasdStore", targets: ["RasdStore"]),
        .library(name: "RasdPostgres", targets: ["RasdPostgres"]),
        .executable(name: "rasd", targets: ["rasd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        // The PostgreSQL store (PostgresNIO): the same ArticleRepository, shared by several workers.
        .target(
            name: "RasdPostgres",
            dependencies: ["RasdKit", "RasdStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .executableTarget(
            name: "rasd",
            dependencies: ["RasdKit", "RasdStore", "RasdPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "RasdKitTests",
            dependencies: ["RasdKit"],
            exclude: ["Fixtures", "Cases"]
        ),
        .testTarget(
            name: "RasdStoreTests",
            dependencies: ["RasdStore", "RasdKit"]
        ),
        .testTarget(
            name: "RasdPostgresTests",
            dependencies: ["RasdPostgres", "RasdStore", "RasdKit", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
