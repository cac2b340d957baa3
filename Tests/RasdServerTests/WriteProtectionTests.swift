import Foundation
@testable import RasdServer
import XCTest

/// Other web pages must not write to a local server or read it through another host name.
final class WriteProtectionTests: SharedServerTestCase {
    let article = Data(#"[{"id": "w1", "text": "زار وزير الخارجية العاصمة أمس."}]"#.utf8)

    func status(_ response: RawHTTPClient.Response, _ expected: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(response.status, expected, response.text, file: file, line: line)
        XCTAssertEqual(response.headers["x-content-type-options"], "nosniff", file: file, line: line)
        XCTAssertNotNil(try? response.json()["error"] as? String, "a JSON error: \(response.text)", file: file, line: line)
    }

    func testCrossOriginPostsAreRefused() throws {
        let evil = ["Origin": "http://evil.example"]
        // What a page elsewhere can send without a preflight: text/plain with its own Origin.
        status(try client.send("POST", "/api/articles", headers: evil.merging(["Content-Type": "text/plain"]) { $1 }, body: article), 403)
        status(try client.send("POST", "/api/analyze", headers: evil.merging(["Content-Type": "text/plain"]) { $1 }), 403)
        // Even with a JSON type (which a browser would preflight), a foreign Origin is refused.
        status(try client.send("POST", "/api/articles", headers: evil.merging(["Content-Type": "application/json"]) { $1 }, body: article), 403)
        status(try client.send("POST", "/api/articles", headers: ["Content-Type": "application/json", "Origin": "null"], body: article), 403)
        status(try client.send("POST", "/api/articles", headers: ["Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"], body: article), 403)
        // No Origin but a form or text type: 415, since only JSON bodies change state.
        status(try client.send("POST", "/api/articles", headers: ["Content-Type": "text/plain"], body: article), 415)
        status(try client.send("POST", "/api/articles", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: article), 415)
        status(try client.send("POST", "/api/analyze"), 415)
        XCTAssertEqual(try client.get("/api/health").json()["storedDocuments"] as? Int, 0, "nothing was stored")
    }

    func testSameOriginAndToolsStillWrite() throws {
        let port = try harness.port
        let own = try client.send("POST", "/api/articles", headers: ["Content-Type": "application/json; charset=utf-8",
                                                                      "Origin": "http://127.0.0.1:\(port)"], body: article)
        XCTAssertEqual(own.status, 200, own.text)
        let ndjson = try client.post("/api/articles", body: Data(#"{"id": "w2", "text": "التقى الرئيس السفير."}"#.utf8),
                                     contentType: "application/x-ndjson")
        XCTAssertEqual(ndjson.status, 200, ndjson.text)
        XCTAssertEqual(ndjson.headers["x-content-type-options"], "nosniff")
    }

    func testForeignHostIsRefused() throws {
        // A page on rebind.example whose name resolves to 127.0.0.1 sends its own name as Host.
        status(try client.send("GET", "/api/documents", headers: ["Host": "rebind.example"]), 403)
        status(try client.send("GET", "/", headers: ["Host": "rebind.example:8080"]), 403)
        for host in ["localhost", "localhost:1234", "127.0.0.1", "[::1]:99"] {
            XCTAssertEqual(try client.send("GET", "/api/health", headers: ["Host": host]).status, 200, host)
        }
        let allowed = try ServerHarness(configure: { $0.allowedHosts = ["rasd.example"] })
        defer { allowed.stop(); allowed.removeFolder() }
        XCTAssertEqual(try allowed.client.send("GET", "/api/health", headers: ["Host": "rasd.example"]).status, 200)
        status(try allowed.client.send("GET", "/api/health", headers: ["Host": "other.example"]), 403)
    }

    func testTokenIsRequiredWhenSet() throws {
        let guarded = try ServerHarness(configure: { $0.token = "s3cret" })
        defer { guarded.stop(); guarded.removeFolder() }
        status(try guarded.client.post("/api/articles", body: article), 401)
        status(try guarded.client.send("POST", "/api/articles", headers: ["Content-Type": "application/json",
                                                                          "Authorization": "Bearer wrong"], body: article), 401)
        let ok = try guarded.client.send("POST", "/api/articles", headers: ["Content-Type": "application/json",
                                                                             "Authorization": "Bearer s3cret"], body: article)
        XCTAssertEqual(ok.status, 200, ok.text)
        XCTAssertEqual(try guarded.client.get("/api/health").status, 200, "reads need no token")
    }

    func testHostNamesOfAuthorities() {
        XCTAssertEqual(WriteProtection.hostName(ofAuthority: "Example.org:8080"), "example.org")
        XCTAssertEqual(WriteProtection.hostName(ofAuthority: "[::1]:80"), "::1")
        XCTAssertEqual(WriteProtection.hostName(ofAuthority: "localhost"), "localhost")
        XCTAssertTrue(WriteProtection.constantTimeEqual("abc", "abc"))
        XCTAssertFalse(WriteProtection.constantTimeEqual("abc", "abd"))
        XCTAssertFalse(WriteProtection.constantTimeEqual("abc", "abcd"))
        XCTAssertTrue(ServerConfiguration.isLoopback("127.0.0.2"))
        XCTAssertFalse(ServerConfiguration.isLoopback("0.0.0.0"))
    }
}
