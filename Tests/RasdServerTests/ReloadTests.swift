import Foundation
import RasdKit
import RasdStore
import XCTest

/// An analysis another process saves in the store (`rasd watch`, `rasd analyze --db`) reaches a running server's
/// queries without a restart.
final class ReloadTests: XCTestCase {
    func testAnAnalysisSavedElsewhereIsServed() throws {
        let server = try ServerHarness(configure: { $0.reloadInterval = .milliseconds(200) })
        defer { server.stop(); server.removeFolder() }
        XCTAssertEqual(try server.client.get("/api/events").json()["total"] as? Int, 0)
        let article = SourceArticle(id: "r1", text: "التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في بيونغ يانغ أمس.",
                                    published: PartialDate(iso: "2024-06-20"), origin: "r1")
        // Another writer on the same file: a second connection, as a separate process would have.
        let other = try ArticleStore(path: server.folder.appendingPathComponent("news.db").path)
        _ = try other.ingest([article])
        try other.saveAnalysis(try Analyzer().analyze([article]))
        let deadline = Date().addingTimeInterval(30)
        var total = 0
        while total == 0 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            total = (try? server.client.get("/api/events").json()["total"] as? Int) ?? 0
        }
        XCTAssertGreaterThan(total, 0, "the new analysis was not picked up")
        XCTAssertEqual(try server.client.get("/api/health").json()["storedDocuments"] as? Int, 1)
    }
}
