import Foundation

/// A resolved collection that grows by appended articles, for a feed: adding an article costs about the same
/// whatever the collection's size, instead of a resolve of every record.
///
/// It starts from `CollectionResolver.resolve` of the records it is given (the same analysis, byte for byte) and
/// keeps the state of each step. An appended article then goes through the same steps, on its own:
/// - its mentions, roles, quantities, dates and quotes are gathered, its names linked to the entities by the same
///   table (**exact**: the entities and their mentions are those of a full resolve);
/// - its event reports are merged into the clusters where `EventMerger` would have put them, since the merge takes
///   reports one at a time in input order (**exact**: the same events with the same reports); an event is
///   rebuilt from its reports whenever it gains one. One difference: an event the full resolve lists is numbered
///   here when it first qualifies (a meeting once its second side is named), so its id can come later;
/// - it is placed in a story (`StoryDetector.Placement`: **approximate**, see there); that story's record and
///   discrepancies are made again, and the events it reports are given the story with most of their reports;
/// - its near-duplicate group is found as `nearDuplicates` would (**exact**).
/// The timeline, the entities and the related stories are made from that state by `snapshot` (linear in the
/// events and stories, but cheap). A full resolve (`rasd analyze`, or an `IncrementalAnalysis` run) gives the
/// exact stories again.
package struct IncrementalCollection {
    package let resolver: CollectionResolver
    private let merger: EventMerger
    private let detector = StoryDetector.shared
    private(set) package var documents: [ArticleRecord] = []
    /// Documents, quantities, dates, quotes and events; entities, timeline and stories are made by `snapshot`.
    private var analysis = Analysis()
    private var entities: EntityTable
    private var merge = EventMerger.State()
    /// Cluster → its event's position in `analysis.events` (nil while it names one side of a two-sided act).
    private var eventOfCluster: [Int?] = []
    /// "doc#start" → position in `analysis.quantities`.
    private var quantityIndex: [String: Int] = [:]
    private var placement = StoryDetector.Placement()
    /// Each document's events (positions), in the order they gained it.
    private var eventsOfDocument: [[Int]] = []
    private var stories: [Analysis.Story] = []
    /// The discrepancies of the full resolve, then those of each story made again since.
    private var baseDiscrepancies: [Analysis.Discrepancy] = []
    private var remadeDiscrepancies: [Int: [Analysis.Discrepancy]] = [:]
    /// Each document's quantities (positions in `analysis.quantities`).
    private var quantitiesOfDocument: [Range<Int>] = []
    private var documentIndex: [String: Int] = [:]
    /// Each event's timeline line and date (by position), and the events whose line must be made again.
    private var timelineEntries: [Analysis.TimelineEntry] = []
    private var timelineDates: [PartialDate?] = []
    private var changedEvents = Set<Int>()
    /// Entity id → the events (positions) naming it, whose lines change with its label.
    private var eventsOfEntity: [String: [Int]] = [:]
    /// What related stories are found from, and the stories whose related list must be found again.
    private var related = StoryRecords.RelatedIndex([])
    private var changedStories = Set<Int>()
    private var duplicates = NearDuplicateDetector.Index()
    /// Near-duplicate index position → document position (articles without a parent only).
    private var originals: [Int] = []

    /// The collection of `records` resolved in full.
    package init(resolver: CollectionResolver, records: [ArticleRecord]) {
        self.resolver = resolver
        merger = EventMerger(durative: resolver.durative)
        entities = EntityTable(kb: resolver.kb)
        entities.tracksLabels = true
        documents = records
        for (d, doc) in records.enumerated() {
            let first = analysis.quantities.count
            resolver.gather(doc, &analysis, &entities)
            quantitiesOfDocument.append(first..<analysis.quantities.count)
            if documentIndex[doc.id] == nil { documentIndex[doc.id] = d }
        }
        for (d, doc) in records.enumerated() {
            for item in resolver.eventItems(doc, at: d, &entities) { _ = merger.add(item, to: &merge) }
        }
        for (k, q) in analysis.quantities.enumerated() { quantityIndex["\(q.doc)#\(q.start)"] = k }
        eventsOfDocument = [[Int]](repeating: [], count: records.count)
        for c in merge.clusters.indices {
            eventOfCluster.append(nil)
            emit(c)
        }
        // The same steps as `CollectionResolver.resolve`, keeping what the next article needs.
        var whole = analysis
        whole.entities = entities.entries
        let groups = detector.group(records, whole)
        var storyOf = [Int](repeating: 0, count: records.count)
        for (k, group) in groups.enumerated() { for d in group { storyOf[d] = k } }
        resolver.findDiscrepancies(records, &whole, storyOf: storyOf)
        StoryRecords(detector: detector).fill(&whole, groups: groups, documents: records)
        stories = whole.stories ?? []
        baseDiscrepancies = whole.discrepancies
        for i in analysis.documents.indices { analysis.documents[i].story = whole.documents[i].story }
        for v in analysis.events.indices { analysis.events[v].story = whole.events[v].story }
        let (entityBags, eventBags) = StoryDetector.bags(records.count, documentIndex, whole)
        placement = detector.placement(records, groups: groups, entityBags: entityBags, eventBags: eventBags)
        for (d, doc) in records.enumerated() where doc.parent == nil { addDuplicate(doc, at: d) }
        for d in documents.indices { documents[d].releaseCopiedAnnotations() }
        related = StoryRecords.RelatedIndex(stories)
        _ = entities.takeRelabelled()
        changedEvents = []
        timelineEntries = analysis.events.map { Timeline.entry($0, entities: entities) }
        timelineDates = analysis.events.map { $0.date.flatMap(PartialDate.init(iso:)) }
    }

    /// Adds the next articles' records (in input order), as if they had been at the end of the collection.
    package mutating func append(_ records: [ArticleRecord]) {
        for record in records { append(record) }
    }

    private mutating func append(_ doc: ArticleRecord) {
        let d = documents.count
        documents.append(doc)
        if documentIndex[doc.id] == nil { documentIndex[doc.id] = d }
        let firstQuantity = analysis.quantities.count
        resolver.gather(doc, &analysis, &entities)
        quantitiesOfDocument.append(firstQuantity..<analysis.quantities.count)
        for k in firstQuantity..<analysis.quantities.count { quantityIndex["\(doc.id)#\(analysis.quantities[k].start)"] = k }
        eventsOfDocument.append([])
        var touched: [Int] = []
        for item in resolver.eventItems(doc, at: d, &entities) {
            let c = merger.add(item, to: &merge)
            if c == eventOfCluster.count { eventOfCluster.append(nil) }
            if !touched.contains(c) { touched.append(c) }
        }
        for c in touched.sorted() { emit(c) }

        // Its story: placed by its links, then that story's record and discrepancies made again.
        var counts: [Int: Float] = [:]
        for m in doc.mentions where m.origin != .demonym {
            if let e = entities.position(entities.id(for: m.ref, type: m.type, text: m.text)) { counts[e, default: 0] += 1 }
        }
        documents[d].releaseCopiedAnnotations()
        let entityBag = counts.sorted { $0.key < $1.key }.map { (Int32($0.key), $0.value) }
        let shared = eventsOfDocument[d].filter { analysis.events[$0].background != true && analysis.events[$0].sources.count > 1 }
        // The events it now shares with earlier documents count for those too.
        for v in shared {
            for source in analysis.events[v].sources where source != doc.id {
                if let other = documentPosition(source) { detector.addSharedEvent(v, to: other, in: &placement) }
            }
        }
        let eventBag = shared.sorted().map { (Int32($0), Float(1)) }
        let (k, absorbed) = detector.place(doc, entityBag: entityBag, eventBag: eventBag, in: &placement)
        if k == stories.count { stories.append(Self.emptyStory(StoryRecords.id(k))) }
        for d in placement.stories[k] { analysis.documents[d].story = StoryRecords.id(k) }
        // A story the article joined to its own is gone: no record, no discrepancies, no related links.
        for gone in absorbed {
            let old = stories[gone]
            stories[gone] = Self.emptyStory(old.id)
            remadeDiscrepancies[gone] = []
            changedStories.formUnion(related.neighbours(of: old))
            related.update(gone, stories[gone], was: old)
            changedStories.insert(gone)
        }
        remakeStory(k)
        if doc.parent == nil { addDuplicate(doc, at: d) }
    }

    /// The analysis as it stands: the state's parts with the entities, the timeline and the related stories made
    /// (only the lines and lists that changed are made again).
    package mutating func snapshot() -> Analysis {
        for k in entities.takeRelabelled() { changedEvents.formUnion(eventsOfEntity[entities.entries[k].id] ?? []) }
        for v in changedEvents.sorted() {
            let entry = Timeline.entry(analysis.events[v], entities: entities)
            let date = analysis.events[v].date.flatMap(PartialDate.init(iso:))
            if v < timelineEntries.count { timelineEntries[v] = entry; timelineDates[v] = date } else {
                // New events come in order: the sorted loop reaches each at the end of the list.
                timelineEntries.append(entry); timelineDates.append(date)
            }
        }
        changedEvents = []
        for k in changedStories where !stories[k].documents.isEmpty { stories[k].related = related.related(k, stories) }
        changedStories = []
        var out = analysis
        out.timeline = Timeline.order(analysis.events, dates: timelineDates).map { timelineEntries[$0] }
        out.entities = entities.entries
        out.discrepancies = baseDiscrepancies.filter { d in
            !(d.story.flatMap { Int($0.dropFirst()) }.map { remadeDiscrepancies[$0 - 1] != nil } ?? false)
        } + remadeDiscrepancies.keys.sorted().flatMap { remadeDiscrepancies[$0]! }
        // Stories joined into another since the full resolve are left out (their numbers are not reused).
        out.stories = stories.filter { !$0.documents.isEmpty }
        return out
    }

    // MARK: Steps for one article

    /// (Re)makes cluster `c`'s event from its reports, at its place, or as a new event once it qualifies.
    private mutating func emit(_ c: Int) {
        let members = merge.clusters[c].items.map { merge.items[$0] }
        let id = eventOfCluster[c].map { analysis.events[$0].id } ?? "V\(analysis.events.count + 1)"
        guard var event = resolver.event(members, id: id, documents, &entities) else { return }
        let v: Int
        if let known = eventOfCluster[c] {
            v = known
            event.story = analysis.events[v].story
            analysis.events[v] = event
        } else {
            v = analysis.events.count
            analysis.events.append(event)
            eventOfCluster[c] = v
        }
        resolver.linkQuantities(members, to: event.id, documents, quantityIndex, &analysis)
        for item in members where !eventsOfDocument[item.doc].contains(v) { eventsOfDocument[item.doc].append(v) }
        changedEvents.insert(v)
        for id in event.participants.map(\.entity) + [event.place].compactMap({ $0 }) where eventsOfEntity[id]?.last != v {
            eventsOfEntity[id, default: []].append(v)
        }
    }

    private func documentPosition(_ id: String) -> Int? { documentIndex[id] }

    /// A story with no documents: one about to be made, or one joined into another (left out of the analysis).
    static func emptyStory(_ id: String) -> Analysis.Story {
        Analysis.Story(id: id, title: "", title_en: "", documents: [], sources: [], events: [], main_event: nil, actors: [],
                       entities: [], first: nil, last: nil, discrepancies: 0)
    }

    /// Story `k`'s record and discrepancies from its documents, and its events' stories.
    private mutating func remakeStory(_ k: Int) {
        let group = placement.stories[k]
        var perStory: [Int: (docs: Int, mentions: Int)] = [:]
        for d in group {
            for (e, count) in placement.entities.bags[d] {
                perStory[Int(e), default: (0, 0)].docs += 1
                perStory[Int(e), default: (0, 0)].mentions += Int(count)
            }
        }
        var reports: [Int: Int] = [:]
        for d in group { for v in eventsOfDocument[d] { reports[v, default: 0] += 1 } }
        let events = reports.keys.sorted()
        // An event's story: the one with most of its reports (the earlier story on a tie).
        for v in events {
            var counts: [Int: Int] = [:]
            for source in Set(analysis.events[v].sources) { if let d = documentPosition(source) { counts[placement.storyOf[d], default: 0] += 1 } }
            if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { analysis.events[v].story = StoryRecords.id(best.key) }
        }
        // Discrepancies among its documents only.
        var part = analysis
        part.quantities = group.flatMap { analysis.quantities[quantitiesOfDocument[$0]] }
        part.discrepancies = []
        let docs = group.map { documents[$0] }
        resolver.findDiscrepancies(docs, &part, storyOf: [Int](repeating: k, count: docs.count))
        remadeDiscrepancies[k] = part.discrepancies
        part.entities = entities.entries
        let old = stories[k]
        stories[k] = StoryRecords(detector: detector).story(
            k, group, entities: perStory, df: { Int(placement.entities.df[$0]) }, collection: documents.count, events: events,
            reports: { reports[$0] ?? 0 }, discrepancies: part.discrepancies.count, part, documents)
        // Its related stories, and those of the stories sharing an actor with it, before or now.
        changedStories.formUnion(related.neighbours(of: old))
        related.update(k, stories[k], was: old)
        changedStories.formUnion(related.neighbours(of: stories[k]))
        changedStories.insert(k)
    }

    private mutating func addDuplicate(_ doc: ArticleRecord, at d: Int) {
        originals.append(d)
        let group = NearDuplicateDetector().add(doc.signature, to: &duplicates)
        guard let first = group.first else { return }
        for i in group.dropFirst() { analysis.documents[originals[i]].near_duplicate_of = documents[originals[first]].id }
    }
}
