import Foundation
import RasdKit

/// Analyses a store incrementally: per-article records are computed only for articles without a valid stored
/// record (new, changed by metadata or renaming, made by another analyzer version, or whose outlet's repeated
/// lines changed for a line they contain); then the collection is resolved from every article's record. The
/// analysis equals `Analyzer.analyze` of all stored articles (see docs/store.md, "Incremental analysis").
///
/// On a store that shares the per-article work (`RecordClaiming`, PostgreSQL), the records to compute are
/// claimed a batch at a time, so several workers split them; the resolve runs under the store's resolve lock.
package struct IncrementalAnalysis: Sendable {
    package var analyzer: Analyzer
    package var jobs: Int
    /// Records computed between two writes (one transaction each; a killed run keeps the batches written).
    package var batchSize = 100
    /// When the store's newest analysis was resolved from the very records this run would resolve (the same
    /// `collectionKey`), the run skips its resolve and returns that analysis read from the store; with false it
    /// returns an empty analysis instead (`Report.resolved` false), for a caller that reads the stored one itself.
    package var loadsUnchanged = true
    /// Also return the analysis as `JSONOutput.encode` bytes (`Report.json`): those saved, or those kept. The run
    /// encodes the analysis once, for the store and for a caller that writes it (`rasd analyze --db`).
    package var returnsJSON = false
    /// With a saver, an analysis merged into a live collection (`run(_:live:)`) is saved in the background by it,
    /// and the run returns without waiting; a full run waits for the saver first, then saves as usual.
    package var saver: BackgroundSaver?

    /// What a run did.
    package struct Report: Sendable, Equatable {
        package var articles = 0
        /// Articles whose records this run computed and stored.
        package var computed = 0
        /// Articles whose stored records were valid.
        package var reused = 0
        /// False when the store's newest analysis was already resolved from these records and the run kept it.
        package var resolved = true
        /// With `returnsJSON`: the analysis as JSON.
        package var json: Data?
    }

    package init(analyzer: Analyzer, jobs: Int) {
        self.analyzer = analyzer
        self.jobs = max(1, jobs)
    }

    /// One stored article as this run sees it.
    struct Item: Sendable {
        var rowid: Int64
        var article: SourceArticle
        var digest: String
        var lines: [UInt64]
        /// The stored record, when it was made by this version from this input.
        var stored: StoredRecord?
    }

    /// Analyses the store and saves the analysis in it. `prepare` applies metadata to a stored article; `problems`
    /// are reported in the analysis.
    package func run(_ repository: any ArticleRepository, prepare: @escaping @Sendable (SourceArticle) -> SourceArticle = { $0 },
                    problems: [InputProblem] = [],
                    progress: ((Int, Int) -> Void)? = nil) async throws -> (analysis: Analysis, report: Report) {
        var report = Report()
        if let claims = repository as? any RecordClaiming {
            report.computed += try await shareWork(claims, prepare: prepare, progress: progress)
            let shared = report
            return try await claims.withResolveLock {
                try await self.resolve(repository, prepare: prepare, problems: problems, report: shared, progress: nil)
            }
        }
        return try await resolve(repository, prepare: prepare, problems: problems, report: report, progress: progress)
    }

    /// Plans, computes what is missing, resolves.
    private func resolve(_ repository: any ArticleRepository, prepare: @escaping @Sendable (SourceArticle) -> SourceArticle,
                         problems: [InputProblem], report: Report,
                         progress: ((Int, Int) -> Void)?) async throws -> (analysis: Analysis, report: Report) {
        let run = try await resolve(repository, prepare: prepare, problems: problems, report: report, keeping: false, progress: progress)
        return (run.analysis, run.report)
    }

    /// Plans, computes what is missing, resolves; with `keeping`, the resolved collection is returned to grow
    /// (`Live`), and a stored analysis of the same records is not taken instead of the resolve.
    func resolve(_ repository: any ArticleRepository, prepare: @escaping @Sendable (SourceArticle) -> SourceArticle,
                 problems: [InputProblem], report: Report, keeping: Bool,
                 progress: ((Int, Int) -> Void)?) async throws -> (analysis: Analysis, report: Report, live: Live?) {
        var report = report
        let (items, idProblems, tally) = try await plan(repository, prepare: prepare)
        let repeated = tally.repeated
        let missing = items.indices.filter { !isValid(items[$0], repeated: repeated) }
        var made: [Int64: [ArticleRecord]] = [:]
        var contextKeys: [Int64: String] = [:]
        var lookups: [Int64: [UInt64]] = [:]
        try await compute(missing.map { items[$0] }, repeated: repeated, progress: progress) { records, batch in
            try await repository.saveRecords(batch)
            for (rowid, r) in records { made[rowid] = r }
            for row in batch {
                contextKeys[row.rowid] = row.contextKey
                if keeping { lookups[row.rowid] = row.lookups }
            }
        }
        report.articles = items.count
        report.computed += missing.count
        report.reused = max(0, items.count - report.computed)
        let allProblems = problems + idProblems
        let key = Self.collectionKey(version: analyzer.recordVersion, items: items.map { item in
            (item.rowid, item.digest, contextKeys[item.rowid] ?? item.stored?.contextKey ?? "")
        }, problems: allProblems)
        // Nothing new since the newest saved analysis (a rerun, or a worker whose records another worker already
        // resolved): the resolve would give that analysis again.
        if !keeping, try await repository.latestAnalysisKey() == key {
            report.resolved = false
            if returnsJSON { report.json = try await repository.latestAnalysisJSON() }
            let kept = loadsUnchanged ? try await repository.latestAnalysis() : nil
            return (kept ?? Analysis(), report, nil)
        }
        // The records in input order; stored ones read now (the plan read only their keys) and decoded on every
        // core. One replaced since the plan (another process, other metadata) is computed again here.
        let stored = made.count == items.count ? [:] : try await repository.storedRecords(version: analyzer.recordVersion)
        var all: [ArticleRecord] = []
        var failure: (any Error)?
        let analyzer = self.analyzer
        await ArticleRunner(jobs: jobs).run(items.count, { [made] i -> Result<[ArticleRecord], any Error> in
            let item = items[i]
            if let fresh = made[item.rowid] { return .success(fresh) }
            if let record = stored[item.rowid], record.inputDigest == item.digest, record.contextKey == item.stored?.contextKey {
                return Result { try RecordCoding.decode(record.data) }
            }
            let outlet = repeated[RepeatedBlockDetector.sourceKey(item.article)] ?? []
            return .success(analyzer.keyedRecords(item.article, repeatedHashes: outlet).records)
        }) { _, result in
            switch result {
            case .success(let records): all += records
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure { throw failure }
        var live: Live?
        let analysis: Analysis
        if keeping {
            let collection = analyzer.growingCollection(all)
            var lookedUp: [String: Set<UInt64>] = [:]
            for item in items {
                lookedUp[RepeatedBlockDetector.sourceKey(item.article), default: []]
                    .formUnion(lookups[item.rowid] ?? item.stored?.lookups ?? [])
            }
            live = Live(collection: collection, tally: tally, repeated: repeated, lookedUp: lookedUp,
                        lastRowID: items.map(\.rowid).max() ?? 0, ids: Set(items.map(\.article.id)), problems: allProblems)
            analysis = live!.analysis()
        } else {
            analysis = analyzer.resolve(all, problems: allProblems)
        }
        try await save(analysis, key: key, to: repository, report: &report)
        return (analysis, report, live)
    }

    /// Saves the analysis with its key (encoded on `jobs` cores: a large collection's JSON is hundreds of MB).
    func save(_ analysis: Analysis, key: String?, to repository: any ArticleRepository, report: inout Report) async throws {
        let json = try JSONOutput.encode(analysis, jobs: jobs)
        try await repository.saveAnalysisJSON(json, documentCount: analysis.documents.count, key: key)
        if returnsJSON { report.json = json }
    }

    /// What the resolve of a run depends on, as a digest: the analyzer version, each article's row, input digest
    /// and context key in input order (with the version, what its record holds), and the input problems. Equal
    /// keys, equal analyses: the resolve is deterministic.
    static func collectionKey(version: String, items: [(rowid: Int64, digest: String, contextKey: String)],
                              problems: [InputProblem]) -> String {
        var h = LineHash.Hasher()
        h.add(version)
        h.add(UInt64(items.count))
        for item in items {
            h.add(UInt64(bitPattern: item.rowid))
            h.add(item.digest)
            h.add(item.contextKey)
        }
        h.add(UInt64(problems.count))
        for problem in problems {
            h.add(problem.location)
            h.add(problem.reason)
        }
        return h.hex
    }

    /// Reads the store: its articles (ids made distinct as `Analyzer.analyze` does), their digests and line
    /// hashes (stored ones reused), and the tally of the outlets' lines (`tally.repeated`: their repeated lines).
    func plan(_ repository: any ArticleRepository, prepare: @escaping @Sendable (SourceArticle) -> SourceArticle) async throws
        -> (items: [Item], problems: [InputProblem], tally: LineHashTally) {
        let stored = try await repository.allStoredArticles()
        let (kept, problems) = DistinctIDs.applyIndexed(stored.map { prepare($0.article) })
        let records = try await repository.storedRecordKeys(version: analyzer.recordVersion)
        var items: [Item] = []
        items.reserveCapacity(kept.count)
        var tally = LineHashTally(minArticles: analyzer.options.repeatedLineMinArticles)
        await ArticleRunner(jobs: jobs).run(kept.count, { i -> Item in
            let rowid = stored[kept[i].index].rowid
            let article = kept[i].article
            let digest = Analyzer.inputDigest(article)
            if let record = records[rowid], record.inputDigest == digest {
                return Item(rowid: rowid, article: article, digest: digest, lines: record.lines, stored: record)
            }
            return Item(rowid: rowid, article: article, digest: digest, lines: Analyzer.lineHashes(article), stored: nil)
        }) { _, item in
            tally.add(item.article, lines: item.lines)
            items.append(item)
        }
        return (items, problems, tally)
    }

    func isValid(_ item: Item, repeated: [String: Set<UInt64>]) -> Bool {
        guard let stored = item.stored else { return false }
        let outlet = repeated[RepeatedBlockDetector.sourceKey(item.article)] ?? []
        return Analyzer.contextKey(lookups: stored.lookups, repeated: outlet) == stored.contextKey
    }

    /// Computes the items' records, `batchSize` at a time, handing each batch to `save`.
    func compute(_ items: [Item], repeated: [String: Set<UInt64>], progress: ((Int, Int) -> Void)?,
                 save: ([(Int64, [ArticleRecord])], [StoredRecord]) async throws -> Void) async throws {
        let analyzer = self.analyzer
        let version = analyzer.recordVersion
        var done = 0
        for start in stride(from: 0, to: items.count, by: batchSize) {
            let batch = Array(items[start..<min(start + batchSize, items.count)])
            var made: [(Int64, [ArticleRecord])] = []
            var rows: [StoredRecord] = []
            var failure: (any Error)?
            await ArticleRunner(jobs: jobs).run(batch.count, { i -> Result<(StoredRecord, [ArticleRecord]), any Error> in
                let item = batch[i]
                let outlet = repeated[RepeatedBlockDetector.sourceKey(item.article)] ?? []
                let (records, lookups) = analyzer.keyedRecords(item.article, repeatedHashes: outlet)
                return Result {
                    (StoredRecord(rowid: item.rowid, version: version, inputDigest: item.digest, lines: item.lines, lookups: lookups,
                                  contextKey: Analyzer.contextKey(lookups: lookups, repeated: outlet),
                                  data: try RecordCoding.encode(records)), records)
                }
            }) { i, result in
                switch result {
                case .success(let (row, records)):
                    rows.append(row)
                    made.append((row.rowid, records))
                case .failure(let error): failure = failure ?? error
                }
                progress?(done + i + 1, items.count)
            }
            if let failure { throw failure }
            try await save(made, rows)
            done += batch.count
        }
    }

    /// The per-article work shared with other workers: claims batches of the articles that lack a valid record
    /// until none is left unclaimed and no other worker holds a live claim on one. Returns the records computed.
    private func shareWork(_ store: any RecordClaiming, prepare: @escaping @Sendable (SourceArticle) -> SourceArticle,
                           progress: ((Int, Int) -> Void)?) async throws -> Int {
        let (items, _, tally) = try await plan(store, prepare: prepare)
        let repeated = tally.repeated
        let missing = items.filter { !isValid($0, repeated: repeated) }
        guard !missing.isEmpty else { return 0 }
        let byRowID = Dictionary(missing.map { ($0.rowid, $0) }, uniquingKeysWith: { a, _ in a })
        let version = analyzer.recordVersion
        try await store.offerClaims(missing.map(\.rowid), version: version)
        let worker = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
        var computed = 0
        while true {
            let claimed = try await store.claimRecords(among: missing.map(\.rowid), version: version, worker: worker,
                                                       limit: batchSize, leaseSeconds: RecordClaims.leaseSeconds)
            if claimed.isEmpty {
                if try await store.liveClaims(among: missing.map(\.rowid), version: version) == 0 { return computed }
                try await Task.sleep(nanoseconds: 300_000_000)
                continue
            }
            let batch = claimed.compactMap { byRowID[$0] }
            try await compute(batch, repeated: repeated, progress: nil) { _, rows in
                computed += try await store.saveClaimedRecords(rows, worker: worker)
            }
            progress?(computed, missing.count)
        }
    }
}

/// A store whose per-article records several workers compute together (PostgreSQL): a claim is a row with a
/// lease; a worker killed mid-batch loses its claims when the lease ends, and another worker takes them.
package protocol RecordClaiming: ArticleRepository {
    /// Makes these documents' records claimable (no effect on those already offered or claimed).
    func offerClaims(_ rowids: [Int64], version: String) async throws
    /// Claims up to `limit` of these documents whose claim is free or expired, for `leaseSeconds`.
    func claimRecords(among rowids: [Int64], version: String, worker: String, limit: Int, leaseSeconds: Double) async throws -> [Int64]
    /// Saves the records this worker still holds the claim of, and ends those claims; returns how many it saved.
    func saveClaimedRecords(_ records: [StoredRecord], worker: String) async throws -> Int
    /// How many of these documents another worker holds an unexpired claim on.
    func liveClaims(among rowids: [Int64], version: String) async throws -> Int
    /// Runs `body` holding the store-wide resolve lock (one collection resolve and save at a time).
    func withResolveLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T
}

package enum RecordClaims {
    /// How long a claim holds without the worker saving its batch: 60 s, or `RASD_RECORD_LEASE_SECONDS`.
    package static let leaseSeconds: Double = {
        if let value = ProcessInfo.processInfo.environment["RASD_RECORD_LEASE_SECONDS"].flatMap(Double.init), value > 0 { return value }
        return 60
    }()
}
