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
    public static let defaultMinConfidence = 0.7
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
        // `analyze(reading:problems:jobs:found:progress:)` and a store.
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
        await analyze(reading: { [InputPiece(articles: articles, problems: [])] }, problems: problems, jobs: jobs, progress: progress)
    }

    /// Analyses a collection read as pieces (a file's chunk of lines, a whole file), never holding more than
    /// one piece of input text: `pieces` is called twice and must give the same articles in the same order. The
    /// first pass tallies the outlets' repeated lines (an article's cleaning depends on its outlet's lines over the
    /// whole collection) and which ids repeat; the second makes the records, up to `jobs` articles in flight.
    /// The result equals `analyze(_:problems:jobs:)` on the articles of all pieces, its problems `problems` (found
    /// before reading), then the pieces', then the repeated ids. Articles that only the second pass sees (a file grown in between) are analysed without being
    /// counted in the tally. `found` hears each problem as it is found (the pieces' own, then repeated ids).
    /// With `spill`, each document's cleaned text goes there (in the analysis's document order) and the analysis
    /// keeps only its first words, and the resolve puts the dates, quotes and entity mentions there: write the
    /// analysis with `JSONOutput.write(_:jobs:spill:to:)`.
    package func analyze<Pieces: Sequence<InputPiece>>(reading pieces: () -> Pieces, problems: [InputProblem] = [], jobs: Int,
                                                       spill: AnalysisSpill? = nil,
                                                       found: (InputProblem) -> Void = { _ in },
                                                       progress: ((Int, Int) -> Void)? = nil) async -> Analysis {
        let runner = ArticleRunner(jobs: jobs)
        var problems = problems
        var tally = LineHashTally(minArticles: options.repeatedLineMinArticles)
        var firstTexts: [String: UInt64] = [:]
        var ids: [String] = []
        var total = 0
        for piece in pieces() {
            problems += piece.problems
            piece.problems.forEach(found)
            ids += piece.articles.map(\.id)
            let kept = piece.articles.filter { !DistinctIDs.repeats($0, firstTexts: &firstTexts) }
            total += kept.count
            await runner.run(kept.count, { Analyzer.lineHashes(kept[$0]) }) { i, lines in tally.add(kept[i], lines: lines) }
        }
        firstTexts = [:]
        let repeated = tally.repeated
        tally = LineHashTally(minArticles: options.repeatedLineMinArticles)
        var distinct = DistinctIDs(ids: ids)
        ids = []
        var records: [ArticleRecord] = []
        // Each piece's records are gathered as soon as made: a record keeps only what the later steps read.
        var resolver = self.resolver
        resolver.spill = spill
        var gathering = CollectionResolver.Gathering(kb: kb, explain: options.explain, signatures: spill?.signatures)
        var done = 0
        for piece in pieces() {
            var kept: [SourceArticle] = []
            for article in piece.articles {
                let (admitted, problem) = distinct.admit(article)
                if let problem {
                    problems.append(problem)
                    found(problem)
                }
                if let admitted { kept.append(admitted) }
            }
            let before = done
            var made = await self.records(of: kept, repeated: repeated, runner: runner, progress: { made, _ in
                progress?(before + made, max(before + made, total))
            })
            if let spill {
                for k in made.indices {
                    spill.bodies.append(made[k].body)
                    made[k].body = AnalysisSpill.lead(made[k].body)
                }
            }
            for k in made.indices { resolver.gather(&made[k], into: &gathering) }
            records += made
            done += kept.count
        }
        var analysis = resolver.finish(consume records, consume gathering)
        analysis.problems = Self.reported(problems)
        return analysis
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
    package func resolve(_ records: consuming [ArticleRecord], problems: [InputProblem] = [], spill: AnalysisSpill? = nil) -> Analysis {
        var resolver = self.resolver
        resolver.spill = spill
        var analysis = resolver.resolve(consume records)
        analysis.problems = Self.reported(problems)
        return analysis
    }
}
