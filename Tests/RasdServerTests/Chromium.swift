import Foundation
import XCTest

/// Debian's headless Chromium, driven from the command line: `--dump-dom` (the page's DOM after its scripts
/// ran) and `--screenshot`. Tests that need it skip with a message when it is not installed.
struct Chromium {
    let executable: URL

    static func find() throws -> Chromium {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return Chromium(executable: URL(fileURLWithPath: path))
        }
        throw XCTSkip("chromium is not installed (Debian: apt-get install -y chromium); .ci/run installs it")
    }

    /// The DOM after the page's scripts ran (the page's own requests finish within the virtual time budget).
    func dumpDOM(_ url: String) throws -> String {
        let out = try run(["--dump-dom", url])
        return String(decoding: out, as: UTF8.self)
    }

    /// A PNG of the page at this window size.
    func screenshot(_ url: String, to file: URL, width: Int = 1400, height: Int = 1000) throws {
        try? FileManager.default.removeItem(at: file)
        _ = try run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(file.path)", url])
    }

    private func run(_ arguments: [String]) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outFile = scratch.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = scratch
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--virtual-time-budget=15000", "--lang=ar"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = scratch.path
        process.environment = environment
        try process.run()
        // A browser that hangs must not hang the test run.
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw RawHTTPClient.ClientError("chromium did not finish within 180 s")
        }
        guard process.terminationStatus == 0 else {
            throw RawHTTPClient.ClientError("chromium exited with status \(process.terminationStatus)")
        }
        return try Data(contentsOf: outFile)
    }
}

extension String {
    /// How many times `needle` occurs (not overlapping).
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
