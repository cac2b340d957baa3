/// How `rasd serve` listens and what it lets through.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests); the port actually bound is passed to `onRunning`.
    public var port = 8080
    /// POST requests are refused with 403: the server only shows what the store holds.
    public var readOnly = false
    /// Largest request body accepted (413 beyond).
    public var maxBodyBytes = 20 * 1024 * 1024
    /// A request body must arrive within this time (408 otherwise): a client that trickles bytes
    /// cannot hold a connection for ever.
    public var bodyTimeout: Duration = .seconds(30)
    /// A connection with no request in progress is closed after this time.
    public var idleTimeout: Duration = .seconds(60)
    /// Most records one POST /api/articles may carry.
    public var maxArticlesPerRequest = 10_000

    public init(host: String = "127.0.0.1", port: Int = 8080, readOnly: Bool = false) {
        self.host = host
        self.port = port
        self.readOnly = readOnly
    }
}
