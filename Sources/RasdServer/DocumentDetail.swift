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
        let own = story.byDoc[docID] ?? .init()
        stories = own.stories
        removed = entry?.removed ?? []
        guard analysed else {
            mentions = []; dates = []; quotes = []; quantities = []; events = []
            return
        }
        // The stories split off this article share its text: their annotations are shown with it.
        let parts = [own] + own.stories.map { story.byDoc[$0] ?? .init() }
        let docs = Set([docID] + own.stories)
        mentions = parts.flatMap(\.mentions).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        dates = parts.flatMap(\.dates)
        quotes = parts.flatMap(\.quotes).map { QuoteView($0, story) }
        quantities = parts.flatMap(\.quantities)
        events = Set(parts.flatMap(\.events)).sorted().map { i in
            var view = story.view(story.analysis.events[i])
            view.mentions = view.mentions.filter { docs.contains($0.doc) }
            return view
        }
    }
}
