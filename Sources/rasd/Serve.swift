import ArgumentParser
import Foundation
import RasdServer
import RasdStore

/// `rasd serve --db FILE`: the HTTP API and the web page over a store (see docs/server.md).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API (/api, described at /api/openapi.yaml) and the web page over a store."
    )

    @Option(help: "The SQLite store (created when missing).")
    var db: String

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Flag(help: "Refuse every POST (no upload, no analysis): the server only shows what the store holds.")
    var readOnly = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard !db.contains("://") else { return }
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw ValidationError("the folder of --db does not exist: \(folder)")
        }
    }

    /// The store `--db` names. A file path is a SQLite store; other stores (a connection URL) plug in here.
    func openRepository() throws -> any ArticleRepository {
        guard !db.contains("://") else { throw ValidationError("--db takes a SQLite file path, not \(db)") }
        return try ArticleStore(path: db)
    }

    func run() async throws {
        let server = try RasdServer(repository: try openRepository(),
                                    configuration: .init(host: host, port: port, readOnly: readOnly))
        try await server.run(handlingSignals: true) { port in
            warn("rasd serve: http://\(host):\(port)/ (API at /api, \(readOnly ? "read-only" : "read-write")); Ctrl-C stops")
        }
    }
}
