import Foundation
import XCTest

/// The API against a real server on loopback: upload, analysis, queries and their answers.
final class APITests: SharedServerTestCase {

    /// Two reports of one meeting from two outlets, written for these tests.
    static let articles: [[String: String]] = [
        ["id": "t1", "source": "outlet-a", "published": "2024-06-20", "title": "بوتين وكيم يوقعان اتفاقية",
         "text": "موسكو - التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في بيونغ يانغ يوم الأربعاء 19 يونيو 2024.\nوقال بوتين إن البلدين وقعا اتفاقية شراكة استراتيجية شاملة."],
        ["id": "t2", "source": "outlet-b", "published": "2024-06-21",
         "text": "بيونغ يانغ - استقبل كيم جونغ أون الرئيس فلاديمير بوتين في العاصمة الكورية الشمالية يوم 19 يونيو 2024، في أول زيارة له منذ 24 عاما.\nوقال كيم إن العلاقات بين البلدين تدخل مرحلة جديدة."],
    ]

    override class var seedArticles: [[String: String]] { articles }

    func testUploadIsIdempotentAndAcceptsJSONLines() throws {
        let again = try client.post("/api/articles", body: try JSONSerialization.data(withJSONObject: APITests.articles))
        XCTAssertEqual(again.status, 200, again.text)
        XCTAssertEqual(try again.json()["alreadyStored"] as? Int, 2)
        XCTAssertEqual(try again.json()["added"] as? Int, 0)
        let line = #"{"id": "t3", "text": "القاهرة - قال وزير الخارجية إن المحادثات مستمرة.", "source": "outlet-c"}"#
        let lines = try client.post("/api/articles", body: Data((line + "\n\n").utf8), contentType: "application/x-ndjson")
        XCTAssertEqual(lines.status, 200, lines.text)
        XCTAssertEqual(try lines.json()["added"] as? Int, 1)
        let health = try client.get("/api/health").json()
        XCTAssertEqual(health["storedDocuments"] as? Int, 3)
    }

    /// The same text posted under another id is stored once; the other id finds the stored document.
    func testAnAliasIdFindsTheStoredDocument() throws {
        var copy = APITests.articles[0]
        copy["id"] = "t1-copy"
        copy["source"] = "outlet-z"
        let posted = try client.post("/api/articles", body: try JSONSerialization.data(withJSONObject: [copy]))
        XCTAssertEqual(try posted.json()["aliasesAdded"] as? Int, 1, posted.text)
        let doc = try client.get("/api/documents/t1-copy").json()
        XCTAssertEqual(doc["id"] as? String, "t1")
        XCTAssertEqual(doc["analysed"] as? Bool, true)
        XCTAssertEqual(try client.send("HEAD", "/api/documents/t1").status, 200)
    }

    func testDocumentsListAndFilters() throws {
        let all = try client.get("/api/documents").json()
        XCTAssertEqual(all["total"] as? Int, 2)
        let bySource = try client.get("/api/documents?source=outlet-b").json()
        XCTAssertEqual((bySource["items"] as? [[String: Any]])?.map { $0["id"] as? String }, ["t2"])
        let byDate = try client.get("/api/documents?from=2024-06-21&to=2024-06").json()
        XCTAssertEqual((byDate["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["t2"])
        let paged = try client.get("/api/documents?offset=1&limit=1").json()
        XCTAssertEqual(paged["total"] as? Int, 2)
        XCTAssertEqual((paged["items"] as? [Any])?.count, 1)
        // Full-text search through the store (percent-encoded Arabic; spelling variants folded).
        let query = "اتفاقية".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let found = try client.get("/api/documents?q=\(query)").json()
        XCTAssertEqual((found["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["t1"])
    }

    /// Every annotation's offsets, read as Unicode-scalar offsets into `text`, give back the annotated words.
    func testDocumentAnnotationsPointIntoItsText() throws {
        let doc = try client.get("/api/documents/t1").json()
        XCTAssertEqual(doc["analysed"] as? Bool, true)
        let text = Array(try XCTUnwrap(doc["text"] as? String).unicodeScalars)
        let mentions = try XCTUnwrap(doc["mentions"] as? [[String: Any]])
        XCTAssertFalse(mentions.isEmpty)
        for group in ["mentions", "dates", "quotes", "quantities"] {
            for item in doc[group] as? [[String: Any]] ?? [] {
                let start = try XCTUnwrap(item["start"] as? Int), end = try XCTUnwrap(item["end"] as? Int)
                XCTAssertTrue(0 <= start && start < end && end <= text.count, "\(group) \(start)..<\(end)")
                if group != "quotes" {
                    XCTAssertEqual(String(String.UnicodeScalarView(text[start..<end])), item["text"] as? String, group)
                }
            }
        }
        XCTAssertTrue(mentions.contains { $0["type"] as? String == "PERSON" && ($0["label"] as? String)?.contains("بوتين") == true })
        XCTAssertFalse((doc["events"] as? [Any] ?? []).isEmpty)
    }

    func testEntitiesAndOneEntity() throws {
        let query = "بوتين".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let found = try client.get("/api/entities?type=PERSON&q=\(query)").json()
        let items = try XCTUnwrap(found["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 1, "\(items)")
        let id = try XCTUnwrap(items.first?["id"] as? String)
        let entity = try client.get("/api/entities/\(id)").json()
        XCTAssertEqual(entity["type"] as? String, "PERSON")
        XCTAssertFalse((entity["aliases"] as? [String] ?? []).isEmpty)
        XCTAssertFalse((entity["events"] as? [Any] ?? []).isEmpty)
        XCTAssertEqual((entity["documents"] as? [Any])?.count, 2)
        let places = try client.get("/api/entities?type=GPE").json()
        XCTAssertTrue((places["items"] as? [[String: Any]] ?? []).allSatisfy { $0["type"] as? String == "GPE" })
    }

    func testEventsTimelineQuotesNetwork() throws {
        let events = try client.get("/api/events?type=MEET").json()
        let meetings = try XCTUnwrap(events["items"] as? [[String: Any]])
        XCTAssertFalse(meetings.isEmpty)
        XCTAssertTrue(meetings.allSatisfy { $0["type"] as? String == "MEET" })
        let id = try XCTUnwrap(meetings.first?["id"] as? String)
        XCTAssertEqual(try client.get("/api/events/\(id)").json()["id"] as? String, id)
        let june = try client.get("/api/events?from=2024-06-01&to=2024-06-30").json()
        XCTAssertGreaterThan(june["total"] as? Int ?? 0, 0)
        let before = try client.get("/api/events?to=2023").json()
        XCTAssertEqual(before["total"] as? Int, 0)
        let onlyB = try client.get("/api/events?source=outlet-b").json()
        for event in onlyB["items"] as? [[String: Any]] ?? [] {
            let sources = (event["sources"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
            XCTAssertTrue(sources.contains("outlet-b"))
        }
        let timeline = try client.get("/api/timeline").json()
        let entries = try XCTUnwrap(timeline["items"] as? [[String: Any]])
        XCTAssertFalse(entries.isEmpty)
        XCTAssertTrue(entries.allSatisfy { !($0["sources"] as? [Any] ?? []).isEmpty })
        let dates = entries.compactMap { $0["date"] as? String }
        XCTAssertEqual(dates, dates.sorted())
        let quotes = try client.get("/api/quotes").json()
        XCTAssertGreaterThan(quotes["total"] as? Int ?? 0, 0)
        let network = try client.get("/api/network").json()
        let edges = try XCTUnwrap(network["edges"] as? [[String: Any]])
        XCTAssertTrue(edges.contains { $0["type"] as? String == "MEET" && !($0["events"] as? [Any] ?? []).isEmpty })
        XCTAssertNotNil(try client.get("/api/discrepancies").json()["total"] as? Int)
    }

    /// The closed sets the page reads instead of keeping its own copy.
    func testVocabulary() throws {
        let vocabulary = try client.get("/api/vocabulary").json()
        let types = try XCTUnwrap(vocabulary["eventTypes"] as? [[String: Any]])
        XCTAssertEqual(types.count, 13)
        XCTAssertEqual(types.first?["type"] as? String, "MEET")
        XCTAssertEqual(types.first?["symmetric"] as? Bool, true)
        XCTAssertEqual(vocabulary["participantRoles"] as? [String], ["actor", "target", "counterpart", "attendee"])
    }

    func testThePageAndItsFilesAreServed() throws {
        let page = try client.get("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.headers["content-type"]?.hasPrefix("text/html") == true)
        XCTAssertTrue(page.text.contains("<html lang=\"ar\" dir=\"rtl\">"))
        for file in ["/app.js", "/article.js", "/network.js", "/views.js", "/i18n.js", "/app.css"] {
            XCTAssertEqual(try client.get(file).status, 200, file)
        }
        let spec = try client.get("/api/openapi.yaml")
        XCTAssertEqual(spec.status, 200)
        let documented = try String(contentsOf: SharedData.repository.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        XCTAssertEqual(spec.text, documented)
    }
}
