import Foundation
import XCTest
@testable import RasdKit

/// The news reference set (eval/newsref): SaudiNewsNet articles annotated exhaustively by hand, without seeing
/// Rasd's output, so the scorer counts event precision too. The articles stay in ../shared (their licence keeps
/// them out of the repository): the test takes the part's ids from the sample. The floors are the levels
/// measured when the set was made (BENCHMARKS.md, "Events on unseen news"): a change that lowers them is a
/// regression. The test part is scored in BENCHMARKS.md only, never read case by case.
final class NewsReferenceTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("eval/newsref")
    static let sample = SeedsTests.shared.appendingPathComponent("data/saudinewsnet/sample.jsonl")

    /// The part's articles, read from the sample by id, with the part's metadata.
    static func articles(part: String) throws -> [SourceArticle] {
        guard FileManager.default.fileExists(atPath: sample.path),
              FileManager.default.fileExists(atPath: SeedsTests.shared.appendingPathComponent("tools/score_seeds.py").path) else {
            throw XCTSkip("../shared/data/saudinewsnet/sample.jsonl or the scorer is absent: the reference set cannot be scored")
        }
        let ids = try String(contentsOf: folder.appendingPathComponent("\(part)/ids.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let read = JSONLReader().read(try Data(contentsOf: sample), path: sample.path)
        let byID = Dictionary(read.articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let meta = ArticleMetadata.load(path: folder.appendingPathComponent("\(part)/meta.jsonl").path).entries
        let articles = ids.compactMap { id in byID[id].map { meta[id]?.applied(to: $0) ?? $0 } }
        XCTAssertEqual(articles.count, ids.count, "every id of eval/newsref/\(part)/ids.txt is in the sample")
        return articles
    }

    /// The category lines of a scorer report (the misses are in the failure message when a floor is not held).
    static func summary(_ report: String) -> String {
        report.split(separator: "\n").filter { !$0.hasPrefix(" ") }.joined(separator: "\n")
    }

    /// Analyses a part, scores it against its reference and holds each category, and the overall score if given, to
    /// its floor.
    @discardableResult
    func scorePart(_ part: String, articles count: Int, overall: Double? = nil, floors: [String: Double]) throws -> (overall: Double, report: String) {
        let articles = try Self.articles(part: part)
        XCTAssertEqual(articles.count, count)
        let result = try SeedsTests.score(try Analyzer().analyze(articles),
                                          gold: Self.folder.appendingPathComponent("\(part)/reference.json").path)
        print(Self.summary(result.report))
        for (category, floor) in floors {
            XCTAssertGreaterThanOrEqual(result.categories[category] ?? -1, floor, "\(category)\n\(result.report)")
        }
        if let overall { XCTAssertGreaterThanOrEqual(result.overall, overall, "overall\n\(result.report)") }
        return (result.overall, result.report)
    }

    /// Floors a little under the end of session 25 (mentions 762/815, events 110/173, event precision 117/161, quotes
    /// 160/180): a rule that loses on the part tuned on shows here.
    func testDevelopmentPart() throws {
        try scorePart("dev", articles: 60, floors: ["entity mentions": 0.92, "events": 0.62, "event precision": 0.71, "quotes": 0.87])
    }

    /// The second development part (annotated in session 9 by another annotator): floors a little under what was
    /// measured when it was added (overall 0.477, events 13/37, event precision 15/26, quotes 31/57), the mention,
    /// quote and overall floors raised under session 12's levels (overall 0.575, mentions 214/265, quotes 36/57).
    func testSecondDevelopmentPart() throws {
        // Session 25's end: 0.654.
        try scorePart("dev2", articles: 20, overall: 0.63,
                      floors: ["entity mentions": 0.78, "events": 0.30, "event precision": 0.50, "quotes": 0.60])
    }

    /// The third development part (annotated in session 10, scored once before any rule looked at it): floors a
    /// little under that first score (overall 0.491, mentions 166/249, events 8/30, event precision 13/35, quotes 22/54),
    /// the mention, quote and overall floors raised under session 12's levels (overall 0.555, mentions 199/249, quotes 23/54),
    /// the overall floor under session 25's end (0.729).
    func testThirdDevelopmentPart() throws {
        try scorePart("dev3", articles: 20, overall: 0.70,
                      floors: ["entity mentions": 0.77, "events": 0.23, "event precision": 0.33, "quotes": 0.40])
    }

    /// The fourth development part (drawn and annotated blind in session 21): floors a little under the end of that
    /// session (overall 0.659, mentions 201/271, events 24/41, event precision 25/39, quotes 32/53); the overall floor under
    /// session 26's end (0.768; quotes 38/53).
    func testFourthDevelopmentPart() throws {
        try scorePart("dev4", articles: 20, overall: 0.74,
                      floors: ["entity mentions": 0.70, "events": 0.50, "event precision": 0.55, "quotes": 0.68])
    }

    /// The fifth development part (drawn and annotated blind in session 24, scored at that session's start and end
    /// with its misses unread), tuned on in session 25: floors a little under that session's end (overall 0.737,
    /// mentions 228/247, events 22/41, event precision 29/41, quotes 30/43); quotes and overall under session 26's end
    /// (0.777, quotes 36/43).
    func testFifthDevelopmentPart() throws {
        try scorePart("dev5", articles: 20, overall: 0.75,
                      floors: ["entity mentions": 0.88, "events": 0.48, "event precision": 0.64, "quotes": 0.80])
    }

    /// The sixth development part (drawn and annotated blind in session 25, scored at that session's start and end
    /// with its misses unread), tuned on since session 26: floors a little under session 27's end (overall 0.756,
    /// mentions 214/252, events 46/70, event precision 44/57, quotes 34/45).
    func testSixthDevelopmentPart() throws {
        try scorePart("dev6", articles: 20, overall: 0.73,
                      floors: ["entity mentions": 0.82, "events": 0.62, "event precision": 0.74, "quotes": 0.72])
    }

    /// The seventh development part (drawn and annotated blind in session 26, scored at that session's start and end
    /// with its misses unread), tuned on in session 27: floors a little under that session's end (overall 0.593,
    /// mentions 212/255, events 20/40, event precision 24/39, quotes 50/65).
    func testSeventhDevelopmentPart() throws {
        try scorePart("dev7", articles: 20, overall: 0.57,
                      floors: ["entity mentions": 0.80, "events": 0.47, "event precision": 0.58, "quotes": 0.74])
    }

    /// The eighth development part (drawn and annotated blind in session 27, scored at that session's start and end
    /// with its misses unread): floors a little under the end (overall 0.574, mentions 243/297, events 15/52, event
    /// precision 22/39, quotes 30/45).
    func testEighthDevelopmentPart() throws {
        try scorePart("dev8", articles: 20, overall: 0.55,
                      floors: ["entity mentions": 0.79, "events": 0.26, "event precision": 0.52, "quotes": 0.63])
    }

    /// The seeds annotated exhaustively by the same rules (the shared gold.json lists only some events).
    func testSeedsAnnotatedExhaustively() throws {
        let articles = try SeedsTests.seedArticles()
        let result = try SeedsTests.score(try Analyzer().analyze(articles),
                                          gold: Self.folder.appendingPathComponent("seeds/reference.json").path)
        print(Self.summary(result.report))
        XCTAssertGreaterThanOrEqual(result.overall, 0.85, result.report)
        XCTAssertGreaterThanOrEqual(result.categories["events"] ?? -1, 0.65, result.report)
        XCTAssertGreaterThanOrEqual(result.categories["event precision"] ?? -1, 0.78, result.report)
    }
}
