import Foundation
import XCTest
import RasdTestSupport
import RasdKit
import RasdStore
@testable import RasdPostgres

/// The demand: two `rasd ingest` workers (the binary the test build produced; never built here) ingest
/// the SaudiNewsNet sample into one PostgreSQL database at once, one reading the file forwards and one a copy
/// reversed, and every article ends stored once: documents = distinct contents (computed here from the file with
/// RasdKit's reader and ContentHash), no content twice, every input id a document id or an alias.
final class TwoWorkersTests: XCTestCase {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/data/saudinewsnet/sample.jsonl").standardizedFileURL

    /// What a test of `rasd` workers needs: the sample (the test skips without it), the built binary, a fresh
    /// database and a scratch folder (the caller removes it).
    static func workerSetup(_ name: String) async throws -> (binary: URL, database: TestDatabase, dir: URL) {
        guard FileManager.default.fileExists(atPath: sample.path) else {
            throw XCTSkip("\(sample.path) absent: worker test skipped")
        }
        let binary = try builtRasdBinary()
        let database = try await TestDatabase.make()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (binary, database, dir)
    }

    func testTwoWorkersIngestTheSampleConcurrentlyStoringEveryArticleOnce() async throws {
        let (binary, database, dir) = try await Self.workerSetup("rasd-workers")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try await check(binary: binary, database: database, dir: dir)
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    private func check(binary: URL, database: TestDatabase, dir: URL) async throws {
        // What should be stored, computed independently of the store.
        let articles = InputCollector().read(file: Self.sample.path).articles
        XCTAssertGreaterThan(articles.count, 1000)
        let keys = articles.map { ContentHash.key($0.text) }.filter { !$0.isEmpty }
        let distinct = Set(keys.map { SHA256.hex(Array($0.utf8)) })
        let ids = Set(articles.map(\.id))

        let lines = try String(contentsOf: Self.sample, encoding: .utf8).split(separator: "\n")
        let reversed = dir.appendingPathComponent("reversed.jsonl")
        try lines.reversed().joined(separator: "\n").write(to: reversed, atomically: true, encoding: .utf8)

        let workers = try [Self.sample, reversed].map { input in
            try start(binary, ["ingest", input.path, "--db", database.url, "--batch-size", "100", "--quiet"], log: dir.appendingPathComponent(input.lastPathComponent + ".log"))
        }
        for (process, log) in workers {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            XCTAssertEqual(process.terminationStatus, 0, stderr)
        }

        let store = try await PostgresArticleStore.open(database.location)
        let count = try await store.documentCount()
        XCTAssertEqual(count, distinct.count)
        let twice = try await store.int("SELECT count(*) FROM (SELECT content_hash FROM documents GROUP BY 1 HAVING count(*) > 1) t")
        XCTAssertEqual(twice, 0, "a content stored twice")
        let storedHashes = try await store.strings("SELECT content_hash FROM documents")
        XCTAssertEqual(Set(storedHashes), distinct)
        let known = Set(try await store.strings("SELECT id FROM documents UNION SELECT id FROM document_aliases"))
        let lost = ids.subtracting(known)
        XCTAssertTrue(lost.isEmpty, "ids neither stored nor aliased: \(lost.sorted().prefix(10))")
        let unindexed = try await store.int("SELECT count(*) FROM documents WHERE search = ''::tsvector")
        XCTAssertEqual(unindexed, 0, "documents without index")
        await store.close()
    }

    private func start(_ binary: URL, _ arguments: [String], log: URL) throws -> (Process, URL) {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return (process, log)
    }
}

