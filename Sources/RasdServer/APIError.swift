import Foundation
import Hummingbird

/// A request the API refuses, answered as `{"error": message}` with the status (always 4xx or 5xx).
/// `problems` lists the records of an upload that could not be read.
package struct APIError: Error, HTTPResponseError, Sendable {
    package var status: HTTPResponse.Status
    package var message: String
    package var problems: [Problem] = []

    package struct Problem: Codable, Sendable, Equatable {
        package var location: String
        package var reason: String
    }

    package init(_ status: HTTPResponse.Status, _ message: String, problems: [Problem] = []) {
        self.status = status
        self.message = message
        self.problems = problems
    }

    struct Body: Encodable {
        var error: String
        var problems: [Problem]?
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(Body(error: message, problems: problems.isEmpty ? nil : problems), status: status)
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
}

/// JSON responses: sorted keys, Arabic and slashes unescaped, fields with no value left out.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        // Encoding our own value types cannot fail; a failure would be a bug, answered as 500.
        guard let data = try? encoder.encode(value) else {
            return Response(status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"error":"response could not be encoded"}"#)))
        }
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
