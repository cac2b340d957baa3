import Foundation
import Hummingbird
import RasdKit
import RasdStore

/// The stories of the latest analysis: `GET /api/stories` (filtered, sorted, paged) and `GET /api/stories/{id}`
/// (one story with its timeline, background events, entities, network and discrepancies).
struct StoriesRoutes: Sendable {
    let state: StoryState
    let repository: any ArticleRepository

    static let sorts: Set<String> = ["RECENT", "SIZE"]
    static let modalities = Set(Modality.allCases.map(\.rawValue))

    func register(on routes: RouteTable) {
        routes.get("/api/stories") { request, _ in try await stories(QueryOptions(request)) }
        routes.get("/api/stories/{id}") { _, context in try await story(try pathID(context)) }
    }

    func index() async -> StoryIndex { await state.index ?? StoryIndex(Analysis()) }

    struct Coverage: Encodable {
        var date: String
        var documents: Int
    }

    struct StorySummary: Encodable {
        var id, title, title_en: String
        var first, last: String?
        var documents: Int
        /// Outlets and how many there are.
        var sources: [String]
        var outlets: Int
        var events: Int
        var discrepancies: Int
        var main_event: String?
        var actors: [EntityRef]
        /// Documents per publication day, oldest first (undated documents left out).
        var coverage: [Coverage]
    }

    /// Filters: `actor` (an entity id the story names), `type` (an event type among its events), `modality` (one
    /// of its events, background left out, is told so), `from`/`to` (its span overlaps them), `outlet` (one of its
    /// documents' sources), `min_documents`, `q` (its title, an entity it names or one of its documents is found
    /// by the search: `NameSearch`, `DocumentSearch`); `sort` `recent` (latest coverage first, then most
    /// documents) or `size` (most documents first, then latest).
    func stories(_ query: QueryOptions) async throws -> Response {
        let actor = query.string("actor")
        let type = try query.choice("type", among: StoryRoutes.eventTypes)
        let modality = try query.choice("modality", among: StoriesRoutes.modalities, uppercased: false)
        let outlet = query.string("outlet")
        let dates = try query.dateRange()
        let minDocuments = try query.integer("min_documents", in: 1...Int(Int32.max)) ?? 1
        let sort = try query.choice("sort", among: StoriesRoutes.sorts) ?? "RECENT"
        let paging = try query.paging()
        let index = await index()
        let all = index.analysis.stories ?? []
        var found: ((Analysis.Story) -> Bool)?
        if let q = query.string("q") {
            // The search's work on the store's queue, off Swift's cooperative threads (see `ArticleRoutes.documents`).
            let (documents, entities) = try await SearchGate.shared.run {
                try await StoreExecutor.run { [repository] in
                    let hits = try await repository.search(q, limit: ArticleRoutes.searchLimit)
                    return (DocumentSearch(query: q, hits: hits, index: index).documentIDs(), NameSearch(q).entities(in: index))
                }
            }
            let search = NameSearch(q)
            found = { s in
                s.entities.contains(where: entities.contains) || s.documents.contains(where: documents.contains)
                    || [s.title, s.title_en].contains { search.matches(StoryIndex.NameKeys($0)) }
            }
        }
        let matching = all.filter { s in
            if s.documents.count < minDocuments { return false }
            if let actor, !s.entities.contains(actor) { return false }
            if let outlet, !s.sources.contains(outlet) { return false }
            if let type, !s.events.contains(where: { index.event($0)?.type == type }) { return false }
            if let modality, !s.events.contains(where: { e in index.event(e).map { $0.modality == modality && $0.background != true } ?? false }) {
                return false
            }
            if !dates.isOpen && !StoriesRoutes.overlaps(s, dates) { return false }
            if let found, !found(s) { return false }
            return true
        }
        let number = { (s: Analysis.Story) in Int(s.id.dropFirst()) ?? 0 }
        let sorted = matching.sorted { a, b in
            if sort == "SIZE", a.documents.count != b.documents.count { return a.documents.count > b.documents.count }
            if a.last != b.last { return (a.last ?? "") > (b.last ?? "") }
            if a.documents.count != b.documents.count { return a.documents.count > b.documents.count }
            return number(a) < number(b)
        }
        return JSONBody.response(paging.page(sorted) { summary($0, index) })
    }

    /// True when the story's span `first`…`last` overlaps the range.
    static func overlaps(_ s: Analysis.Story, _ range: DateRange) -> Bool {
        guard let first = s.first.flatMap(PartialDate.init(iso:)), let last = s.last.flatMap(PartialDate.init(iso:)) else { return false }
        if let from = range.from, last.lastDay < from.firstDay { return false }
        if let to = range.to, first.firstDay > to.lastDay { return false }
        return true
    }

    func summary(_ s: Analysis.Story, _ index: StoryIndex) -> StorySummary {
        var perDay: [String: Int] = [:]
        for id in s.documents { if let day = index.document(id)?.published { perDay[day, default: 0] += 1 } }
        return StorySummary(id: s.id, title: s.title, title_en: s.title_en, first: s.first, last: s.last,
                            documents: s.documents.count, sources: s.sources, outlets: s.sources.count, events: s.events.count,
                            discrepancies: s.discrepancies, main_event: s.main_event, actors: s.actors.compactMap(index.entityRef),
                            coverage: perDay.keys.sorted().map { Coverage(date: $0, documents: perDay[$0]!) })
    }

    struct EntityCount: Encodable {
        var entity: EntityRef
        /// Mentions in the story's documents, and how many of them name it.
        var mentions: Int
        var documents: Int
    }

    struct StoryDetail: Encodable {
        var story: StorySummary
        var documents: [SourceRef]
        /// The story's events in date order (undated last), background events left out.
        var timeline: [StoryRoutes.TimelineView]
        /// Events its articles recall from history, in date order.
        var background: [StoryRoutes.TimelineView]
        var entities: [EntityCount]
        var network: StoryNetwork
        var discrepancies: [StoryRoutes.DiscrepancyView]
        /// Stories of the same situation as it develops (`stories[].related` of the analysis), closest first.
        var related: [StorySummary]
    }

    func story(_ id: String) async throws -> Response {
        let index = await index()
        guard let s = index.analysis.stories?.first(where: { $0.id == id }) else {
            throw APIError.notFound("no story '\(id)' in the latest analysis")
        }
        let events = StoryIndex.byDate(s.events.compactMap(index.event))
        let members = Set(s.documents)
        func entry(_ event: Analysis.Event) -> StoryRoutes.TimelineView {
            let view = index.view(event)
            return StoryRoutes.TimelineView(date: event.date, event: event.id, type: event.type, summary: view.summary ?? "",
                                            modality: event.modality, participants: view.participants, place: view.place,
                                            excerpt: event.mentions.first { members.contains($0.doc) }?.text,
                                            sources: event.sources.map(index.sourceRef))
        }
        var entities: [EntityCount] = []
        for entityID in s.entities {
            guard let e = index.entity(entityID), let ref = index.entityRef(entityID) else { continue }
            let inStory = e.mentions.filter { members.contains($0.doc) }
            entities.append(EntityCount(entity: ref, mentions: inStory.count, documents: Set(inStory.map(\.doc)).count))
        }
        let discrepancies = index.analysis.discrepancies.filter { $0.story == s.id }.map { d in
            StoryRoutes.DiscrepancyView(about: d.about, kind: d.kind, event: d.event.flatMap(index.event).map(index.view), unit: d.unit,
                                        values: d.values.map { .init(value: $0.value, text: $0.text, date: $0.date, document: index.sourceRef($0.doc)) })
        }
        let detail = StoryDetail(
            story: summary(s, index), documents: s.documents.map(index.sourceRef),
            timeline: events.filter { $0.background != true }.map(entry), background: events.filter { $0.background == true }.map(entry),
            entities: entities, network: StoryNetwork(events.filter { $0.background != true }, index), discrepancies: discrepancies,
            related: (s.related ?? []).compactMap { id in index.analysis.stories?.first { $0.id == id } }.map { summary($0, index) })
        return JSONBody.response(detail)
    }
}
