/// Makes the ids of a collection distinct before analysis.
///
/// Every later step keys documents by id, so an id seen twice must never reach them. A repeat with the same
/// text is the same article read twice and is dropped; a repeat with other text is kept under a suffixed id
/// (`a~2`, `a~3` …) so that no article is lost, and both cases are reported as problems naming where the
/// repeat came from.
///
/// It works one article at a time, remembering each id's first origin and a hash of its text (never the text),
/// so that a collection streamed from its files needs no more than that (`Analyzer.analyze(reading:)`).
package struct DistinctIDs {
    private var firstSeen: [String: (origin: String, text: UInt64)] = [:]
    /// Ids a rename must not take: every id of the input (so a rename never collides with a later article's
    /// own id) and the renames given so far.
    private var taken: Set<String>

    /// `ids`: every id of the collection, repeats included.
    package init<IDs: Sequence<String>>(ids: IDs) {
        taken = Set(ids)
    }

    package static func apply(_ articles: [SourceArticle]) -> (articles: [SourceArticle], problems: [InputProblem]) {
        let (kept, problems) = applyIndexed(articles)
        return (kept.map(\.article), problems)
    }

    /// The same, with each kept article's index in the input (a store maps it back to its row).
    package static func applyIndexed(_ articles: [SourceArticle])
        -> (articles: [(index: Int, article: SourceArticle)], problems: [InputProblem]) {
        var distinct = DistinctIDs(ids: articles.lazy.map(\.id))
        var kept: [(index: Int, article: SourceArticle)] = []
        kept.reserveCapacity(articles.count)
        var problems: [InputProblem] = []
        for (index, article) in articles.enumerated() {
            let (admitted, problem) = distinct.admit(article)
            problems += [problem].compactMap { $0 }
            if let admitted { kept.append((index, admitted)) }
        }
        return (kept, problems)
    }

    /// The article as analysed (renamed if its id was taken by other text), or nil when it repeats an earlier
    /// article; the problem to report for a repeat.
    package mutating func admit(_ article: SourceArticle) -> (article: SourceArticle?, problem: InputProblem?) {
        let text = LineHash.of(article.text)
        guard let first = firstSeen[article.id] else {
            firstSeen[article.id] = (article.origin, text)
            return (article, nil)
        }
        if first.text == text {
            return (nil, InputProblem(location: article.origin,
                reason: "duplicate id \"\(article.id)\" with the same text as \(first.origin); skipped"))
        }
        var n = 2
        while taken.contains("\(article.id)~\(n)") { n += 1 }
        var renamed = article
        renamed.id = "\(article.id)~\(n)"
        taken.insert(renamed.id)
        firstSeen[renamed.id] = (article.origin, text)
        return (renamed, InputProblem(location: article.origin,
            reason: "duplicate id \"\(article.id)\" (first at \(first.origin)) with other text; analysed as \"\(renamed.id)\""))
    }

    /// Whether `admit` would drop the article, without knowing the collection's ids (a first pass over streamed
    /// files): a rename's id is never an id of the input, so the renames cannot change which articles repeat.
    package static func repeats(_ article: SourceArticle, firstTexts: inout [String: UInt64]) -> Bool {
        let text = LineHash.of(article.text)
        guard let first = firstTexts[article.id] else {
            firstTexts[article.id] = text
            return false
        }
        return first == text
    }
}
