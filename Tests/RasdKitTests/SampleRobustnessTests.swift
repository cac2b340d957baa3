import Foundation
import XCTest
@testable import RasdKit

/// Every article of the SaudiNewsNet sample (../shared) through the whole pipeline on every core: one article that
/// crashes a stage stops a whole analysis, and the reference sets hold 125 articles. Session 7's crash in the
/// quote speakers ("وقال ليون إن") was in the sample and was found only by a large benchmark run.
final class SampleRobustnessTests: XCTestCase {
    func testWholeSampleAnalyses() async throws {
        let sample = NewsReferenceTests.sample
        guard FileManager.default.fileExists(atPath: sample.path) else {
            throw XCTSkip("../shared/data/saudinewsnet/sample.jsonl is absent: the whole-sample run is skipped")
        }
        let read = JSONLReader().read(try Data(contentsOf: sample), path: sample.path)
        XCTAssertGreaterThan(read.articles.count, 4_000)
        let analyzer = try Analyzer()
        let analysis = await analyzer.analyze(read.articles, jobs: ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual(Set(analysis.documents.filter { $0.parent == nil }.map(\.id)), Set(read.articles.map(\.id)),
                       "every article of the sample is in the analysis")
        XCTAssertFalse(analysis.events.isEmpty)
    }
}
