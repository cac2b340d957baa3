import ArgumentParser
import Foundation
import RasdKit
import RasdPostgres
import RasdStore

/// `rasd ingest PATH... --db LOCATION`: reads articles (txt, html, jsonl) into a store, incrementally: an SQLite
/// file, or a PostgreSQL database named by a postgres:// URL (several workers may ingest into one at once).
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add articles (.txt, .html/.htm, .jsonl files or folders) to a store; already stored content is skipped."
    )

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    @Option(help: "JSON Lines file with id, published and optional source per article.")
    var meta: String?

    @Option(help: "The store: an SQLite file (created when missing) or a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL.")
    var db: String

    @Option(help: "Articles stored per transaction.")
    var batchSize: Int = 500

    @Option(help: "Articles prepared at once (content hash, index text, MinHash; default: the cores this process may use).")
    var jobs: Int = ArticleRunner.availableCores

    @Flag(help: "No progress on stderr (problems are still reported).")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs takes a number of at least 1, not \(jobs)") }
        let location: StoreLocation
        do { location = try StoreLocation(db) } catch { throw ValidationError("\(error)") }
        guard case .sqlite = location else { return }
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("the folder of --db does not exist: \(folder)")
        }
    }

    func run() async throws {
        // Metadata problems are reported; a bad or missing --meta file does not stop the ingest.
        let loaded = meta.map { ArticleMetadata.load(path: $0) }
        let metadata = loaded?.entries ?? [:]
        for problem in loaded?.problems ?? [] { warn(problem.description) }
        var failedPath = loaded?.problems.contains { $0.isFatalForPath } ?? false
        let store = try await StoreLocation(db).open()
        do {
            try await ingest(into: store.repository, metadata: metadata, failedPath: &failedPath)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        if failedPath { throw ExitCode(1) }
    }

    private func ingest(into store: any ArticleRepository, metadata: [String: ArticleMetadata], failedPath: inout Bool) async throws {
        let collector = InputCollector(excluded: meta.map { [$0] } ?? [])
        let (files, missing) = collector.files(in: paths)
        if !missing.isEmpty { failedPath = true }
        for problem in missing { warn(problem.description) }

        let progress = IngestProgress(quiet: quiet)
        var total = IngestSummary()
        var batch: [SourceArticle] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            let (summary, renames) = try await store.ingestKeepingIDsDistinct(batch, jobs: jobs)
            for problem in renames { warn(problem.description) }
            total = total + summary
            progress.update(read: progress.read, summary: total)
            batch.removeAll(keepingCapacity: true)
        }
        for file in files {
            progress.bytes += (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            // Large JSONL feeds come in pieces, so batches are stored while the file is still being read.
            for piece in collector.pieces(file: file) {
                for problem in piece.problems {
                    warn(problem.description)
                    if problem.isFatalForPath { failedPath = true }
                }
                for article in piece.articles {
                    batch.append(metadata[article.id]?.applied(to: article) ?? article)
                    progress.read += 1
                    if batch.count >= batchSize { try await flush() }
                }
            }
        }
        try await flush()
        progress.finish(summary: total)
    }
}

/// Progress and the final count on stderr.
final class IngestProgress {
    let quiet: Bool
    let start = Date()
    var read = 0
    var bytes = 0
    private var lastReport = Date.distantPast

    init(quiet: Bool) { self.quiet = quiet }

    func update(read: Int, summary: IngestSummary) {
        guard !quiet, Date().timeIntervalSince(lastReport) >= 1 else { return }
        lastReport = Date()
        warn("ingest: \(read) articles read, \(summary.added) new (\(rate(read))/s)")
    }

    func finish(summary: IngestSummary) {
        guard !quiet else { return }
        let seconds = Date().timeIntervalSince(start)
        let mb = Double(bytes) / 1_000_000
        warn("ingest: \(read) articles read in \(String(format: "%.1f", seconds)) s (\(rate(read))/s, "
             + "\(String(format: "%.1f", mb / max(seconds, 0.001))) MB/s): \(summary.added) new, "
             + "\(summary.alreadyStored) already stored (\(summary.aliasesAdded) new aliases), "
             + "\(summary.nearDuplicates) near-duplicates linked")
    }

    private func rate(_ n: Int) -> Int { Int(Double(n) / max(Date().timeIntervalSince(start), 0.001)) }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
