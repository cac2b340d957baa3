import RasdKit
import RasdStore

/// A document in a list: its metadata, how many events it reports, and with a search the text around the match.
struct DocumentSummary: Encodable, Sendable {
    var id: String
    var title, published, source, url, parent, near_duplicate_of: String?
    var events: Int
    var snippet: String?
    /// False for a stored article the latest analysis has not read yet (found by `q` only).
    var analysed = true

    init(_ d: Analysis.DocumentEntry, _ index: StoryIndex, snippet: String? = nil) {
        id = d.id; title = d.title; published = d.published; source = d.source; url = d.url; parent = d.parent
        near_duplicate_of = d.near_duplicate_of; events = index.eventCountByDoc[d.id] ?? 0; self.snippet = snippet
    }

    init(unanalysed hit: SearchHit) {
        id = hit.id; title = hit.title; published = hit.published; source = hit.source; url = hit.url
        events = 0; snippet = hit.snippet; analysed = false
    }
}

/// What `q` finds among documents: the store's full-text hits (best first), then the documents that mention an
/// entity the query names (`NameSearch`: the spelling variants and knowledge-base aliases entity linking
/// unifies), most mentions first, then stored articles the analysis has not read yet that the full text finds.
struct DocumentSearch {
    let query: String
    let hits: [SearchHit]
    let index: StoryIndex

    func results() -> [DocumentSummary] {
        var rank: [String: Int] = [:], snippets: [String: String] = [:]
        for (i, hit) in hits.enumerated() {
            snippets[hit.id] = hit.snippet
            for id in [hit.id] + hit.nearDuplicates where rank[id] == nil { rank[id] = i }
        }
        // A story split off an article is found through its article.
        func rankOf(_ d: Analysis.DocumentEntry) -> Int? { rank[d.id] ?? d.parent.flatMap { rank[$0] } }
        let docs = index.analysis.documents
        var out = docs.filter { rankOf($0) != nil }.sorted { rankOf($0)! < rankOf($1)! }
            .map { DocumentSummary($0, index, snippet: snippets[$0.id] ?? $0.parent.flatMap { snippets[$0] }) }
        var seen = Set(out.map(\.id))
        var mentions: [String: Int] = [:]
        for id in NameSearch(query).entities(in: index) {
            for m in index.entity(id)?.mentions ?? [] { mentions[m.doc, default: 0] += 1 }
        }
        let named = docs.filter { mentions[$0.id] != nil && !seen.contains($0.id) }
            .enumerated().sorted { (mentions[$0.element.id]!, -$0.offset) > (mentions[$1.element.id]!, -$1.offset) }.map(\.element)
        for d in named { out.append(DocumentSummary(d, index)); seen.insert(d.id) }
        let analysedArticles = Set(docs.map { $0.parent ?? $0.id })
        for hit in hits where !analysedArticles.contains(hit.id) && !seen.contains(hit.id) {
            out.append(DocumentSummary(unanalysed: hit)); seen.insert(hit.id)
        }
        return out
    }

    /// Ids of the analysed documents the search finds (for the stories filter).
    func documentIDs() -> Set<String> {
        Set(results().filter(\.analysed).map(\.id))
    }
}
