import RasdKit

/// One document with its text as read and everything the latest analysis found in it. Offsets are
/// Unicode-scalar offsets into `text`, end exclusive (as in the analysis JSON).
struct DocumentDetail: Encodable {
    var id: String
    var title, published, published_basis, source, url, parent, near_duplicate_of: String?
    /// False when the document was stored after the latest analysis: only its text is known.
    var analysed: Bool
    var text: String
    /// Stories split off this article ("اقرأ أيضا"); their annotations are included (they share this text).
    var stories: [String]
    var removed: [Analysis.RemovedLine]
    var mentions: [MentionView]
    var dates: [Analysis.DateEntry]
    var quotes: [QuoteView]
    var quantities: [Analysis.QuantityEntry]
    var events: [EventView]

    /// An entity mention with its entity's name and type.
    struct MentionView: Encodable {
        var entity, type, label: String
        var label_en: String?
        var text: String
        var start, end: Int
        var origin: String?
    }

    init(article: SourceArticle, entry: Analysis.DocumentEntry?, story: StoryIndex) {
        let docID = entry?.id ?? article.id
        id = docID
        title = entry?.title ?? article.title
        published = entry?.published ?? article.published?.iso
        published_basis = entry?.published_basis
        source = entry?.source ?? article.source
        url = entry?.url ?? article.url
        parent = entry?.parent
        near_duplicate_of = entry?.near_duplicate_of
        analysed = entry != nil
        text = article.text
        stories = story.analysis.documents.filter { $0.parent == docID }.map(\.id)
        removed = entry?.removed ?? []
        let docs = Set([docID] + stories)
        guard analysed else {
            mentions = []; dates = []; quotes = []; quantities = []; events = []
            return
        }
        mentions = story.analysis.entities.flatMap { e in
            e.mentions.filter { docs.contains($0.doc) }.map {
                MentionView(entity: e.id, type: e.type, label: e.label, label_en: e.label_en, text: $0.text,
                            start: $0.start, end: $0.end, origin: $0.origin)
            }
        }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        dates = story.analysis.dates.filter { docs.contains($0.doc) }
        quotes = story.analysis.quotes.filter { docs.contains($0.doc) }.map { QuoteView($0, story) }
        quantities = story.analysis.quantities.filter { docs.contains($0.doc) }
        events = story.analysis.events.filter { $0.sources.contains(where: docs.contains) }.map { event in
            var view = story.view(event)
            view.mentions = view.mentions.filter { docs.contains($0.doc) }
            return view
        }
    }
}
