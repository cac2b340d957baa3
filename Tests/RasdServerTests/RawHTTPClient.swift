import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small blocking HTTP/1.1 client over a loopback socket. Written here rather than URLSession because tests
/// need to send what a real client would not: paths with `..` kept as is, a declared length that the body
/// never reaches, a body that trickles.
struct RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw ClientError("not a JSON object: \(text.prefix(200))")
            }
            return object
        }
    }

    struct ClientError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var port: Int
    /// Seconds a response may take to arrive. A test's own requests are quick; the analysis a harness waits for
    /// (`/api/analyze?wait=true` on a few hundred articles, debug build, loaded machine) needs longer.
    var timeout = 60

    func get(_ path: String) throws -> Response { try send("GET", path) }

    func post(_ path: String, body: Data, contentType: String = "application/json") throws -> Response {
        try send("POST", path, headers: ["Content-Type": contentType], body: body)
    }

    /// Sends one request on a new connection and reads one response. `declaredLength` replaces the body's real
    /// length in `Content-Length` (a longer one leaves the server waiting for bytes that never come).
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data = Data(),
              declaredLength: Int? = nil, chunked: Bool = false) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError("socket: \(errno)") }
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ClientError("connect to port \(port): errno \(errno)") }

        // A "Host" in `headers` replaces the loopback one (a page reached through another name sends its own).
        let host = headers.first { $0.key.lowercased() == "host" }?.value ?? "127.0.0.1:\(port)"
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
        for (name, value) in headers where name.lowercased() != "host" { head += "\(name): \(value)\r\n" }
        var payload = body
        if chunked {
            head += "Transfer-Encoding: chunked\r\n"
            payload = Data(String(body.count, radix: 16).utf8) + Data("\r\n".utf8) + body + Data("\r\n0\r\n\r\n".utf8)
        } else if method != "GET" || !body.isEmpty || declaredLength != nil {
            head += "Content-Length: \(declaredLength ?? body.count)\r\n"
        }
        head += "\r\n"
        write(fd, Data(head.utf8) + payload)
        return try read(fd)
    }

    private func write(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                // The server may answer (413) and stop reading before the whole body is sent: read its answer.
                if n <= 0 { return }
                sent += n
            }
        }
    }

    private func read(_ fd: Int32) throws -> Response {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Range<Data.Index>?
        var expected: Int?
        var isChunked = false
        while true {
            if let end = headerEnd {
                if let expected, received.count - end.upperBound >= expected { break }
                if isChunked, received[end.upperBound...].range(of: Data("0\r\n\r\n".utf8)) != nil { break }
            }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 {
                throw ClientError(errno == EAGAIN ? "no response within \(timeout) s" : "recv: errno \(errno)")
            }
            if n == 0 { break }
            received.append(contentsOf: buffer[0..<n])
            if headerEnd == nil, let range = received.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = range
                let headText = String(decoding: received[..<range.lowerBound], as: UTF8.self).lowercased()
                for line in headText.split(separator: "\r\n") {
                    if line.hasPrefix("content-length:") { expected = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
                    if line.hasPrefix("transfer-encoding:") && line.contains("chunked") { isChunked = true }
                }
            }
        }
        guard let end = headerEnd else { throw ClientError("no HTTP response (\(received.count) bytes)") }
        let lines = String(decoding: received[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError("bad status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(received[end.upperBound...])
        if isChunked { body = RawHTTPClient.dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var index = data.startIndex
        while let lineEnd = data[index...].range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            out.append(data[start..<min(start + size, data.endIndex)])
            index = min(start + size + 2, data.endIndex)
        }
        return out
    }
}
