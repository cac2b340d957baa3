/// Makes the ids of a collection distinct before analysis.
///
/// Every later step keys documents by id, so an id seen twice must never reach them. A repeat with the same
/// text is the same article read twice and is dropped; a repeat with other text is kept under a suffixed id
/// (`a~2`, `a~3` …) so that no article is lost, and both cases are reported as problems naming where the
/// repeat came from.
package enum DistinctIDs {
    package static func apply(_ articles: [SourceArticle]) -> (articles: [SourceArticle], problems: [InputProblem]) {
        let (kept, problems) = applyIndexed(articles)
        return (kept.map(\.article), problems)
    }

    /// The same, with each kept article's index in the input (a store maps it back to its row).
    package static func applyIndexed(_ articles: [SourceArticle])
        -> (articles: [(index: Int, article: SourceArticle)], problems: [InputProblem]) {
        var firstSeen: [String: (origin: String, text: String)] = [:]
        var taken = Set(articles.map(\.id))
        var kept: [(index: Int, article: SourceArticle)] = []
        kept.reserveCapacity(articles.count)
        var problems: [InputProblem] = []
        for (index, var article) in articles.enumerated() {
            guard let first = firstSeen[article.id] else {
                firstSeen[article.id] = (article.origin, article.text)
                kept.append((index, article))
                continue
            }
            if first.text == article.text {
                problems.append(InputProblem(location: article.origin,
                    reason: "duplicate id \"\(article.id)\" with the same text as \(first.origin); skipped"))
                continue
            }
            var n = 2
            while taken.contains("\(article.id)~\(n)") { n += 1 }
            let renamed = "\(article.id)~\(n)"
            problems.append(InputProblem(location: article.origin,
                reason: "duplicate id \"\(article.id)\" (first at \(first.origin)) with other text; analysed as \"\(renamed)\""))
            taken.insert(renamed)
            article.id = renamed
            firstSeen[renamed] = (article.origin, article.text)
            kept.append((index, article))
        }
        return (kept, problems)
    }
}
