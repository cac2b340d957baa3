import Foundation

/// How `rasd serve` listens and what it lets through.
package struct ServerConfiguration: Sendable {
    package var host = "127.0.0.1"
    /// 0 picks a free port (tests); the port actually bound is passed to `onRunning`.
    package var port = 8080
    /// POST requests are refused with 403: the server only shows what the store holds.
    package var readOnly = false
    /// Largest request body accepted (413 beyond).
    package var maxBodyBytes = 20 * 1024 * 1024
    /// A request body must arrive within this time (408 otherwise): a client that trickles bytes
    /// cannot hold a connection for ever.
    package var bodyTimeout: Duration = .seconds(30)
    /// A connection with no request in progress is closed after this time.
    package var idleTimeout: Duration = .seconds(60)
    /// How often the server looks for an analysis that another process saved in the store.
    package var reloadInterval: Duration = .seconds(3)
    /// Most records one POST /api/articles may carry.
    package var maxArticlesPerRequest = 10_000
    /// Longest request target (path and query) accepted (414 beyond). Longer than any query the page writes, and
    /// well under the HTTP parser's own limit on a request head (80 KB), past which it can only drop the connection
    /// with a bare 400.
    package var maxURIBytes = 16 * 1024

    /// Host names (besides the loopback names and `host`) that requests may name in their `Host` header.
    /// A page on another name that resolves here (DNS rebinding) is refused, so it cannot read the API.
    package var allowedHosts: [String] = []
    /// When set, every state-changing request must carry it (`Authorization: Bearer TOKEN`).
    package var token: String?

    package init(host: String = "127.0.0.1", port: Int = 8080, readOnly: Bool = false,
                allowedHosts: [String] = [], token: String? = nil) {
        self.host = host
        self.port = port
        self.readOnly = readOnly
        self.allowedHosts = allowedHosts
        self.token = token
    }

    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

    /// True for an address that only this machine reaches.
    package static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return loopbackNames.contains(name) || name.hasPrefix("127.") || name.hasSuffix(".localhost")
    }

    /// True for a bind address that listens on every interface.
    package static func isWildcard(_ host: String) -> Bool { ["0.0.0.0", "::", "[::]"].contains(host) }

    /// Whether a request's `Host` name (port removed, lower case) is one this server answers to: the loopback
    /// names, the address it was started on, and `allowedHosts`. Bound to every interface with no allowed
    /// list, any name is accepted (the operator chose to be reachable by any name).
    func accepts(hostName name: String) -> Bool {
        if ServerConfiguration.isLoopback(name) { return true }
        if name == host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) { return true }
        if allowedHosts.contains(where: { $0.lowercased() == name }) { return true }
        return ServerConfiguration.isWildcard(host) && allowedHosts.isEmpty
    }
}
