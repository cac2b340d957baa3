import Foundation
import XCTest
@testable import RasdKit

/// How a store keeps an article's records (`RecordCoding`): decoded, they are the records made; the signature and
/// the story terms are packed bytes, not lists of JSON numbers.
final class RecordCodingTests: XCTestCase {
    func testRecordsRoundTripWithPackedSignatureAndTerms() throws {
        let analyzer = try Analyzer()
        let article = SourceArticle(id: "r1", text: """
            أعلن رئيس البلدية في مدينة الخبر افتتاح ثلاث حدائق عامة يوم الخميس، وقال إن العمل في الحديقة الرابعة سينتهي قبل الصيف.
            وأضاف أن البلدية زرعت أكثر من ألفي شجرة في الأحياء الجديدة خلال العام الماضي.
            """, title: "افتتاح حدائق عامة في الخبر", published: PartialDate(iso: "2024-03-07"), source: "local", origin: "test")
        let records = analyzer.records(article, repeatedLines: [:])
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records[0].signature.count, NearDuplicateDetector().signatureLength)
        XCTAssertGreaterThan(records[0].storyTerms.count, 10)
        XCTAssertTrue(records[0].storyTerms.contains { $0.weight > 1 }, "title stems weigh more")

        let data = try RecordCoding.encode(records)
        XCTAssertEqual(try RecordCoding.decode(data), records)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertTrue(json[0]["signature"] is String, "packed, base64")
        XCTAssertTrue(json[0]["storyTerms"] is String, "packed, base64")
        XCTAssertEqual(Data(base64Encoded: json[0]["storyTerms"] as! String)?.count, records[0].storyTerms.count * 16)

        // A record whose packed terms are cut short is refused, not read as other terms.
        var cut = json
        cut[0]["storyTerms"] = Data(repeating: 1, count: 12).base64EncodedString()
        XCTAssertThrowsError(try RecordCoding.decode(try JSONSerialization.data(withJSONObject: cut)))
        // An empty signature (a story split off an article) stays empty.
        var split = records[0]
        split.signature = []
        XCTAssertEqual(try RecordCoding.decode(try RecordCoding.encode([split])), [split])
    }
}
