import XCTest
@testable import RasdKit

/// The data files name only the closed sets' members, so a typo in a file is a failing test, not a type no one
/// handles.
final class VocabularyTests: XCTestCase {
    func testEventTypesOfTheDataFiles() throws {
        let types = Set(EventType.allCases.map(\.rawValue))
        let triggers = try ResourceStore.rows("events/triggers.tsv")
        let lemmas = try ResourceStore.rows("events/trigger_lemmas.tsv")
        XCTAssertGreaterThan(lemmas.count, 120)
        for (file, rows) in [("triggers", triggers), ("trigger_lemmas", lemmas)] {
            for row in rows {
                XCTAssertTrue(row.count >= 2 && types.contains(row[1]), "events/\(file).tsv: unknown type in \(row)")
                if row.count >= 3 { XCTAssertNotNil(TriggerPOS(rawValue: row[2]), "events/\(file).tsv: unknown pos in \(row)") }
            }
        }
        // Every lemma row is read by the analyzer: a verb or a noun.
        for row in lemmas { XCTAssertTrue(["verb", "noun"].contains(row.count > 2 ? row[2] : ""), "events/trigger_lemmas.tsv: \(row)") }
        // Each type has lemmas of its own, save VETO (a phrase: "حق النقض").
        XCTAssertEqual(Set(lemmas.map { $0[1] }), types.subtracting(["VETO"]))
        let cameo = try ResourceStore.rows("events/cameo.tsv")
        XCTAssertEqual(Set(cameo.map { $0[0] }), types, "events/cameo.tsv lists every event type once")
    }

    func testVocabularyServedToThePage() {
        let vocabulary = Vocabulary.current()
        XCTAssertEqual(vocabulary.eventTypes.count, 13)
        XCTAssertFalse(vocabulary.eventTypes.contains { $0.cameo.isEmpty }, "every type has a CAMEO code")
        XCTAssertEqual(vocabulary.eventTypes.filter(\.symmetric).map(\.type), ["MEET", "SIGN"])
        XCTAssertEqual(vocabulary.participantRoles, ["actor", "target", "counterpart", "attendee"])
        XCTAssertTrue(vocabulary.modalities.contains("planned"))
    }

    /// Every knowledge-base entry's kind is a `KBKind` (the loader refuses others), and every kind is used.
    func testKnowledgeBaseKinds() throws {
        var used = Set<String>()
        for file in ["kb/countries.tsv", "kb/places.tsv", "kb/people.tsv", "kb/organizations.tsv"] {
            for row in try ResourceStore.rows(file) where row.count >= 8 {
                XCTAssertNotNil(KBKind(rawValue: row[7]), "\(file): unknown kind in \(row.prefix(2))")
                used.insert(row[7])
            }
        }
        XCTAssertEqual(used, Set(KBKind.allCases.map(\.rawValue)), "a kind no entry has")
    }
}
