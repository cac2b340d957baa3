import Foundation
import PostgresNIO

/// A PostgreSQL database named by a connection URL, as libpq writes them:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable` (`postgresql://` too). User and password may be
/// percent-encoded; the port defaults to 5432, the user to `postgres`, the database to the user's name.
/// `sslmode`: `disable`; `prefer` (the default, as libpq: TLS when the server offers it, certificate not checked);
/// `require` (TLS, certificate not checked); `verify-ca` and `verify-full` (certificate checked, and the host name
/// too with `verify-full`). `connect_timeout` is in seconds. Other parameters are refused rather than ignored.
package struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    package enum TLSMode: String, Sendable, CaseIterable { case disable, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

    package var host: String
    package var port: Int
    package var username: String
    package var password: String?
    package var database: String
    package var tls: TLSMode
    package var connectTimeoutSeconds: Int

    package init(host: String = "127.0.0.1", port: Int = 5432, username: String = "postgres", password: String? = nil,
                database: String? = nil, tls: TLSMode = .prefer, connectTimeoutSeconds: Int = 10) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
        self.tls = tls
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    /// True for strings that name a PostgreSQL database rather than a file.
    package static func isURL(_ string: String) -> Bool {
        let lower = string.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    package init(url string: String) throws {
        guard PostgresLocation.isURL(string), let url = URLComponents(string: string) else {
            throw PostgresStoreError.badURL("not a postgres:// URL: \(PostgresLocation.redacted(string))")
        }
        guard let host = url.host, !host.isEmpty else {
            throw PostgresStoreError.badURL("no host in \(PostgresLocation.redacted(string)) (unix sockets are not supported)")
        }
        var path = url.percentEncodedPath
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.contains("/") else { throw PostgresStoreError.badURL("the path must be just the database name: /\(path)") }
        let user = url.user.flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        self.init(host: host, port: url.port ?? 5432, username: user, password: url.password,
                  database: path.isEmpty ? nil : (path.removingPercentEncoding ?? path))
        for item in url.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: item.value ?? "") else {
                    throw PostgresStoreError.badURL("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            case "connect_timeout":
                guard let seconds = Int(item.value ?? ""), seconds > 0 else { throw PostgresStoreError.badURL("connect_timeout must be whole seconds") }
                connectTimeoutSeconds = seconds
            default:
                throw PostgresStoreError.badURL("unsupported parameter '\(item.name)' (supported: sslmode, connect_timeout)")
            }
        }
    }

    /// The URL with the password left out (for messages and logs).
    package var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    static func redacted(_ string: String) -> String {
        string.replacingOccurrences(of: #"(://[^:/@]*:)[^@]*@"#, with: "$1***@", options: .regularExpression)
    }

    /// The same database under another name (tests make a fresh database each).
    package func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    // MARK: PostgresNIO configurations

    func tlsConfiguration() -> TLSConfiguration {
        var config = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable, .prefer, .require: config.certificateVerification = .none
        case .verifyCA: config.certificateVerification = .noHostnameVerification
        case .verifyFull: config.certificateVerification = .fullVerification
        }
        return config
    }

    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(tlsConfiguration())
        case .require, .verifyCA, .verifyFull: mode = .require(tlsConfiguration())
        }
        var config = PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                                  database: database, tls: mode)
        config.options.maximumConnections = maximumConnections
        config.options.connectTimeout = .seconds(connectTimeoutSeconds)
        return config
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: tlsConfiguration()))
        case .require, .verifyCA, .verifyFull: mode = .require(try NIOSSLContext(configuration: tlsConfiguration()))
        }
        var config = PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                      database: database, tls: mode)
        config.options.connectTimeout = .seconds(Int64(connectTimeoutSeconds))
        return config
    }
}
