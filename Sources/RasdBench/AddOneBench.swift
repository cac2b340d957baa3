import Foundation
import RasdKit

/// The cost of adding one article to a collection that is already resolved (issue 14: flat in the collection's
/// size). For each size N, the first N articles of the input are resolved as a growing collection
/// (`IncrementalCollection`, a full resolve: not part of the cost), then each of the next `added` articles is added
/// one at a time: its per-article stages, then its merge into the collection's entities, events and stories, then
/// a snapshot of the whole analysis. Writing the whole analysis as JSON (on `jobs` threads, as a store save does),
/// which grows with the collection, is timed once per size beside them (wall time).
package enum AddOneBench {
    package struct Row: Sendable {
        package var size: Int
        package var records: Int
        /// Full resolve of the first N articles' records (the start of a running `watch` or server).
        package var startSeconds: Double
        /// Per added article, the mean of the passes.
        package var stages: Measure.Pass
        package var merge: Measure.Pass
        package var snapshot: Measure.Pass
        package var encode: Measure.Pass
        package var jsonBytes: Int
        package var peakBytes: Int
        /// Against a full resolve of the same records: entities, events and timeline the same; the stories' agreement
        /// (`AnalysisComparison.storyAgreement`).
        package var sameEntitiesAndEvents: Bool
        package var storyAgreement: Double
    }

    package static func run(input: String, sizes: [Int], added: Int, jobs: Int, progress: (String) -> Void) async throws -> [Row] {
        let needed = (sizes.max() ?? 0) + added
        let (articles, _) = DistinctIDs.apply(Array(try CollectionStages.articles(input).prefix(needed)))
        guard articles.count >= needed else { throw BenchError.tooFewArticles(input, needed: needed, found: articles.count) }
        let analyzer = try Analyzer()
        var tally = LineHashTally(minArticles: analyzer.options.repeatedLineMinArticles)
        for article in articles { tally.add(article, lines: Analyzer.lineHashes(article)) }
        let repeated = tally.repeated
        @Sendable func records(_ article: SourceArticle) -> [ArticleRecord] {
            analyzer.keyedRecords(article, repeatedHashes: repeated[RepeatedBlockDetector.sourceKey(article)] ?? []).records
        }
        progress("bench add-one: the per-article stages of \(needed - added) articles on \(jobs) cores")
        var made = [[ArticleRecord]](repeating: [], count: needed - added)
        let base = Array(articles.prefix(needed - added))
        await ArticleRunner(jobs: jobs).run(base.count, { records(base[$0]) }) { i, r in
            made[i] = r
            if (i + 1) % 5000 == 0 { progress("bench add-one: \(i + 1) of \(base.count)") }
        }
        var rows: [Row] = []
        for size in sizes.sorted() {
            let start = Measure.wallSeconds()
            var collection = analyzer.growingCollection(made.prefix(size).flatMap { $0 })
            let startSeconds = Measure.wallSeconds() - start
            var stages = Measure.Pass(cpu: 0, wall: 0), merge = stages, snapshot = stages
            var last = Analysis()
            for k in 0..<added {
                var new: [ArticleRecord] = []
                let s = Measure.pass { new = records(articles[needed - added + k]) }
                let m = Measure.pass { collection.append(new) }
                let v = Measure.pass { last = collection.snapshot() }
                stages.cpu += s.cpu / Double(added); stages.wall += s.wall / Double(added)
                merge.cpu += m.cpu / Double(added); merge.wall += m.wall / Double(added)
                snapshot.cpu += v.cpu / Double(added); snapshot.wall += v.wall / Double(added)
            }
            var bytes = 0
            let encode = try Measure.processPass { bytes = try JSONOutput.encode(last, jobs: jobs).count }
            let peak = Measure.peakResidentBytes()
            let count = collection.documents.count
            collection = analyzer.growingCollection([])
            let full = analyzer.resolve((made.prefix(size) + (0..<added).map { records(articles[needed - added + $0]) }).flatMap { $0 })
            let same = AnalysisComparison.entities(full) == AnalysisComparison.entities(last)
                && AnalysisComparison.events(full) == AnalysisComparison.events(last)
                && AnalysisComparison.timeline(full) == AnalysisComparison.timeline(last)
            rows.append(Row(size: size, records: count, startSeconds: startSeconds, stages: stages, merge: merge,
                            snapshot: snapshot, encode: encode, jsonBytes: bytes, peakBytes: peak, sameEntitiesAndEvents: same,
                            storyAgreement: AnalysisComparison.storyAgreement(last, full)))
            progress("bench add-one: \(size) articles done")
        }
        return rows
    }

    package static func table(_ rows: [Row], added: Int) -> String {
        func ms(_ p: Measure.Pass) -> String { String(format: "%.1f ms", p.cpu * 1000) }
        var out = "| articles | records | start: full resolve (wall) | add 1: stages (CPU) | add 1: merge (CPU) | snapshot (CPU) | "
            + "whole JSON: encode (wall), size | peak | entities, events, timeline as a full resolve | stories: pair agreement |\n"
            + "|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---:|\n"
        for r in rows {
            out += "| \(r.size) | \(r.records) | " + String(format: "%.1f s", r.startSeconds) + " | \(ms(r.stages)) | \(ms(r.merge)) | "
                + "\(ms(r.snapshot)) | " + String(format: "%.2f s, %.0f MB", r.encode.wall, Double(r.jsonBytes) / 1e6) + " | "
                + String(format: "%.0f MiB", Double(r.peakBytes) / 1_048_576) + " | \(r.sameEntitiesAndEvents ? "yes" : "**no**") | "
                + String(format: "%.3f", r.storyAgreement) + " |\n"
        }
        return out + "\n(mean over \(added) articles added one at a time per size; CPU time of the calling thread)"
    }
}
