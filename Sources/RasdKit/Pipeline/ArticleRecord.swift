/// What an article keeps once its per-article stages are done: what the cross-document resolve and the output
/// read, and nothing of its tokens, sentences or scalar text. A collection is held as these, so memory grows
/// with what is found in the articles rather than with the text's working form. Codable: a store keeps each
/// article's records (`RecordCoding`) so that a later analysis resolves them without running the stages again.
package struct ArticleRecord: Sendable, Codable, Equatable {
    package var id: String
    package var title: String?
    package var source: String?
    package var url: String?
    package var published: PartialDate?
    package var publishedBasis: String?
    package var parent: String?
    /// The cleaned text (kept segments joined by line breaks).
    package var body: String
    package var removed: [Analysis.RemovedLine]
    package var genre: Genre

    package var mentions: [EntityMention]
    package var roles: [RoleMention]
    package var quotes: [QuoteMention]
    package var events: [EventMention]
    package var dates: [DateMention]
    package var quantities: [Quantity]
    /// For each quantity: what a count of people measures ("killed", "displaced"), worked out from the words
    /// around it while the tokens were at hand (see `MeasureDiscrepancies`); nil for other amounts and for the
    /// quantities the comparison leaves out.
    package var measures: [String?]
    /// The MinHash signature of the body, for near-duplicate stories (empty for a story split off an article,
    /// and for a body without words).
    package var signature: [UInt64]
    /// Word stems of the title and body for the story step (see `StoryDetector.terms`).
    package var storyTerms: [StoryDetector.Term]

    package init(_ doc: Document, nearDuplicates: NearDuplicateDetector = NearDuplicateDetector()) {
        id = doc.id
        title = doc.title
        source = doc.source
        url = doc.url
        published = doc.published
        publishedBasis = doc.publishedBasis
        parent = doc.parent
        body = doc.body
        removed = doc.removed.map { Analysis.RemovedLine(start: $0.range.lowerBound, end: $0.range.upperBound, rule: $0.rule) }
        genre = doc.genre ?? .news
        mentions = doc.mentions
        roles = doc.roles
        quotes = doc.quotes
        events = doc.events
        dates = doc.dates
        quantities = doc.quantities
        measures = doc.quantities.map { q in
            // Only the counts `MeasureDiscrepancies.find` compares: an article's own, not durations, at least 2.
            guard doc.parent == nil, !q.isDuration, (q.value ?? q.max ?? 0) >= 2 else { return nil }
            return MeasureDiscrepancies.shared.measure(of: q, in: doc)
        }
        signature = doc.parent == nil ? nearDuplicates.signature(body) : []
        storyTerms = StoryDetector.terms(title: doc.title, tokens: doc.tokens)
    }
}
