import Foundation
import XCTest

/// `GET /api/stories` and `GET /api/stories/{id}` against a real server on loopback: a feed of two stories (two
/// outlets' reports of one meeting with different troop figures, and a football match).
final class StoriesAPITests: SharedServerTestCase {

    static let articles: [[String: String]] = [
        ["id": "m1", "source": "outlet-a", "published": "2024-06-20", "title": "بوتين وكيم يوقعان اتفاقية",
         "text": "موسكو - التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في بيونغ يانغ يوم الأربعاء 19 يونيو 2024، ووقع الزعيمان اتفاقية شراكة استراتيجية شاملة.\nوأرسلت كوريا الشمالية نحو عشرة آلاف جندي إلى روسيا بحسب مصادر غربية."],
        ["id": "m2", "source": "outlet-b", "published": "2024-06-21",
         "text": "بيونغ يانغ - استقبل كيم جونغ أون الرئيس فلاديمير بوتين في العاصمة الكورية الشمالية يوم 19 يونيو 2024، ووقع الزعيمان اتفاقية شراكة استراتيجية شاملة خلال الزيارة.\nوأرسلت كوريا الشمالية نحو اثني عشر ألف جندي إلى روسيا بحسب مصادر غربية."],
        ["id": "f1", "source": "outlet-c", "published": "2024-06-21",
         "text": "فاز نادي الهلال على نادي النصر بثلاثة أهداف مقابل هدف في مباراة الدوري السعودي للمحترفين مساء الخميس على ملعب المملكة أرينا في الرياض."],
    ]

    override class var seedArticles: [[String: String]] { articles }

    func items(_ path: String) throws -> [[String: Any]] {
        let answer = try client.get(path)
        XCTAssertEqual(answer.status, 200, "\(path): \(answer.text)")
        return try XCTUnwrap(try answer.json()["items"] as? [[String: Any]], path)
    }

    func testListFiltersAndPaging() throws {
        let all = try items("/api/stories")
        XCTAssertEqual(all.count, 2, "\(all)")
        let meeting = try XCTUnwrap(all.first { $0["documents"] as? Int == 2 })
        XCTAssertEqual(meeting["sources"] as? [String], ["outlet-a", "outlet-b"])
        XCTAssertEqual(meeting["outlets"] as? Int, 2)
        XCTAssertFalse((meeting["title"] as? String ?? "").isEmpty)
        XCTAssertFalse((meeting["actors"] as? [Any] ?? []).isEmpty)
        XCTAssertEqual((meeting["coverage"] as? [[String: Any]])?.compactMap { $0["date"] as? String }, ["2024-06-20", "2024-06-21"])
        // Most documents first with sort=size; at least two documents; by outlet, type, dates, actor.
        XCTAssertEqual(try items("/api/stories?sort=size").first?["id"] as? String, meeting["id"] as? String)
        XCTAssertEqual(try items("/api/stories?min_documents=2").map { $0["id"] as? String }, [meeting["id"] as? String])
        XCTAssertEqual(try items("/api/stories?outlet=outlet-c").count, 1)
        XCTAssertEqual(try items("/api/stories?outlet=outlet-z").count, 0)
        XCTAssertEqual(try items("/api/stories?type=MEET").map { $0["id"] as? String }, [meeting["id"] as? String])
        XCTAssertEqual(try items("/api/stories?from=2024-06&to=2024-06").count, 2)
        XCTAssertEqual(try items("/api/stories?to=2023").count, 0)
        let actor = try XCTUnwrap((meeting["actors"] as? [[String: Any]])?.first?["id"] as? String)
        XCTAssertEqual(try items("/api/stories?actor=\(actor)").map { $0["id"] as? String }, [meeting["id"] as? String])
        let paged = try client.get("/api/stories?offset=1&limit=1").json()
        XCTAssertEqual(paged["total"] as? Int, 2)
        XCTAssertEqual((paged["items"] as? [Any])?.count, 1)
    }

    func testOneStory() throws {
        let all = try items("/api/stories?min_documents=2")
        let id = try XCTUnwrap(all.first?["id"] as? String)
        let answer = try client.get("/api/stories/\(id)")
        XCTAssertEqual(answer.status, 200, answer.text)
        let story = try answer.json()
        XCTAssertEqual((story["story"] as? [String: Any])?["id"] as? String, id)
        XCTAssertEqual(Set((story["documents"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }), ["m1", "m2"])
        let timeline = try XCTUnwrap(story["timeline"] as? [[String: Any]])
        // The signing both outlets report is one event with its two sources.
        XCTAssertTrue(timeline.contains { $0["type"] as? String == "SIGN" && ($0["sources"] as? [Any])?.count == 2 }, "\(timeline)")
        let dates = timeline.compactMap { $0["date"] as? String }
        XCTAssertEqual(dates, dates.sorted())
        XCTAssertNotNil(story["background"] as? [Any])
        XCTAssertNotNil(story["related"] as? [Any], "related stories, possibly none")
        XCTAssertFalse((story["entities"] as? [Any] ?? []).isEmpty)
        let network = try XCTUnwrap(story["network"] as? [String: Any])
        XCTAssertFalse((network["edges"] as? [Any] ?? []).isEmpty)
        // The two outlets' troop figures differ: a discrepancy of this story, none in the other.
        let discrepancies = try XCTUnwrap(story["discrepancies"] as? [[String: Any]])
        XCTAssertTrue(discrepancies.contains { d in
            Set((d["values"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }) == [10000, 12000]
        }, "\(discrepancies)")
        let other = try XCTUnwrap(try items("/api/stories?outlet=outlet-c").first?["id"] as? String)
        XCTAssertEqual((try client.get("/api/stories/\(other)").json()["discrepancies"] as? [Any])?.count, 0)
    }

    func testBadRequestsAndUnknownStory() throws {
        XCTAssertEqual(try client.get("/api/stories/S999").status, 404)
        for query in ["type=PARTY", "from=2024-13", "from=2024-06-02&to=2024-06-01", "limit=0", "min_documents=0", "sort=oldest"] {
            let answer = try client.get("/api/stories?\(query)")
            XCTAssertEqual(answer.status, 400, query)
            XCTAssertNotNil(try answer.json()["error"] as? String, query)
        }
    }

    /// Percent-encoded for a query value, spaces written `+` as a form (and the page) writes them.
    func form(_ text: String) -> String {
        text.split(separator: " ").map { String($0).addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }.joined(separator: "+")
    }

    func ids(_ path: String) throws -> Set<String> { Set(try items(path).compactMap { $0["id"] as? String }) }

    /// `modality`: the stories with an event (background left out) told so, as their own timelines say.
    func testModalityFilter() throws {
        var expected: [String: Set<String>] = [:]
        for story in try items("/api/stories") {
            let id = try XCTUnwrap(story["id"] as? String)
            for entry in try client.get("/api/stories/\(id)").json()["timeline"] as? [[String: Any]] ?? [] {
                expected[entry["modality"] as? String ?? "", default: []].insert(id)
            }
        }
        XCTAssertFalse(expected.isEmpty)
        for modality in ["asserted", "reported", "alleged", "denied", "planned", "speculative"] {
            XCTAssertEqual(try ids("/api/stories?modality=\(modality)"), expected[modality] ?? [], modality)
        }
        XCTAssertEqual(try client.get("/api/stories?modality=sure").status, 400)
    }

    /// `+` in a query string is a space (`%2B` a plus), as HTML forms and the page write them.
    func testPlusInAQueryIsASpace() throws {
        let kim = try ids("/api/entities?q=\(form("كيم جونغ أون"))")
        XCTAssertFalse(kim.isEmpty)
        XCTAssertEqual(try ids("/api/entities?q=\(form("كيم جونغ أون").replacingOccurrences(of: "+", with: "%20"))"), kim)
        XCTAssertEqual(try ids("/api/documents?q=\(form("كيم جونغ أون"))"), ["m1", "m2"])
        XCTAssertEqual(try ids("/api/entities?q=Kim+Jong+Un"), kim)
        XCTAssertEqual(try ids("/api/entities?q=Kim%2BJong"), [])
    }

    /// Search finds the spellings entity linking unifies: ج for غ, a name written joined, a knowledge-base alias
    /// the articles never use; for articles and for stories.
    func testSearchFindsSpellingVariants() throws {
        let meeting = try ids("/api/stories?type=MEET")
        XCTAssertEqual(meeting.count, 1)
        for query in ["كيم جونج اون", "جونج", "بيونغيانغ", "بيونجيانج", "بوتن", "Vladimir Putin"] {
            XCTAssertEqual(try ids("/api/documents?q=\(form(query))"), ["m1", "m2"], query)
            XCTAssertEqual(try ids("/api/stories?q=\(form(query))"), meeting, query)
        }
        // The football match's words find its story only; a word no article has finds nothing.
        XCTAssertEqual(try ids("/api/documents?q=\(form("الهلال"))"), ["f1"])
        XCTAssertEqual(try ids("/api/stories?q=\(form("الهلال"))").count, 1)
        XCTAssertTrue(try ids("/api/stories?q=\(form("زلزال"))").isEmpty)
    }

    /// An article posted after the analysis is found by search, marked as not analysed yet.
    func testUnanalysedArticlesAreSearchable() throws {
        let body = try JSONSerialization.data(withJSONObject: [["id": "late1", "text": "افتتح المتحف الوطني معرضا للمخطوطات النادرة في الكويت."]])
        XCTAssertEqual(try client.post("/api/articles", body: body).status, 200)
        let found = try items("/api/documents?q=\(form("المخطوطات"))")
        XCTAssertEqual(found.map { $0["id"] as? String }, ["late1"])
        XCTAssertEqual(found.first?["analysed"] as? Bool, false)
        XCTAssertEqual(try items("/api/documents").count, 3, "the lists show the analysis only")
    }

    /// Filters held in the URL: opening the address shows the list and one story filtered, the controls set.
    func testFiltersThroughTheURL() throws {
        let harness = try self.harness
        let chromium = try Chromium.find()
        let meeting = try XCTUnwrap(try ids("/api/stories?type=MEET").first)
        let list = try chromium.dumpDOM(harness.baseURL + "/#/?min_documents=1&type=MEET")
        XCTAssertTrue(list.contains("data-ready=\"stories\""), "the home view did not finish rendering")
        XCTAssertEqual(list.occurrences(of: "class=\"story-item\""), 1)
        XCTAssertTrue(list.contains("data-story=\"\(meeting)\""))
        XCTAssertTrue(list.contains("<option value=\"MEET\" selected=\"\""), "the type control shows the filter")
        let football = try chromium.dumpDOM(harness.baseURL + "/#/?min_documents=1&outlet=outlet-c&from=2024-06-21&to=2024-06-21")
        XCTAssertEqual(football.occurrences(of: "class=\"story-item\""), 1)
        XCTAssertFalse(football.contains("data-story=\"\(meeting)\""))
        XCTAssertTrue(football.contains("<option value=\"outlet-c\" selected=\"\""))
        XCTAssertTrue(football.contains("value=\"2024-06-21\""))
        XCTAssertEqual(try chromium.dumpDOM(harness.baseURL + "/#/?min_documents=1&to=2023").occurrences(of: "class=\"story-item\""), 0)
        // One story's timeline filtered by event type and outlet.
        let timeline = try XCTUnwrap(try client.get("/api/stories/\(meeting)").json()["timeline"] as? [[String: Any]])
        let signings = timeline.filter { entry in
            entry["type"] as? String == "SIGN"
                && (entry["sources"] as? [[String: Any]] ?? []).contains { $0["source"] as? String == "outlet-a" }
        }.count
        XCTAssertGreaterThan(signings, 0)
        XCTAssertLessThan(signings, timeline.count)
        let story = try chromium.dumpDOM(harness.baseURL + "/#/stories/\(meeting)?type=SIGN&outlet=outlet-a")
        XCTAssertTrue(story.contains("data-story=\"\(meeting)\""), "the story view did not render")
        XCTAssertEqual(story.occurrences(of: "class=\"tl-entry\""), signings)
        XCTAssertEqual(story.occurrences(of: "class=\"badge ev-SIGN\""), signings)
        XCTAssertEqual(story.occurrences(of: "class=\"badge ev-MEET\""), 0)
    }

    /// A discrepancy is named in the page's language: by its event (type badge, participants) or, when no
    /// event holds the figures, by what it counts; never by the analysis' English key (`about`).
    func testDiscrepancyLabelsInThePageLanguage() throws {
        let harness = try self.harness
        let meeting = try XCTUnwrap(try ids("/api/stories?type=MEET").first)
        let discrepancies = try XCTUnwrap(try client.get("/api/stories/\(meeting)").json()["discrepancies"] as? [[String: Any]])
        let troops = try XCTUnwrap(discrepancies.first { d in
            Set((d["values"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }) == [10000, 12000]
        })
        let about = try XCTUnwrap(troops["about"] as? String)
        func section(_ dom: String) -> String {
            let after = dom.components(separatedBy: "id=\"discrepancies\"").dropFirst().first ?? ""
            return after.components(separatedBy: "</section>").first ?? ""
        }
        let arabic = section(try Chromium.find().dumpDOM(harness.baseURL + "/?lang=ar#/stories/\(meeting)"))
        let english = section(try Chromium.find().dumpDOM(harness.baseURL + "/?lang=en#/stories/\(meeting)"))
        XCTAssertFalse(arabic.contains(about), arabic)
        XCTAssertFalse(english.contains(about), english)
        if let event = troops["event"] as? [String: Any] {
            let type = try XCTUnwrap(event["type"] as? String)
            XCTAssertTrue(arabic.contains("class=\"badge ev-\(type)\""), arabic)
            XCTAssertTrue(english.contains("class=\"badge ev-\(type)\""), english)
        } else {
            XCTAssertTrue(about.hasPrefix("troops:"), about)
            XCTAssertTrue(arabic.contains("data-measure=\"troops\">عدد الجنود<"), arabic)
            XCTAssertTrue(english.contains("data-measure=\"troops\">number of troops<"), english)
        }
    }

    /// One story's own network, linked from the story.
    func testStoryNetworkPage() throws {
        let harness = try self.harness
        let meeting = try XCTUnwrap(try ids("/api/stories?type=MEET").first)
        let network = try XCTUnwrap(try client.get("/api/stories/\(meeting)").json()["network"] as? [String: Any])
        let nodes = try XCTUnwrap(network["nodes"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(nodes.count, 2)
        let chromium = try Chromium.find()
        XCTAssertTrue(try chromium.dumpDOM(harness.baseURL + "/#/stories/\(meeting)").contains("href=\"#/network?story=\(meeting)\""))
        let dom = try chromium.dumpDOM(harness.baseURL + "/#/network?story=\(meeting)")
        XCTAssertTrue(dom.contains("data-ready=\"network\""))
        XCTAssertTrue(dom.contains("data-nodes=\"\(nodes.count)\""))
        for node in nodes { XCTAssertTrue(dom.contains("data-entity=\"\(node["id"] as? String ?? "?")\"")) }
    }

    /// The page's search writes `+` for a space: a two-word name finds its articles, in another spelling too.
    func testSearchThroughThePage() throws {
        let harness = try self.harness
        let chromium = try Chromium.find()
        let encoded = "كيم جونج اون".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let docs = try chromium.dumpDOM(harness.baseURL + "/#/documents?q=\(encoded)")
        XCTAssertTrue(docs.contains("data-ready=\"documents\""))
        XCTAssertEqual(docs.occurrences(of: "class=\"doc-item\""), 2, "m1 and m2")
        let entities = try chromium.dumpDOM(harness.baseURL + "/?lang=en#/entities?q=Kim%20Jong%20Un")
        XCTAssertTrue(entities.contains("Kim Jong Un"))
        XCTAssertFalse(entities.contains("class=\"empty\""), "the two-word name is found")
        let stories = try chromium.dumpDOM(harness.baseURL + "/#/?min_documents=1&q=\("بوتن".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
        XCTAssertEqual(stories.occurrences(of: "class=\"story-item\""), 1)
    }

    /// The page: the list of stories (filters in the URL) and one story in English, as headless Chromium renders them.
    func testStoriesPageInChromium() throws {
        let harness = try self.harness
        let chromium = try Chromium.find()
        let list = try chromium.dumpDOM(harness.baseURL + "/#/?min_documents=1&sort=size")
        XCTAssertTrue(list.contains("data-ready=\"stories\""), "the stories view did not finish rendering")
        XCTAssertEqual(list.occurrences(of: "class=\"story-item\""), 2)
        XCTAssertTrue(list.contains("class=\"sparkline\""))
        XCTAssertTrue(list.contains("القصص"), "Arabic labels")
        let meeting = try XCTUnwrap(try items("/api/stories?min_documents=2").first?["id"] as? String)
        let story = try chromium.dumpDOM(harness.baseURL + "/?lang=en#/stories/\(meeting)")
        XCTAssertTrue(story.contains("<html lang=\"en\" dir=\"ltr\">"), String(story.prefix(300)))
        XCTAssertTrue(story.contains("data-story=\"\(meeting)\""), "the story view did not render")
        XCTAssertGreaterThanOrEqual(story.occurrences(of: "class=\"tl-entry\""), 2)
        XCTAssertTrue(story.contains("id=\"discrepancies\""))
        // An event two outlets report, its two sources and their differing figures beside it.
        let detail = try client.get("/api/stories/\(meeting)").json()
        let signing = try XCTUnwrap((detail["timeline"] as? [[String: Any]])?.first { $0["type"] as? String == "SIGN" }?["event"] as? String)
        let signingEntry = try XCTUnwrap(story.components(separatedBy: "data-event=\"\(signing)\"").dropFirst().first?.components(separatedBy: "</li>").first)
        XCTAssertTrue(signingEntry.contains("outlet-a") && signingEntry.contains("outlet-b"), signingEntry)
        if let event = (detail["discrepancies"] as? [[String: Any]])?.compactMap({ ($0["event"] as? [String: Any])?["id"] as? String }).first {
            let entry = try XCTUnwrap(story.components(separatedBy: "data-event=\"\(event)\"").dropFirst().first?.components(separatedBy: "</li>").first)
            XCTAssertTrue(entry.contains("class=\"tl-figures\""), entry)
            XCTAssertTrue(entry.contains(">10000<") && entry.contains(">12000<"), entry)
        }
        XCTAssertTrue(story.contains("Timeline"))
    }
}
