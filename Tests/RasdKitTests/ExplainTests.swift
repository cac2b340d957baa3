import Foundation
import XCTest
@testable import RasdKit

/// `rasd analyze --explain`: every event and entity mention says which rule produced it, and the analysis without
/// the option is the same as with it, less the `explain` fields.
final class ExplainTests: XCTestCase {
    static let explained: Analysis = {
        var options = Analyzer.Options()
        options.explain = true
        return try! Analyzer(options: options).analyze(ExamplesTests.articles())
    }()

    func testEveryEventAndMentionIsExplained() throws {
        let analysis = Self.explained
        XCTAssertGreaterThan(analysis.events.count, 5)
        for event in analysis.events {
            let why = try XCTUnwrap(event.explain, "event \(event.id) has no explanation")
            XCTAssertFalse(why.isEmpty)
            if event.mentions.count > 1 {
                XCTAssertTrue(why[0].contains("merged by EventMerger") && why[0].contains("same type \(event.type)"), why[0])
            }
            for m in event.mentions {
                let notes = try XCTUnwrap(m.explain, "mention of \(event.id) in \(m.doc)")
                XCTAssertTrue(notes[0].hasPrefix("trigger «") && notes[0].contains("→ \(event.type)"), notes[0])
                // Each participant of a report is there with the source line of its rule.
                XCTAssertTrue(notes.contains { $0.hasPrefix("actor «") && $0.contains(".swift:") },
                              "no actor rule in \(notes)")
                XCTAssertTrue(notes.contains { $0.hasPrefix("modality \(m.modality)") }, "\(notes)")
            }
        }
        var origins: Set<String> = []
        for entity in analysis.entities {
            for m in entity.mentions {
                let notes = try XCTUnwrap(m.explain, "\(m.text) in \(m.doc)")
                let origin = try XCTUnwrap(m.origin)
                XCTAssertTrue(notes.contains { $0.hasPrefix(origin + " → ") && $0.contains(".swift:") }, "\(m.text): \(notes)")
                origins.insert(origin)
            }
        }
        XCTAssertTrue(origins.isSuperset(of: ["gazetteer", "tagger"]), "\(origins)")
        // A knowledge-base link names the entry it was linked to.
        let gazetteer = analysis.entities.flatMap(\.mentions).first { $0.origin == "gazetteer" }
        XCTAssertTrue(gazetteer?.explain?.first?.contains("kb:") ?? false)
    }

    func testWithoutExplainTheAnalysisIsTheSame() throws {
        var stripped = Self.explained
        for e in stripped.entities.indices {
            for m in stripped.entities[e].mentions.indices { stripped.entities[e].mentions[m].explain = nil }
        }
        for e in stripped.events.indices {
            stripped.events[e].explain = nil
            for m in stripped.events[e].mentions.indices { stripped.events[e].mentions[m].explain = nil }
        }
        let plain = ExamplesTests.analysis
        XCTAssertEqual(try JSONOutput.encode(stripped), try JSONOutput.encode(plain))
        XCTAssertFalse(String(decoding: try JSONOutput.encode(plain), as: UTF8.self).contains("\"explain\""))
    }

    func testMarkdownShowsTheRules() {
        let report = MarkdownReport.render(Self.explained)
        XCTAssertTrue(report.contains("merged by EventMerger") || report.contains("    - one report"))
        XCTAssertTrue(report.contains("ArgumentFinder.swift:"))
        XCTAssertFalse(MarkdownReport.render(ExamplesTests.analysis).contains("ArgumentFinder.swift:"))
    }
}
