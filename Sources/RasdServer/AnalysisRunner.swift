import Dispatch
import Foundation
import RasdKit
import RasdStore

/// What the server knows of analyses: the latest one (in memory, for the queries) and the run in progress.
/// One run at a time; a second request while one runs is told so (409) rather than queued.
actor StoryState {
    private(set) var index: StoryIndex?
    private(set) var status = AnalysisStatus()

    /// The store's number of the analysis installed (see `ArticleRepository.latestAnalysisNumber`).
    private(set) var installedNumber: Int64?

    /// Documents in the store, counted at start, after each upload and at each reload tick: `GET /api/health`
    /// answers from here, never waiting for the store behind searches or uploads.
    private(set) var storedDocuments: Int?

    func setStoredDocuments(_ count: Int) { storedDocuments = count }

    func install(_ analysis: Analysis?, number: Int64? = nil) {
        index = analysis.map(StoryIndex.init)
        status.analysedDocuments = analysis?.documents.count ?? 0
        installedNumber = number
    }

    /// Whether the store holds a newer analysis than the one installed, and no run of ours is in progress.
    func isOlder(than number: Int64?) -> Bool {
        status.state != .running && number != nil && number != installedNumber
    }

    /// Marks a run as started; throws 409 when one is already running.
    func begin() throws -> AnalysisStatus {
        if status.state == .running {
            throw APIError(.conflict, "an analysis is already running (started \(status.startedAt ?? "?"), "
                           + "\(status.done) of \(status.total) articles); try again when GET /api/analysis says it is done")
        }
        status.state = .running
        status.startedAt = AnalysisStatus.stamp()
        status.finishedAt = nil
        status.error = nil
        status.done = 0
        status.total = 0
        return status
    }

    /// Progress reports may arrive out of order: the count only grows.
    func progress(done: Int, total: Int) {
        guard status.state == .running else { return }
        status.done = max(status.done, done)
        status.total = total
    }

    func finish(_ analysis: Analysis, number: Int64? = nil) {
        install(analysis, number: number)
        status.state = .idle
        status.finishedAt = AnalysisStatus.stamp()
    }

    func fail(_ message: String) {
        status.state = .failed
        status.error = message
        status.finishedAt = AnalysisStatus.stamp()
    }
}

/// The analysis run as `GET /api/analysis` reports it.
struct AnalysisStatus: Codable, Sendable, Equatable {
    enum State: String, Codable, Sendable { case idle, running, failed }
    var state: State = .idle
    var startedAt: String?
    var finishedAt: String?
    /// Articles analysed so far and in all, for the run in progress (or the last one).
    var done = 0
    var total = 0
    /// Documents in the analysis the queries use.
    var analysedDocuments = 0
    var error: String?

    static func stamp() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// Analyses the store incrementally (`IncrementalAnalysis`: records only for the articles without a valid stored
/// one, then the resolve from all; after the first run, only the articles stored since, merged into the collection
/// it keeps) and saves the result. The work is CPU-bound and long, so it runs on the store's
/// dispatch queue (`StoreExecutor`, its per-article tasks included): neither NIO's event loops nor Swift's
/// cooperative threads are held.
final class AnalysisRunner: Sendable {
    let repository: any ArticleRepository
    let state: StoryState
    /// The analyzer loads its knowledge base and model once, on first use.
    private let lock = NSLock()
    private nonisolated(unsafe) var loaded: Analyzer?
    /// The resolved collection kept from the last run (`IncrementalAnalysis.Live`): the next run merges only the
    /// articles stored since. Runs never overlap (`StoryState.begin`).
    private nonisolated(unsafe) var live: IncrementalAnalysis.Live?

    init(repository: any ArticleRepository, state: StoryState) {
        self.repository = repository
        self.state = state
    }

    /// Starts a run; the returned task ends with the run (a client that stops waiting does not stop it).
    func start() async throws -> Task<AnalysisStatus, Never> {
        _ = try await state.begin()
        return Task.detached { [self] in
            do {
                let analysis = try await StoreExecutor.run { [self] in try await analyze() }
                let number = try await StoreExecutor.run { try await repository.latestAnalysisNumber() }
                await state.finish(analysis, number: number)
            } catch {
                await state.fail("analysis failed: \(error)")
            }
            return await state.status
        }
    }

    private func analyze() async throws -> Analysis {
        let analyzer = try lock.withLock {
            if loaded == nil { loaded = try Analyzer() }
            return loaded!
        }
        let state = self.state
        await state.progress(done: 0, total: 0)
        // Taken out while the run works on it (a copy would share its storage, and the merge would copy it whole).
        var kept = lock.withLock { live.take() }
        let analysis = try await IncrementalAnalysis(analyzer: analyzer, jobs: ArticleRunner.availableCores).run(
            repository, live: &kept, progress: { done, total in
                // Progress every 20 articles is enough for a status line.
                if done % 20 == 0 || done == total { Task { await state.progress(done: done, total: total) } }
            }).analysis
        lock.withLock { live = kept }
        return analysis
    }
}
