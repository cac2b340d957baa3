import Foundation
import XCTest
import RasdTestSupport

/// A resource file missing from the installation stops the command with one error naming it, instead of
/// running with an empty lexicon and quietly finding less.
final class MissingResourceTests: XCTestCase {
    func testAnalyzeNamesTheMissingFile() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RasdKit/Resources")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-res-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let copy = dir.appendingPathComponent("Resources")
        try FileManager.default.copyItem(at: resources, to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("quotes/speech_verbs.tsv"))
        let article = dir.appendingPathComponent("a.txt")
        try "قال وزير الخارجية إن المحادثات مستمرة.".write(to: article, atomically: true, encoding: .utf8)

        let run = try runRasd(["analyze", article.path, "--quiet"], environment: ["RASD_RESOURCES": copy.path])
        XCTAssertNotEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stderr.contains("quotes/speech_verbs.tsv") && run.stderr.contains("not found"), run.stderr)
        XCTAssertTrue(run.stdout.isEmpty, "no analysis is written with a lexicon missing")

        let complete = try runRasd(["analyze", article.path, "--quiet"], environment: ["RASD_RESOURCES": resources.path])
        XCTAssertEqual(complete.status, 0, complete.stderr)
    }
}
