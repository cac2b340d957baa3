import Foundation
import XCTest
import RasdTestSupport
@testable import RasdStore

/// `rasd watch` as a user runs it: a file appended while it runs is stored and analysed, a restart adds
/// nothing twice, and SIGINT stops it cleanly.
final class WatchCommandTests: XCTestCase {
    func testAppendedLinesAreStoredAndAnalysedAndARestartAddsNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-watch-\(UUID().uuidString)")
        let feedDir = dir.appendingPathComponent("feed")
        try FileManager.default.createDirectory(at: feedDir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let feed = feedDir.appendingPathComponent("wire.jsonl")
        let first = #"{"id": "w1", "published": "2024-05-01", "text": "التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في بيونغ يانغ أمس."}"#
        try (first + "\n").write(to: feed, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("s.db").path

        let process = Process()
        process.executableURL = try builtRasdBinary()
        process.arguments = ["watch", feedDir.path, "--db", db, "--interval", "0.2"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        func storedCount() -> Int { (try? ArticleStore(path: db).documentCount()) ?? 0 }
        func wait(_ what: String, _ condition: () -> Bool) {
            let deadline = Date().addingTimeInterval(60)
            while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
            XCTAssertTrue(condition(), "timed out waiting: \(what)")
        }
        wait("the first article stored") { storedCount() == 1 }
        // A second line appended while it runs, in two writes (the line is only read once complete).
        let second = #"{"id": "w2", "published": "2024-05-02", "text": "وقع البلدان اتفاقية للتعاون العسكري في موسكو يوم الخميس."}"#
        let handle = try FileHandle(forWritingTo: feed)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(second.prefix(40).utf8))
        Thread.sleep(forTimeInterval: 0.5)
        try handle.write(contentsOf: Data((second.dropFirst(40) + "\n").utf8))
        try handle.close()
        wait("the appended article stored") { storedCount() == 2 }
        wait("an analysis of both saved") {
            ((try? ArticleStore(path: db).latestAnalysis())??.documents.count ?? 0) == 2
        }
        process.interrupt()
        process.waitUntilExit()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, log)
        XCTAssertTrue(log.contains("stopped"), log)
        XCTAssertTrue(log.contains("resolved in full: first run"), log)
        XCTAssertTrue(log.contains("1 analysed, 1 kept, the new merged in"), "the second batch is merged into the kept collection\n" + log)

        // A restart reads the file again: nothing is stored twice.
        let again = try runRasd(["watch", feedDir.path, "--db", db, "--interval", "0.2", "--batches", "1"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("2 read, 0 new"), again.stderr)
        XCTAssertEqual(storedCount(), 2)
    }
}
