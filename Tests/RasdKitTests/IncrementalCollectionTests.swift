import Foundation
import XCTest
@testable import RasdKit

/// A collection that grows by appended records (`IncrementalCollection`) against a full resolve of the same
/// records: the same analysis when nothing was appended; after appending, the same entities, events, timeline and
/// near duplicates (event ids aside: an event can be numbered when it qualifies), and stories within the bound
/// docs/store.md states (placement never regroups earlier articles), which this test measures instead of asserting.
final class IncrementalCollectionTests: XCTestCase {
    static func records(_ articles: [SourceArticle], _ analyzer: Analyzer) -> [ArticleRecord] {
        let (distinct, _) = DistinctIDs.apply(articles)
        var tally = LineHashTally(minArticles: analyzer.options.repeatedLineMinArticles)
        for article in distinct { tally.add(article, lines: Analyzer.lineHashes(article)) }
        let repeated = tally.repeated
        return distinct.flatMap { analyzer.keyedRecords($0, repeatedHashes: repeated[RepeatedBlockDetector.sourceKey($0)] ?? []).records }
    }

    /// Examples, seeds (when ../shared is there) and the news reference's dev part (several outlets a story).
    static func collection() throws -> [SourceArticle] {
        var articles = ExamplesTests.articles()
        if let seeds = try? SeedsTests.seedArticles() { articles += seeds }
        if let dev = try? NewsReferenceTests.articles(part: "dev") { articles += dev }
        return articles
    }

    func testNothingAppendedIsTheFullResolve() throws {
        let analyzer = try Analyzer()
        let records = Self.records(try Self.collection(), analyzer)
        let full = analyzer.resolve(records)
        var collection = analyzer.growingCollection(records)
        let grown = collection.snapshot()
        XCTAssertEqual(try JSONOutput.encode(grown), try JSONOutput.encode(full))
    }

    func testAppendedArticlesGiveTheFullResolvesEntitiesAndEvents() throws {
        let analyzer = try Analyzer()
        let records = Self.records(try Self.collection(), analyzer)
        let full = analyzer.resolve(records)
        for cut in [records.count / 2, records.count - 3] {
            var collection = analyzer.growingCollection(Array(records[..<cut]))
            collection.append(Array(records[cut...]))
            let grown = collection.snapshot()
            XCTAssertEqual(collection.snapshot(), grown, "a second snapshot is the same")
            // Related stories kept up to date one story at a time: as if linked afresh over the grown stories.
            var relinked = grown.stories ?? []
            for k in relinked.indices { relinked[k].related = nil }
            StoryRecords.linkRelated(&relinked)
            XCTAssertEqual(relinked.map(\.related), grown.stories?.map(\.related), "related stories, cut \(cut)")
            XCTAssertEqual(grown.documents.map(\.id), full.documents.map(\.id))
            XCTAssertEqual(grown.documents.map(\.near_duplicate_of), full.documents.map(\.near_duplicate_of), "near duplicates, cut \(cut)")
            XCTAssertEqual(AnalysisComparison.entities(grown), AnalysisComparison.entities(full), "entities, cut \(cut)")
            XCTAssertEqual(AnalysisComparison.events(grown), AnalysisComparison.events(full), "events, cut \(cut)")
            XCTAssertEqual(AnalysisComparison.timeline(grown), AnalysisComparison.timeline(full), "timeline, cut \(cut)")
            XCTAssertEqual(grown.quantities.map(\.event).map { $0 != nil }, full.quantities.map(\.event).map { $0 != nil })
            XCTAssertEqual(Set(grown.documents.compactMap(\.story)), Set(grown.stories?.map(\.id) ?? []), "every story has documents")
            for story in grown.stories ?? [] {
                XCTAssertEqual(story.documents, grown.documents.filter { $0.story == story.id }.map(\.id), "story \(story.id)'s documents")
            }
            let agreement = AnalysisComparison.storyAgreement(grown, full)
            print("stories after appending \(records.count - cut) of \(records.count) records: pairwise agreement with the full resolve "
                  + String(format: "%.3f", agreement))
            XCTAssertGreaterThan(agreement, 0.5)
        }
    }
}
