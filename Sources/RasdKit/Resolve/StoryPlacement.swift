import Foundation

extension StoryDetector {
    /// Story detection for a collection that grows by appended articles (`IncrementalCollection`): each new article
    /// is scored against the articles it shares a word with (the same signals, weights and guards as `group`, with
    /// the rarity of the collection as it stands) and joins the story of its best link whose mean score over all
    /// members reaches `average`, or starts a story of its own; then other stories linked to it, or to an earlier
    /// member of its story, join that story when the mean over all their pairs reaches `average` (a bridge, as
    /// `group`'s average linkage would join them).
    ///
    /// The bound against `group` over the whole collection: a story is never split again, nor an article moved to
    /// another story, and an earlier pair's score is not revised as rarity drifts with the collection (in a
    /// collection under a thousand articles, the share of articles a word may be in before it stops counting
    /// moves with its size). The stories `group` made for the collection the placement started from are kept.
    struct Placement: Sendable {
        /// One signal's bags, document frequencies and postings (feature → documents), features numbered densely.
        struct Signal: Sendable {
            var bags: [Bag] = []
            var df: [Int32] = []
            /// Dropped once a feature is in more than `maxShared` documents: it never counts again.
            var postings: [[Int32]] = []

            mutating func append(_ bag: Bag, cap: Int) {
                let d = Int32(bags.count)
                bags.append(bag)
                for (t, _) in bag { count(t, doc: d, cap: cap) }
            }

            /// A feature a document gains after it was placed (an event another article now reports too).
            mutating func add(_ t: Int32, to doc: Int, cap: Int) {
                guard !bags[doc].contains(where: { $0.0 == t }) else { return }
                bags[doc].append((t, 1))
                bags[doc].sort { $0.0 < $1.0 }
                count(t, doc: Int32(doc), cap: cap)
            }

            private mutating func count(_ t: Int32, doc: Int32, cap: Int) {
                let k = Int(t)
                if k >= df.count {
                    df += [Int32](repeating: 0, count: k - df.count + 1)
                    postings += [[Int32]](repeating: [], count: k - postings.count + 1)
                }
                df[k] += 1
                if Int(df[k]) > cap { postings[k] = [] } else { postings[k].append(doc) }
            }

            /// The bag's unit vector with the collection's rarity as it stands (`StoryDetector.unitVector`).
            func vector(_ bag: Bag, maxDF: Int, collection: Int) -> [(Int32, Float)] {
                StoryDetector.unitVector(bag, maxDF: maxDF, collection: collection) { Int(df[Int($0)]) }
            }

            static func cosine(_ a: [(Int32, Float)], _ b: [(Int32, Float)]) -> Float {
                var i = 0, j = 0
                var sum: Float = 0
                while i < a.count, j < b.count {
                    if a[i].0 == b[j].0 { sum += a[i].1 * b[j].1; i += 1; j += 1 } else if a[i].0 < b[j].0 { i += 1 } else { j += 1 }
                }
                return min(sum, 1)
            }
        }

        var words = Signal(), entities = Signal(), events = Signal()
        var termIndex: [UInt64: Int32] = [:]
        var days: [Int?] = []
        var commentary: [Bool] = []
        var daily: [Bool] = []
        var storyOf: [Int] = []
        /// Each story's documents, in input order.
        var stories: [[Int]] = []

        /// The document's word bag: the stems of its record's story terms, stopwords left out.
        mutating func wordBag(_ doc: ArticleRecord, stopwords: Set<UInt64>) -> Bag {
            StoryDetector.wordBag(doc.storyTerms, stopwords: stopwords, termIndex: &termIndex)
        }
    }

    /// A placement holding the collection `documents` as `group` grouped it (`groups`); `entityBags` and
    /// `eventBags`: each document's entity positions with mention counts, and the merged events (positions) it
    /// reports, as `pairs` counts them.
    func placement(_ documents: [ArticleRecord], groups: [[Int]], entityBags: [Bag], eventBags: [Bag]) -> Placement {
        var p = Placement()
        p.stories = groups
        p.storyOf = [Int](repeating: 0, count: documents.count)
        for (k, group) in groups.enumerated() { for d in group { p.storyOf[d] = k } }
        for (d, doc) in documents.enumerated() {
            appendFeatures(doc, entityBag: entityBags[d], eventBag: eventBags[d], to: &p)
        }
        return p
    }

    private func appendFeatures(_ doc: ArticleRecord, entityBag: Bag, eventBag: Bag, to p: inout Placement) {
        p.words.append(p.wordBag(doc, stopwords: stopwords), cap: options.maxShared)
        p.entities.append(entityBag, cap: options.maxShared)
        p.events.append(eventBag, cap: options.maxShared)
        p.days.append(doc.published?.dayNumber)
        p.commentary.append(isCommentary(doc))
        p.daily.append(isDaily(doc))
    }

    /// A merged event (its position) that document `d` now reports beside another document.
    func addSharedEvent(_ v: Int, to d: Int, in p: inout Placement) {
        p.events.add(Int32(v), to: d, cap: options.maxShared)
    }

    /// Places the next document: returns its story's index (a new one is `p.stories.count - 1`) and the stories it
    /// joined to that one (each left empty).
    func place(_ doc: ArticleRecord, entityBag: Bag, eventBag: Bag, in p: inout Placement) -> (story: Int, absorbed: [Int]) {
        let x = p.days.count
        appendFeatures(doc, entityBag: entityBag, eventBag: eventBag, to: &p)
        let n = x + 1
        let common = n >= 20 ? Int(Double(n) * options.commonShare) : n
        let size = max(n, options.minCollection)
        let wordsMax = min(max(common, 2), options.maxShared), otherMax = min(n, options.maxShared)
        let xWords = p.words.vector(p.words.bags[x], maxDF: wordsMax, collection: size)
        let xEntities = p.entities.vector(p.entities.bags[x], maxDF: otherMax, collection: size)
        let xEvents = p.events.vector(p.events.bags[x], maxDF: otherMax, collection: size)
        // Every pair needs wording in common (see `score`): the candidates share a counted word.
        var candidates = Set<Int32>()
        for (t, _) in xWords where p.words.df[Int(t)] > 1 { for y in p.words.postings[Int(t)] where Int(y) != x { candidates.insert(y) } }
        // Each document's vectors, made once for this placement.
        var vectors: [Int: (words: [(Int32, Float)], entities: [(Int32, Float)], events: [(Int32, Float)])] = [:]
        vectors[x] = (xWords, xEntities, xEvents)
        func vectorsOf(_ d: Int) -> (words: [(Int32, Float)], entities: [(Int32, Float)], events: [(Int32, Float)]) {
            if let known = vectors[d] { return known }
            let made = (p.words.vector(p.words.bags[d], maxDF: wordsMax, collection: size),
                        p.entities.vector(p.entities.bags[d], maxDF: otherMax, collection: size),
                        p.events.vector(p.events.bags[d], maxDF: otherMax, collection: size))
            vectors[d] = made
            return made
        }
        /// The pair's score as `group` counts it (0 when it is no candidate).
        func pairScore(_ a: Int, _ b: Int) -> Double {
            let va = vectorsOf(a), vb = vectorsOf(b)
            let words = Placement.Signal.cosine(va.words, vb.words)
            guard words >= options.wordsFloor, Double(words) >= options.minWords else { return 0 }
            var pair = Pair(words: Double(words))
            pair.gap = p.days[a].flatMap { da in p.days[b].map { abs(da - $0) } } ?? 0
            pair.entities = Double(Placement.Signal.cosine(va.entities, vb.entities))
            pair.events = Double(Placement.Signal.cosine(va.events, vb.events))
            if options.dailySameDay, p.daily[a], p.daily[b], pair.gap > 0 { return 0 }
            return score(pair, commentary: p.commentary[a] != p.commentary[b])
        }
        var scores: [Int: Double] = [:]
        var edges: [(score: Double, y: Int)] = []
        for y32 in candidates {
            let y = Int(y32)
            let s = pairScore(x, y)
            guard s > 0 else { continue }
            scores[y] = s
            if s >= options.link { edges.append((s, y)) }
        }
        // As `group` takes them: the best link first, then the earlier document. The first story whose mean score
        // with the document reaches `average` takes it; a later link to another story joins that story too when
        // the mean over all their pairs does (the document bridges them, as `group` would join them).
        edges.sort { ($0.score, $1.y) > ($1.score, $0.y) }
        var home: Int?
        var absorbed: [Int] = []
        /// Joins story `k` to the document's story `h` when the mean score over all their pairs reaches `average`
        /// (`group`'s average linkage); the earlier story keeps its number, which is returned.
        func join(_ h: Int, _ k: Int) -> Int? {
            let (a, b) = (p.stories[h], p.stories[k])
            guard a.count * b.count <= Self.maxBridgePairs else { return nil }
            var total = 0.0
            for u in a { for v in b { total += u == x ? (scores[v] ?? 0) : pairScore(u, v) } }
            guard total / Double(a.count * b.count) >= options.average else { return nil }
            let (keep, drop) = a[0] < b[0] ? (h, k) : (k, h)
            for d in p.stories[drop] { p.storyOf[d] = keep }
            p.stories[keep] = (p.stories[keep] + p.stories[drop]).sorted()
            p.stories[drop] = []
            absorbed.append(drop)
            return keep
        }
        for edge in edges {
            let k = p.storyOf[edge.y]
            guard k != home else { continue }
            if let h = home {
                if let joined = join(h, k) { home = joined }
            } else {
                let members = p.stories[k]
                let total = members.reduce(0.0) { $0 + (scores[$1] ?? 0) }
                guard total / Double(members.count) >= options.average else { continue }
                p.stories[k].append(x)
                p.storyOf.append(k)
                home = k
            }
        }
        // The document can also lift the mean between its story and another one linked to an earlier member (a pair
        // `group` would take after the document's own links): those stories join when their mean now reaches
        // `average`. Looked for from the members of a story of at most `maxBridgeMembers`.
        if var h = home, p.stories[h].count <= Self.maxBridgeMembers {
            var tried = Set(absorbed + [h])
            var links: [(score: Double, story: Int)] = []
            for u in p.stories[h] where u != x {
                let (uWords, _, _) = vectorsOf(u)
                var near = Set<Int32>()
                for (t, _) in uWords where p.words.df[Int(t)] > 1 { for y in p.words.postings[Int(t)] where p.storyOf[Int(y)] != h { near.insert(y) } }
                for y in near {
                    let k = p.storyOf[Int(y)]
                    guard !tried.contains(k) else { continue }
                    let s = pairScore(u, Int(y))
                    if s >= options.link { links.append((s, k)) }
                }
            }
            links.sort { ($0.score, $1.story) > ($1.score, $0.story) }
            for link in links where !tried.contains(link.story) {
                tried.insert(link.story)
                if let joined = join(h, link.story) { h = joined }
            }
            home = h
        }
        if let home { return (home, absorbed) }
        p.stories.append([x])
        p.storyOf.append(p.stories.count - 1)
        return (p.stories.count - 1, [])
    }

    /// Stories up to this size look for stories to join through their earlier members' links.
    static let maxBridgeMembers = 30

    /// A bridge between two stories is tried only when they have at most this many pairs (each scored afresh).
    static let maxBridgePairs = 10_000
}
