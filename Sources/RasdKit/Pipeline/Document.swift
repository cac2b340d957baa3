/// An article flowing through the pipeline: its text as read plus what each stage adds.
///
/// Offsets everywhere are Unicode-scalar offsets into `text` (the text as read), end exclusive. Cleaning does not
/// rewrite the text: it chooses the `segments` (line ranges) that make up the article body, so every later offset
/// still points into the original.
public struct Document: Sendable {
    public var id: String
    public var text: ScalarText
    public var title: String?
    public var source: String?
    public var url: String?
    public var origin: String
    public var published: PartialDate?
    /// Where `published` came from: "meta" (crawler metadata or the page) or "text" (the article's own dateline).
    public var publishedBasis: String?
    /// For a story split off another article (appended after "اقرأ أيضا"): that article's id.
    public var parent: String?

    /// Cleaning: the kept ranges of `text`, in order.
    public var segments: [Range<Int>] = []
    /// Lines removed as boilerplate, with the rule that removed them (for --explain style debugging).
    public var removed: [(range: Range<Int>, rule: String)] = []

    // Text stage.
    public var tokens: [Token] = []
    /// Token index ranges, one per sentence; sentences never cross segments.
    public var sentences: [Range<Int>] = []
    public var dates: [DateMention] = []
    public var numbers: [NumberMention] = []
    public var quantities: [Quantity] = []

    /// Genre stage: a news report or an opinion piece (nil before the stage runs: read as news).
    public var genre: Genre?

    // Extraction stage.
    public var mentions: [EntityMention] = []
    /// Entity stage: other forms of the mentions' names, nested in or around them ("داعش" in "تنظيم داعش"); listed
    /// with the entities' mentions, read by no later stage.
    public var nestedMentions: [EntityMention] = []
    public var roles: [RoleMention] = []
    public var quotes: [QuoteMention] = []
    /// Quote stage: each speech verb's token index → its speaker.
    public var speechVerbs: [Int: SpeechVerb] = [:]
    public var events: [EventMention] = []
    /// `LineHash`es of the lines the cleaner looked up in the outlet's repeated lines (hash mode only).
    public var repeatedLineLookups: [UInt64] = []

    public init(article: SourceArticle) {
        id = article.id
        text = ScalarText(article.text)
        title = article.title
        source = article.source
        url = article.url
        origin = article.origin
        published = article.published
        publishedBasis = article.published == nil ? nil : "meta"
        segments = text.count > 0 ? [0..<text.count] : []
    }

    /// The cleaned article text: kept segments joined by line breaks.
    public var body: String {
        segments.map { text.string($0) }.joined(separator: "\n")
    }

    /// The original text of a span.
    public func string(_ start: Int, _ end: Int) -> String { text.string(start..<end) }

    /// The proclitics that end in "ل" before an article whose alif is dropped.
    static let beforeElidedArticle: Set<String> = ["لل", "ولل", "فلل"]

    /// A mention's text as its name is written. After "لل" (the preposition, then the article with its alif
    /// dropped: "للأمم المتحدة") a span that leaves the proclitics out starts past the article's lam, and its
    /// letters ("أمم المتحدة") are no form of the name: the text gives the article back ("الأمم المتحدة"). The
    /// offsets stay those of the span.
    package func writtenName(_ m: EntityMention) -> String {
        guard m.tokens.lowerBound < tokens.count, !m.text.hasPrefix("ال") else { return m.text }
        let wordStart = tokens[m.tokens.lowerBound].start
        guard wordStart < m.start, Self.beforeElidedArticle.contains(string(wordStart, m.start)) else { return m.text }
        return "ال" + m.text
    }

    /// Whether token `t` lies inside one of the document's mentions.
    package func inMention(_ t: Int) -> Bool {
        mentions.contains { $0.tokens.contains(t) }
    }

    /// Index of the first token starting at or after a text offset (`tokens.count` when none does). Tokens are in
    /// text order, so this is a binary search.
    public func firstToken(startingAtOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the first token ending after a text offset: the token holding it, or the next one
    /// (`tokens.count` when none does).
    public func firstToken(endingAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The sentence holding token `t`, nil when none does. Sentences are in token order: a binary search.
    package func sentence(containing t: Int) -> Range<Int>? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].contains(t) ? sentences[lo] : nil
    }

    /// Scalar span of a sentence.
    public func span(ofSentence s: Range<Int>) -> Range<Int> {
        guard let first = s.first, let last = s.last else { return 0..<0 }
        return tokens[first].start..<tokens[last].end
    }
}
