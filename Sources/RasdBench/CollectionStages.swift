import Foundation
import RasdKit
import RasdStore

/// The stages that work on the whole collection: full analysis, ingest into the SQLite store, search.
package enum CollectionStages {
    /// Every article of the input (read untimed).
    static func articles(_ input: String) throws -> [SourceArticle] {
        var all: [SourceArticle] = []
        InputCollector().read(file: input) { articles, _ in all += articles }
        if all.isEmpty { throw BenchError.noArticles(input) }
        return all
    }

    static func bytes(_ articles: [SourceArticle]) -> Int { articles.reduce(0) { $0 + $1.text.utf8.count } }

    /// `Analyzer.analyze` over all articles (every per-article stage and the collection resolve; the JSON
    /// output is not written). Loading the resources is setup, not timed.
    package static func analyze(input: String, scale: Double, repeatCount: Int) throws -> StageResult {
        let t0 = Measure.wallSeconds()
        let articles = try articles(input)
        let analyzer = try Analyzer()
        _ = analyzer.analyze(Array(articles.prefix(1)))
        let setup = Measure.wallSeconds() - t0
        let baseline = Measure.residentBytes()
        var best = Measure.Pass(cpu: .infinity, wall: .infinity)
        for _ in 0..<max(1, repeatCount) {
            var documents = 0
            let pass = Measure.processPass { documents = analyzer.analyze(articles).documents.count }
            if documents == 0 { throw BenchError.noArticles(input) }
            if pass.cpu < best.cpu { best = pass }
        }
        return StageResult(stage: .analyze, scale: scale, input: input, articles: articles.count, bytes: bytes(articles),
                           passes: max(1, repeatCount), cpuSeconds: best.cpu, wallSeconds: best.wall,
                           baselineRSSBytes: baseline, peakRSSBytes: Measure.peakResidentBytes(), setupSeconds: setup)
    }

    /// Story detection and the stories' records (`CollectionResolver.stories`) over the analysed collection: the
    /// per-article stages and the rest of the resolve run first, untimed.
    package static func stories(input: String, scale: Double, repeatCount: Int) throws -> StageResult {
        let t0 = Measure.wallSeconds()
        let articles = try articles(input)
        let analyzer = try Analyzer()
        let repeated = RepeatedBlockDetector(minArticles: analyzer.options.repeatedLineMinArticles).repeatedLines(in: articles)
        let documents = articles.flatMap { analyzer.records($0, repeatedLines: repeated) }
        let analysis = CollectionResolver(kb: analyzer.kb).resolve(documents)
        let setup = Measure.wallSeconds() - t0
        let baseline = Measure.residentBytes()
        var best = Measure.Pass(cpu: .infinity, wall: .infinity)
        var count = 0
        for _ in 0..<max(1, repeatCount) {
            var copy = analysis
            let pass = Measure.processPass { CollectionResolver.stories(documents, &copy); count = copy.stories?.count ?? 0 }
            if pass.cpu < best.cpu { best = pass }
        }
        return StageResult(stage: .stories, scale: scale, input: input, articles: articles.count, bytes: bytes(articles),
                           passes: max(1, repeatCount), cpuSeconds: best.cpu, wallSeconds: best.wall,
                           baselineRSSBytes: baseline, peakRSSBytes: Measure.peakResidentBytes(), setupSeconds: setup,
                           note: "\(documents.count) documents, \(count) stories")
    }

    /// Ingest into a new store at `store` (removed first), 500 articles a transaction as `rasd ingest` does.
    /// Each pass starts from an empty store; the store of the last pass is left for the search stage.
    package static func ingest(input: String, scale: Double, repeatCount: Int, store path: String) throws -> StageResult {
        let t0 = Measure.wallSeconds()
        let articles = try articles(input)
        let setup = Measure.wallSeconds() - t0
        let baseline = Measure.residentBytes()
        var best = Measure.Pass(cpu: .infinity, wall: .infinity)
        var summary = IngestSummary()
        for _ in 0..<max(1, repeatCount) {
            removeStore(path)
            let pass = try Measure.processPass {
                let store = try ArticleStore(path: path)
                summary = IngestSummary()
                for start in stride(from: 0, to: articles.count, by: 500) {
                    summary = summary + (try store.ingest(Array(articles[start..<min(start + 500, articles.count)])))
                }
            }
            if pass.cpu < best.cpu { best = pass }
        }
        let note = "\(summary.added) stored, \(summary.alreadyStored) already stored, \(summary.nearDuplicates) near-duplicates; "
            + "store \(storeBytes(path) >> 20) MiB"
        return StageResult(stage: .ingest, scale: scale, input: input, articles: articles.count, bytes: bytes(articles),
                           passes: max(1, repeatCount), cpuSeconds: best.cpu, wallSeconds: best.wall,
                           baselineRSSBytes: baseline, peakRSSBytes: Measure.peakResidentBytes(), setupSeconds: setup,
                           note: note)
    }

    /// Searches over the store the ingest stage left at `store` (ingesting the input first, untimed, if there is
    /// none). The queries come from the input's first articles: see `queries(from:)`.
    package static func search(input: String, scale: Double, repeatCount: Int, store path: String) throws -> StageResult {
        let t0 = Measure.wallSeconds()
        if !FileManager.default.fileExists(atPath: path) {
            _ = try ingest(input: input, scale: scale, repeatCount: 1, store: path)
        }
        var firstArticles: [SourceArticle] = []
        InputCollector().read(file: input, chunkBytes: 1 << 20) { articles, _ in
            if firstArticles.count < 500 { firstArticles += articles.prefix(500 - firstArticles.count) }
        }
        let queries = queries(from: firstArticles)
        let store = try ArticleStore(path: path)
        let documents = try store.documentCount()
        guard documents > 0, !queries.isEmpty else { throw BenchError.noStore(path) }
        _ = try store.search(queries[0], limit: 10)
        let setup = Measure.wallSeconds() - t0
        let baseline = Measure.residentBytes()
        var best = Measure.Pass(cpu: .infinity, wall: .infinity)
        var hits = 0
        for _ in 0..<max(1, repeatCount) {
            let pass = try Measure.processPass {
                hits = 0
                for q in queries { hits += try store.search(q, limit: 10).count }
            }
            if pass.cpu < best.cpu { best = pass }
        }
        return StageResult(stage: .search, scale: scale, input: input, articles: documents, bytes: storeBytes(path),
                           queries: queries.count, passes: max(1, repeatCount), cpuSeconds: best.cpu,
                           wallSeconds: best.wall, baselineRSSBytes: baseline, peakRSSBytes: Measure.peakResidentBytes(),
                           setupSeconds: setup, note: "\(hits) hits in all; articles = stored documents, bytes = store size")
    }

    /// Queries drawn from the titles of the given articles (every 5th titled one): its longest word, and its two
    /// longest words together. The same list at every scale, since every scale starts with the same articles.
    package static func queries(from articles: [SourceArticle]) -> [String] {
        var out: [String] = []
        let titled = articles.filter { !($0.title ?? "").isEmpty }
        for article in stride(from: 0, to: titled.count, by: 5).map({ titled[$0] }) {
            let words = (article.title ?? "").split(whereSeparator: { !$0.isLetter }).map(String.init)
                .filter { $0.unicodeScalars.count >= 4 }
            let longest = words.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
            guard let first = longest.first else { continue }
            out.append(first)
            if longest.count > 1 { out.append(first + " " + longest[1]) }
        }
        return out
    }

    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func storeBytes(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0) }
    }
}
