import Foundation

/// The stages `rasd bench` measures.
package enum BenchStage: String, CaseIterable, Codable, Sendable {
    case normalize, tokenize, numbers, dates, ner, html, analyze, stories, ingest, search

    /// Text-core stages: measured at 1×, 10× and 100× the sample in the growth run; the others at 0.1×, 1×, 10×.
    package var isTextStage: Bool { [.normalize, .tokenize, .numbers, .dates, .ner].contains(self) }

    /// Passes by default (the best is reported): one for the slow whole-collection stages.
    package var defaultRepeat: Int { self == .analyze || self == .ingest ? 1 : 3 }

    package var what: String {
        switch self {
        case .normalize: return "text to scalars + normalization"
        case .tokenize: return "normalization + tokens"
        case .numbers: return "tokens + numbers and quantities"
        case .dates: return "tokens + dates (past preference, article's own date as reference)"
        case .ner: return "statistical entity tagger on tokenized sentences (tokenizing not timed)"
        case .html: return "HTML reader on generated pages (parse + article extraction + metadata)"
        case .analyze: return "Analyzer.analyze over all articles (every per-article stage + collection resolve)"
        case .stories: return "story detection and the stories' records, over the analysed collection (the analysis not timed)"
        case .ingest: return "ArticleStore.ingest into a new SQLite file, 500 articles a transaction"
        case .search: return "ArticleStore.search, limit 10, over the store the ingest stage built"
        }
    }

    /// "all" or a comma-separated list of stage names.
    package static func parseList(_ s: String) -> [BenchStage]? {
        if s == "all" { return allCases }
        var out: [BenchStage] = []
        for name in s.split(separator: ",") {
            guard let stage = BenchStage(rawValue: String(name)) else { return nil }
            out.append(stage)
        }
        return out.isEmpty ? nil : out
    }
}

/// What one stage did and what it cost. Rates are computed from the best pass.
package struct StageResult: Codable, Sendable {
    package var stage: BenchStage
    package var scale: Double
    package var input: String
    package var articles: Int
    package var bytes: Int
    package var tokens: Int
    package var queries: Int
    package var passes: Int
    /// CPU time of the process during the best pass (all threads).
    package var cpuSeconds: Double
    package var wallSeconds: Double
    /// Resident memory before the stage started (input loaded, resources warm) and its peak (ru_maxrss).
    package var baselineRSSBytes: Int
    package var peakRSSBytes: Int
    /// Work outside the timed part: loading resources, reading the input.
    package var setupSeconds: Double
    package var note: String?

    package init(stage: BenchStage, scale: Double, input: String, articles: Int, bytes: Int, tokens: Int = 0,
                queries: Int = 0, passes: Int, cpuSeconds: Double, wallSeconds: Double, baselineRSSBytes: Int,
                peakRSSBytes: Int, setupSeconds: Double, note: String? = nil) {
        self.stage = stage; self.scale = scale; self.input = input; self.articles = articles; self.bytes = bytes
        self.tokens = tokens; self.queries = queries; self.passes = passes; self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds; self.baselineRSSBytes = baselineRSSBytes; self.peakRSSBytes = peakRSSBytes
        self.setupSeconds = setupSeconds; self.note = note
    }

    package var megabytesPerSecond: Double { Double(bytes) / 1e6 / max(cpuSeconds, 1e-9) }
    package var articlesPerSecond: Double { Double(articles) / max(cpuSeconds, 1e-9) }
    package var tokensPerSecond: Double { Double(tokens) / max(cpuSeconds, 1e-9) }
    package var queriesPerSecond: Double { Double(queries) / max(cpuSeconds, 1e-9) }
    /// Cost per unit of work (µs per MB for text, per article for the collection stages, per query for search):
    /// flat across scales means linear growth.
    package var microsecondsPerUnit: Double {
        switch stage {
        case .search: return cpuSeconds * 1e6 / Double(max(queries, 1))
        case .analyze, .stories, .ingest, .html: return cpuSeconds * 1e6 / Double(max(articles, 1))
        default: return cpuSeconds * 1e6 / max(Double(bytes) / 1e6, 1e-9)
        }
    }
    package var unitName: String {
        switch stage {
        case .search: return "µs/query"
        case .analyze, .stories, .ingest, .html: return "µs/article"
        default: return "µs/MB"
        }
    }

    /// One line for people.
    package var summary: String {
        var rates = String(format: "%7.1f MB/s %9.0f articles/s", megabytesPerSecond, articlesPerSecond)
        if tokens > 0 { rates += String(format: " %10.0f tokens/s", tokensPerSecond) }
        if queries > 0 { rates += String(format: " %8.0f queries/s", queriesPerSecond) }
        return BenchReport.pad(stage.rawValue, 9) + " \(String(format: "%g", scale))×  \(rates)  peak \(peakRSSBytes >> 20) MiB"
            + String(format: "  (%d articles, %d bytes, best of %d: %.3f s CPU, %.3f s wall)",
                     articles, bytes, passes, cpuSeconds, wallSeconds)
    }

    /// The JSON fields scripts read, rates included.
    package func jsonObject() -> [String: Any] {
        var o: [String: Any] = [
            "stage": stage.rawValue, "scale": scale, "input": input, "articles": articles, "bytes": bytes,
            "tokens": tokens, "queries": queries, "passes": passes, "cpu_seconds": cpuSeconds,
            "wall_seconds": wallSeconds, "baseline_rss_bytes": baselineRSSBytes, "peak_rss_bytes": peakRSSBytes,
            "setup_seconds": setupSeconds, "mb_per_second": megabytesPerSecond,
            "articles_per_second": articlesPerSecond, "tokens_per_second": tokensPerSecond,
            "queries_per_second": queriesPerSecond, "us_per_unit": microsecondsPerUnit, "unit": unitName,
        ]
        if let note { o["note"] = note }
        return o
    }
}
