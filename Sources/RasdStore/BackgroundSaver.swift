import Foundation
import RasdKit

/// Saves a feed's merged analyses in the background, one at a time: the whole analysis of a large collection is
/// hundreds of MB of JSON and takes seconds to save, and the feed's next batch need not wait for it. An analysis
/// submitted while another is being saved waits, and replaces any still waiting: only the newest is worth saving.
/// Saved without a collection key (see `IncrementalAnalysis.Live`).
package actor BackgroundSaver {
    let repository: any ArticleRepository
    let jobs: Int
    private var waiting: Analysis?
    private var running: Task<Void, Never>?
    /// Analyses saved, and the last save's error (the next save tries again with a newer analysis).
    package private(set) var saved = 0
    package private(set) var lastError: (any Error)?

    package init(repository: any ArticleRepository, jobs: Int) {
        self.repository = repository
        self.jobs = max(1, jobs)
    }

    package func submit(_ analysis: Analysis) {
        waiting = analysis
        if running == nil { startNext() }
    }

    /// Drops the analysis waiting (a newer one is about to be saved by other means) and waits for the save in flight.
    package func discardWaitingAndDrain() async {
        waiting = nil
        await drain()
    }

    /// Waits until every submitted analysis is saved.
    package func drain() async {
        while let task = running { await task.value }
    }

    private func startNext() {
        guard let next = waiting else { running = nil; return }
        waiting = nil
        let repository = self.repository, jobs = self.jobs
        running = Task {
            do {
                let json = try JSONOutput.encode(next, jobs: jobs)
                try await repository.saveAnalysisJSON(json, documentCount: next.documents.count, key: nil)
                self.finished(nil)
            } catch {
                self.finished(error)
            }
        }
    }

    private func finished(_ error: (any Error)?) {
        if let error { lastError = error } else { saved += 1 }
        startNext()
    }
}
