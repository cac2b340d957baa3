import ArgumentParser
import Dispatch
import Foundation
import RasdKit
import RasdPostgres
import RasdStore

/// `rasd watch PATH... --db LOCATION`: follows folders and growing `.jsonl` files; each batch of new articles is
/// stored, the store is analysed incrementally and the analysis saved (a running `rasd serve` over the same store shows
/// it on its next read). Ctrl-C stops after the batch in progress.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow folders and growing .jsonl feeds: store new articles and re-analyse the store as they arrive.",
        discussion: """
            A restart reads every file again; the store keeps each content once, so nothing is stored twice and \
            nothing written while it was stopped is lost. The first batch analyses the articles without a valid \
            stored record and resolves the collection from every article's record; later batches analyse their new \
            articles and merge them into the collection kept in memory, and the analysis is saved in the background \
            (see docs/store.md, "A feed"); Ctrl-C waits for the save in flight.
            """)

    @Argument(help: "Folders and files to follow.")
    var paths: [String]

    @Option(help: "The store: an SQLite file (created when missing) or a postgres:// URL.")
    var db: String

    @Option(help: "JSONL metadata: one {\"id\", \"published\", \"source\"} object per line.")
    var meta: String?

    @Option(help: "Seconds between looks at the files.")
    var interval: Double = 2

    @Option(help: "Articles analysed at once (default: the cores this process may use).")
    var jobs: Int = ArticleRunner.availableCores

    @Option(help: "Stop after this many batches with new articles (for scripts and tests; default: run until Ctrl-C).")
    var batches: Int?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard interval > 0 else { throw ValidationError("--interval must be positive, not \(interval)") }
        guard jobs >= 1 else { throw ValidationError("--jobs takes a number of at least 1, not \(jobs)") }
        if let batches, batches < 1 { throw ValidationError("--batches takes a number of at least 1") }
    }

    func run() async throws {
        let location: StoreLocation
        do { location = try StoreLocation(db) } catch { throw ValidationError("\(error)") }
        let store = try await location.open()
        let stop = StopSignal()
        do {
            try await follow(store.repository, stop: stop)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private func follow(_ repository: any ArticleRepository, stop: StopSignal) async throws {
        let metadata = meta.map { ArticleMetadata.load(path: $0).entries } ?? [:]
        let analyzer = try Analyzer()
        var follower = FeedFollower(paths: paths, excluded: Set([meta].compactMap { $0 }))
        var done = 0
        // The resolved collection, kept between batches: a batch that only adds articles merges them into it.
        var live: IncrementalAnalysis.Live?
        // Merged analyses are saved in the background (the newest waiting one), so a batch does not wait for the save.
        let saver = BackgroundSaver(repository: repository, jobs: jobs)
        if !quiet { warn("rasd watch: following \(paths.joined(separator: ", ")) into \(db) every \(interval) s; Ctrl-C stops") }
        while !stop.requested {
            let started = Date()
            let arrived = follower.poll()
            for problem in arrived.problems { warn(problem.description) }
            if !arrived.articles.isEmpty {
                let articles = arrived.articles.map { metadata[$0.id]?.applied(to: $0) ?? $0 }
                let (summary, renames) = try await repository.ingestKeepingIDsDistinct(articles, jobs: jobs)
                for problem in renames { warn(problem.description) }
                var line = "rasd watch: \(articles.count) read, \(summary.added) new"
                if summary.added > 0 {
                    var incremental = IncrementalAnalysis(analyzer: analyzer, jobs: jobs)
                    incremental.saver = saver
                    let (analysis, report, full) = try await incremental.run(
                        repository, live: &live, prepare: { metadata[$0.id]?.applied(to: $0) ?? $0 })
                    line += "; \(report.articles) stored articles (\(report.computed) analysed, \(report.reused) "
                        + (full == nil ? "kept, the new merged in" : "from stored records, resolved in full: \(full!.rawValue)")
                        + "): \(analysis.events.count) events, \(analysis.stories?.count ?? 0) stories"
                }
                if !quiet { warn(line + String(format: " (%.1f s)", Date().timeIntervalSince(started))) }
                done += 1
                if let batches, done >= batches { break }
            }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
        await saver.drain()
        if let error = await saver.lastError { warn("rasd watch: saving the analysis failed: \(error)") }
        if !quiet { warn("rasd watch: stopped") }
    }
}

/// Set by SIGINT or SIGTERM: the loop ends after the batch in progress, so a batch is never half stored.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            sources.append(source)
        }
    }

    private func set() { lock.lock(); flag = true; lock.unlock() }

    var requested: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}
