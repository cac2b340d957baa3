import Foundation
import RasdKit

extension IncrementalAnalysis {
    /// What a long-running process (`rasd watch`, `rasd serve`) keeps between its runs: the resolved collection,
    /// growing (`IncrementalCollection`), the outlets' line tally, and the last stored article it holds.
    package struct Live {
        package var collection: IncrementalCollection
        var tally: LineHashTally
        /// The outlets' repeated lines the collection's records were made with.
        var repeated: [String: Set<UInt64>]
        /// Per outlet, the lines its articles' cleaning looked up (`StoredRecord.lookups`): a line that becomes
        /// repeated changes an earlier article's record only when that article looked it up.
        var lookedUp: [String: Set<UInt64>]
        var lastRowID: Int64
        var ids: Set<String>
        var problems: [InputProblem]

        /// The analysis as it stands (`IncrementalCollection.snapshot`), with the input problems.
        mutating func analysis() -> Analysis {
            var analysis = collection.snapshot()
            analysis.problems = Analyzer.reported(problems)
            return analysis
        }
    }

    /// Why a run could not only add the new articles to the live collection, and resolved the store in full.
    package enum FullRunReason: String, Sendable {
        case start = "first run"
        case sharedStore = "records shared with other workers"
        case repeatedLine = "a new article made a line its outlet's repeated line, which earlier articles are cleaned of again"
        case repeatedID = "a new article has the id of a stored one"
    }

    /// Analyses the store as `run` does, keeping the resolved collection in `live` for the next run. When the store
    /// has only gained articles since (stored after the last one `live` holds), only those are analysed, stored as
    /// records and merged into the collection: a cost that does not grow with the store (stories are placed, not
    /// regrouped: see `IncrementalCollection`). That analysis is saved without a collection key, so a later
    /// `rasd analyze --db` resolves the store in full again (exact stories). A run resolves in full when `live` is
    /// empty, on a store whose records several workers share (PostgreSQL), or when a new article changes what
    /// earlier ones' records depend on (`FullRunReason`).
    package func run(_ repository: any ArticleRepository, live: inout Live?,
                     prepare: @escaping @Sendable (SourceArticle) -> SourceArticle = { $0 }, problems: [InputProblem] = [],
                     progress: ((Int, Int) -> Void)? = nil) async throws -> (analysis: Analysis, report: Report, fullRun: FullRunReason?) {
        var reason: FullRunReason = repository is any RecordClaiming ? .sharedStore : .start
        // Taken out, not copied: a copy would share the collection's storage, and the merge would copy it whole.
        if reason != .sharedStore, var state = live.take() {
            let stored = try await repository.articles(afterRowID: state.lastRowID, limit: Int.max)
            var new = stored.map { stored in
                let article = prepare(stored.article)
                return Item(rowid: stored.rowid, article: article, digest: Analyzer.inputDigest(article),
                            lines: Analyzer.lineHashes(article), stored: nil)
            }
            var ok = !new.contains { state.ids.contains($0.article.id) }
            if !ok { reason = .repeatedID }
            if ok {
                for item in new {
                    let outlet = RepeatedBlockDetector.sourceKey(item.article)
                    for line in state.tally.add(item.article, lines: item.lines) {
                        // Repeated from now on: the new articles are cleaned of it; an earlier one that looked it up
                        // would be too, which only a full run does.
                        if state.lookedUp[outlet]?.contains(line) == true { ok = false; reason = .repeatedLine }
                        state.repeated[outlet, default: []].insert(line)
                    }
                }
            }
            if ok {
                var report = Report()
                report.articles = state.ids.count + new.count
                report.reused = state.ids.count
                report.computed = new.count
                guard !new.isEmpty else {
                    report.resolved = false
                    let analysis = state.analysis()
                    live = state
                    return (analysis, report, nil)
                }
                let newIDs = new.map(\.article.id)
                var records: [ArticleRecord] = []
                try await compute(new, repeated: state.repeated, progress: progress) { made, rows in
                    try await repository.saveRecords(rows)
                    for (_, r) in made { records += r }
                    for (item, row) in zip(new.prefix(rows.count), rows) {
                        state.lookedUp[RepeatedBlockDetector.sourceKey(item.article), default: []].formUnion(row.lookups)
                    }
                    new.removeFirst(rows.count)
                }
                state.collection.append(records)
                state.lastRowID = stored.map(\.rowid).max() ?? state.lastRowID
                state.ids.formUnion(newIDs)
                let analysis = state.analysis()
                live = state
                if let saver { await saver.submit(analysis) } else { try await save(analysis, key: nil, to: repository, report: &report) }
                return (analysis, report, nil)
            }
        }
        live = nil
        // A merged analysis still waiting to be saved is older than this run's: it must not land after it.
        if let saver { await saver.discardWaitingAndDrain() }
        if let claims = repository as? any RecordClaiming {
            let (analysis, report) = try await run(claims, prepare: prepare, problems: problems, progress: progress)
            return (analysis, report, reason)
        }
        let run = try await resolve(repository, prepare: prepare, problems: problems, report: Report(), keeping: true, progress: progress)
        live = run.live
        return (run.analysis, run.report, reason)
    }
}
