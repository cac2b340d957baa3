import RasdKit

/// The latest analysis held in memory with the look-ups the queries need (built once per analysis).
struct StoryIndex: Sendable {
    let analysis: Analysis
    let documentIndex: [String: Int]
    let entityIndex: [String: Int]
    let eventIndex: [String: Int]
    /// Event id → the timeline's one-line summary.
    let summaries: [String: String]
    /// Entity id → matching keys of its labels and aliases (normalized Arabic, lower-cased Latin), as UTF-8.
    let entityKeys: [String: [[UInt8]]]
    /// Per entity (in the analysis' order): its names' `KBKeys` forms, for `NameSearch`.
    let entityNameKeys: [[NameKeys]]

    struct NameKeys: Sendable {
        /// The words of the variant key (ج/غ folded, article of the first word dropped) and the loose key, as
        /// UTF-8: compared byte by byte, thousands of names are searched in a few milliseconds.
        var words: [[UInt8]]
        var loose: [UInt8]

        init(_ name: String) {
            let key = ArabicNormalizer.shared.key(name)
            words = KBKeys.variantKey(key).split(separator: " ").map { Array($0.utf8) }
            loose = Array(KBKeys.looseKey(key).utf8)
        }
    }
    /// Events an entity takes part in (participant or place), and events a document reports.
    let eventCountByEntity: [String: Int]
    let eventCountByDoc: [String: Int]
    /// Per document: what the document view shows, gathered once rather than per request.
    let byDoc: [String: DocumentAnnotations]

    struct DocumentAnnotations: Sendable {
        var mentions: [MentionView] = []
        var dates: [Analysis.DateEntry] = []
        var quotes: [Analysis.Quote] = []
        var quantities: [Analysis.QuantityEntry] = []
        var events: [Int] = []
        var stories: [String] = []
    }

    init(_ analysis: Analysis) {
        self.analysis = analysis
        documentIndex = Dictionary(analysis.documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        entityIndex = Dictionary(analysis.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        eventIndex = Dictionary(analysis.events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        summaries = Dictionary(analysis.timeline.map { ($0.event, $0.summary) }, uniquingKeysWith: { a, _ in a })
        var keys: [String: [[UInt8]]] = [:]
        var nameKeys: [[NameKeys]] = []
        var byDoc: [String: DocumentAnnotations] = [:]
        for entity in analysis.entities {
            let names = [entity.label, entity.label_en ?? ""] + entity.aliases
            keys[entity.id] = names.filter { !$0.isEmpty }.map { Array(StoryIndex.matchKey($0).utf8) }
            nameKeys.append(Set(names.filter { !$0.isEmpty }).sorted().map(NameKeys.init))
            for m in entity.mentions {
                byDoc[m.doc, default: .init()].mentions.append(MentionView(
                    entity: entity.id, type: entity.type, label: entity.label, label_en: entity.label_en, text: m.text,
                    start: m.start, end: m.end, origin: m.origin))
            }
        }
        entityKeys = keys
        entityNameKeys = nameKeys
        for d in analysis.dates { byDoc[d.doc, default: .init()].dates.append(d) }
        for q in analysis.quotes { byDoc[q.doc, default: .init()].quotes.append(q) }
        for q in analysis.quantities { byDoc[q.doc, default: .init()].quantities.append(q) }
        for d in analysis.documents { if let parent = d.parent { byDoc[parent, default: .init()].stories.append(d.id) } }
        var byEntity: [String: Int] = [:], perDoc: [String: Int] = [:]
        for (i, event) in analysis.events.enumerated() {
            for id in Set(event.participants.map(\.entity) + [event.place].compactMap { $0 }) { byEntity[id, default: 0] += 1 }
            for doc in Set(event.sources) {
                perDoc[doc, default: 0] += 1
                byDoc[doc, default: .init()].events.append(i)
            }
        }
        for key in byDoc.keys { byDoc[key]!.mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        eventCountByEntity = byEntity
        eventCountByDoc = perDoc
        self.byDoc = byDoc
    }

    /// True when one of the entity's names contains `key` (a `matchKey`), compared as UTF-8 bytes: the keys
    /// are normalized already, and String's Unicode-aware `contains` is far slower over thousands of names.
    func entity(_ id: String, nameContains key: [UInt8]) -> Bool {
        (entityKeys[id] ?? []).contains { StoryIndex.bytes($0, contain: key) }
    }

    static func bytes(_ name: [UInt8], contain key: [UInt8]) -> Bool {
        guard name.count >= key.count else { return false }
        guard key.count >= 2 else { return key.isEmpty || name.contains(key[0]) }
        // The first two bytes checked first: an Arabic letter's UTF-8 lead byte alone (D8/D9) rules out little.
        let k0 = key[0], k1 = key[1]
        return name.withUnsafeBufferPointer { n in
            key.withUnsafeBufferPointer { k in
                for i in 0...(n.count - k.count) where n[i] == k0 && n[i + 1] == k1 {
                    var j = 2
                    while j < k.count && n[i + j] == k[j] { j += 1 }
                    if j == k.count { return true }
                }
                return false
            }
        }
    }

    /// The form a name is compared in: Arabic spelling variants folded, Latin lower-cased.
    static func matchKey(_ text: String) -> String {
        ArabicNormalizer.shared.key(text).lowercased()
    }

    func document(_ id: String) -> Analysis.DocumentEntry? { documentIndex[id].map { analysis.documents[$0] } }
    func entity(_ id: String) -> Analysis.Entity? { entityIndex[id].map { analysis.entities[$0] } }
    func event(_ id: String) -> Analysis.Event? { eventIndex[id].map { analysis.events[$0] } }

    func entityRef(_ id: String?) -> EntityRef? {
        guard let id, let entity = entity(id) else { return nil }
        return EntityRef(id: id, type: entity.type, label: entity.label, label_en: entity.label_en)
    }

    func sourceRef(_ docID: String) -> SourceRef {
        let doc = document(docID)
        return SourceRef(id: docID, title: doc?.title, source: doc?.source, published: doc?.published, url: doc?.url)
    }

    func view(_ event: Analysis.Event) -> EventView {
        EventView(id: event.id, type: event.type, cameo: event.cameo, date: event.date, date_basis: event.date_basis,
                  modality: event.modality, summary: summaries[event.id],
                  participants: event.participants.map { ParticipantView(entity: entityRef($0.entity), id: $0.entity, role: $0.role) },
                  place: entityRef(event.place), sources: event.sources.map(sourceRef), mentions: event.mentions)
    }

    /// Events in date order (a coarser date before the finer ones it contains), undated ones last.
    static func byDate(_ events: [Analysis.Event]) -> [Analysis.Event] {
        events.enumerated().sorted { a, b in
            switch (a.element.date.flatMap(PartialDate.init(iso:)), b.element.date.flatMap(PartialDate.init(iso:))) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// True when the event involves the entity, as a participant or as its place.
    static func involves(_ event: Analysis.Event, _ entityID: String) -> Bool {
        event.place == entityID || event.participants.contains { $0.entity == entityID }
    }

    /// True when one of the event's reports comes from this outlet (`source`) or is this document.
    func reported(_ event: Analysis.Event, source: String?, doc: String?) -> Bool {
        if let doc, !event.sources.contains(doc) { return false }
        if let source, !event.sources.contains(where: { document($0)?.source == source }) { return false }
        return true
    }
}

/// An entity mention with its entity's name and type.
struct MentionView: Codable, Sendable, Equatable {
    var entity, type, label: String
    var label_en: String?
    var text: String
    var start, end: Int
    var origin: String?
}

/// An entity named in another record, with what a page needs to show it.
struct EntityRef: Codable, Sendable, Equatable {
    var id: String
    var type: String
    var label: String
    var label_en: String?
}

/// A document named as the source of an event or a quote.
struct SourceRef: Codable, Sendable, Equatable {
    var id: String
    var title: String?
    var source: String?
    var published: String?
    var url: String?
}

struct ParticipantView: Codable, Sendable, Equatable {
    var entity: EntityRef?
    var id: String
    var role: String
}

/// An event as the API shows it: the analysis' event with its summary and the names behind its ids.
struct EventView: Codable, Sendable, Equatable {
    var id: String
    var type: String
    var cameo: String
    var date: String?
    var date_basis: String?
    var modality: String
    var summary: String?
    var participants: [ParticipantView]
    var place: EntityRef?
    var sources: [SourceRef]
    var mentions: [Analysis.EventMentionEntry]
}
