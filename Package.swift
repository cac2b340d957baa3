// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rasd",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RasdKit", targets: ["RasdKit"]),
        .executable(name: "rasd", targets: ["rasd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "RasdKit",
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "rasd",
            dependencies: ["RasdKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "RasdKitTests",
            dependencies: ["RasdKit"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
