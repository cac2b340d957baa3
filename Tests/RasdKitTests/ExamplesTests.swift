import Foundation
import XCTest
@testable import RasdKit

/// End to end on the sample articles under examples/ (our own texts, other topics than the seeds).
final class ExamplesTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    /// The articles under examples/ with their metadata, as `rasd analyze examples --meta examples/meta.jsonl` reads them.
    static func articles() -> [SourceArticle] {
        let metaPath = examples.appendingPathComponent("meta.jsonl").path
        let meta = ArticleMetadata.load(path: metaPath).entries
        let collector = InputCollector(excluded: [metaPath])
        return collector.files(in: [examples.path]).files
            .flatMap { collector.read(file: $0).articles }
            .map { meta[$0.id]?.applied(to: $0) ?? $0 }
    }

    static let analysis: Analysis = try! Analyzer().analyze(articles())

    var analysis: Analysis { Self.analysis }

    func entity(kb id: String) -> Analysis.Entity? { analysis.entities.first { $0.kb == id } }

    func events(_ type: String, actor kbId: String) -> [Analysis.Event] {
        guard let actor = entity(kb: kbId) else { return [] }
        return analysis.events.filter { $0.type == type && $0.participants.contains { $0.entity == actor.id && $0.role == "actor" } }
    }

    func testReadsEveryFormatAndCleans() {
        XCTAssertEqual(Set(analysis.documents.map(\.id)),
                       ["gulf_visit", "missile_test_a", "missile_test_b", "nile_talks", "sanctions_page"])
        let bodies = Dictionary(uniqueKeysWithValues: analysis.documents.map { ($0.id, $0.body) })
        XCTAssertFalse(bodies["nile_talks"]!.contains("مقالات ذات صلة"))
        XCTAssertFalse(bodies["gulf_visit"]!.contains("كلمات دلالية"))
        XCTAssertFalse(bodies["missile_test_b"]!.contains("ساهم في إعداد"))
        XCTAssertTrue(bodies["missile_test_b"]!.contains("ونفى عراقجي الاتهامات الأمريكية"))
        // The HTML page: the article without its menu, related links and footer; its date from <meta>.
        let page = analysis.documents.first { $0.id == "sanctions_page" }!
        XCTAssertEqual(page.published, "2025-02-24")
        XCTAssertTrue(page.body.contains("حزمة جديدة من العقوبات على روسيا"))
        XCTAssertFalse(page.body.contains("جميع الحقوق محفوظة"))
        XCTAssertFalse(page.body.contains("أسعار النفط ترتفع"))
    }

    func testEntitiesAcrossArticlesWithRoles() throws {
        let araghchi = try XCTUnwrap(entity(kb: "abbas_araghchi"))
        XCTAssertEqual(Set(araghchi.mentions.map(\.doc)), ["missile_test_a", "missile_test_b"])
        XCTAssertEqual(araghchi.label_en, "Abbas Araghchi")
        let faisal = try XCTUnwrap(entity(kb: "faisal_bin_farhan"))
        XCTAssertTrue(faisal.roles.contains { $0.basis == "text" && $0.title.contains("وزير الخارجية السعودي") })
        XCTAssertNotNil(entity(kb: "kaja_kallas"), "a name in the HTML page")
    }

    func testEventsDatesAndModality() throws {
        let visit = try XCTUnwrap(events("VISIT", actor: "faisal_bin_farhan").first)
        XCTAssertEqual(visit.date, "2025-05-13", "يوم الثلاثاء before a Tuesday publication date is that day")
        XCTAssertEqual(visit.place.flatMap { id in analysis.entities.first { $0.id == id }?.kb }, "ankara")
        // "ووقع الجانبان": both sides of the talks sign.
        let sign = try XCTUnwrap(events("SIGN", actor: "faisal_bin_farhan").first)
        XCTAssertTrue(sign.participants.contains { $0.entity == entity(kb: "hakan_fidan")?.id })
        // "من المقرر أن يزور": planned, next month.
        let planned = try XCTUnwrap(events("VISIT", actor: "recep_tayyip_erdogan").first)
        XCTAssertEqual(planned.modality, "planned")
        XCTAssertEqual(planned.date, "2025-06")
        // "قد استقبل" is a past reception, not a possibility.
        let reception = try XCTUnwrap(events("MEET", actor: "abdel_fattah_el_sisi").first)
        XCTAssertNotEqual(reception.modality, "speculative")
        XCTAssertEqual(reception.date, "2025-01")
        // One launch reported by two sources on two days.
        let launch = try XCTUnwrap(events("LAUNCH", actor: "ir").first)
        XCTAssertEqual(Set(launch.sources), ["missile_test_a", "missile_test_b"])
        XCTAssertEqual(launch.date, "2025-07-17")
        XCTAssertEqual(events("SANCTION", actor: "european_union").count, 1)
        XCTAssertFalse(events("DENY", actor: "abbas_araghchi").isEmpty)
    }

    func testQuotesAndDiscrepancies() throws {
        let araghchi = try XCTUnwrap(entity(kb: "abbas_araghchi"))
        XCTAssertTrue(analysis.quotes.contains { $0.speaker == araghchi.id && $0.text.contains("برنامجنا الصاروخي دفاعي") })
        let kallas = try XCTUnwrap(entity(kb: "kaja_kallas"))
        XCTAssertTrue(analysis.quotes.contains { $0.speaker == kallas.id && $0.direct })
        let troops = try XCTUnwrap(analysis.discrepancies.first { $0.unit?.contains("جندي") == true })
        XCTAssertEqual(Set(troops.values.map(\.value)), [2000, 3000])
        XCTAssertEqual(Set(troops.values.map(\.doc)), ["missile_test_a", "missile_test_b"])
    }

    func testReportsRender() {
        let md = MarkdownReport.render(analysis)
        XCTAssertTrue(md.contains("## Stories"))
        XCTAssertTrue(md.contains("2025-07-17"))
        let csv = EventCSV.render(analysis).split(separator: "\n")
        XCTAssertEqual(csv.count, analysis.events.count + 1)
        XCTAssertTrue(csv[0].hasPrefix("GlobalEventID,Day"))
        XCTAssertTrue(csv[0].hasSuffix(",StoryID"))
    }
}
