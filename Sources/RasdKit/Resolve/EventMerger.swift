/// Merges event mentions that report one real-world event, within and across articles.
///
/// Two mentions are one event when they have the same type and polarity (a fact, a plan or possibility, or a
/// denied act: an offer to stop selling is no sale), their participants agree (one set contains the other and
/// they share an actor; a report joins a cluster when it agrees with the cluster's union and with each report in
/// it that names two parties or more; a statement's reports in two articles name the same speakers), and their
/// dates agree: a date contains the other (2024-06 and 2024-06-19), or one is only the report's date and the other
/// falls in the month before it, or one has no date. A lasting event (troops stationed) joins reports up to three
/// years apart, never a decade. An act at one place is not
/// an act at another: two strikes on one day by the same sides in Taiz and in Marib are two events (`placesAgree`).
struct EventMerger {
    /// Event types that last (troops stationed, supplies flowing): reports months apart, dated only by their
    /// publication, describe the same event.
    var durative: Set<EventType> = []

    struct Item {
        var doc: Int
        var mention: EventMention
        /// Participant entity ids after state coding.
        var participants: Set<String>
        var actors: Set<String>
        var published: PartialDate?
        /// The place, and the state it lies in when the knowledge base says (nil for a state).
        var place: EntityRef? = nil
        var placeState: EntityRef? = nil
        /// The actors that are people (`speakersAgree`).
        var people: Set<String> = []
        /// Where the report's sentence waits when spilled (`ArticleRecord.firstEventTextRow`).
        var textRow: Int? = nil
        /// Who speaks, for a statement: the people among the actors, else every actor (a body or state alone).
        var speakers: Set<String> { people.isEmpty ? actors : people }
    }

    struct Cluster {
        var items: [Int]
        var participants: Set<String>
        var actors: Set<String>
        var type: EventType
        var polarity: Polarity
        /// The people among its reports' actors, and the articles of its reports (`speakersAgree`).
        var people: Set<String> = []
        var docs: Set<Int> = []
        var speakers: Set<String> { people.isEmpty ? actors : people }
    }

    /// What a mention claims of the act: that it happened, that it may or will, or that it did not.
    enum Polarity { case fact, hypothetical, denied }

    static func polarity(_ m: Modality) -> Polarity {
        switch m {
        case .speculative, .planned: return .hypothetical
        case .denied: return .denied
        case .asserted, .reported, .alleged: return .fact
        }
    }

    func merge(_ items: [Item]) -> [[Int]] {
        var state = State()
        for item in items { _ = add(item, to: &state) }
        return state.clusters.map(\.items)
    }

    /// The clusters so far, with their look-up by type and actor: a collection that grows by appended articles
    /// (`IncrementalCollection`) keeps this and merges each new mention as `merge` would have at its place.
    struct State {
        var items: [Item] = []
        var clusters: [Cluster] = []
        /// Clusters by type and actor: a mention is only compared with clusters sharing one of its actors, so
        /// cost grows with the events per actor, not with the collection.
        var byActor: [String: [Int]] = [:]
    }

    /// Merges one mention (the next in input order) and returns its cluster's index: an existing cluster, or
    /// `state.clusters.count - 1` for a new one.
    func add(_ item: Item, to state: inout State) -> Int {
        let index = state.items.count
        state.items.append(item)
        var candidates = Set<Int>()
        for actor in item.actors { candidates.formUnion(state.byActor[item.mention.type.rawValue + "|" + actor] ?? []) }
        let match = candidates.sorted().first { c in
            let cluster = state.clusters[c]
            guard cluster.polarity == Self.polarity(item.mention.modality),
                  item.participants.isSubset(of: cluster.participants) || cluster.participants.isSubset(of: item.participants),
                  speakersAgree(cluster, item), wordsAgree(cluster, item, state.items)
            else { return false }
            return cluster.items.allSatisfy { datesAgree(state.items[$0], item) && placesAgree(state.items[$0], item)
                && partiesAgree(state.items[$0], item) }
        }
        let c: Int
        if let match {
            c = match
            state.clusters[c].items.append(index)
            state.clusters[c].participants.formUnion(item.participants)
            state.clusters[c].actors.formUnion(item.actors)
            state.clusters[c].people.formUnion(item.people)
            state.clusters[c].docs.insert(item.doc)
        } else {
            c = state.clusters.count
            state.clusters.append(Cluster(items: [index], participants: item.participants, actors: item.actors, type: item.mention.type,
                                          polarity: Self.polarity(item.mention.modality), people: item.people, docs: [item.doc]))
        }
        for actor in state.clusters[c].actors {
            let key = item.mention.type.rawValue + "|" + actor
            if state.byActor[key]?.last != c { state.byActor[key, default: []].append(c) }
        }
        return c
    }

    func datesAgree(_ a: Item, _ b: Item) -> Bool {
        guard let da = a.mention.date, let db = b.mention.date, !undatedPlan(a), !undatedPlan(b) else { return true }
        let softA = a.mention.dateBasis == .published, softB = b.mention.dateBasis == .published
        switch (softA, softB) {
        case (false, false):
            return da.contains(db) || db.contains(da)
        case (true, false):
            return lasting(a) ? (db <= da || db.contains(da)) && withinYears(db, da)
                : spoken(a) && !quotedAgain(a, after: b) ? db.contains(da) : withinMonthBefore(db, da)
        case (false, true):
            return lasting(a) ? (da <= db || da.contains(db)) && withinYears(da, db)
                : spoken(a) && !quotedAgain(b, after: a) ? da.contains(db) : withinMonthBefore(da, db)
        case (true, true):
            return a.doc == b.doc || (lasting(a) && withinYears(da, db)) || abs(da.dayNumber - db.dayNumber) <= 3
        }
    }

    /// A plan dated only by its report's year (`EventStage.dateEvent`): as good as undated for agreeing.
    func undatedPlan(_ item: Item) -> Bool {
        item.mention.modality == .planned && item.mention.dateBasis == .published && item.mention.date?.precision == .year
    }

    /// Places agree when either is unknown, they are one, or one is the state the other lies in. A statement is
    /// reported from wherever the outlet's desk is, and a lasting event spreads: their places never split them.
    func placesAgree(_ a: Item, _ b: Item) -> Bool {
        guard let pa = a.place, let pb = b.place, !spoken(a), !lasting(a) else { return true }
        return pa == pb || pa == b.placeState || pb == a.placeState
    }

    /// Each report's parties are within the other's, for reports that name a side beyond their actors: "IS bombed
    /// Suruç" and "battles between the Taliban and IS" both hold the report "IS attacked", but not each other.
    func partiesAgree(_ a: Item, _ b: Item) -> Bool {
        a.participants.isSubset(of: b.participants) || b.participants.isSubset(of: a.participants)
            || a.participants.count < 2 || b.participants.count < 2
    }

    /// A statement is one party's (or one set of parties') words: across articles, reports of it join only when
    /// they name the same speakers, the people among the actors when there are any (the body a spokesman's title
    /// names beside him is no second speaker: "المتحدث باسم الخارجية X" and "X" tell one statement), else the
    /// bodies or states. A joint statement of eight states is not each state's own statement of that day, though
    /// each state's report names a party of the joint one; and a body's statement is not its spokesman's of that
    /// day on another matter. Inside one article the parties' agreement is enough: a headline's "أكدت الخارجية"
    /// is the statement its spokesman makes in the body.
    func speakersAgree(_ cluster: Cluster, _ item: Item) -> Bool {
        !spoken(item) || cluster.docs == [item.doc] || cluster.speakers == item.speakers
    }

    /// Two articles tell one statement in shared words (the wire copy's, the quote's, the subject's): a report from
    /// another article joins a statement only when its words meet those of one of the statement's reports from other
    /// articles. A spokesman or monitor says several things a day ("أفاد المرصد السوري" on a town, a massacre, a
    /// ban), each its own statement.
    func wordsAgree(_ cluster: Cluster, _ item: Item, _ items: [Item]) -> Bool {
        guard spoken(item), cluster.docs != [item.doc], let mine = item.mention.wordSketch, !mine.isEmpty else { return true }
        return cluster.items.contains { k in
            let other = items[k]
            guard other.doc != item.doc, let theirs = other.mention.wordSketch, !theirs.isEmpty else { return other.doc != item.doc }
            return Self.sketchesMeet(mine, theirs)
        }
    }

    /// How many hashes a sketch keeps (`wordSketch`): the smallest, which for a sentence of news is nearly all its
    /// content words.
    static let sketchSize = 32

    /// How many words two reports of one statement share at least.
    static let sharedWords = 1

    /// True when two sketches share enough words (`sharedWords`).
    static func sketchesMeet(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        Set(a).intersection(b).count >= sharedWords
    }

    /// A statement's report with its sketch made (`wordSketch`), when it has none yet and its sentence is at hand: at
    /// the gather, before the sentence is spilled, and for reports that reach the merge another way (a stored
    /// collection's new articles).
    static func sketched(_ mention: EventMention) -> EventMention {
        guard mention.type == .statement, mention.wordSketch == nil, !mention.text.isEmpty else { return mention }
        var out = mention
        out.wordSketch = wordSketch(mention, stopwords: StoryDetector.shared.stopwords)
        return out
    }

    /// The sketch of a report's sentence: the content stems (three letters or more, no stopword) and figures, its
    /// parties' names left out, hashed, the `sketchSize` smallest kept.
    static func wordSketch(_ mention: EventMention, stopwords: Set<UInt64>) -> [UInt32] {
        func keys(_ text: String) -> [UInt64] {
            Tokenizer.wordsOnly.tokenize(ScalarText(text)).compactMap { token in
                // Figures too: "30 قتيلا" and "30 شخصا قتلوا" share the 30.
                guard token.kind == .number || (token.isWord && token.norm.unicodeScalars.count >= 3) else { return nil }
                return TokenKey.of(CliticStripper.shared.stem(token.norm))
            }
        }
        let names = Set(mention.participants.flatMap { keys($0.text) })
        let words = Set(keys(mention.text)).subtracting(names).subtracting(stopwords)
        return Array(Set(words.map { UInt32(truncatingIfNeeded: $0) }).sorted().prefix(sketchSize))
    }

    func lasting(_ item: Item) -> Bool { durative.contains(item.mention.type) }

    /// A statement is one occasion of speaking: one dated only by its report joins a dated one of the same day,
    /// never one of the days before (a speaker says something new every day; "قال X" in today's paper is not
    /// what X said yesterday). Inside one article, the same speaker quoted again with no date of its own after a
    /// dated statement is the occasion the article has dated (`quotedAgain`), as for other acts.
    func spoken(_ item: Item) -> Bool { item.mention.type == .statement }

    /// The speaker quoted again, with no date of its own, in the sentence of a dated statement or after it in the
    /// same article ("ودعت X أمس ... وأوضحت X أن"): the occasion the article dated. An undated statement told
    /// before the dated one is another occasion ("أعلن الجيش حالة الاستنفار ... وأعلن أمس تصفية ...").
    func quotedAgain(_ undated: Item, after dated: Item) -> Bool {
        undated.doc == dated.doc && undated.mention.sentence >= dated.mention.sentence
    }

    /// True when two dates are at most three years apart (a coarse date counts from its first day): troops
    /// sent in one autumn are still there in a report a year later, not in one a decade later.
    func withinYears(_ a: PartialDate, _ b: PartialDate) -> Bool {
        a.contains(b) || b.contains(a) || abs(a.dayNumber - b.dayNumber) <= 3 * 366
    }

    /// True when `date` falls in the 31 days up to `report` (or is a coarser date containing it).
    func withinMonthBefore(_ date: PartialDate, _ report: PartialDate) -> Bool {
        if date.contains(report) { return true }
        guard date.precision == .day else { return false }
        let gap = report.dayNumber - date.dayNumber
        return gap >= 0 && gap <= 31
    }
}
