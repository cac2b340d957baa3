import Foundation
import Hummingbird

/// What keeps other web pages away from the API: the `Host` a request names must be one this server answers
/// to (DNS rebinding), and a state-changing request must come from this server's own page or a non-browser
/// client: no foreign `Origin`, a JSON body type (a cross-site form or `text/plain` fetch cannot send one
/// without a preflight the server never grants), and the token when one is set.
struct WriteProtection: Sendable {
    let configuration: ServerConfiguration

    static let writeTypes: Set<String> = ["application/json", "application/x-ndjson"]

    /// The host name of an authority ("example.org:8080" → "example.org", "[::1]:80" → "::1").
    static func hostName(ofAuthority authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") {
            return String(lower[lower.index(after: lower.startIndex)..<close])
        }
        if let colon = lower.lastIndex(of: ":") { return String(lower[..<colon]) }
        return lower
    }

    func checkHost(_ request: Request) throws {
        guard let authority = request.head.authority, !authority.isEmpty else {
            throw APIError.badRequest("the request names no host (a Host header is required)")
        }
        let name = WriteProtection.hostName(ofAuthority: authority)
        guard configuration.accepts(hostName: name) else {
            throw APIError(.forbidden, "this server does not answer to the host '\(name)' (start it with --allow-host \(name) to accept it)")
        }
    }

    func checkWrite(_ request: Request) throws {
        if let origin = request.headers[.origin] {
            let authority = request.head.authority ?? ""
            guard let url = URL(string: origin), let scheme = url.scheme, ["http", "https"].contains(scheme),
                  let host = url.host, sameAuthority(host: host, port: url.port ?? (scheme == "https" ? 443 : 80), as: authority) else {
                throw APIError(.forbidden, "cross-origin \(request.method) refused: Origin \(origin) is not this server")
            }
        }
        if let site = request.headers[.init("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site.lowercased()) {
            throw APIError(.forbidden, "cross-site \(request.method) refused (Sec-Fetch-Site: \(site))")
        }
        if let token = configuration.token {
            let given = request.headers[.authorization].flatMap { value -> String? in
                value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
            }
            guard let given, WriteProtection.constantTimeEqual(given, token) else {
                throw APIError(.unauthorized, "\(request.method) \(request.uri.path) needs the server's token (Authorization: Bearer TOKEN)")
            }
        }
        let type = request.headers[.contentType]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard WriteProtection.writeTypes.contains(type) else {
            throw APIError(.unsupportedMediaType,
                           "\(request.method) bodies must be application/json or application/x-ndjson, not '\(type.isEmpty ? "none" : type)'")
        }
    }

    private func sameAuthority(host: String, port: Int, as authority: String) -> Bool {
        let ownName = WriteProtection.hostName(ofAuthority: authority)
        let ownPort = authority.hasSuffix("]") ? nil : authority.split(separator: ":").last.flatMap { Int($0) }
        let originName = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return originName == ownName && port == (ownPort ?? 80)
    }

    /// Compares without stopping at the first difference, so the time taken tells nothing about the token.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}
