import Foundation
import XCTest
@testable import RasdKit

/// Each stage changes only the fields it declares, and a stage list whose order starves a stage is refused.
final class StageContractTests: XCTestCase {
    /// A printable value of one field, to compare before and after a stage.
    static func snapshot(_ doc: Document, _ field: DocumentField) -> String {
        switch field {
        case .metadata: return "\(doc.id)|\(String(describing: doc.title))|\(String(describing: doc.source))|\(String(describing: doc.url))|\(doc.origin)|\(String(describing: doc.parent))"
        case .text: return doc.text.string(0..<doc.text.count)
        case .published: return "\(String(describing: doc.published))|\(String(describing: doc.publishedBasis))"
        case .segments: return "\(doc.segments)|\(doc.removed.map { "\($0.range)\($0.rule)" })"
        case .tokens: return String(describing: doc.tokens)
        case .sentences: return String(describing: doc.sentences)
        case .numbers: return String(describing: doc.numbers)
        case .quantities: return String(describing: doc.quantities)
        case .dates: return String(describing: doc.dates)
        case .mentions: return String(describing: doc.mentions)
        case .roles: return String(describing: doc.roles)
        case .quotes: return String(describing: doc.quotes) + String(describing: doc.speechVerbs.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" })
        case .events: return String(describing: doc.events)
        case .genre: return doc.genre?.rawValue ?? "-"
        }
    }

    /// Articles that exercise every stage: the examples, and the seeds when ../shared is there.
    static func articles() throws -> [SourceArticle] {
        let examples = ExamplesTests.examples
        let collector = InputCollector(excluded: [examples.appendingPathComponent("meta.jsonl").path])
        var articles = collector.files(in: [examples.path]).files.flatMap { collector.read(file: $0).articles }
        if let seeds = try? SeedsTests.seedArticles() { articles += seeds }
        return articles
    }

    func testStagesWriteOnlyWhatTheyDeclare() throws {
        let analyzer = try Analyzer()
        let articles = try Self.articles()
        XCTAssertGreaterThanOrEqual(articles.count, 3)
        var changed: [String: Set<DocumentField>] = [:]
        for article in articles {
            for var doc in analyzer.cleaner.clean(Document(article: article)) {
                for stage in analyzer.stages {
                    let before = DocumentField.allCases.map { Self.snapshot(doc, $0) }
                    stage.process(&doc)
                    for (k, field) in DocumentField.allCases.enumerated() where Self.snapshot(doc, field) != before[k] {
                        changed[stage.name, default: []].insert(field)
                        XCTAssertTrue(stage.writes.contains(field), "stage '\(stage.name)' changed \(field) (\(article.id)), which it does not declare")
                    }
                }
            }
        }
        // Every stage wrote something on these articles, so the check above saw it at work.
        for stage in analyzer.stages where stage.name != "dateline" {
            XCTAssertFalse(changed[stage.name, default: []].isEmpty, "stage '\(stage.name)' changed nothing")
        }
    }

    func testAStageBeforeWhatItReadsIsRefused() throws {
        let kb = try KnowledgeBase.bundled()
        var stages = try Analyzer.defaultStages(kb: kb)
        // Events read the titles' roles: events before titles starves them.
        let events = stages.removeLast()
        stages.insert(events, at: 4)
        XCTAssertThrowsError(try Analyzer(kb: kb, stages: stages)) { error in
            XCTAssertEqual(error as? StageOrderError, StageOrderError(stage: "events", missing: [.roles]))
        }
        // Dropping stages nothing else needs is fine: no quotes (nor the genre, which reads them), the rest still runs.
        XCTAssertThrowsError(try Analyzer(kb: kb, stages: try Analyzer.defaultStages(kb: kb).filter { $0.name != "quotes" }))
        let noQuotes = try Analyzer(kb: kb, stages: try Analyzer.defaultStages(kb: kb).filter { $0.name != "quotes" && $0.name != "genre" })
        let analysis = noQuotes.analyze([SourceArticle(id: "q", text: "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة.", origin: "q")])
        XCTAssertTrue(analysis.quotes.isEmpty)
        XCTAssertFalse(analysis.entities.isEmpty)
    }
}
