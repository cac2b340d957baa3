import Foundation
import XCTest

/// RasdKit's public API is the files docs/public-api.md lists; everything else, and the layers over RasdKit,
/// declare `package` (`scripts/package_access.py` makes it so; this test fails when a file slips).
final class PublicAPITests: XCTestCase {
    func testOnlyTheListedFilesArePublic() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/package_access.py").path, "--check"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "run scripts/package_access.py:\n\(output)")
        // The list names files that exist.
        let doc = try String(contentsOf: root.appendingPathComponent("docs/public-api.md"), encoding: .utf8)
        let listed = doc.components(separatedBy: "`").filter { $0.hasPrefix("Sources/RasdKit/") && $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(listed.count, 15)
        for path in listed {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), path)
        }
    }
}
