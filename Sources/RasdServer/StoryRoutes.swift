import Foundation
import Hummingbird
import RasdKit

/// The read side of the API: queries over the latest analysis (entities, events, timeline, quotes,
/// discrepancies, network). Every list is filtered, then paged (`offset`, `limit` 1…500, `total` before paging).
struct StoryRoutes: Sendable {
    let state: StoryState

    static let eventTypes = Set(EventType.allCases.map(\.rawValue))
    static let entityTypes: Set<String> = ["PERSON", "GPE", "LOC", "ORG"]
    /// The closed sets, for the page (it keeps no copy of them).
    static let vocabulary = Vocabulary.current()

    func register(on routes: RouteTable) {
        routes.get("/api/entities") { request, _ in try await entities(QueryOptions(request)) }
        routes.get("/api/entities/{id}") { _, context in try await entity(try pathID(context)) }
        routes.get("/api/events") { request, _ in try await events(QueryOptions(request)) }
        routes.get("/api/events/{id}") { _, context in try await event(try pathID(context)) }
        routes.get("/api/timeline") { request, _ in try await timeline(QueryOptions(request)) }
        routes.get("/api/quotes") { request, _ in try await quotes(QueryOptions(request)) }
        routes.get("/api/discrepancies") { request, _ in try await discrepancies(QueryOptions(request)) }
        routes.get("/api/network") { request, _ in try await network(QueryOptions(request)) }
        routes.get("/api/vocabulary") { _, _ in JSONBody.response(Self.vocabulary) }
    }

    /// The latest analysis, or an empty one before any analysis was run (lists are then empty, not errors).
    func story() async -> StoryIndex {
        await state.index ?? StoryIndex(Analysis())
    }

    // MARK: Entities

    struct EntitySummary: Encodable {
        var id, type, label: String
        var label_en, wikidata, kb, country: String?
        var aliases: [String]
        var mentions, documents, events: Int
    }

    func entities(_ query: QueryOptions) async throws -> Response {
        let type = try query.choice("type", among: StoryRoutes.entityTypes)
        let q = query.string("q")
        let name = q.map { Array(StoryIndex.matchKey($0).utf8) }
        let paging = try query.paging()
        let story = await story()
        // Part of a name as written, or a name the query gives in another spelling or a knowledge-base alias.
        var named = Set<String>()
        if let q { named = try await SearchGate.shared.run { try await StoreExecutor.run { NameSearch(q).entities(in: story) } } }
        let matching = story.analysis.entities.filter { entity in
            if let type, entity.type != type { return false }
            if let name, !story.entity(entity.id, nameContains: name), !named.contains(entity.id) { return false }
            return true
        }
        return JSONBody.response(paging.page(matching) { e in
            EntitySummary(id: e.id, type: e.type, label: e.label, label_en: e.label_en, wikidata: e.wikidata, kb: e.kb,
                          country: e.country, aliases: e.aliases, mentions: e.mentions.count,
                          documents: Set(e.mentions.map(\.doc)).count, events: story.eventCountByEntity[e.id] ?? 0)
        })
    }

    struct EntityDetail: Encodable {
        var id, type, label: String
        var label_en, wikidata, kb, country: String?
        var aliases: [String]
        var roles: [Analysis.Role]
        var documents: [DocumentMentions]
        var events: [EventView]
        var quotes: [QuoteView]
    }

    struct DocumentMentions: Encodable {
        var document: SourceRef
        var mentions: [Analysis.Mention]
    }

    func entity(_ id: String) async throws -> Response {
        let story = await story()
        guard let e = story.entity(id) else { throw APIError.notFound("no entity '\(id)' in the latest analysis") }
        // Roles over time: dated roles in date order, then the undated ones.
        let roles = e.roles.enumerated().sorted { a, b in
            switch (a.element.from, b.element.from) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        var byDoc: [String: [Analysis.Mention]] = [:]
        var docOrder: [String] = []
        for m in e.mentions {
            if byDoc[m.doc] == nil { docOrder.append(m.doc) }
            byDoc[m.doc, default: []].append(m)
        }
        let detail = EntityDetail(
            id: e.id, type: e.type, label: e.label, label_en: e.label_en, wikidata: e.wikidata, kb: e.kb, country: e.country,
            aliases: e.aliases, roles: roles,
            documents: docOrder.map { DocumentMentions(document: story.sourceRef($0), mentions: byDoc[$0] ?? []) },
            events: StoryIndex.byDate(story.analysis.events.filter { StoryIndex.involves($0, id) }).map(story.view),
            quotes: story.analysis.quotes.filter { $0.speaker == id }.map { QuoteView($0, story) })
        return JSONBody.response(detail)
    }

    // MARK: Events and timeline

    /// The filters events and the timeline share: entity, type, from/to, source (outlet), doc.
    struct EventFilter {
        var entity, type, source, doc: String?
        var dates: DateRange

        init(_ query: QueryOptions) throws {
            entity = query.string("entity")
            type = try query.choice("type", among: StoryRoutes.eventTypes)
            source = query.string("source")
            doc = query.string("doc")
            dates = try query.dateRange()
        }

        func admits(_ event: Analysis.Event, _ story: StoryIndex) -> Bool {
            if let type, event.type != type { return false }
            if let entity, !StoryIndex.involves(event, entity) { return false }
            if !dates.admits(event.date) { return false }
            return story.reported(event, source: source, doc: doc)
        }
    }

    func events(_ query: QueryOptions) async throws -> Response {
        let filter = try EventFilter(query)
        let paging = try query.paging()
        let story = await story()
        return JSONBody.response(paging.page(story.analysis.events.filter { filter.admits($0, story) }, story.view))
    }

    func event(_ id: String) async throws -> Response {
        let story = await story()
        guard let event = story.event(id) else { throw APIError.notFound("no event '\(id)' in the latest analysis") }
        return JSONBody.response(story.view(event))
    }

    struct TimelineView: Encodable {
        var date: String?
        var event, type, summary: String
        var modality: String?
        var participants: [ParticipantView]
        var place: EntityRef?
        /// The sentence of the event's first report (Arabic, as written).
        var excerpt: String?
        var sources: [SourceRef]
    }

    /// The story in date order (undated events last), each entry with the documents that report it.
    func timeline(_ query: QueryOptions) async throws -> Response {
        let filter = try EventFilter(query)
        let paging = try query.paging(defaultLimit: QueryOptions.maxLimit)
        let story = await story()
        let entries = story.analysis.timeline.filter { entry in story.event(entry.event).map { filter.admits($0, story) } ?? false }
        return JSONBody.response(paging.page(entries) { entry in
            let event = story.event(entry.event)!
            let view = story.view(event)
            return TimelineView(date: entry.date, event: entry.event, type: entry.type, summary: entry.summary,
                                modality: event.modality, participants: view.participants, place: view.place,
                                excerpt: event.mentions.first?.text, sources: entry.sources.map(story.sourceRef))
        })
    }

    // MARK: Quotes and discrepancies

    func quotes(_ query: QueryOptions) async throws -> Response {
        let speaker = query.string("speaker")
        let doc = query.string("doc")
        let paging = try query.paging()
        let story = await story()
        let matching = story.analysis.quotes.filter { q in
            (speaker == nil || q.speaker == speaker) && (doc == nil || q.doc == doc)
        }
        return JSONBody.response(paging.page(matching) { QuoteView($0, story) })
    }

    struct DiscrepancyView: Encodable {
        var about, kind: String
        var event: EventView?
        var unit: String?
        var values: [ValueView]
    }

    struct ValueView: Encodable {
        var value: Double
        var text: String
        var date: String?
        var document: SourceRef
    }

    func discrepancies(_ query: QueryOptions) async throws -> Response {
        let eventID = query.string("event")
        let paging = try query.paging()
        let story = await story()
        let matching = story.analysis.discrepancies.filter { eventID == nil || $0.event == eventID }
        return JSONBody.response(paging.page(matching) { d in
            DiscrepancyView(about: d.about, kind: d.kind, event: d.event.flatMap(story.event).map(story.view), unit: d.unit,
                            values: d.values.map { ValueView(value: $0.value, text: $0.text, date: $0.date, document: story.sourceRef($0.doc)) })
        })
    }

    func network(_ query: QueryOptions) async throws -> Response {
        let filter = try EventFilter(query)
        let story = await story()
        return JSONBody.response(StoryNetwork(story.analysis.events.filter { filter.admits($0, story) }, story))
    }
}

/// A quote with its speaker's name and the document it is from.
struct QuoteView: Encodable {
    var doc: String
    var speaker: EntityRef?
    var speaker_id: String?
    var speaker_text: String?
    var text: String
    var start, end: Int
    var direct: Bool
    var verb: String?
    var document: SourceRef

    init(_ q: Analysis.Quote, _ story: StoryIndex) {
        doc = q.doc; speaker = story.entityRef(q.speaker); speaker_id = q.speaker; speaker_text = q.speaker_text
        text = q.text; start = q.start; end = q.end; direct = q.direct; verb = q.verb
        document = story.sourceRef(q.doc)
    }
}

/// The id in `/…/{id}`, percent-decoded.
func pathID(_ context: BasicRequestContext) throws -> String {
    guard let raw = context.parameters.get("id"), let id = raw.removingPercentEncoding, !id.isEmpty else {
        throw APIError.badRequest("the id in the path is not valid percent-encoded text")
    }
    return id
}
