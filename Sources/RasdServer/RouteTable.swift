import Hummingbird

/// Registers the API's routes and remembers which methods each path takes, so that another method on a known
/// path gets 405 with an `Allow` header (an unknown path stays 404). Filled while the router is built, before
/// the server starts; only read after that.
final class RouteTable: @unchecked Sendable {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response
    private let router: Router<BasicRequestContext>
    private var table: [(segments: [Substring], methods: Set<HTTPRequest.Method>)] = []

    init(_ router: Router<BasicRequestContext>) { self.router = router }

    func get(_ path: String, _ handler: @escaping Handler) { add(path, .get, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { add(path, .post, handler) }

    private func add(_ path: String, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method, use: handler)
        let segments = path.split(separator: "/")
        if let i = table.firstIndex(where: { $0.segments == segments }) { table[i].methods.insert(method) }
        else { table.append((segments, [method])) }
    }

    /// The `Allow` value for a path the table knows ("GET, HEAD"), nil for an unknown path.
    func allowed(for path: String) -> String? {
        let segments = path.split(separator: "/")
        guard let entry = table.first(where: { entry in
            entry.segments.count == segments.count
                && zip(entry.segments, segments).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
        }) else { return nil }
        var methods = entry.methods
        if methods.contains(.get) { methods.insert(.head) }
        return [HTTPRequest.Method.get, .head, .post].filter(methods.contains).map(\.rawValue).joined(separator: ", ")
    }
}
