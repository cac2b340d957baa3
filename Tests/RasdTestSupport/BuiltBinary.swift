import Foundation
import XCTest

/// Only here to find the test bundle: the support module is linked into the same test binary as the tests.
private final class BundleAnchor {}

/// The `rasd` binary built with the tests: .build/debug/RasdPackageTests.xctest (a folder on macOS, the test
/// binary on Linux) sits next to .build/debug/rasd. Skips the test when it is not there. (A test never runs
/// `swift build` itself: SwiftPM's lock on .build would make it wait forever.)
public func builtRasdBinary() throws -> URL {
    let bundle = Bundle(for: BundleAnchor.self).bundleURL
    var candidates: [URL] = []
    var dir = bundle
    for _ in 0..<3 { candidates.append(dir.appendingPathComponent("rasd")); dir = dir.deletingLastPathComponent() }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw XCTSkip("rasd binary not built next to the test bundle (\(bundle.path)); run `swift build` first")
    }
    return found
}

/// What one run of the built `rasd` printed, and its exit status.
public struct RasdRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `rasd` with these arguments (and these environment variables besides the test's) and waits for it.
public func runRasd(_ arguments: [String], environment: [String: String] = [:]) throws -> RasdRun {
    let process = Process()
    process.executableURL = try builtRasdBinary()
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out; process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RasdRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
}
