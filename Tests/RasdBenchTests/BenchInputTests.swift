import Foundation
import RasdKit
import XCTest
@testable import RasdBench

/// The inputs the benchmarks build: growth files and generated HTML pages.
final class BenchInputTests: XCTestCase {
    /// The repository's example articles, each with its first sentence as a title.
    func exampleArticles() throws -> [SourceArticle] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples")
        let names = ["gulf_visit", "missile_test_a", "missile_test_b", "nile_talks"]
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let title = String(text.split(separator: " ").prefix(7).joined(separator: " "))
            return SourceArticle(id: name, text: text, title: title, published: PartialDate(year: 2025, month: 5, day: 13), origin: name)
        }
    }

    func temporaryFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "rasd-bench-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func writeSample(_ articles: [SourceArticle], to path: String) throws {
        var data = Data()
        for a in articles {
            data.append(try JSONSerialization.data(withJSONObject: ["id": a.id, "title": a.title ?? "", "text": a.text]))
            data.append(UInt8(ascii: "\n"))
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    func testGrowthInputSizes() throws {
        let dir = try temporaryFolder()
        let sample = dir + "/sample.jsonl"
        try writeSample(try exampleArticles(), to: sample)
        let sampleLines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n")

        let small = try GrowthInput.write(from: sample, scale: 0.5, to: dir + "/half.jsonl")
        XCTAssertEqual(small.records, 2)
        XCTAssertEqual(try String(contentsOfFile: dir + "/half.jsonl", encoding: .utf8).split(separator: "\n"), Array(sampleLines.prefix(2)))

        let big = try GrowthInput.write(from: sample, scale: 10, to: dir + "/ten.jsonl")
        XCTAssertEqual(big.records, 40)
        let size = try FileManager.default.attributesOfItem(atPath: dir + "/ten.jsonl")[.size] as? Int
        XCTAssertEqual(big.bytes, size)
        let read = JSONLReader().read(try Data(contentsOf: URL(fileURLWithPath: dir + "/ten.jsonl")), path: "ten.jsonl").articles
        XCTAssertEqual(read.count, 40)
        XCTAssertEqual(Set(read.map(\.id)).count, 40, "every copy has its own id")
        XCTAssertEqual(Set(read.map(\.text)).count, 40, "every copy has its own text")
        XCTAssertEqual(Array(read.prefix(4).map(\.text)), try exampleArticles().map(\.text), "the sample comes first, unchanged")
        // Copies are the same size in scalars as the original (letters shifted, nothing added).
        XCTAssertEqual(read[4].text.unicodeScalars.count, read[0].text.unicodeScalars.count)
    }

    func testVariantChangesOnlySomeArabicWords() throws {
        let text = try exampleArticles()[0].text
        let a = GrowthInput.variant(text, copy: 1), b = GrowthInput.variant(text, copy: 2)
        XCTAssertNotEqual(a, text)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(a, GrowthInput.variant(text, copy: 1), "deterministic")
        let original = Array(text.unicodeScalars), changed = Array(a.unicodeScalars)
        XCTAssertEqual(original.count, changed.count)
        var differing = 0
        for (x, y) in zip(original, changed) where x != y {
            differing += 1
            XCTAssertTrue(GrowthInput.isArabicLetter(x.value) && GrowthInput.isArabicLetter(y.value), "only letters change: \(x) → \(y)")
        }
        // About one word in five: far from none and far from all.
        XCTAssertGreaterThan(differing, original.count / 30)
        XCTAssertLessThan(differing, original.count / 3)
        let words = text.split(separator: " "), changedWords = a.split(separator: " ")
        let same = zip(words, changedWords).filter { $0 == $1 }.count
        XCTAssertGreaterThan(same, words.count / 2, "most words stay")
    }

    func testGeneratedPagesReadBackToTheArticle() throws {
        let articles = try exampleArticles()
        let generator = try HTMLPages()
        let pages = generator.pages(from: articles + articles + articles, count: 12, seed: 8)
        XCTAssertEqual(pages.count, 12)
        XCTAssertEqual(pages.map(\.html), generator.pages(from: articles + articles + articles, count: 12, seed: 8).map(\.html),
                       "the same seed makes the same pages")
        XCTAssertEqual(Set(pages.map(\.layout)).count, 3, "all three layouts appear")
        for page in pages {
            XCTAssertFalse(page.boilerplate.isEmpty)
            XCTAssertTrue(page.html.contains("<p>"))
            let read = HTMLReader().read(Data(page.html.utf8), path: page.id + ".html")
            XCTAssertEqual(read.articles.count, 1, "\(page.id): \(read.problems)")
            let text = read.articles.first?.text ?? ""
            XCTAssertEqual(text, page.body.joined(separator: "\n"), "\(page.id) (layout \(page.layout)) keeps exactly the article")
            // Long boilerplate (titles of other articles, comments) that is not part of this article is dropped.
            for item in page.boilerplate where item.count > 25 && !page.body.joined(separator: " ").contains(item) {
                XCTAssertFalse(text.contains(item), "\(page.id) (layout \(page.layout)) kept boilerplate: \(item)")
            }
        }
    }

    func testWrittenPagesHaveTheirTruth() throws {
        let dir = try temporaryFolder()
        let pages = try HTMLPages().pages(from: try exampleArticles(), count: 3)
        try HTMLPages.write(pages, to: dir)
        let truth = try String(contentsOfFile: dir + "/truth.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(truth.count, 3)
        let first = try JSONSerialization.jsonObject(with: Data(truth[0].utf8)) as? [String: Any]
        XCTAssertEqual(first?["id"] as? String, pages[0].id)
        XCTAssertEqual(first?["body"] as? [String], pages[0].body)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/\(pages[0].id).html"))
    }

    func testStageListsAndQueries() throws {
        XCTAssertEqual(BenchStage.parseList("all"), BenchStage.allCases)
        XCTAssertEqual(BenchStage.parseList("ner,search"), [.ner, .search])
        XCTAssertNil(BenchStage.parseList("ner,nothing"))
        let queries = CollectionStages.queries(from: try exampleArticles())
        XCTAssertFalse(queries.isEmpty)
        XCTAssertTrue(queries.allSatisfy { !$0.isEmpty })
    }
}
