import Foundation

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
    /// For each quantity: what it measures ("killed", a count of resolutions), with the words around it and who
    /// gives it, worked out while the tokens were at hand (see `MeasureDiscrepancies`); nil for the quantities the
    /// comparison leaves out.
    package var figures: [MeasuredFigure?]
    /// The MinHash signature of the body, for near-duplicate stories (empty for a story split off an article,
    /// and for a body without words).
    package var signature: [UInt64]
    /// Word stems of the title and body for the story step (see `StoryDetector.terms`).
    package var storyTerms: StoryDetector.Terms
    /// With a spill, the row of the first event report's sentence in `AnalysisSpill.eventTexts` (the others follow
    /// in order); the reports then keep no text of their own. Not stored.
    package var firstEventTextRow: Int? = nil
    /// With a spill, the row of the first quantity in `AnalysisSpill.quantities` (the others follow in order). Not
    /// stored.
    package var firstQuantityRow: Int? = nil

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
        mentions = (doc.mentions + doc.nestedMentions).sorted { ($0.start, $0.end) < ($1.start, $1.end) }.map { m in
            var m = m
            m.text = doc.writtenName(m)
            return m
        }
        roles = doc.roles
        quotes = doc.quotes
        events = doc.events
        dates = doc.dates
        quantities = doc.quantities
        figures = doc.quantities.map { q in
            // Only the figures `MeasureDiscrepancies.find` compares: an article's own, not durations, at least 2.
            guard doc.parent == nil, !q.isDuration, (q.value ?? q.max ?? 0) >= 2 else { return nil }
            return MeasureDiscrepancies.shared.figure(of: q, in: doc)
        }
        signature = doc.parent == nil ? nearDuplicates.signature(body) : []
        storyTerms = StoryDetector.Terms(StoryDetector.terms(title: doc.title, tokens: doc.tokens))
    }

    /// Empties what the resolve copies into the analysis at its start and never reads again from the record
    /// (mentions, roles, dates, quotes): held twice, they were a tenth of a large collection's peak memory.
    mutating func releaseCopiedAnnotations() {
        mentions = []
        roles = []
        dates = []
        quotes = []
    }
}

/// The stored form (`RecordCoding`): every field under its name, but the MinHash signature and the story terms,
/// the two long lists of numbers, as packed little-endian bytes (base64 in JSON): as JSON numbers they were half
/// of a record's bytes and most of its decoding time (`StoryDetector.Term` objects alone 11 % of a run that
/// reused every record, in BENCHMARKS.md).
extension ArticleRecord {
    enum CodingKeys: String, CodingKey {
        case id, title, source, url, published, publishedBasis, parent, body, removed, genre, mentions, roles, quotes,
             events, dates, quantities, figures, signature, storyTerms
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        published = try c.decodeIfPresent(PartialDate.self, forKey: .published)
        publishedBasis = try c.decodeIfPresent(String.self, forKey: .publishedBasis)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        body = try c.decode(String.self, forKey: .body)
        removed = try c.decode([Analysis.RemovedLine].self, forKey: .removed)
        genre = try c.decode(Genre.self, forKey: .genre)
        mentions = try c.decode([EntityMention].self, forKey: .mentions)
        roles = try c.decode([RoleMention].self, forKey: .roles)
        quotes = try c.decode([QuoteMention].self, forKey: .quotes)
        events = try c.decode([EventMention].self, forKey: .events)
        dates = try c.decode([DateMention].self, forKey: .dates)
        quantities = try c.decode([Quantity].self, forKey: .quantities)
        figures = try c.decode([MeasuredFigure?].self, forKey: .figures)
        signature = try PackedWords.words(try c.decode(Data.self, forKey: .signature), forKey: CodingKeys.signature, in: c)
        let terms = try PackedWords.words(try c.decode(Data.self, forKey: .storyTerms), forKey: CodingKeys.storyTerms, in: c)
        guard terms.count % 2 == 0 else {
            throw DecodingError.dataCorruptedError(forKey: .storyTerms, in: c, debugDescription: "odd number of words")
        }
        storyTerms = StoryDetector.Terms(stride(from: 0, to: terms.count, by: 2).map {
            StoryDetector.Term(key: terms[$0], weight: Float(bitPattern: UInt32(truncatingIfNeeded: terms[$0 + 1])))
        })
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(publishedBasis, forKey: .publishedBasis)
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encode(body, forKey: .body)
        try c.encode(removed, forKey: .removed)
        try c.encode(genre, forKey: .genre)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(roles, forKey: .roles)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(events, forKey: .events)
        try c.encode(dates, forKey: .dates)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(figures, forKey: .figures)
        try c.encode(PackedWords.data(signature), forKey: .signature)
        try c.encode(PackedWords.data(storyTerms.flatMap { [$0.key, UInt64($0.weight.bitPattern)] }), forKey: .storyTerms)
    }
}

/// 64-bit words as little-endian bytes.
enum PackedWords {
    static func data(_ words: [UInt64]) -> Data {
        var data = Data(count: words.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (i, w) in words.enumerated() { raw.storeBytes(of: w.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
        }
        return data
    }

    static func words<K: CodingKey>(_ data: Data, forKey key: K, in container: KeyedDecodingContainer<K>) throws -> [UInt64] {
        guard data.count % 8 == 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a whole number of 64-bit words")
        }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }
}
