import Foundation
import Hummingbird
import RasdKit
import RasdStore

/// `rasd serve`: the HTTP API over a store of articles (`any ArticleRepository`: SQLite or PostgreSQL) and the
/// web page that shows the story. Queries read the latest analysis, held in memory and replaced after each run.
///
///     let server = try RasdServer(repository: ArticleStore(path: "news.db"), configuration: .init(port: 8080))
///     try await server.run(handlingSignals: true)   // until SIGINT/SIGTERM, then a graceful shutdown
package struct RasdServer: Sendable {
    package let repository: any ArticleRepository
    package let configuration: ServerConfiguration
    package let assets: WebAssets
    let state = StoryState()

    /// `assets`: the page's files; nil reads the bundled ones.
    package init(repository: any ArticleRepository, configuration: ServerConfiguration = ServerConfiguration(),
                assets: WebAssets? = nil) throws {
        self.repository = repository
        self.configuration = configuration
        self.assets = try assets ?? WebAssets.bundled()
    }

    /// Loads the latest stored analysis, binds, calls `onRunning` with the port bound, and serves until the task
    /// is cancelled or, with `handlingSignals`, until SIGINT or SIGTERM. Shutdown is graceful: requests in
    /// progress are answered before the server stops.
    package func run(handlingSignals: Bool = false, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let repository = self.repository
        let number = try await StoreExecutor.run { try await repository.latestAnalysisNumber() }
        await state.install(try await StoreExecutor.run { try await repository.latestAnalysis() }, number: number)
        await state.setStoredDocuments(try await StoreExecutor.run { try await repository.documentCount() })
        // Analyses saved by others (`rasd watch`, `rasd analyze --db`, another server) are picked up.
        let reload = Task { [state, interval = configuration.reloadInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                // Articles another process stored (`rasd ingest`) reach the health count here.
                if let count = try? await StoreExecutor.run({ try await repository.documentCount() }) {
                    await state.setStoredDocuments(count)
                }
                guard let number = try? await StoreExecutor.run({ try await repository.latestAnalysisNumber() }),
                      await state.isOlder(than: number),
                      let analysis = try? await StoreExecutor.run({ try await repository.latestAnalysis() }) else { continue }
                await state.install(analysis, number: number)
            }
        }
        defer { reload.cancel() }
        let app = Application(
            router: makeRouter(),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(configuration.idleTimeout.nanoseconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rasd"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
        if handlingSignals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Middleware first: routes added later are wrapped by it (unknown paths too).
        let routes = RouteTable(router)
        router.add(middleware: GuardMiddleware(configuration: configuration, routes: routes))
        let runner = AnalysisRunner(repository: repository, state: state)
        ArticleRoutes(repository: repository, state: state, runner: runner, configuration: configuration).register(on: routes)
        StoryRoutes(state: state).register(on: routes)
        StoriesRoutes(state: state, repository: repository).register(on: routes)
        assets.register(on: routes)
        return router
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
