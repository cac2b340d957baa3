import Foundation

/// The stories `StoryDetector` found, written into the analysis: each story's documents, events, entities ranked
/// by how distinctive they are of it, its main event and actors, a title in Arabic and English, the span of its
/// coverage and its discrepancies; each document, event and discrepancy names its story.
struct StoryRecords {
    let detector: StoryDetector
    /// Actors named in a title.
    static let titleActors = 3

    static func id(_ number: Int) -> String { "S\(number + 1)" }

    /// `entityDocuments`: which documents name each entity, when the analysis does not list its mentions yet.
    func fill(_ analysis: inout Analysis, groups: [[Int]], documents: [ArticleRecord], entityDocuments: EntityDocuments? = nil) {
        let n = documents.count
        var storyOf = [Int](repeating: 0, count: n)
        for (k, group) in groups.enumerated() { for d in group { storyOf[d] = k } }
        var docIndex: [String: Int] = [:]
        for (i, d) in documents.enumerated() where docIndex[d.id] == nil { docIndex[d.id] = i }
        for i in analysis.documents.indices where i < n { analysis.documents[i].story = Self.id(storyOf[i]) }

        // Entities: per story, the documents naming each entity and its mentions; rarity over the collection.
        var perStory = [[Int: (docs: Int, mentions: Int)]](repeating: [:], count: groups.count)
        var df = [Int](repeating: 0, count: analysis.entities.count)
        let named = entityDocuments ?? EntityDocuments(analysis, docIndex: docIndex)
        for e in analysis.entities.indices {
            for (d, count) in named[e] {
                df[e] += 1
                perStory[storyOf[d]][e, default: (0, 0)].docs += 1
                perStory[storyOf[d]][e, default: (0, 0)].mentions += count
            }
        }
        // Events: every story whose documents report it; the event's own story is the one with most reports.
        var eventsOf = [[Int]](repeating: [], count: groups.count)
        var reportsIn = [[Int: Int]](repeating: [:], count: analysis.events.count)
        for (v, event) in analysis.events.enumerated() {
            var counts: [Int: Int] = [:]
            for doc in Set(event.mentions.map(\.doc)) { if let d = docIndex[doc] { counts[storyOf[d], default: 0] += 1 } }
            reportsIn[v] = counts
            for k in counts.keys.sorted() { eventsOf[k].append(v) }
            if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { analysis.events[v].story = Self.id(best.key) }
        }
        var discrepancies = [Int](repeating: 0, count: groups.count)
        for d in analysis.discrepancies {
            if let s = d.story, let k = Int(s.dropFirst()), k >= 1, k <= groups.count { discrepancies[k - 1] += 1 }
        }

        var stories: [Analysis.Story] = []
        for (k, group) in groups.enumerated() {
            stories.append(story(k, group, entities: perStory[k], df: { df[$0] }, collection: n, events: eventsOf[k],
                                 reports: { reportsIn[$0][k] ?? 0 }, discrepancies: discrepancies[k], analysis, documents))
        }
        Self.linkRelated(&stories)
        analysis.stories = stories
    }

    /// One story's record. `entities`: the entities its documents name (position in the analysis → documents naming
    /// it, mentions); `df`: documents naming an entity in the whole collection of `collection` documents; `events`: the
    /// events its documents report, `reports`: how many of its documents report one.
    func story(_ k: Int, _ group: [Int], entities perStory: [Int: (docs: Int, mentions: Int)], df: (Int) -> Int, collection n: Int,
               events: [Int], reports: (Int) -> Int, discrepancies: Int, _ analysis: Analysis, _ documents: [ArticleRecord]) -> Analysis.Story {
        func weight(_ e: Int, _ c: (docs: Int, mentions: Int)) -> Double {
            (Double(c.docs) + 0.1 * log(1 + Double(c.mentions))) * log(Double(n + 1) / Double(max(df(e), 1)))
        }
        let ranked = perStory.sorted { a, b in
            let wa = weight(a.key, a.value), wb = weight(b.key, b.value)
            return wa != wb ? wa > wb : a.key < b.key
        }.map(\.key)
        // The main event: reported by most of the story's documents, then with most participants; never background
        // nor hypothetical.
        let main = events.filter { v in
            let e = analysis.events[v]
            return e.background != true && e.modality != "planned" && e.modality != "speculative"
        }.max { a, b in
            let ea = analysis.events[a], eb = analysis.events[b]
            return (reports(a), ea.participants.count, b) < (reports(b), eb.participants.count, a)
        }
        var actorIDs: [String] = []
        if let main {
            let e = analysis.events[main]
            for p in e.participants.filter({ $0.role == ParticipantRole.actor.rawValue }) + e.participants.filter({ $0.role != ParticipantRole.actor.rawValue })
            where !actorIDs.contains(p.entity) && actorIDs.count < 2 {
                actorIDs.append(p.entity)
            }
        }
        // Then the most distinctive entities that take part in its events (not the agencies it cites), else any
        // person, organisation or state.
        var taking = Set<String>()
        for v in events { for p in analysis.events[v].participants { taking.insert(p.entity) } }
        for pass in 0..<2 {
            for e in ranked where actorIDs.count < Self.titleActors {
                let entity = analysis.entities[e]
                guard ["PERSON", "ORG", "GPE"].contains(entity.type), !actorIDs.contains(entity.id),
                      pass == 1 || taking.contains(entity.id) else { continue }
                actorIDs.append(entity.id)
            }
            if !actorIDs.isEmpty { break }
        }
        let place = main.flatMap { analysis.events[$0].place }
        let (title, titleEn) = titles(main.map { analysis.events[$0].type }, actors: actorIDs, place: place,
                                      analysis: analysis, fallback: documents[group[0]])

        var dates: [PartialDate] = group.compactMap { documents[$0].published }
        // The dates its own documents give its events (another story's report may date one differently).
        let members = Set(group.map { documents[$0].id })
        for v in events where analysis.events[v].background != true {
            for m in analysis.events[v].mentions where members.contains(m.doc) && m.modality != "planned" && m.modality != "speculative" {
                if let date = m.date.flatMap(PartialDate.init(iso:)) { dates.append(date) }
            }
        }
        let first = dates.min { $0.dayNumber < $1.dayNumber }
        let last = dates.max { $0.lastDay < $1.lastDay }
        let sources = Set(group.compactMap { documents[$0].source }).sorted()
        return Analysis.Story(
            id: Self.id(k), title: title, title_en: titleEn, documents: group.map { documents[$0].id }, sources: sources,
            events: events.map { analysis.events[$0].id }, main_event: main.map { analysis.events[$0].id },
            actors: actorIDs, entities: ranked.map { analysis.entities[$0].id }, first: first?.iso, last: last?.iso,
            discrepancies: discrepancies)
    }

    /// Stories kept apart by the detector that follow one situation as it develops ("related stories"): they share
    /// a main actor, a fifth or more of their most distinctive entities, and their spans come within
    /// `relatedDays` of each other. At most `maxRelated` each, closest first. An actor shared by more than
    /// `maxActorStories` stories (a state in every other story) links none on its own.
    static let relatedDays = 30, maxRelated = 5, maxActorStories = 100, distinctive = 8, minOverlap = 0.2

    static func linkRelated(_ stories: inout [Analysis.Story]) {
        let index = RelatedIndex(stories)
        for k in stories.indices where index.spans[k] != nil { stories[k].related = index.related(k, stories) }
    }

    /// What finding a story's related stories looks up: stories by actor, each story's most distinctive entities
    /// and span. Kept up to date one story at a time by a growing collection (`IncrementalCollection`).
    struct RelatedIndex {
        var byActor: [String: [Int]] = [:]
        var tops: [Set<String>] = []
        var spans: [(Int, Int)?] = []

        init(_ stories: [Analysis.Story]) {
            for k in stories.indices { update(k, stories[k]) }
        }

        /// Story `k` is (now) `story`: its entries replace those it had.
        mutating func update(_ k: Int, _ story: Analysis.Story, was old: Analysis.Story? = nil) {
            for a in old?.actors ?? [] { byActor[a]?.removeAll { $0 == k } }
            for a in story.actors { byActor[a, default: []].append(k) }
            if k == tops.count {
                tops.append([]); spans.append(nil)
            }
            tops[k] = Set(story.entities.prefix(StoryRecords.distinctive))
            if let first = story.first.flatMap(PartialDate.init(iso:)), let last = story.last.flatMap(PartialDate.init(iso:)) {
                spans[k] = (first.dayNumber, last.lastDay)
            } else {
                spans[k] = nil
            }
        }

        /// The stories sharing an actor with `story` (by lists short enough to count, and one over: a list that has
        /// just grown past `maxActorStories` no longer counts for any of its stories).
        func neighbours(of story: Analysis.Story) -> Set<Int> {
            var out = Set<Int>()
            for a in story.actors { if let list = byActor[a], list.count <= StoryRecords.maxActorStories + 1 { out.formUnion(list) } }
            return out
        }

        func related(_ k: Int, _ stories: [Analysis.Story]) -> [String]? {
            guard let span = spans[k] else { return stories[k].related }
            var candidates = Set<Int>()
            for a in stories[k].actors { if let list = byActor[a], list.count <= StoryRecords.maxActorStories { candidates.formUnion(list) } }
            var scored: [(Double, Int)] = []
            for j in candidates where j != k {
                guard let other = spans[j], other.0 - span.1 <= StoryRecords.relatedDays, span.0 - other.1 <= StoryRecords.relatedDays else { continue }
                let union = tops[k].union(tops[j]).count
                let overlap = union == 0 ? 0 : Double(tops[k].intersection(tops[j]).count) / Double(union)
                if overlap >= StoryRecords.minOverlap { scored.append((overlap, j)) }
            }
            let related = scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(StoryRecords.maxRelated).map { stories[$0.1].id }
            return related.isEmpty ? nil : Array(related)
        }
    }

    /// "لقاء: محمد بن سلمان، رمضان قديروف — جدة" / "Meeting: Mohammed bin Salman, Ramzan Kadyrov — Jeddah"; with no
    /// event the actors alone; with no actor either, the first document's title (or its first words).
    func titles(_ type: String?, actors: [String], place: String?, analysis: Analysis, fallback: ArticleRecord) -> (String, String) {
        let byID = { (id: String) -> Analysis.Entity? in
            guard let n = Int(id.dropFirst()), n >= 1, n <= analysis.entities.count, analysis.entities[n - 1].id == id
            else { return analysis.entities.first { $0.id == id } }
            return analysis.entities[n - 1]
        }
        let names = actors.compactMap(byID)
        var ar = names.map(\.label).joined(separator: "، ")
        var en = names.map { $0.label_en ?? $0.label }.joined(separator: ", ")
        if let type, let label = detector.typeLabels[type] {
            ar = ar.isEmpty ? label.ar : label.ar + ": " + ar
            en = en.isEmpty ? label.en : label.en + ": " + en
        }
        if let place = place.flatMap(byID), !actors.contains(place.id) {
            ar += " — " + place.label
            en += " — " + (place.label_en ?? place.label)
        }
        if ar.isEmpty {
            let text = fallback.title.flatMap { $0.isEmpty ? nil : $0 }
                ?? fallback.body.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(8).joined(separator: " ")
            return (text, text)
        }
        return (ar, en)
    }
}
