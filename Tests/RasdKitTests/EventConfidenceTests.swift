import Foundation
import XCTest
@testable import RasdKit

/// The learned event confidence (`EventConfidence`): the shipped model loads, every event carries a probability,
/// `minConfidence` leaves out the reports below it, and the cases of `event_confidence.tsv` (own sentences) rank
/// as they should.
final class EventConfidenceTests: XCTestCase {
    func testTheShippedModelLoadsQuickly() throws {
        let started = Date()
        let data = try ResourceStore.data(EventConfidenceModel.resource)
        let model = try EventConfidenceModel(data: data)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 0.1, "loading the model took \(elapsed) s")
        XCTAssertNotNil(EventConfidence.bundled.model)
        // Its file is what it writes again.
        XCTAssertEqual(model.serialized(), data)
        XCTAssertGreaterThan(model.a, 0, "a higher score must mean a higher probability")
    }

    func testAFileForOtherFeaturesIsRefused() throws {
        var data = try ResourceStore.data(EventConfidenceModel.resource)
        data[8] = data[8] &+ 1
        XCTAssertThrowsError(try EventConfidenceModel(data: data))
        XCTAssertThrowsError(try EventConfidenceModel(data: Data("RASDNER2".utf8)))
        XCTAssertThrowsError(try EventConfidenceModel(data: data.prefix(40)))
    }

    func testNoisyOrOfTheMentions() {
        XCTAssertNil(EventConfidence.combined([nil, nil]))
        XCTAssertEqual(EventConfidence.combined([0.5]), 0.5)
        XCTAssertEqual(EventConfidence.combined([0.5, 0.5, nil]), 0.75)
        XCTAssertEqual(EventConfidence.combined([0.2, 0.9]), 0.92)
    }

    static func analysis(minConfidence: Double) throws -> Analysis {
        var options = Analyzer.Options()
        options.minConfidence = minConfidence
        return try Analyzer(options: options).analyze(ExamplesTests.articles())
    }

    func testEveryEventCarriesAConfidenceAndTheThresholdLeavesOutTheReportsBelowIt() throws {
        let all = try Self.analysis(minConfidence: 0)
        let mentions = all.events.flatMap(\.mentions)
        XCTAssertGreaterThan(mentions.count, 5)
        for e in all.events {
            let c = try XCTUnwrap(e.confidence, "event \(e.id) has no confidence")
            XCTAssertTrue((0...1).contains(c))
            XCTAssertEqual(c, EventConfidence.combined(e.mentions.map(\.confidence)))
            for m in e.mentions { XCTAssertTrue((0...1).contains(try XCTUnwrap(m.confidence))) }
        }
        // A threshold between the lowest and the highest report's confidence keeps exactly the reports at or above it.
        let values = mentions.compactMap(\.confidence).sorted()
        let threshold = values[values.count / 2]
        let kept = try Self.analysis(minConfidence: threshold)
        let keptMentions = kept.events.flatMap(\.mentions)
        XCTAssertEqual(keptMentions.count, values.filter { $0 >= threshold }.count)
        XCTAssertTrue(keptMentions.allSatisfy { ($0.confidence ?? 0) >= threshold })
        XCTAssertLessThan(keptMentions.count, mentions.count)
    }

    /// `event_confidence.tsv`: in each row, the event of the type in the first sentence gets a higher confidence
    /// than the event of that type in the second.
    func testOwnCasesRank() throws {
        let analyzer = try Analyzer()
        func confidence(_ text: String, _ type: String) throws -> Double {
            let doc = analyzer.process(SourceArticle(id: "case", text: text, published: PartialDate(iso: "2024-05-01"), origin: "test"))[0]
            let event = try XCTUnwrap(doc.events.first { $0.type.rawValue == type }, "no \(type) event in «\(text)»")
            return try XCTUnwrap(event.confidence)
        }
        for row in try CaseFile.rows("event_confidence.tsv", minimum: 4, fields: 3...3) {
            let f = row.fields
            let higher = try confidence(f[0], f[2]), lower = try confidence(f[1], f[2])
            XCTAssertGreaterThan(higher, lower, "\(row.location): «\(f[0])» \(higher) vs «\(f[1])» \(lower)")
        }
    }
}

/// The learned argument confidence (`ArgumentConfidence`): the shipped model loads, every participant carries a
/// probability, an event's participant carries the highest of its reports', and the cases of
/// `argument_confidence.tsv` (own sentences) rank as they should.
final class ArgumentConfidenceTests: XCTestCase {
    func testTheShippedModelLoadsAndIsOfItsKind() throws {
        let kind = EventConfidenceModel.Kind.argument
        let data = try ResourceStore.data(kind.resource)
        let model = try EventConfidenceModel(data: data, kind: kind)
        XCTAssertEqual(model.serialized(), data)
        XCTAssertNotNil(ArgumentConfidence.bundled.model)
        XCTAssertGreaterThan(model.a, 0)
        // An event model is not an argument model, nor the other way round.
        XCTAssertThrowsError(try EventConfidenceModel(data: data, kind: .event))
        XCTAssertThrowsError(try EventConfidenceModel(data: try ResourceStore.data(EventConfidenceModel.resource), kind: .argument))
    }

    func testEveryParticipantCarriesAConfidence() throws {
        let all = try EventConfidenceTests.analysis(minConfidence: 0)
        let participants = all.events.flatMap(\.participants)
        XCTAssertGreaterThan(participants.count, 5)
        for p in participants { XCTAssertTrue((0...1).contains(try XCTUnwrap(p.confidence, "\(p.entity) has no confidence"))) }
        XCTAssertGreaterThan(Set(participants.compactMap(\.confidence)).count, 2, "the confidences do not vary")
    }

    func testOwnCasesRank() throws {
        let analyzer = try Analyzer()
        for row in try CaseFile.rows("argument_confidence.tsv", minimum: 3, fields: 4...4) {
            let f = row.fields
            let doc = analyzer.process(SourceArticle(id: "case", text: f[0], published: PartialDate(iso: "2024-05-01"), origin: "test"))[0]
            let event = try XCTUnwrap(doc.events.first { $0.type.rawValue == f[1] }, "\(row.location): no \(f[1]) event")
            func confidence(_ text: String) throws -> Double {
                let p = try XCTUnwrap(event.participants.first { $0.text.contains(text) || text.contains($0.text) },
                                      "\(row.location): no participant «\(text)» in \(event.participants.map(\.text))")
                return try XCTUnwrap(p.confidence)
            }
            let higher = try confidence(f[2]), lower = try confidence(f[3])
            XCTAssertGreaterThan(higher, lower, "\(row.location): «\(f[2])» \(higher) vs «\(f[3])» \(lower)")
        }
    }
}
