import Foundation
import XCTest
import RasdTestSupport

/// `rasd analyze` on a feed with many bad lines prints the first hundred problems and how many more there are;
/// the analysis lists them all.
final class AnalyzeWarningsTests: XCTestCase {
    func testManyBadLinesAreCountedPastTheLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = [#"{"id": "ok", "text": "أعلنت وزارة النقل افتتاح خط جديد للقطارات بين المدينتين."}"#]
        lines += (1...105).map { #"{"id": "bad\#($0)", "title": "لا نص"}"# }
        let feed = dir.appendingPathComponent("feed.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: feed, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("out.json")

        let run = try runRasd(["analyze", feed.path, "-o", output.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("record has neither 'text' nor 'html'") }
        XCTAssertEqual(warnings.count, 100, run.stderr)
        XCTAssertTrue(run.stderr.contains("rasd: 5 more problems not shown"), run.stderr)
        let analysis = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        XCTAssertEqual((analysis?["problems"] as? [Any])?.count, 105)
        XCTAssertEqual((analysis?["documents"] as? [Any])?.count, 1)
    }
}
