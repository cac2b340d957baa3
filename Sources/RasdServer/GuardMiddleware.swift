import Foundation
import Hummingbird

/// Checks every request before any route sees it: a `Host` this server answers to (403), no `..` in the
/// path (400), writes refused in read-only mode (403), from another origin (403), without the token (401) or
/// with a body type other than JSON (415), a declared body over the limit refused before it is read (413);
/// turns every error into a JSON answer `{"error": …}` (405 for a known path asked with another method; a
/// 500 says only "internal error" and an id that the log holds with the details); marks every answer
/// `X-Content-Type-Options: nosniff`.
struct GuardMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let configuration: ServerConfiguration
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await answer(request, context: context, next: next)
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }

    private func answer(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            try check(request)
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound && routes.allowed(for: request.uri.path) != nil {
            // The router found no route for this method on a path it knows.
            let allow = routes.allowed(for: request.uri.path) ?? ""
            var response = try APIError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path); allowed: \(allow)")
                .response(from: request, context: context)
            response.headers[.allow] = allow
            return response
        } catch let error as HTTPError {
            let text = error.body ?? message(error.status, request)
            return try APIError(error.status, text).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try APIError(error.status, message(error.status, request)).response(from: request, context: context)
        } catch {
            // The error's text may name files or SQL: it goes to the log only, under an id the client is given.
            let id = String(UInt64.random(in: 0..<(1 << 40)), radix: 16)
            context.logger.error("request failed", metadata: ["id": "\(id)", "path": "\(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, "internal error (id \(id); the server log has the details)")
                .response(from: request, context: context)
        }
    }

    func check(_ request: Request) throws {
        let protection = WriteProtection(configuration: configuration)
        try protection.checkHost(request)
        let target = request.uri.string.utf8.count
        if target > configuration.maxURIBytes {
            throw APIError(.uriTooLong, "the request target is \(target) bytes long; at most \(configuration.maxURIBytes) are accepted")
        }
        let path = request.uri.path
        let decoded = path.removingPercentEncoding ?? path
        if GuardMiddleware.hasDotSegment(path) || GuardMiddleware.hasDotSegment(decoded) || decoded.contains("\\") {
            throw APIError.badRequest("the path may not contain '..' or '\\'")
        }
        if configuration.readOnly, request.method != .get, request.method != .head {
            throw APIError(.forbidden, "the server is read-only (started with --read-only): \(request.method) \(path) is not allowed")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
            throw APIError(.contentTooLarge, "the request body (\(length) bytes) is larger than \(configuration.maxBodyBytes) bytes")
        }
        // POST is the only method that changes state; any other gets its 405 from the router.
        if request.method == .post { try protection.checkWrite(request) }
    }

    /// True when a path segment is `..` (or a segment holds `..` at all: no asset or id needs it).
    static func hasDotSegment(_ path: String) -> Bool { path.contains("..") }

    func message(_ status: HTTPResponse.Status, _ request: Request) -> String {
        switch status {
        case .notFound: return "nothing here: \(request.method) \(request.uri.path) (see /api/openapi.yaml)"
        case .contentTooLarge: return "the request body is larger than \(configuration.maxBodyBytes) bytes"
        default: return status.reasonPhrase
        }
    }
}
