import Foundation
import XCTest
import RasdTestSupport
import RasdKit
import RasdStore
@testable import RasdPostgres

/// `rasd analyze --db postgres://…` workers share the per-article records: one is killed with SIGKILL in the middle
/// of a batch, another then finishes. Its claims come back after the lease (3 s here), every article ends with
/// exactly one record, no claim is left, and the analysis is the one a single full analysis gives, byte for byte.
final class RecordWorkersTests: XCTestCase {
    func testKilledWorkerLosesNothingAndAnotherFinishes() async throws {
        let (binary, database, dir) = try await TwoWorkersTests.workerSetup("rasd-records")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try await PostgresArticleStore.open(database.location)
        do {
            try await check(binary: binary, store: store, database: database, dir: dir)
        } catch {
            await store.close()
            await database.drop()
            throw error
        }
        await store.close()
        await database.drop()
    }

    private func check(binary: URL, store: PostgresArticleStore, database: TestDatabase, dir: URL) async throws {
        let articles = Array(InputCollector().read(file: TwoWorkersTests.sample.path).articles.prefix(120))
        _ = try await store.ingest(articles)
        let documents = try await store.documentCount()
        let arguments = ["analyze", "--db", database.url, "--jobs", "1", "--batch-size", "8", "--quiet"]

        let first = try start(binary, arguments + ["-o", dir.appendingPathComponent("killed.json").path])
        // Killed once a batch is saved and the next one claimed: polled together, since on a loaded machine the
        // worker may sit between two batches, holding nothing, at the moment a first batch is seen saved.
        var saved = 0, claimed = 0
        for _ in 0..<600 where saved < 8 || claimed == 0 {
            try await Task.sleep(nanoseconds: 200_000_000)
            saved = try await store.int("SELECT count(*) FROM article_records")
            claimed = try await store.int("SELECT count(*) FROM record_claims WHERE worker IS NOT NULL")
        }
        XCTAssertTrue(first.isRunning, "the first worker finished before it could be killed")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let recordsAtKill = try await store.int("SELECT count(*) FROM article_records")
        XCTAssertLessThan(recordsAtKill, documents, "killed mid-run")
        // Claims the killed worker left (whether or not their 3-second lease has run out by now: a saved batch ends
        // its claims, so any left were held at the kill).
        let held = try await store.int("SELECT count(*) FROM record_claims WHERE worker IS NOT NULL")
        XCTAssertGreaterThan(held, 0, "the killed worker held the claims of its batch")

        let output = dir.appendingPathComponent("second.json")
        let second = try start(binary, arguments + ["-o", output.path])
        second.waitUntilExit()
        XCTAssertEqual(second.terminationStatus, 0)

        let records = try await store.int("SELECT count(*) FROM article_records")
        XCTAssertEqual(records, documents, "every article has exactly one record")
        let orphans = try await store.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM article_records r WHERE r.document_rowid = d.rowid)")
        XCTAssertEqual(orphans, 0)
        let claims = try await store.int("SELECT count(*) FROM record_claims")
        XCTAssertEqual(claims, 0, "no claim left behind")

        let full = try JSONOutput.encode(await Analyzer().analyze(try await store.allArticles(), jobs: 2))
        let written = try Data(contentsOf: output)
        XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: full, as: UTF8.self),
                       "the workers' analysis differs from one full analysis")
    }

    private func start(_ binary: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["RASD_RECORD_LEASE_SECONDS": "3"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
