/// The whole pipeline: articles in, one analysis of the collection out.
///
/// Stages per article: clean → text → entities → roles → quotes → events; then the collection is resolved
/// (one entity and one event across articles, timeline, discrepancies).
public struct Analyzer: Sendable {
    public struct Options: Sendable {
        public var preferDates: DatePreference = .past
        /// A line repeated in this many articles of one outlet is boilerplate.
        public var repeatedLineMinArticles = 3
        public init() {}
    }

    public var options: Options
    public var cleaner: BoilerplateCleaner
    public var textStage: TextStage
    public let kb: KnowledgeBase
    public var entityStage: EntityStage
    public var titleStage: TitleStage
    public var quoteStage: QuoteStage
    public var eventStage: EventStage

    /// Loads the bundled resources: knowledge base, tagger model, lexicons.
    public init(options: Options = Options()) throws {
        self.options = options
        kb = try KnowledgeBase.bundled()
        cleaner = BoilerplateCleaner()
        textStage = TextStage(preferDates: options.preferDates)
        entityStage = EntityStage(kb: kb, tagger: try NERTagger.bundled())
        titleStage = TitleStage(kb: kb)
        quoteStage = QuoteStage()
        eventStage = EventStage(kb: kb)
    }

    /// Runs the per-article stages on one article; returns the article and any story split off it.
    /// `repeatedLines` are the outlet's lines that the collection shows to be boilerplate.
    public func process(_ article: SourceArticle, repeatedLines: Set<String> = []) -> [Document] {
        var cleaner = self.cleaner
        cleaner.repeatedLines = repeatedLines
        var docs = cleaner.clean(Document(article: article))
        for i in docs.indices {
            textStage.process(&docs[i])
            entityStage.process(&docs[i])
            titleStage.process(&docs[i])
            quoteStage.process(&docs[i])
            eventStage.process(&docs[i])
        }
        return docs
    }

    /// The per-article stages over a collection: its documents before the collection is resolved.
    public func documents(_ articles: [SourceArticle], progress: ((Int, Int) -> Void)? = nil) -> [Document] {
        // Collection-level cleaning: lines an outlet repeats across its articles.
        let repeated = RepeatedBlockDetector(minArticles: options.repeatedLineMinArticles).repeatedLines(in: articles)
        var documents: [Document] = []
        for (i, article) in articles.enumerated() {
            documents.append(contentsOf: process(article, repeatedLines: repeated[RepeatedBlockDetector.sourceKey(article)] ?? []))
            progress?(i + 1, articles.count)
        }
        return documents
    }

    /// Analyses a collection. `progress` is called after each article with (done, total).
    public func analyze(_ articles: [SourceArticle], problems: [InputProblem] = [],
                        progress: ((Int, Int) -> Void)? = nil) -> Analysis {
        let documents = self.documents(articles, progress: progress)
        var analysis = CollectionResolver(kb: kb).resolve(documents)
        // The same story on several sites: later copies point to the first.
        let originals = documents.filter { $0.parent == nil }.map { (id: $0.id, text: $0.body) }
        var duplicateOf: [String: String] = [:]
        for group in NearDuplicateDetector().groups(originals) {
            for id in group.dropFirst() { duplicateOf[id] = group[0] }
        }
        for k in analysis.documents.indices { analysis.documents[k].near_duplicate_of = duplicateOf[analysis.documents[k].id] }
        analysis.problems = problems.map { Analysis.Problem(location: $0.location, reason: $0.reason) }
        return analysis
    }
}
