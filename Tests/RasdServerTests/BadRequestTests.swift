import Foundation
@testable import RasdServer
import XCTest

/// Requests the server must refuse, each with a clear 4xx JSON answer `{"error": …}`.
final class BadRequestTests: SharedServerTestCase {

    /// The status and that the body is `{"error": "…"}` naming what is wrong.
    @discardableResult
    func assertError(_ response: RawHTTPClient.Response, _ status: Int, mentioning words: String? = nil,
                     file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        XCTAssertTrue(response.headers["content-type"]?.hasPrefix("application/json") == true, file: file, line: line)
        let body = try response.json()
        let message = try XCTUnwrap(body["error"] as? String, file: file, line: line)
        if let words { XCTAssertTrue(message.contains(words), "'\(message)' should mention '\(words)'", file: file, line: line) }
        return body
    }

    func testMalformedUploads() throws {
        try assertError(try client.post("/api/articles", body: Data(#"[{"id": "x", "text": "#.utf8)), 400, mentioning: "malformed JSON")
        try assertError(try client.post("/api/articles", body: Data()), 400, mentioning: "no article")
        try assertError(try client.post("/api/articles", body: Data("[]".utf8)), 400, mentioning: "no article")
        try assertError(try client.post("/api/articles", body: Data(#"{"id": 1"#.utf8)), 400)
        // One bad record among good ones: nothing is stored, every bad record is listed.
        let mixed = #"[{"id": "ok", "text": "نص عربي كامل"}, {"id": "no-text"}, {"text": "بلا معرف"}, 5]"#
        let body = try assertError(try client.post("/api/articles", body: Data(mixed.utf8)), 400, mentioning: "nothing was stored")
        let problems = try XCTUnwrap(body["problems"] as? [[String: String]])
        XCTAssertEqual(problems.map { $0["location"] }, ["record 2", "record 3", "record 4"])
        XCTAssertTrue(problems[0]["reason"]?.contains("neither 'text' nor 'html'") == true, "\(problems)")
        XCTAssertTrue(problems[1]["reason"]?.contains("no 'id'") == true, "\(problems)")
        let lines = "{\"id\": \"a\", \"text\": \"نص\"}\n{broken\n"
        let lineBody = try assertError(try client.post("/api/articles", body: Data(lines.utf8)), 400)
        XCTAssertEqual((lineBody["problems"] as? [[String: String]])?.first?["location"], "line 2")
        let badType = #"[{"id": "u", "text": "نص عربي", "url": {"href": "x"}}]"#
        let typeBody = try assertError(try client.post("/api/articles", body: Data(badType.utf8)), 400)
        XCTAssertEqual((typeBody["problems"] as? [[String: String]])?.first?["reason"], "'url' must be a string")
        let duplicate = #"[{"id": "d", "text": "نص أول"}, {"id": "d", "text": "نص ثان"}]"#
        try assertError(try client.post("/api/articles", body: Data(duplicate.utf8)), 400, mentioning: "nothing was stored")
        XCTAssertEqual(try client.get("/api/health").json()["storedDocuments"] as? Int, 0)
    }

    func testBadQueryParameters() throws {
        for path in ["/api/documents?limit=0", "/api/documents?limit=501", "/api/events?limit=abc", "/api/quotes?offset=-1"] {
            try assertError(try client.get(path), 400, mentioning: "must be an integer")
        }
        try assertError(try client.get("/api/events?from=2024-13-01"), 400, mentioning: "from must be a date")
        try assertError(try client.get("/api/timeline?to=yesterday"), 400, mentioning: "to must be a date")
        try assertError(try client.get("/api/events?from=2024-06&to=2024-05"), 400, mentioning: "is after")
        try assertError(try client.get("/api/events?type=PARTY"), 400, mentioning: "type must be one of")
        try assertError(try client.get("/api/entities?type=ANIMAL"), 400, mentioning: "type must be one of")
        try assertError(try client.post("/api/analyze?wait=perhaps", body: Data()), 400, mentioning: "wait")
        // A typed parameter given empty is an error; an empty free-text one filters nothing.
        try assertError(try client.get("/api/events?to="), 400, mentioning: "to must be a date")
        try assertError(try client.get("/api/entities?type="), 400, mentioning: "type must be one of")
        try assertError(try client.get("/api/quotes?limit="), 400, mentioning: "limit")
        XCTAssertEqual(try client.get("/api/documents?q=&source=").status, 200)
        XCTAssertEqual(try client.get("/api/documents?limit=500").status, 200)
    }

    func testUnknownIdsAndPaths() throws {
        try assertError(try client.get("/api/documents/nope"), 404, mentioning: "nope")
        try assertError(try client.get("/api/entities/E999"), 404, mentioning: "E999")
        try assertError(try client.get("/api/events/V999"), 404, mentioning: "V999")
        try assertError(try client.get("/api/nothing"), 404)
        // Another method on a known path: 405 naming the allowed ones.
        let delete = try client.send("DELETE", "/api/documents")
        try assertError(delete, 405, mentioning: "not allowed")
        XCTAssertEqual(delete.headers["allow"], "GET, HEAD")
        try assertError(try client.send("TRACE", "/api/health"), 405)
        XCTAssertEqual(try client.get("/api/articles").headers["allow"], "POST")
        // A name that is no asset is a 404, never the page.
        for path in ["/nope.js", "/index.htm", "/app.js/x", "/api/", "/Public/app.js", "/openapi.yaml"] {
            try assertError(try client.get(path), 404)
        }
    }

    func testOverlongURLGetsAJSONError() throws {
        let query = String(repeating: "ب", count: 12_000)   // 24 KB in UTF-8, 144 KB percent-encoded
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        try assertError(try client.get("/api/documents?q=" + String(encoded.prefix(40_000))), 414, mentioning: "at most")
        XCTAssertEqual(try client.get("/api/documents?q=" + String(repeating: "a", count: 2000)).status, 200)
    }

    func testPathsWithDotDotAreRefused() throws {
        for path in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/documents/..%2F..%2Fetc", "/app.js/../index.html",
                     "/..", "/%2E%2E%5Capp.js"] {
            let response = try client.get(path)
            XCTAssertEqual(response.status, 400, "\(path): \(response.text)")
            XCTAssertFalse(response.text.contains("<html"), path)
        }
    }

    func testOversizedBodyIs413() throws {
        // Declared over the limit: refused before the body is read (only a little of it is ever sent).
        let response = try client.send("POST", "/api/articles", headers: ["Content-Type": "application/json"],
                                       body: Data(repeating: 0x20, count: 64 * 1024), declaredLength: 21 * 1024 * 1024)
        try assertError(response, 413, mentioning: "larger than")
    }

    func testLimitsOfASmallServer() throws {
        let small = try ServerHarness(configure: { $0.maxBodyBytes = 1000; $0.bodyTimeout = .seconds(1) })
        defer { small.stop(); small.removeFolder() }
        // Chunked (no length declared): cut off once it passes the limit.
        let big = Data(("[" + String(repeating: " ", count: 5000) + "]").utf8)
        try assertError(try small.client.send("POST", "/api/articles", headers: ["Content-Type": "application/json"], body: big, chunked: true), 413, mentioning: "larger than")
        // A body that stops arriving: 408 when the body timeout passes.
        let slow = try small.client.send("POST", "/api/articles", headers: ["Content-Type": "application/json"],
                                        body: Data("[{".utf8), declaredLength: 500)
        try assertError(slow, 408, mentioning: "did not arrive")
    }

    func testReadOnlyServerRefusesPosts() throws {
        let readOnly = try ServerHarness(configure: { $0.readOnly = true })
        defer { readOnly.stop(); readOnly.removeFolder() }
        let article = Data(#"[{"id": "x", "text": "نص عربي"}]"#.utf8)
        try assertError(try readOnly.client.post("/api/articles", body: article), 403, mentioning: "read-only")
        try assertError(try readOnly.client.post("/api/analyze", body: Data()), 403, mentioning: "read-only")
        XCTAssertEqual(try readOnly.client.get("/api/health").json()["readOnly"] as? Bool, true)
        XCTAssertEqual(try readOnly.client.get("/").status, 200)
    }

    /// One analysis at a time: a second start while one runs is a 409 that says so.
    func testSecondAnalysisWhileOneRunsIsAConflict() async throws {
        let state = StoryState()
        _ = try await state.begin()
        do {
            _ = try await state.begin()
            XCTFail("a second run started")
        } catch let error as APIError {
            XCTAssertEqual(error.status, .conflict)
            XCTAssertTrue(error.message.contains("already running"), error.message)
        }
        await state.fail("stopped by the test")
        _ = try await state.begin()
    }
}

/// Inputs that once crashed or corrupted the server: one id posted twice with other texts (the analysis keyed
/// documents by id and stopped the process), and a NUL in a text (SQLite ended the text there).
final class DuplicateIdAndNULTests: XCTestCase {
    func testSameIdTwiceThenAnalysisAndANULKeepsTheText() throws {
        let server = try ServerHarness()
        defer { server.stop(); server.removeFolder() }
        let first = #"[{"id": "a", "text": "التقى وزير الخارجية نظيره في الرياض."}]"#
        let second = #"[{"id": "a", "text": "قال المتحدث إن\u0000 المحادثات مستمرة في القاهرة."}]"#
        XCTAssertEqual(try server.client.post("/api/articles", body: Data(first.utf8)).status, 200)
        XCTAssertEqual(try server.client.post("/api/articles", body: Data(second.utf8)).status, 200)
        let run = try server.client.post("/api/analyze?wait=true", body: Data())
        XCTAssertEqual(run.status, 200, run.text)
        let documents = try server.client.get("/api/documents?limit=10")
        XCTAssertEqual(documents.status, 200, "the server is still up: \(documents.text)")
        XCTAssertTrue(documents.text.contains("a~2"), "the second text is analysed under a suffixed id: \(documents.text)")
        let stored = try server.client.get("/api/documents/a~2")
        XCTAssertTrue(stored.text.contains("المحادثات مستمرة"), "the text after the NUL is kept: \(stored.text)")
        XCTAssertTrue(stored.text.contains("\u{FFFD}") || stored.text.contains("\\ufffd"), stored.text)
    }
}
