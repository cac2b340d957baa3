import Foundation

/// Story detection, a step of the cross-document resolve: the articles that report the same events or
/// developments of one situation, across outlets and days, are one story (as news aggregators group coverage).
///
/// Two documents are linked by three signals, each a cosine over vectors weighted by rarity in the collection
/// (IDF, so that a hub entity such as السعودية, named in half the feed, weighs next to nothing):
/// - words: the stems of the title and body words (function and reporting words of `resolve/stories.tsv` and
///   words in more than `commonShare` of the documents left out);
/// - entities: the resolved entities each names (weighted by how often it names them);
/// - events: the merged events (one real-world event reported by both), background events left out.
/// A pair is a candidate when at least two signals agree, one of them the wording (or the wording alone is nearly
/// the same), the two are
/// published within `windowDays` of each other, and its combined score reaches `link`. Candidates join stories
/// in order of score (then input order), and two stories join only while the mean score over all their pairs
/// (a missing pair counts 0) stays at `average` or more: average linkage, so a chain of pairwise links through
/// a hub never grows one story over a mixed feed. Two guards before scoring: a commentary (an opinion piece, or a
/// press review named by its title) and a report link only through a merged event, at half the score; two daily
/// market reports (stock index, crude) link only when published the same day. Every document is in exactly one story; a story of one
/// article is fine. Ids `S1`, `S2`, … follow the input order of each story's first document.
package struct StoryDetector: Sendable {
    struct Options: Sendable {
        var windowDays = 7
        /// A word in more than this share of the documents (of a collection of 20 or more) is left out.
        var commonShare = 0.1
        /// Thresholds for a signal to count as shared.
        var minWords = 0.1
        var minEntities = 0.2
        var minEvents = 0.05
        /// Wording this close links without a second signal (the same wire story).
        var wordsAlone = 0.35
        /// Wording this close links even with no entity in common (a copy whose names the tagger missed).
        var wordsSame = 0.6
        /// Weights of the combined score.
        var entityWeight = 0.3
        var eventWeight = 0.2
        var link = 0.3
        /// A pair of a commentary (opinion piece, press review) and a report counts this share of its score: on the
        /// tuning feed an analysis of Saudi oil policy merged one figure with a report of Saudi exports (0.50).
        var commentary = 0.5
        /// Two daily reports (titles naming a market of `daily` rows: a stock index, a crude) link only when
        /// published the same day: the same template of a different session is another story.
        var dailySameDay = true
        /// 0.22 joined the Aden airport's reopening and the Tawahi fighting (same city, actors and week: a mean of
        /// 0.224 over their 15 pairs); 0.23 to 0.26 give the same stories on the tuning feed.
        var average = 0.25
        /// Rarity is counted as if the collection had at least this many documents: in a feed of three, a word
        /// that all three share is what they have in common, not a word every article uses.
        var minCollection = 50
        /// A word, entity or event in more documents than this is left out: it says little about which story a
        /// document is in, and leaving it out keeps the cost linear in the feed (each feature costs the square of
        /// its document count).
        var maxShared = 100
        /// Word similarities below this are not kept: nearly every pair of articles shares some word, and keeping
        /// those pairs cost 680 MB and 15 % of the analysis time on the 4,904-article sample.
        var wordsFloor: Float = 0.05
    }

    /// What two documents share.
    /// Kept as 16 bytes (the cosines are computed in `Float`, so nothing is lost): a large feed holds millions.
    struct Pair: Sendable, Equatable {
        private var wordsValue: Float = 0, entitiesValue: Float = 0, eventsValue: Float = 0
        private var gapDays: Int32 = 0
        var words: Double { get { Double(wordsValue) } set { wordsValue = Float(newValue) } }
        var entities: Double { get { Double(entitiesValue) } set { entitiesValue = Float(newValue) } }
        var events: Double { get { Double(eventsValue) } set { eventsValue = Float(newValue) } }
        /// Days between the two publication dates (0 when one is unknown).
        var gap: Int { get { Int(gapDays) } set { gapDays = Int32(clamping: newValue) } }

        init(words: Double = 0, entities: Double = 0, events: Double = 0, gap: Int = 0) {
            self.words = words; self.entities = entities; self.events = events; self.gap = gap
        }
    }

    let options: Options
    /// Keys (`TokenKey`) of the stems never counted.
    let stopwords: Set<UInt64>
    /// Event type → (Arabic, English) noun for a title.
    let typeLabels: [String: (ar: String, en: String)]
    /// Normalized words that, among a title's first two, mark a review of others' coverage (`review` rows).
    let reviewCues: Set<String>
    /// The words that name a market of the daily reports (`daily` rows), normalized, and their stems.
    let dailyCues: Set<String>

    static let shared = StoryDetector()

    init(options: Options = Options()) {
        self.options = options
        var stop: Set<UInt64> = []
        var labels: [String: (ar: String, en: String)] = [:]
        var review: Set<String> = []
        var daily: Set<String> = []
        for row in (try? ResourceStore.rows("resolve/stories.tsv")) ?? [] {
            if row.count >= 2, row[0] == "stop" {
                stop.insert(TokenKey.of(CliticStripper.shared.stem(ArabicNormalizer.shared.key(row[1]))))
            } else if row.count >= 2, row[0] == "daily" {
                let key = ArabicNormalizer.shared.key(row[1])
                daily.formUnion([key, CliticStripper.shared.stem(key)])
            } else if row.count >= 2, row[0] == "review" {
                review.insert(ArabicNormalizer.shared.key(row[1]))
            } else if row.count >= 4, row[0] == "type" {
                labels[row[1]] = (row[2], row[3])
            }
        }
        stopwords = stop
        typeLabels = labels
        reviewCues = review
        dailyCues = daily
    }

    // MARK: Grouping

    /// The stories as lists of document indices (each sorted), in order of their first document.
    /// `wordBags`: the documents' `wordBags`, when the caller made them first (to let the records' terms go).
    /// `entityDocuments`: which documents name each entity, when the analysis does not list its mentions yet.
    func group(_ documents: [ArticleRecord], _ analysis: Analysis, wordBags: consuming FlatBags? = nil,
               entityDocuments: EntityDocuments? = nil) -> [[Int]] {
        // The positive scores by pair key, in key order (the pairs come sorted): two arrays and a binary search
        // hold a large feed's millions of pairs in 16 bytes each, a dictionary in more than twice that.
        var scoreKeys: [Int] = [], scoreValues: [Double] = []
        var edges: [(score: Double, i: Int, j: Int)] = []
        let n = documents.count
        do {   // the pairs are freed once scored
            let bags = (consume wordBags) ?? self.wordBags(documents)
            let pairs = self.pairs(documents, analysis, wordBags: consume bags, entityDocuments: entityDocuments)
            let commentary = documents.map { isCommentary($0) }
            let daily = documents.map { isDaily($0) }
            for (key, pair) in pairs {
                let i = key / n, j = key % n
                if options.dailySameDay, daily[i], daily[j], pair.gap > 0 { continue }
                let s = score(pair, commentary: commentary[i] != commentary[j])
                guard s > 0 else { continue }
                scoreKeys.append(key)
                scoreValues.append(s)
                if s >= options.link { edges.append((s, key / n, key % n)) }
            }
        }
        func pairScore(_ key: Int) -> Double {
            var low = 0, high = scoreKeys.count
            while low < high {
                let mid = (low + high) / 2
                if scoreKeys[mid] < key { low = mid + 1 } else { high = mid }
            }
            return low < scoreKeys.count && scoreKeys[low] == key ? scoreValues[low] : 0
        }
        edges.sort { ($0.score, $1.i, $1.j) > ($1.score, $0.i, $0.j) }
        var members = (0..<n).map { [$0] }
        var root = Array(0..<n)
        for edge in edges {
            let a = root[edge.i], b = root[edge.j]
            guard a != b else { continue }
            var total = 0.0
            for x in members[a] { for y in members[b] { total += pairScore(min(x, y) * n + max(x, y)) } }
            guard total / Double(members[a].count * members[b].count) >= options.average else { continue }
            let (keep, drop) = a < b ? (a, b) : (b, a)
            for x in members[drop] { root[x] = keep }
            members[keep] += members[drop]
            members[drop] = []
        }
        return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Whether a document is commentary on the news rather than a report of it: an opinion or analysis piece (the
    /// genre stage's reading) or a title opening with a review cue of `resolve/stories.tsv` (a press review).
    func isCommentary(_ doc: ArticleRecord) -> Bool {
        if doc.genre == .opinion { return true }
        guard let title = doc.title, !reviewCues.isEmpty else { return false }
        let words = title.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(2)
            .map { ArabicNormalizer.shared.key(String($0)) }
        return words.contains { reviewCues.contains($0) }
    }

    /// Whether a document's title names a market of the daily reports (`daily` rows of `resolve/stories.tsv`).
    func isDaily(_ doc: ArticleRecord) -> Bool {
        guard let title = doc.title, !dailyCues.isEmpty else { return false }
        return title.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains {
            let key = ArabicNormalizer.shared.key(String($0))
            return dailyCues.contains(key) || dailyCues.contains(CliticStripper.shared.stem(key))
        }
    }

    /// The combined score of a pair, 0 when it is no candidate. `commentary`: one of the two is commentary and the
    /// other a report; such a pair links only through a merged event (a column that discusses a report's subject
    /// shares its wording, not its story), and its score counts `options.commentary` of a report pair's.
    func score(_ p: Pair, commentary: Bool = false) -> Double {
        if commentary, p.events < options.minEvents { return 0 }
        let signals = (p.words >= options.minWords ? 1 : 0) + (p.entities >= options.minEntities ? 1 : 0)
            + (p.events >= options.minEvents ? 1 : 0)
        if p.gap > options.windowDays {
            // Farther apart, only a situation that goes on: the same events reported, and all three signals.
            guard signals == 3 else { return 0 }
        } else {
            // Wording in common is always needed: entities and a merged event alone (a hub state, a generic
            // statement merged across two reports) chain unrelated articles.
            guard p.words >= options.minWords, signals >= 2 || p.words >= options.wordsAlone else { return 0 }
            // Wording alone, with not one entity in common: the same notice of two towns or two ministries (each
            // names its own), unless the wording is nearly the same.
            guard signals >= 2 || p.entities > 0 || p.words >= options.wordsSame else { return 0 }
        }
        let combined = p.words + options.entityWeight * p.entities + options.eventWeight * p.events
        return commentary ? combined * options.commentary : combined
    }

    /// A document's features (a word stem's, entity's or event's number) with their counts, sorted by feature.
    typealias Bag = [(Int32, Float)]

    /// One word stem of an article and its weight (2 a time in the title, 1 in the body).
    package struct Term: Sendable, Equatable, Codable {
        package var key: UInt64
        package var weight: Float
    }

    /// An article's terms as its record keeps them: 10 bytes a stem (its key and its weight, a count, in 16 bits)
    /// instead of 16; the story terms were the largest part of a record held through the resolve.
    package struct Terms: Sendable, Equatable, RandomAccessCollection {
        private var keys: [UInt64]
        private var weights: [UInt16]

        package init(_ terms: [Term]) {
            keys = terms.map(\.key)
            weights = terms.map { UInt16(clamping: Int($0.weight.rounded())) }
        }

        package var startIndex: Int { 0 }
        package var endIndex: Int { keys.count }
        package subscript(i: Int) -> Term { Term(key: keys[i], weight: Float(weights[i])) }
    }

    /// The stems of an article's title and body, in first-seen order, worked out with its per-article stages
    /// (on every core) so that the story step only joins them.
    static func terms(title: String?, tokens: [Token]) -> [Term] {
        var terms: [Term] = []
        var index: [UInt64: Int] = [:]
        func add(_ token: Token, _ weight: Float) {
            guard token.isWord, token.norm.unicodeScalars.count >= 3 else { return }
            let key = TokenKey.of(CliticStripper.shared.stem(token.norm))
            if let k = index[key] { terms[k].weight += weight } else { index[key] = terms.count; terms.append(Term(key: key, weight: weight)) }
        }
        if let title, !title.isEmpty { for token in Tokenizer.wordsOnly.tokenize(ScalarText(title)) { add(token, 2) } }
        for token in tokens { add(token, 1) }
        return terms
    }

    /// Each document's word bag: the stems of its title (counted twice) and body, stopwords left out, as (stem
    /// number, count) sorted by number; stems are numbered in order of first appearance in the collection. Bags as
    /// arrays: a dictionary per document held two to three times the bytes, and a fixed order makes the sums the
    /// same from one run to the next.
    func wordBags(_ documents: [ArticleRecord]) -> FlatBags {
        var termIndex: [UInt64: Int32] = [:]
        var bags = FlatBags()
        for doc in documents { bags.append(Self.wordBag(doc.storyTerms, stopwords: stopwords, termIndex: &termIndex)) }
        return bags
    }

    /// One document's word bag, its new stems numbered after those of `termIndex`.
    static func wordBag(_ terms: Terms, stopwords: Set<UInt64>, termIndex: inout [UInt64: Int32]) -> Bag {
        var bag: [Int32: Float] = [:]
        for term in terms where !stopwords.contains(term.key) {
            let t: Int32
            if let known = termIndex[term.key] { t = known } else { t = Int32(termIndex.count); termIndex[term.key] = t }
            bag[t, default: 0] += term.weight
        }
        return bag.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// What each pair of documents shares, for the pairs whose wording reaches `minWords` (no other pair can be a
    /// candidate: see `score`), keyed by `i * n + j` with i < j, in key order.
    func pairs(_ documents: [ArticleRecord], _ analysis: Analysis, wordBags: consuming FlatBags,
               entityDocuments: EntityDocuments? = nil) -> [(key: Int, pair: Pair)] {
        let n = documents.count
        guard n > 1 else { return [] }
        var docIndex: [String: Int] = [:]
        for (i, d) in documents.enumerated() where docIndex[d.id] == nil { docIndex[d.id] = i }

        let (entityBags, eventBags) = Self.bags(n, docIndex, analysis, entityDocuments: entityDocuments)
        let common = n >= 20 ? Int(Double(n) * options.commonShare) : n
        let size = max(n, options.minCollection)
        // The wording's pairs first; the other signals are folded into those as soon as made, so that only one
        // signal's table is held beside `out`.
        let days = documents.map { $0.published?.dayNumber }
        var out: [(key: Int, pair: Pair)] = []
        Self.cosines(consume wordBags, maxDF: min(max(common, 2), options.maxShared), collection: size, floor: options.wordsFloor) { key, v in
            guard Double(v) >= options.minWords else { return }
            // The gap is 0 when either publication date is unknown.
            let gap = days[key / n].flatMap { a in days[key % n].map { abs(a - $0) } } ?? 0
            out.append((key, Pair(words: Double(v), gap: gap)))
        }
        // The other signals come in key order too: each is folded into the wording's pairs as it comes.
        func fold(_ bags: consuming [Bag], _ set: (inout Pair, Double) -> Void) {
            var k = 0
            Self.cosines(FlatBags(bags), maxDF: min(n, options.maxShared), collection: size) { key, v in
                while k < out.count, out[k].key < key { k += 1 }
                if k < out.count, out[k].key == key { set(&out[k].pair, Double(v)) }
            }
        }
        fold(consume entityBags) { $0.entities = $1 }
        fold(consume eventBags) { $0.events = $1 }
        return out
    }

    /// Each document's entity bag (entity positions with mention counts) and event bag (the merged events it
    /// reports with another document, background ones left out), each sorted by feature.
    static func bags(_ n: Int, _ docIndex: [String: Int], _ analysis: Analysis,
                     entityDocuments: EntityDocuments? = nil) -> (entities: [Bag], events: [Bag]) {
        let named = entityDocuments ?? EntityDocuments(analysis, docIndex: docIndex)
        // Entities in order, so each bag comes out sorted.
        var entityBags = [Bag](repeating: [], count: n)
        for e in analysis.entities.indices {
            for (d, count) in named[e] { entityBags[d].append((Int32(e), Float(count))) }
        }
        var eventBags = [Bag](repeating: [], count: n)
        for (v, event) in analysis.events.enumerated() where event.background != true && Set(event.sources).count > 1 {
            for d in Set(event.sources.compactMap { docIndex[$0] }) { eventBags[d].append((Int32(v), 1)) }
        }
        return (entityBags, eventBags)
    }

    /// A feature's weight in a bag: (1 + ln count) × IDF, the IDF as in a collection of `collection` documents of
    /// which `documents` hold the feature (both factors are positive).
    static func weight(count: Float, documents: Int, collection: Int) -> Float {
        (1 + logf(count)) * logf(Float(collection + 1) / Float(documents))
    }

    /// A bag's (1 + ln count) × IDF weights (IDF as in a collection of `collection` documents, `df` a feature's
    /// documents) over the features in at most `maxDF` documents, scaled to unit length; empty when none counts.
    static func unitVector(_ bag: Bag, maxDF: Int, collection: Int, df: (Int32) -> Int) -> [(Int32, Float)] {
        var v: [(Int32, Float)] = []
        v.reserveCapacity(bag.count)
        var norm: Float = 0
        for (t, count) in bag {
            let f = df(t)
            guard f <= maxDF else { continue }
            let w = weight(count: count, documents: f, collection: collection)
            v.append((t, w))
            norm += w * w
        }
        norm = norm.squareRoot()
        return norm > 0 ? v.map { ($0.0, $0.1 / norm) } : []
    }
}
