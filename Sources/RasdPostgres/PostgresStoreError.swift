import PostgresNIO

/// What can go wrong with the PostgreSQL store, said so that a user can act on it. PostgresNIO's own errors
/// print a generic text on purpose (queries may hold secrets); `wrap` keeps the server's message and SQLSTATE.
package enum PostgresStoreError: Error, CustomStringConvertible, Equatable {
    case badURL(String)
    /// The server could not be reached or refused the login.
    case unreachable(location: String, reason: String)
    /// The server rejected a statement: its message and SQLSTATE code.
    case server(message: String, sqlState: String)
    /// The database holds a schema newer than this build of Rasd knows.
    case schemaTooNew(found: Int, known: Int)
    case other(String)

    package var description: String {
        switch self {
        case .badURL(let reason): return "bad PostgreSQL URL: \(reason)"
        case .unreachable(let location, let reason): return "cannot connect to \(location): \(reason)"
        case .server(let message, let state): return "PostgreSQL: \(message) (SQLSTATE \(state))"
        case .schemaTooNew(let found, let known):
            return "the database's schema is version \(found), newer than this rasd knows (\(known)): update rasd"
        case .other(let message): return message
        }
    }

    /// The SQLSTATE of a server error, from PostgresNIO's error or ours.
    static func sqlState(_ error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if case .server(_, let state)? = error as? PostgresStoreError { return state }
        return nil
    }

    /// Serialization failures and deadlocks: the transaction was rolled back and may simply be run again.
    static func isRetryable(_ error: any Error) -> Bool {
        ["40001", "40P01"].contains(sqlState(error) ?? "")
    }

    /// Our error for any error a PostgresNIO call threw.
    static func wrap(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if let info = error.serverInfo {
            var message = info[.message] ?? "error"
            if let detail = info[.detail] { message += " (\(detail))" }
            return PostgresStoreError.server(message: message, sqlState: info[.sqlState] ?? "?")
        }
        return PostgresStoreError.other("PostgreSQL \(error.code)" + (error.underlying.map { ": \($0)" } ?? ""))
    }
}
