import Foundation
import XCTest
@testable import RasdKit

/// End to end on the seed articles: the same analysis as
/// `rasd analyze ../shared/seeds --meta ../shared/seeds/meta.jsonl`, in-process, scored by the shared scorer.
final class SeedsTests: XCTestCase {
    static let shared = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func seedArticles() throws -> [SourceArticle] {
        let seeds = shared.appendingPathComponent("seeds")
        guard FileManager.default.fileExists(atPath: seeds.appendingPathComponent("gold.json").path) else {
            throw XCTSkip("../shared/seeds is absent: seed tests skipped")
        }
        let metaPath = seeds.appendingPathComponent("meta.jsonl").path
        let meta = ArticleMetadata.load(path: metaPath).entries
        let collector = InputCollector(excluded: [metaPath])
        let listing = collector.files(in: [seeds.path])
        XCTAssertEqual(listing.files.count, 5, "the five seed articles, without meta.jsonl, gold.json or README.md")
        return listing.files.flatMap { collector.read(file: $0).articles }.map { meta[$0.id]?.applied(to: $0) ?? $0 }
    }

    /// Runs the shared scorer on an analysis and returns its category scores and the overall score.
    static func score(_ analysis: Analysis, gold: String? = nil) throws -> (categories: [String: Double], overall: Double, report: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-seeds-\(UUID().uuidString).json")
        try JSONOutput.encode(analysis).write(to: out)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", shared.appendingPathComponent("tools/score_seeds.py").path, out.path, "-v"]
            + (gold.map { ["--gold", $0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, report)
        var categories: [String: Double] = [:]
        var overall = 0.0
        for line in report.split(separator: "\n") where !line.hasPrefix(" ") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("seeds score"), let v = Double(parts.last ?? "") { overall = v; continue }
            if let v = Double(parts.last ?? ""), parts.count >= 3 {
                categories[parts.dropLast(2).joined(separator: " ")] = v
            }
        }
        return (categories, overall, report)
    }

    func testSeedsScore() throws {
        let articles = try Self.seedArticles()
        let analysis = try Analyzer().analyze(articles)
        let result = try Self.score(analysis)
        print(result.report)
        // Issue 2 asked for 0.85 with every category at least 0.6; issue 15 for the seeds to stay at 1.000, which they
        // are: every category is held there (a merge lost on one seed event showed only as 0.994 under the old floors).
        XCTAssertEqual(result.overall, 1.0, accuracy: 0.0005, result.report)
        XCTAssertEqual(result.categories.count, 9, result.report)
        for (category, score) in result.categories {
            XCTAssertEqual(score, 1.0, accuracy: 0.0005, "\(category)\n\(result.report)")
        }
        XCTAssertEqual(result.categories["cleaning"], 1.0, result.report)
    }
}
