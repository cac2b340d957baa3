import Foundation
import PostgresNIO
import XCTest
@testable import RasdPostgres

/// A fresh PostgreSQL database for one test, made through the server named by RASD_TEST_POSTGRES_URL (whose role
/// may create databases; `.ci/run` starts such a server with scripts/test-postgres.sh) and dropped afterwards.
/// Tests skip, saying why, when the variable is unset or the server cannot be reached.
struct TestDatabase {
    static let variable = "RASD_TEST_POSTGRES_URL"
    let server: PostgresLocation
    let location: PostgresLocation

    var url: String {
        "postgres://\(location.username):\(location.password ?? "")@\(location.host):\(location.port)/\(location.database)?sslmode=disable"
    }

    static func make() async throws -> TestDatabase {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw XCTSkip("\(variable) is not set: PostgreSQL tests skipped (start a server with scripts/test-postgres.sh)")
        }
        var server = try PostgresLocation(url: url)
        server.connectTimeoutSeconds = 3
        let name = "rasd_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            try await admin(server, "CREATE DATABASE \(name)")
        } catch let error as PostgresStoreError {
            if case .unreachable = error { throw XCTSkip("PostgreSQL at \(server) unreachable, tests skipped: \(error)") }
            throw error
        }
        return TestDatabase(server: server, location: server.with(database: name))
    }

    func drop() async {
        try? await Self.admin(server, "DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)")
    }

    /// Runs one statement on the server's own database (CREATE/DROP DATABASE cannot run in a transaction).
    static func admin(_ server: PostgresLocation, _ sql: String) async throws {
        let logger = Logger(label: "rasd.test")
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try server.connectionConfiguration(), id: 1, logger: logger)
        } catch {
            throw PostgresStoreError.unreachable(location: server.description, reason: PostgresArticleStore.describe(error))
        }
        defer { Task { try? await connection.close() } }
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            throw PostgresStoreError.wrap(error)
        }
    }
}

extension PostgresArticleStore {
    /// The first column of every row, as strings (for checks the repository API does not offer).
    func strings(_ sql: String) async throws -> [String] {
        var out: [String] = []
        for try await value in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(String.self) { out.append(value) }
        return out
    }

    func int(_ sql: String) async throws -> Int {
        var out = 0
        for try await value in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(Int.self) { out = value }
        return out
    }
}
