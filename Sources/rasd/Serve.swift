import ArgumentParser
import Foundation
import RasdPostgres
import RasdServer
import RasdStore

/// `rasd serve --db LOCATION`: the HTTP API and the web page over a store, SQLite or PostgreSQL (see docs/server.md).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API (/api, described at /api/openapi.yaml) and the web page over a store."
    )

    @Option(help: "The store: an SQLite file (created when missing) or a postgres://USER:PASSWORD@HOST:PORT/DB URL.")
    var db: String

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Flag(help: "Refuse every POST (no upload, no analysis): the server only shows what the store holds.")
    var readOnly = false

    @Option(name: .customLong("allow-host"), help: ArgumentHelp(
        "A host name requests may use besides the loopback names and --host (repeatable).",
        discussion: "Requests naming any other Host are refused, so that a web page cannot reach the API through DNS rebinding."))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp(
        "A token every POST must carry as 'Authorization: Bearer TOKEN' (default: $RASD_SERVER_TOKEN).",
        discussion: "Required when --host is not a loopback address, unless --read-only."))
    var token: String?

    /// The token from --token or the environment.
    var writeToken: String? {
        let value = token ?? ProcessInfo.processInfo.environment["RASD_SERVER_TOKEN"]
        return value?.isEmpty == false ? value : nil
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        if !ServerConfiguration.isLoopback(host), !readOnly, writeToken == nil {
            throw ValidationError("--host \(host) lets other machines in: give --token (or set RASD_SERVER_TOKEN) so that only holders of it can write, or use --read-only")
        }
        let location: StoreLocation
        do { location = try StoreLocation(db) } catch { throw ValidationError("\(error)") }
        guard case .sqlite = location else { return }
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw ValidationError("the folder of --db does not exist: \(folder)")
        }
    }

    func run() async throws {
        let store = try await StoreLocation(db).open()
        do {
            let server = try RasdServer(repository: store.repository, configuration: .init(host: host, port: port, readOnly: readOnly,
                                                                             allowedHosts: allowedHosts, token: writeToken))
            try await server.run(handlingSignals: true) { port in
                warn("rasd serve: http://\(host):\(port)/ (API at /api, \(readOnly ? "read-only" : "read-write")); Ctrl-C stops")
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
