import Foundation
import XCTest
import RasdKit
import RasdStore

/// Incremental analysis through the repository protocol: analyse a store, ingest more, analyse again → the same
/// JSON, byte for byte, as `Analyzer.analyze` of every stored article; a run with nothing new computes no record.
enum IncrementalContract {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The examples, the seeds (when ../shared is there) and four short reports of one outlet sharing a footer
    /// line, which becomes that outlet's repeated line only when the third and fourth arrive.
    static func corpus() -> (first: [SourceArticle], later: [SourceArticle]) {
        var read: [SourceArticle] = []
        for folder in ["examples", "../shared/seeds"] {
            let dir = root.appendingPathComponent(folder).standardizedFileURL
            guard FileManager.default.fileExists(atPath: dir.path) else { continue }
            let metaPath = dir.appendingPathComponent("meta.jsonl").path
            let meta = ArticleMetadata.load(path: metaPath).entries
            let collector = InputCollector(excluded: [metaPath])
            read += collector.files(in: [dir.path]).files.flatMap { collector.read(file: $0).articles }
                .map { meta[$0.id]?.applied(to: $0) ?? $0 }
        }
        let footer = "صحيفة أهل الحي القديم منذ عام 1990"
        let bodies = [
            "افتتحت البلدية حديقة عامة جديدة في الحي الشمالي بعد عامين من العمل.",
            "أعلنت المدرسة الثانوية فوز طلابها بالمركز الأول في مسابقة العلوم الإقليمية.",
            "قالت شركة المياه إن الضخ سيتوقف ساعات يوم الخميس لصيانة الخط الرئيسي.",
            "استقبل المستشفى المركزي أجهزة تصوير حديثة تبرع بها رجال أعمال من المدينة.",
        ]
        let local = bodies.enumerated().map { i, body in
            SourceArticle(id: "local-\(i + 1)", text: "\(body)\n\(footer)", title: "خبر محلي \(i + 1)",
                          published: PartialDate(iso: "2024-06-0\(i + 1)"), source: "local-paper", origin: "local:\(i + 1)")
        }
        let half = read.count / 2
        return (Array(read.prefix(half)) + local.prefix(2), Array(read.dropFirst(half)) + local.suffix(2))
    }

    static func fullJSON(_ store: any ArticleRepository, _ analyzer: Analyzer) async throws -> String {
        String(decoding: try JSONOutput.encode(await analyzer.analyze(try await store.allArticles(), jobs: 1)), as: UTF8.self)
    }

    static func incrementalEqualsFull(_ store: any ArticleRepository) async throws {
        let analyzer = try Analyzer()
        let (first, later) = corpus()
        XCTAssertGreaterThanOrEqual(first.count + later.count, 10)
        _ = try await store.ingest(first)
        let incremental = IncrementalAnalysis(analyzer: analyzer, jobs: 2)
        let one = try await incremental.run(store)
        XCTAssertEqual(one.report.computed, first.count)
        XCTAssertTrue(one.report.resolved)
        let full1 = try await fullJSON(store, analyzer)
        XCTAssertEqual(String(decoding: try JSONOutput.encode(one.analysis), as: UTF8.self), full1)

        _ = try await store.ingest(later)
        let two = try await incremental.run(store)
        // The new articles, and the two earlier local reports whose footer is now the outlet's repeated line.
        XCTAssertEqual(two.report.computed, later.count + 2)
        XCTAssertEqual(two.report.reused, first.count - 2)
        XCTAssertTrue(two.report.resolved, "new records: the collection is resolved again")
        let json = String(decoding: try JSONOutput.encode(two.analysis), as: UTF8.self)
        let full2 = try await fullJSON(store, analyzer)
        XCTAssertEqual(json, full2, "incremental differs from a full analysis")
        let local1 = two.analysis.documents.first { $0.id == "local-1" }
        XCTAssertEqual(local1?.removed.map(\.rule), ["repeated_in_outlet"], "the footer learned later is removed")

        let three = try await incremental.run(store)
        XCTAssertEqual(three.report.computed, 0, "nothing new: no record computed")
        XCTAssertEqual(three.report.reused, first.count + later.count)
        XCTAssertFalse(three.report.resolved, "nothing new since the saved analysis: no resolve")
        XCTAssertEqual(String(decoding: try JSONOutput.encode(three.analysis), as: UTF8.self), json)
        let saved = try await store.latestAnalysis()
        XCTAssertEqual(saved, three.analysis)
        let savedJSON = try await store.latestAnalysisJSON()
        XCTAssertEqual(savedJSON.map { String(decoding: $0, as: UTF8.self) }, json)
        let number = try await store.latestAnalysisNumber()
        var unread = incremental
        unread.loadsUnchanged = false
        let four = try await unread.run(store)
        XCTAssertFalse(four.report.resolved)
        XCTAssertEqual(four.analysis, Analysis(), "a caller that reads the stored analysis itself gets none")
        let after = try await store.latestAnalysisNumber()
        XCTAssertEqual(after, number, "a run that resolved nothing saves no analysis")

        // Other input problems are another collection: resolved again.
        let flagged = try await incremental.run(store, problems: [InputProblem(location: "meta.jsonl:3", reason: "not JSON")])
        XCTAssertTrue(flagged.report.resolved)
        XCTAssertEqual(flagged.analysis.problems.count, 1)

        // Another analyzer version (here: other options) computes every record again.
        var options = Analyzer.Options()
        options.preferDates = .future
        let other = try await IncrementalAnalysis(analyzer: try Analyzer(options: options), jobs: 1).run(store)
        XCTAssertEqual(other.report.computed, first.count + later.count)
    }

    /// Two reports of one visit by two outlets, published after the corpus: they join an event and a story.
    static let feedArticles = [
        SourceArticle(id: "feed-1", text: "وصل وزير الخارجية المصري سامح شكري إلى الرياض أمس في زيارة رسمية يلتقي خلالها نظيره السعودي عادل الجبير لبحث العلاقات الثنائية.",
                      title: "شكري يصل إلى الرياض", published: PartialDate(iso: "2025-03-02"), source: "feed-a", origin: "feed:1"),
        SourceArticle(id: "feed-2", text: "التقى وزير الخارجية السعودي عادل الجبير في الرياض اليوم نظيره المصري سامح شكري، وبحث الجانبان العلاقات الثنائية والأوضاع في المنطقة.",
                      title: "الجبير يلتقي شكري في الرياض", published: PartialDate(iso: "2025-03-02"), source: "feed-b", origin: "feed:2"),
    ]

    /// Three reports of an outlet new to the store, sharing a short footer: it becomes the outlet's repeated line
    /// within one batch, and no stored article looked it up, so the batch is merged and each report is cleaned of it.
    static let gazetteArticles = (1...3).map { i in
        SourceArticle(id: "gazette-\(i)", text: ["افتتحت وزارة الصحة مستشفى جديدا في مدينة تبوك يضم مئتي سرير.",
                                                "أعلنت جامعة الملك سعود قبول ثلاثة آلاف طالب في برامج الدراسات العليا.",
                                                "بدأت أمانة منطقة الرياض أعمال صيانة الطرق في الأحياء الشرقية."][i - 1] + "\nجريدة الغد الجديدة",
                      title: "خبر \(i)", published: PartialDate(iso: "2025-03-0\(i + 2)"), source: "gazette", origin: "gazette:\(i)")
    }

    /// A long-running process (`IncrementalAnalysis.Live`): the first run resolves in full and keeps the collection;
    /// a run after new articles that change no earlier record merges only those, and its entities, events and
    /// timeline are a full analysis's (stories are placed: docs/store.md, "A feed"); a new repeated line forces a
    /// full run. On a store whose records workers share, every run is a full one.
    static func liveMergesNewArticles(_ store: any ArticleRepository) async throws {
        let analyzer = try Analyzer()
        let shared = store is any RecordClaiming
        let (first, later) = corpus()
        _ = try await store.ingest(first)
        let incremental = IncrementalAnalysis(analyzer: analyzer, jobs: 2)
        var live: IncrementalAnalysis.Live?
        let one = try await incremental.run(store, live: &live)
        XCTAssertEqual(one.fullRun, shared ? .sharedStore : .start)
        XCTAssertEqual(live == nil, shared)
        let full1 = try await fullJSON(store, analyzer)
        XCTAssertEqual(String(decoding: try JSONOutput.encode(one.analysis), as: UTF8.self), full1, "a full run is exact")

        // The footer becomes the outlet's repeated line: earlier records change, so the run is a full one.
        _ = try await store.ingest(later)
        let two = try await incremental.run(store, live: &live)
        XCTAssertEqual(two.fullRun, shared ? .sharedStore : .repeatedLine)
        let full2 = try await fullJSON(store, analyzer)
        XCTAssertEqual(String(decoding: try JSONOutput.encode(two.analysis), as: UTF8.self), full2)

        _ = try await store.ingest(feedArticles + gazetteArticles)
        let three = try await incremental.run(store, live: &live)
        XCTAssertEqual(three.fullRun, shared ? .sharedStore : nil)
        XCTAssertEqual(three.report.computed, feedArticles.count + gazetteArticles.count)
        let full = try await analyzer.analyze(try await store.allArticles(), jobs: 1)
        XCTAssertEqual(three.analysis.documents.map(\.removed), full.documents.map(\.removed), "each article cleaned as a full run cleans it")
        XCTAssertEqual(three.analysis.documents.first { $0.id == "gazette-1" }?.removed.map(\.rule), ["repeated_in_outlet"])
        XCTAssertEqual(AnalysisComparison.entities(three.analysis), AnalysisComparison.entities(full))
        XCTAssertEqual(AnalysisComparison.events(three.analysis), AnalysisComparison.events(full))
        XCTAssertEqual(AnalysisComparison.timeline(three.analysis), AnalysisComparison.timeline(full))
        let stories = Dictionary(three.analysis.documents.map { ($0.id, $0.story) }, uniquingKeysWith: { a, _ in a })
        XCTAssertNotNil(stories["feed-1"] ?? nil)
        XCTAssertEqual(stories["feed-1"], stories["feed-2"], "the two reports of one visit are one story")
        let saved = try await store.latestAnalysis()
        XCTAssertEqual(saved, three.analysis, "the merged analysis is saved")

        // Saved without a collection key: a one-shot run resolves the store in full again.
        let again = try await incremental.run(store)
        XCTAssertEqual(again.report.resolved, !shared, "resolved again unless the last run was a full one")
        let full3 = try await fullJSON(store, analyzer)
        XCTAssertEqual(String(decoding: try JSONOutput.encode(again.analysis), as: UTF8.self), full3)
        let four = try await incremental.run(store, live: &live)
        XCTAssertEqual(four.report.computed, 0, "nothing new")
        XCTAssertEqual(four.report.reused, first.count + later.count + feedArticles.count + gazetteArticles.count)
    }
}
