import Foundation
import RasdKit
import XCTest

/// The five seed articles (../shared/seeds with meta.jsonl) posted to a live server and analysed there; then the
/// API's answers on real articles, and the web page as headless Chromium renders it.
final class SeedPageTests: SharedServerTestCase {
    override class var skipReason: String? { SharedData.seeds == nil ? "../shared/seeds is absent: the seed page tests need it" : nil }

    /// The seeds read as `rasd ingest` reads them (readers and --meta), posted through the API.
    override class var seedArticles: [[String: String]] {
        guard let seeds = SharedData.seeds else { return [] }
        let metaPath = seeds.appendingPathComponent("meta.jsonl").path
        let metadata = ArticleMetadata.load(path: metaPath).entries
        let collector = InputCollector(excluded: [metaPath])
        var records: [[String: String]] = []
        for file in collector.files(in: [seeds.path]).files {
            for article in collector.read(file: file).articles {
                let a = metadata[article.id]?.applied(to: article) ?? article
                var record = ["id": a.id, "text": a.text]
                record["title"] = a.title; record["source"] = a.source; record["url"] = a.url
                record["published"] = a.published?.iso
                records.append(record)
            }
        }
        return records
    }


    /// Every document of the analysis, split-off stories included, comes back with annotations that point
    /// into its text.
    func testEverySeedDocumentsAnnotationsPointIntoItsText() throws {
        let client = try harness.client
        let list = try client.get("/api/documents").json()
        let items = try XCTUnwrap(list["items"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(items.count, 5)
        var mentionCount = 0
        for item in items {
            let id = try XCTUnwrap(item["id"] as? String)
            let doc = try client.get("/api/documents/\(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)").json()
            let text = Array(try XCTUnwrap(doc["text"] as? String, id).unicodeScalars)
            for mention in doc["mentions"] as? [[String: Any]] ?? [] {
                let start = mention["start"] as? Int ?? -1, end = mention["end"] as? Int ?? -1
                XCTAssertTrue(0 <= start && start < end && end <= text.count, "\(id) \(start)..<\(end)")
                guard 0 <= start, start < end, end <= text.count else { continue }
                // The text is the span's letters, except after "لل" where it gives the dropped article back.
                let span = String(String.UnicodeScalarView(text[start..<end]))
                let afterLamLam = start >= 2 && String(String.UnicodeScalarView(text[(start - 2)..<start])) == "لل"
                XCTAssertEqual(afterLamLam && !span.hasPrefix("ال") ? "ال" + span : span, mention["text"] as? String, id)
                mentionCount += 1
            }
        }
        XCTAssertGreaterThan(mentionCount, 50)
        let timeline = try client.get("/api/timeline").json()
        XCTAssertGreaterThan(timeline["total"] as? Int ?? 0, 10)
    }

    /// The home view is the list of stories, most recent first: each with its counts of articles and outlets
    /// and a sparkline of its coverage by day; Arabic, right to left.
    func testHomeIsTheStoriesList() throws {
        let harness = try self.harness
        let first = try XCTUnwrap((try harness.client.get("/api/stories?min_documents=2").json()["items"] as? [[String: Any]])?.first)
        let dom = try Chromium.find().dumpDOM(harness.baseURL + "/")
        XCTAssertTrue(dom.contains("<html lang=\"ar\" dir=\"rtl\">"), String(dom.prefix(300)))
        XCTAssertTrue(dom.contains("data-ready=\"stories\""), "the home view is not the stories list")
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"story-item\""), 1)
        XCTAssertTrue(dom.contains("data-story=\"\(first["id"] as? String ?? "?")\""))
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"spark-bar\""), 1)
        XCTAssertTrue(dom.contains("class=\"muted story-counts\""))
        XCTAssertTrue(dom.contains("مقالات") && dom.contains("مصادر"), "counts of articles and outlets, in Arabic")
        XCTAssertTrue(dom.contains(first["title"] as? String ?? "?"), "the Arabic title")
    }

    /// The same list in English: left to right, English labels, the entities under their English names.
    func testHomeInEnglish() throws {
        let harness = try self.harness
        let first = try XCTUnwrap((try harness.client.get("/api/stories?min_documents=2").json()["items"] as? [[String: Any]])?.first)
        let actors = (first["actors"] as? [[String: Any]] ?? []).compactMap { $0["label_en"] as? String }
        XCTAssertFalse(actors.isEmpty, "the seeds' story has actors with English labels")
        let dom = try Chromium.find().dumpDOM(harness.baseURL + "/?lang=en#/")
        XCTAssertTrue(dom.contains("<html lang=\"en\" dir=\"ltr\">"), String(dom.prefix(300)))
        XCTAssertTrue(dom.contains("data-ready=\"stories\""))
        XCTAssertTrue(dom.contains(">Stories<") && dom.contains(" articles") && dom.contains(" outlets"), "English labels")
        XCTAssertTrue(dom.contains(first["title_en"] as? String ?? "?"), "the story's English title")
        for label in actors { XCTAssertTrue(dom.contains(label), label) }
        XCTAssertTrue(dom.contains(">العربية<"), "the toggle offers Arabic")
    }

    /// The timeline of every event in Arabic: timeline entries with their sources, the article with highlighted
    /// entity spans (links to entity pages) in right-to-left Arabic, the discrepancies panel.
    func testStoryPageInChromium() throws {
        let base = try harness.baseURL
        let dom = try Chromium.find().dumpDOM(base + "/#/timeline")
        XCTAssertTrue(dom.contains("<html lang=\"ar\" dir=\"rtl\">"), String(dom.prefix(300)))
        XCTAssertTrue(dom.contains("data-ready=\"story\""), "the story view did not finish rendering")
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"tl-entry\""), 10)
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"source-link\""), 10)
        XCTAssertTrue(dom.contains("class=\"article-text\" lang=\"ar\" dir=\"rtl\""))
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"hl hl-ent ent-"), 10)
        XCTAssertTrue(dom.contains("hl-ent ent-PERSON"))
        XCTAssertTrue(dom.contains("data-entity=\"E"))
        XCTAssertTrue(dom.contains("id=\"discrepancies\""))
        XCTAssertTrue(dom.contains("الخط الزمني"), "Arabic labels")
    }

    /// The timeline of every event, filtered from the URL (event type by the API, modality by the page).
    func testTimelineFiltersFromTheURL() throws {
        let harness = try self.harness
        let meetings = try XCTUnwrap(try harness.client.get("/api/timeline?type=MEET&limit=500").json()["items"] as? [[String: Any]])
        let modality = try XCTUnwrap(meetings.first?["modality"] as? String)
        let expected = meetings.filter { $0["modality"] as? String == modality }.count
        let dom = try Chromium.find().dumpDOM(harness.baseURL + "/#/timeline?type=MEET&modality=\(modality)")
        XCTAssertTrue(dom.contains("data-ready=\"story\""))
        XCTAssertTrue(dom.contains("id=\"timeline\" class=\"panel\" data-shown=\"\(expected)\""), "\(expected) entries expected")
        XCTAssertTrue(dom.contains("<option value=\"MEET\" selected=\"\""))
        XCTAssertTrue(dom.contains("<option value=\"\(modality)\" selected=\"\""))
        let all = try XCTUnwrap(try harness.client.get("/api/timeline").json()["total"] as? Int)
        XCTAssertLessThan(expected, all, "the filter keeps fewer entries than the whole timeline")
    }

    /// English labels, left to right; the entity page shows aliases, roles over time, events and quotes.
    func testEntityPageInEnglish() throws {
        let harness = try self.harness
        let people = try harness.client.get("/api/entities?type=PERSON&limit=1").json()
        let id = try XCTUnwrap((people["items"] as? [[String: Any]])?.first?["id"] as? String)
        let dom = try Chromium.find().dumpDOM(harness.baseURL + "/?lang=en#/entity/\(id)")
        XCTAssertTrue(dom.contains("<html lang=\"en\" dir=\"ltr\">"), String(dom.prefix(300)))
        XCTAssertTrue(dom.contains("data-ready=\"entity\""), "the entity view did not finish rendering")
        XCTAssertTrue(dom.contains("data-entity=\"\(id)\""))
        for label in ["Names written", "Roles over time", "Events", "Quotes", "Mentioned in"] {
            XCTAssertTrue(dom.contains(label), label)
        }
        XCTAssertGreaterThan(dom.occurrences(of: "class=\"tl-entry\""), 0)
    }

    func testNetworkIsDrawn() throws {
        let base = try harness.baseURL
        let dom = try Chromium.find().dumpDOM(base + "/#/network")
        XCTAssertTrue(dom.contains("data-ready=\"network\""), "the network view did not finish rendering")
        XCTAssertTrue(dom.contains("class=\"network\""))
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"node ent-"), 5)
        XCTAssertGreaterThanOrEqual(dom.occurrences(of: "class=\"edge\""), 5)
    }

    /// A screenshot of the timeline page (timeline beside an article with highlighted entities). Set
    /// RASD_SCREENSHOT_DIR to keep it (as timeline.png); docs/screenshots/ is made by scripts/screenshots.sh.
    func testScreenshotOfTheStoryPage() throws {
        let base = try harness.baseURL
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-story-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try Chromium.find().screenshot(base + "/#/timeline", to: file)
        let png = try Data(contentsOf: file)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Width and height from the IHDR chunk.
        let size = png.count > 24 ? (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) }) : (0, 0)
        XCTAssertEqual(size.0, 1400)
        XCTAssertEqual(size.1, 1000)
        XCTAssertGreaterThan(png.count, 50_000, "a page with text and colours, not a blank one")
        if let folder = ProcessInfo.processInfo.environment["RASD_SCREENSHOT_DIR"], !folder.isEmpty {
            let target = URL(fileURLWithPath: folder).appendingPathComponent("timeline.png")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: file, to: target)
        }
    }
}
