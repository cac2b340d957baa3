import Foundation
import Hummingbird

/// Reads a request body within the size limit (413) and the time limit (408).
enum RequestBodyReader {
    static func collect(_ request: Request, configuration: ServerConfiguration) async throws -> Data {
        let limit = configuration.maxBodyBytes
        let timeout = configuration.bodyTimeout
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await request.body.collect(upTo: limit)
                } catch let error as HTTPError where error.status == .contentTooLarge {
                    throw APIError(.contentTooLarge, "the request body is larger than \(limit) bytes")
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw APIError(.requestTimeout, "the request body did not arrive within \(timeout)")
            }
            return buffer
        }
        return Data(buffer.readableBytesView)
    }
}
