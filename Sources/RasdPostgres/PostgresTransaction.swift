import Foundation
import PostgresNIO

/// Transactions with plain BEGIN/COMMIT/ROLLBACK, so that a server error reaches the caller as itself (PostgresNIO's
/// `withTransaction` wraps it), and a retry loop for the errors that ask for one.
enum PostgresTransaction {
    static func run<T: Sendable>(on connection: PostgresConnection, logger: Logger,
                                 _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        do {
            let value = try await body(connection)
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            // After a failed COMMIT the transaction is already gone; ROLLBACK then only warns.
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Runs `body` again (up to `attempts` times, with a growing random pause) when PostgreSQL rolled it back for
    /// a deadlock or a serialization failure; any other error is thrown at once.
    static func retrying<T: Sendable>(attempts: Int = 8, _ body: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch where PostgresStoreError.isRetryable(error) && attempt < attempts {
                let pause = UInt64.random(in: 10_000_000...50_000_000) << UInt64(min(attempt, 5))
                try await Task.sleep(nanoseconds: pause)
                attempt += 1
            }
        }
    }
}
