import Foundation
import RasdStore

/// Where a store lives, as a user writes it after `--db`: a `postgres://` or `postgresql://` URL names a PostgreSQL
/// database (`PostgresArticleStore`), anything else an SQLite file (`ArticleStore`).
package enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    package init(_ string: String) throws {
        self = PostgresLocation.isURL(string) ? .postgres(try PostgresLocation(url: string)) : .sqlite(path: string)
    }

    package var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let location): return location.description
        }
    }

    /// Opens the store (creating and migrating it when needed). Close the result when done.
    package func open() async throws -> OpenedStore {
        switch self {
        case .sqlite(let path):
            return OpenedStore(repository: try ArticleStore(path: path), close: {})
        case .postgres(let location):
            let store = try await PostgresArticleStore.open(location)
            return OpenedStore(repository: store, close: { await store.close() })
        }
    }

    /// Opens the store, runs `body` with it and closes it, also when `body` throws.
    package func withRepository<T>(_ body: (any ArticleRepository) async throws -> T) async throws -> T {
        let store = try await open()
        do {
            let result = try await body(store.repository)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// An open store and how to close it (PostgreSQL: the connection pool; SQLite: nothing to do).
package struct OpenedStore: Sendable {
    package let repository: any ArticleRepository
    private let closer: @Sendable () async -> Void

    package init(repository: any ArticleRepository, close: @escaping @Sendable () async -> Void) {
        self.repository = repository
        closer = close
    }

    package func close() async { await closer() }
}
