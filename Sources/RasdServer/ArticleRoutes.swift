import Foundation
import Hummingbird
import RasdKit
import RasdStore

/// The write side and the documents: upload articles, run the analysis, list and read documents.
struct ArticleRoutes: Sendable {
    let repository: any ArticleRepository
    let state: StoryState
    let runner: AnalysisRunner
    let configuration: ServerConfiguration
    /// Most search hits a `q` filter considers.
    static let searchLimit = 500

    func register(on routes: RouteTable) {
        routes.get("/api/health") { _, _ in try await health() }
        routes.post("/api/articles") { request, _ in try await upload(request) }
        routes.post("/api/analyze") { request, _ in try await analyze(QueryOptions(request)) }
        routes.get("/api/analysis") { _, _ in JSONBody.response(await state.status) }
        routes.get("/api/documents") { request, _ in try await documents(QueryOptions(request)) }
        routes.get("/api/documents/{id}") { _, context in try await document(try pathID(context)) }
    }

    struct Health: Encodable {
        var status = "ok"
        var storedDocuments: Int
        var readOnly: Bool
        var analysis: AnalysisStatus
    }

    func health() async throws -> Response {
        let stored: Int
        if let known = await state.storedDocuments { stored = known } else { stored = try await countStored() }
        return JSONBody.response(Health(storedDocuments: stored, readOnly: configuration.readOnly,
                                 analysis: await state.status))
    }

    /// Counts the stored documents and keeps the count for `health`.
    @discardableResult
    func countStored() async throws -> Int {
        let count = try await StoreExecutor.run { [repository] in try await repository.documentCount() }
        await state.setStoredDocuments(count)
        return count
    }

    struct UploadResult: Encodable {
        var received, added, alreadyStored, aliasesAdded, nearDuplicates: Int
    }

    /// Stores the posted articles. Nothing is stored when a record is invalid: the answer lists every bad record.
    func upload(_ request: Request) async throws -> Response {
        let body = try await RequestBodyReader.collect(request, configuration: configuration)
        let upload = try ArticleUpload.parse(body, maxArticles: configuration.maxArticlesPerRequest)
        if !upload.problems.isEmpty {
            throw APIError(.badRequest, "\(upload.problems.count) of \(upload.problems.count + upload.articles.count) "
                           + "records are invalid; nothing was stored", problems: upload.problems)
        }
        let articles = upload.articles
        let (summary, _) = try await StoreExecutor.run { try await repository.ingestKeepingIDsDistinct(articles) }
        _ = try await countStored()
        return JSONBody.response(UploadResult(received: upload.articles.count, added: summary.added,
                                              alreadyStored: summary.alreadyStored, aliasesAdded: summary.aliasesAdded,
                                              nearDuplicates: summary.nearDuplicates))
    }

    /// Starts an analysis of every stored article: 202 at once, or with `wait=true` 200 when it is done.
    func analyze(_ query: QueryOptions) async throws -> Response {
        let wait = try query.bool("wait")
        let run = try await runner.start()
        guard wait else { return JSONBody.response(await state.status, status: .accepted) }
        let status = await run.value
        if status.state == .failed { throw APIError(.internalServerError, status.error ?? "analysis failed") }
        return JSONBody.response(status)
    }

    // MARK: Documents

    /// Documents of the latest analysis; `q` keeps those the search finds (`DocumentSearch`), best first, and
    /// adds the stored articles not analysed yet that the full-text search finds.
    func documents(_ query: QueryOptions) async throws -> Response {
        let source = query.string("source")
        let dates = try query.dateRange()
        let paging = try query.paging()
        let story = await state.index ?? StoryIndex(Analysis())
        var docs = story.analysis.documents.map { DocumentSummary($0, story) }
        if let q = query.string("q") {
            // All of the search on the store's queue: Swift's few cooperative threads stay free for other requests.
            docs = try await SearchGate.shared.run {
                try await StoreExecutor.run { [repository] in
                    DocumentSearch(query: q, hits: try await repository.search(q, limit: ArticleRoutes.searchLimit), index: story).results()
                }
            }
        }
        let matching = docs.filter { d in (source == nil || d.source == source) && dates.admits(d.published) }
        return JSONBody.response(paging.page(matching) { $0 })
    }

    func document(_ id: String) async throws -> Response {
        let story = await state.index ?? StoryIndex(Analysis())
        let entry = story.document(id)
        // A split-off story's offsets point into its article's text.
        let textID = entry?.parent ?? id
        guard let article = try await StoreExecutor.run({ try await repository.article(id: textID) }) else {
            throw APIError.notFound("no document '\(id)' in the store")
        }
        let analysed = entry ?? story.document(article.id)
        return JSONBody.response(DocumentDetail(article: article, entry: analysed, story: story))
    }
}
