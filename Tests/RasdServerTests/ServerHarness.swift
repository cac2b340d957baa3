import Foundation
import RasdServer
import RasdStore
import XCTest

/// A `RasdServer` running in this process on a free loopback port, over a fresh SQLite store in a temporary
/// folder. `stop()` cancels it (a graceful shutdown) and waits until it has stopped.
final class ServerHarness: @unchecked Sendable {
    let folder: URL
    let store: ArticleStore
    let port: Int
    private let task: Task<Void, Error>
    private let stopped = DispatchSemaphore(value: 0)

    var client: RawHTTPClient { RawHTTPClient(port: port) }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `store`: serve an existing store (a second server over the same file) instead of a new one.
    init(configure: (inout ServerConfiguration) -> Void = { _ in }, store existing: (ArticleStore, URL)? = nil) throws {
        if let existing {
            (store, folder) = existing
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-server-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = try ArticleStore(path: folder.appendingPathComponent("news.db").path)
        }
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        let server = try RasdServer(repository: store, configuration: configuration)
        let bound = PortBox()
        let started = DispatchSemaphore(value: 0)
        let stopped = self.stopped
        task = Task {
            defer { stopped.signal() }
            try await server.run { port in
                bound.port = port
                started.signal()
            }
        }
        // The server either binds (and says so) or fails at once; a minute covers a loaded machine.
        guard started.wait(timeout: .now() + 60) == .success, bound.port > 0 else {
            task.cancel()
            throw RawHTTPClient.ClientError("the server did not start on loopback within a minute")
        }
        port = bound.port
    }

    func stop() {
        task.cancel()
        _ = stopped.wait(timeout: .now() + 30)
    }

    func removeFolder() { try? FileManager.default.removeItem(at: folder) }

    private final class PortBox: @unchecked Sendable { var port = 0 }
}

/// Where the shared data lives (../shared beside the repository), or nil.
enum SharedData {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var seeds: URL? {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("meta.jsonl").path) ? url : nil
    }
}

/// A test class whose tests share one server: started before the first test (given `upload()` and analysed
/// when there is one), stopped after the last. A failed start or upload fails each test with its reason; a class
/// whose data is absent (`skipReason`) skips.
class SharedServerTestCase: XCTestCase {
    nonisolated(unsafe) private static var servers: [ObjectIdentifier: ServerHarness] = [:]
    nonisolated(unsafe) private static var failures: [ObjectIdentifier: String] = [:]

    /// Articles posted (and analysed) before the first test; none by default.
    class var seedArticles: [[String: String]] { [] }

    /// What is posted to `/api/articles` before the first test (body and content type): `seedArticles` as a JSON
    /// array by default; nil posts nothing.
    class func upload() throws -> (body: Data, contentType: String)? {
        seedArticles.isEmpty ? nil : (try JSONSerialization.data(withJSONObject: seedArticles), "application/json")
    }

    /// Why this class's tests cannot run here (shared data absent), or nil.
    class var skipReason: String? { nil }

    override class func setUp() {
        super.setUp()
        guard skipReason == nil else { return }
        let key = ObjectIdentifier(self)
        do {
            let server = try ServerHarness()
            servers[key] = server
            guard let upload = try upload() else { return }
            let posted = try server.client.post("/api/articles", body: upload.body, contentType: upload.contentType)
            guard posted.status == 200 else { failures[key] = "upload: \(posted.text)"; return }
            var patient = server.client
            patient.timeout = 900
            let analysed = try patient.post("/api/analyze?wait=true", body: Data())
            guard analysed.status == 200 else { failures[key] = "analysis: \(analysed.text)"; return }
        } catch {
            failures[key] = "\(error)"
        }
    }

    override class func tearDown() {
        if let server = servers.removeValue(forKey: ObjectIdentifier(self)) {
            server.stop()
            server.removeFolder()
        }
        super.tearDown()
    }

    var harness: ServerHarness {
        get throws {
            if let reason = Self.skipReason { throw XCTSkip(reason) }
            if let failure = Self.failures[ObjectIdentifier(Self.self)] { XCTFail(failure) }
            return try XCTUnwrap(Self.servers[ObjectIdentifier(Self.self)], "server did not start")
        }
    }
    var client: RawHTTPClient { get throws { try harness.client } }
}
