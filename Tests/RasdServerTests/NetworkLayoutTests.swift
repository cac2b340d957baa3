import Foundation
import XCTest

/// The network page on a feed with well over a hundred connected entities (the first articles of
/// ../shared/data/saudinewsnet/sample.jsonl, posted and analysed through the API): every label's box as
/// headless Chromium lays it out (`getBoundingClientRect`, written by the page into `data-box`), no two
/// overlapping; one entity in focus with its neighbours.
final class NetworkLayoutTests: SharedServerTestCase {
    static let articles = 300

    static var sample: URL? {
        let url = SharedData.repository.deletingLastPathComponent().appendingPathComponent("shared/data/saudinewsnet/sample.jsonl")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    override class var skipReason: String? {
        sample == nil ? "../shared/data/saudinewsnet/sample.jsonl is absent: the network layout test needs a large feed" : nil
    }

    /// The first articles of the sample that have text (records without would make the upload refuse them all).
    override class func upload() throws -> (body: Data, contentType: String)? {
        guard let sample else { return nil }
        let lines = try String(contentsOf: sample, encoding: .utf8).split(separator: "\n").prefix(articles * 2)
        let kept = lines.filter { line in
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return false }
            return !((record["text"] as? String) ?? "").isEmpty
        }.prefix(articles)
        return (Data(kept.joined(separator: "\n").utf8), "application/x-ndjson")
    }

    struct Box: CustomStringConvertible {
        var left, top, right, bottom: Double
        func overlaps(_ o: Box) -> Bool { left < o.right && o.left < right && top < o.bottom && o.top < bottom }
        var description: String { "(\(left), \(top))–(\(right), \(bottom))" }
    }

    /// Each label's text and rendered box, from the dumped DOM.
    static func labels(_ dom: String) throws -> [(String, Box)] {
        let pattern = try NSRegularExpression(pattern: #"<text [^>]*data-box="([-0-9.]+),([-0-9.]+),([-0-9.]+),([-0-9.]+)"[^>]*>([^<]*)</text>"#)
        let ns = dom as NSString
        return pattern.matches(in: dom, range: NSRange(location: 0, length: ns.length)).map { m in
            let v = (1...4).map { Double(ns.substring(with: m.range(at: $0))) ?? .nan }
            return (ns.substring(with: m.range(at: 5)), Box(left: v[0], top: v[1], right: v[2], bottom: v[3]))
        }
    }

    func testLabelsDoNotOverlap() throws {
        let harness = try self.harness
        let network = try harness.client.get("/api/network").json()
        let nodes = (network["nodes"] as? [Any])?.count ?? 0
        XCTAssertGreaterThanOrEqual(nodes, 100, "the feed should give a network of at least 100 entities")
        for lang in ["ar", "en"] {
            let dom = try Chromium.find().dumpDOM(harness.baseURL + "/?lang=\(lang)#/network")
            XCTAssertTrue(dom.contains("data-ready=\"network\""), "the network view did not finish rendering")
            let shown = min(nodes, 200)
            XCTAssertTrue(dom.contains("data-nodes=\"\(shown)\""), "the \(shown) most connected entities are drawn")
            let labels = try NetworkLayoutTests.labels(dom)
            XCTAssertEqual(labels.count, shown, "every node has its label, measured")
            for (_, box) in labels { XCTAssertTrue(box.right > box.left && box.bottom > box.top, "\(box)") }
            var overlapping: [String] = []
            for i in labels.indices {
                for j in labels.indices where j > i && labels[i].1.overlaps(labels[j].1) {
                    overlapping.append("\(labels[i].0) \(labels[i].1) × \(labels[j].0) \(labels[j].1)")
                }
            }
            XCTAssertEqual(overlapping, [], "\(lang): labels overlap")
        }
    }

    /// Focus on one entity (the URL, as a click on it leads there): it and its neighbours, the others faded.
    func testFocusOnOneEntity() throws {
        let harness = try self.harness
        let network = try harness.client.get("/api/network").json()
        let top = try XCTUnwrap((network["nodes"] as? [[String: Any]])?.first?["id"] as? String)
        let neighbours = Set((network["edges"] as? [[String: Any]] ?? []).compactMap { e -> String? in
            e["source"] as? String == top ? e["target"] as? String : e["target"] as? String == top ? e["source"] as? String : nil
        })
        XCTAssertFalse(neighbours.isEmpty)
        let full = try Chromium.find().dumpDOM(harness.baseURL + "/#/network")
        XCTAssertTrue(full.contains("href=\"#/network/\(top)\""), "a click on an entity focuses on it")
        let dom = try Chromium.find().dumpDOM(harness.baseURL + "/#/network/\(top)")
        XCTAssertTrue(dom.contains("data-ready=\"network\""))
        XCTAssertTrue(dom.contains("class=\"network-focus\""))
        XCTAssertEqual(dom.occurrences(of: " focus\" data-entity=\"\(top)\""), 1)
        for id in neighbours.prefix(200) { XCTAssertTrue(dom.contains("data-entity=\"\(id)\""), id) }
        XCTAssertEqual(try NetworkLayoutTests.labels(dom).count, dom.occurrences(of: "<circle "))
    }
}
