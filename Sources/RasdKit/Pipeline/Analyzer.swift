/// The whole pipeline: articles in, one analysis of the collection out.
///
/// Per article: cleaning (which may split off appended stories as documents of their own), then `stages` in
/// order: text → dateline → dates → entities → titles → quotes → events by default, on several articles at once
/// with `analyze(_:jobs:)` (see `ArticleRunner`), each article reduced to its `ArticleRecord`. Then the collection
/// is resolved from the records (one entity and one event across articles, timeline, discrepancies, near
/// duplicates).
public struct Analyzer: Sendable {
    public struct Options: Sendable {
        public var preferDates: DatePreference = .past
        /// A line repeated in this many articles of one outlet is boilerplate.
        public var repeatedLineMinArticles = 3
        /// Keep each entity mention's and event's provenance in the analysis (`rasd analyze --explain`).
        public var explain = false
        /// Event reports whose learned confidence is below this are left out when the collection is resolved
        /// (`rasd analyze --min-confidence`); the default was chosen on eval/newsref/dev (BENCHMARKS.md).
        public var minConfidence = Analyzer.defaultMinConfidence
        public init() {}
    }

    public var options: Options
    /// `Options.minConfidence`'s default.
    public static let defaultMinConfidence = 0.6
    package var cleaner: BoilerplateCleaner
    public let kb: KnowledgeBase
    /// The per-article stages, in order; `init(options:stages:)` takes another list (a stage dropped or added).
    public private(set) var stages: [any DocumentStage]

    /// Loads the bundled resources (knowledge base, tagger model, lexicons) and builds the default stages.
    /// Throws `ResourceStore.LoadError` when a resource file is missing.
    public init(options: Options = Options()) throws {
        let kb = try KnowledgeBase.bundled()
        try self.init(options: options, kb: kb, stages: Analyzer.defaultStages(kb: kb, options: options))
    }

    /// An analyzer with these stages. Throws `StageOrderError` when a stage reads a field that no earlier stage
    /// writes, and `ResourceStore.LoadError` when a resource file is missing.
    public init(options: Options = Options(), kb: KnowledgeBase, stages: [any DocumentStage]) throws {
        self.options = options
        self.kb = kb
        cleaner = BoilerplateCleaner()
        self.stages = stages
        try StageOrderError.check(stages)
        try ResourceStore.checkLoaded()
    }

    /// text → dateline → dates → entities → titles → quotes → genre → events.
    public static func defaultStages(kb: KnowledgeBase, options: Options = Options()) throws -> [any DocumentStage] {
        let tagger = try NERTagger.bundled()
        return [TextStage(), DatelineStage(preferDates: options.preferDates), DateStage(preferDates: options.preferDates),
         EntityStage(kb: kb, tagger: tagger), TitleStage(kb: kb, tagger: tagger), QuoteStage(), GenreStage(),
         EventStage(kb: kb)]
    }

    /// Runs the per-article stages on one article; returns the article and any story split off it.
    /// `repeatedLines` are the outlet's lines that the collection shows to be boilerplate.
    public func process(_ article: SourceArticle, repeatedLines: Set<String> = []) -> [Document] {
        var cleaner = self.cleaner
        cleaner.repeatedLines = repeatedLines
        var docs = cleaner.clean(Document(article: article))
        runStages(&docs)
        return docs
    }

    /// The stages, in order, on each of an article's documents; their decisions are recorded (`Provenance`) only
    /// for an analysis with `explain`.
    func runStages(_ docs: inout [Document]) {
        Provenance.$isRecording.withValue(options.explain) {
            for i in docs.indices {
                for stage in stages { stage.process(&docs[i]) }
            }
        }
    }

    /// Runs the per-article stages and keeps what the resolve needs (see `ArticleRecord`): the article's record
    /// and those of the stories split off it.
    package func records(_ article: SourceArticle, repeatedLines: [String: Set<String>]) -> [ArticleRecord] {
        process(article, repeatedLines: repeatedLines[RepeatedBlockDetector.sourceKey(article)] ?? []).map { ArticleRecord($0) }
    }

    /// Analyses a collection one article at a time. `progress` is called after each article with (done, total).
    public func analyze(_ articles: [SourceArticle], problems: [InputProblem] = [],
                        progress: ((Int, Int) -> Void)? = nil) -> Analysis {
        // Every later step keys documents by id: an id seen twice is renamed or dropped here, and reported.
        let (articles, idProblems) = DistinctIDs.apply(articles)
        let problems = problems + idProblems
        // Collection-level cleaning: lines an outlet repeats across its articles, tallied as line hashes as in
        // `analyze(taking:jobs:)` and a store.
        var tally = LineHashTally(minArticles: options.repeatedLineMinArticles)
        for article in articles { tally.add(article, lines: Analyzer.lineHashes(article)) }
        let repeated = tally.repeated
        var records: [ArticleRecord] = []
        for (i, article) in articles.enumerated() {
            records += keyedRecords(article, repeatedHashes: repeated[RepeatedBlockDetector.sourceKey(article)] ?? []).records
            progress?(i + 1, articles.count)
        }
        return resolve(consume records, problems: problems)
    }

    /// Analyses a collection with up to `jobs` articles in flight (see `ArticleRunner`); the result is the same
    /// as one at a time, since the records reach the resolve in input order.
    public func analyze(_ articles: [SourceArticle], problems: [InputProblem] = [], jobs: Int,
                        progress: ((Int, Int) -> Void)? = nil) async -> Analysis {
        var articles = articles
        return await analyze(taking: &articles, problems: problems, jobs: jobs, progress: progress)
    }

    /// The same, emptying `articles` once their records are made: the input texts are not held through the
    /// resolve, the peak of a large collection's memory (the bodies the output needs are in the records).
    package func analyze(taking articles: inout [SourceArticle], problems: [InputProblem] = [], jobs: Int,
                         progress: ((Int, Int) -> Void)? = nil) async -> Analysis {
        var (distinct, idProblems) = DistinctIDs.apply(articles)
        articles = []
        let problems = problems + idProblems
        let runner = ArticleRunner(jobs: jobs)
        // The outlets' repeated lines, tallied as line hashes (as a store does): a tally of the lines' text held
        // every paragraph of the collection a second time, a tenth of the peak memory.
        let repeated = await repeatedLineHashes(distinct, runner: runner)
        let collected = await records(of: distinct, repeated: repeated, runner: runner, progress: progress)
        distinct = []
        return resolve(consume collected, problems: problems)
    }

    /// The articles' records in input order, made on every core.
    func records(of articles: [SourceArticle], repeated: [String: Set<UInt64>], runner: ArticleRunner,
                 progress: ((Int, Int) -> Void)?) async -> [ArticleRecord] {
        var collected: [ArticleRecord] = []
        await runner.run(articles.count, { [self] in
            keyedRecords(articles[$0], repeatedHashes: repeated[RepeatedBlockDetector.sourceKey(articles[$0])] ?? []).records
        }) { i, made in
            collected += made
            progress?(i + 1, articles.count)
        }
        return collected
    }

    /// Source key → hashes of the lines its articles repeat (`LineHashTally`); the tally is freed on return.
    func repeatedLineHashes(_ articles: [SourceArticle], runner: ArticleRunner) async -> [String: Set<UInt64>] {
        var tally = LineHashTally(minArticles: options.repeatedLineMinArticles)
        await runner.run(articles.count, { Analyzer.lineHashes(articles[$0]) }) { i, lines in tally.add(articles[i], lines: lines) }
        return tally.repeated
    }

    /// The cross-document resolve with this analyzer's knowledge base and options.
    package var resolver: CollectionResolver {
        var resolver = CollectionResolver(kb: kb, explain: options.explain)
        resolver.minConfidence = options.minConfidence
        return resolver
    }

    /// A collection of these records, resolved, that grows by appended records (`IncrementalCollection`).
    package func growingCollection(_ records: [ArticleRecord]) -> IncrementalCollection {
        IncrementalCollection(resolver: resolver, records: records)
    }

    /// Input problems as the analysis lists them.
    package static func reported(_ problems: [InputProblem]) -> [Analysis.Problem] {
        problems.map { Analysis.Problem(location: $0.location, reason: $0.reason) }
    }

    /// The cross-document part (`CollectionResolver`'s steps) and the input problems.
    package func resolve(_ records: consuming [ArticleRecord], problems: [InputProblem] = []) -> Analysis {
        var analysis = resolver.resolve(consume records)
        analysis.problems = Self.reported(problems)
        return analysis
    }
}
