import RasdKit

extension ArticleRepository {
    /// Ingests after giving each article an id that names one content in the store: an article whose id the
    /// store (or the batch) already uses for other text is stored as `id~2` (`~3` …), the name `DistinctIDs`
    /// gives it in an analysis, so that the store, its analyses and the server's look-ups agree. A repeat of
    /// the same content keeps its id (it becomes an alias, as before). Returns the renames with the summary.
    package func ingestKeepingIDsDistinct(_ articles: [SourceArticle], jobs: Int = 1) async throws
        -> (summary: IngestSummary, problems: [InputProblem]) {
        var renamed: [SourceArticle] = []
        renamed.reserveCapacity(articles.count)
        var problems: [InputProblem] = []
        // Ids given in this batch, with the content they name.
        var batch: [String: String] = [:]
        for var article in articles {
            guard let hash = PreparedArticle.contentHash(article) else { renamed.append(article); continue }
            let original = article.id
            var n = 1
            while true {
                let candidate = n == 1 ? original : "\(original)~\(n)"
                if let named = batch[candidate] {
                    if named == hash { break }
                } else if let stored = try await self.article(id: candidate) {
                    if PreparedArticle.contentHash(stored) == hash { break }
                } else {
                    break
                }
                n += 1
            }
            if n > 1 {
                article.id = "\(original)~\(n)"
                problems.append(InputProblem(location: article.origin,
                    reason: "the id \"\(original)\" names other text in the store; stored as \"\(article.id)\""))
            }
            batch[article.id] = hash
            renamed.append(article)
        }
        return (try await ingest(renamed, jobs: jobs), problems)
    }
}
