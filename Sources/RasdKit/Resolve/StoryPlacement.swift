import Foundation

extension StoryDetector {
    /// Story detection for a collection that grows by appended articles (`IncrementalCollection`): each new article
    /// is scored against the articles it shares a word with (the same signals, weights and guards as `group`, with
    /// the rarity of the collection as it stands) and joins the story of its best link whose mean score over all
    /// members reaches `average`, or starts a story of its own.
    ///
    /// The bound against `group` over the whole collection: an article never moves once placed, so two stories that
    /// a later article would bridge stay apart, and an earlier pair's score is not revised as rarity drifts with the
    /// collection. The stories `group` made for the collection the placement started from are kept as they were.
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

            /// The bag's (1 + ln count) × IDF weights over features in at most `maxDF` documents, unit length.
            func vector(_ bag: Bag, maxDF: Int, collection: Int) -> [(Int32, Float)] {
                var v: [(Int32, Float)] = []
                v.reserveCapacity(bag.count)
                var norm: Float = 0
                for (t, count) in bag {
                    let f = Int(df[Int(t)])
                    guard f <= maxDF else { continue }
                    let w = (1 + logf(count)) * logf(Float(collection + 1) / Float(f))
                    v.append((t, w))
                    norm += w * w
                }
                norm = norm.squareRoot()
                return norm > 0 ? v.map { ($0.0, $0.1 / norm) } : []
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
            var bag: [Int32: Float] = [:]
            for term in doc.storyTerms where !stopwords.contains(term.key) {
                let t: Int32
                if let known = termIndex[term.key] { t = known } else { t = Int32(termIndex.count); termIndex[term.key] = t }
                bag[t, default: 0] += term.weight
            }
            return bag.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
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

    /// Places the next document: returns its story's index (a new one is `p.stories.count - 1`).
    func place(_ doc: ArticleRecord, entityBag: Bag, eventBag: Bag, in p: inout Placement) -> Int {
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
        var scores: [Int: Double] = [:]
        var edges: [(score: Double, y: Int)] = []
        for y32 in candidates {
            let y = Int(y32)
            let words = Placement.Signal.cosine(xWords, p.words.vector(p.words.bags[y], maxDF: wordsMax, collection: size))
            guard words >= options.wordsFloor, Double(words) >= options.minWords else { continue }
            var pair = Pair(words: Double(words))
            pair.gap = p.days[x].flatMap { a in p.days[y].map { abs(a - $0) } } ?? 0
            pair.entities = Double(Placement.Signal.cosine(xEntities, p.entities.vector(p.entities.bags[y], maxDF: otherMax, collection: size)))
            pair.events = Double(Placement.Signal.cosine(xEvents, p.events.vector(p.events.bags[y], maxDF: otherMax, collection: size)))
            if options.dailySameDay, p.daily[x], p.daily[y], pair.gap > 0 { continue }
            let s = score(pair, commentary: p.commentary[x] != p.commentary[y])
            guard s > 0 else { continue }
            scores[y] = s
            if s >= options.link { edges.append((s, y)) }
        }
        // As `group` takes them: the best link first, then the earlier document.
        edges.sort { ($0.score, $1.y) > ($1.score, $0.y) }
        for edge in edges {
            let k = p.storyOf[edge.y]
            let members = p.stories[k]
            let total = members.reduce(0.0) { $0 + (scores[$1] ?? 0) }
            guard total / Double(members.count) >= options.average else { continue }
            p.stories[k].append(x)
            p.storyOf.append(k)
            return k
        }
        p.stories.append([x])
        p.storyOf.append(p.stories.count - 1)
        return p.stories.count - 1
    }
}
