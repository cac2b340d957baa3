import Foundation
import GRDB
import XCTest
import RasdTestSupport
import RasdKit
@testable import RasdStore

/// A run of `rasd ingest` killed with SIGKILL in the middle leaves a consistent store, and running it again
/// completes it without duplicates. Runs the `rasd` binary that the test build produced (never builds it).
final class KillMidwayTests: XCTestCase {
    func rasdBinary() throws -> URL { try builtRasdBinary() }

    /// Distinct generated articles (seeded), one JSONL record each.
    func writeInput(_ url: URL, count: Int) throws {
        let words = ["الحكومة", "وزير", "الاقتصاد", "مدينة", "اجتماع", "مشروع", "الطاقة", "المياه", "التعليم", "الصحة",
                     "أعلن", "قال", "بحث", "افتتح", "الرياض", "بغداد", "القاهرة", "تونس", "الشركة", "المجلس"]
        var generator = SplitMix64(seed: 42)
        var lines: [String] = []
        for i in 0..<count {
            let body = (0..<40).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            lines.append(#"{"id": "g\#(i)", "source": "gen", "text": "\#(body) رقم \#(i)."}"#)
        }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    func run(_ binary: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    func testKilledIngestLeavesConsistentStoreAndResumes() throws {
        let binary = try rasdBinary()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("big.jsonl"), db = dir.appendingPathComponent("news.db").path
        let total = 4000, batch = 25
        try writeInput(input, count: total)

        let child = try run(binary, ["ingest", input.path, "--db", db, "--batch-size", "\(batch)", "--quiet"])
        // Wait until some batches are committed, then kill without warning.
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while child.isRunning && Date() < deadline {
            if FileManager.default.fileExists(atPath: db) {
                var config = Configuration(); config.readonly = true; config.busyMode = .timeout(5)
                seen = (try? DatabaseQueue(path: db, configuration: config).read {
                    try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }) ?? 0
                if seen >= 4 * batch { break }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertTrue(child.isRunning, "ingest finished before it could be killed; make the input bigger")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)

        let store = try ArticleStore(path: db)
        let afterKill = try store.check()
        XCTAssertEqual(afterKill.integrity, "ok")
        XCTAssertEqual(afterKill.documents, afterKill.indexed, "documents and search index out of step")
        XCTAssertGreaterThan(afterKill.documents, 0)
        XCTAssertLessThan(afterKill.documents, total)
        XCTAssertEqual(afterKill.documents % batch, 0, "a batch was half stored")

        // Running again completes the store; a third run adds nothing.
        for _ in 0..<2 {
            let rerun = try run(binary, ["ingest", input.path, "--db", db, "--quiet"])
            rerun.waitUntilExit()
            XCTAssertEqual(rerun.terminationStatus, 0)
            let state = try ArticleStore(path: db).check()
            XCTAssertEqual(state.integrity, "ok")
            XCTAssertEqual(state.documents, total)
            XCTAssertEqual(state.indexed, total)
        }
        let aliases = try ArticleStore(path: db).dbQueue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document_aliases") }
        XCTAssertEqual(aliases, 0)
    }
}


