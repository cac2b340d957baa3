import XCTest
@testable import RasdKit

/// The morphological analyzer on the corpus `Cases/morphology.tsv`, with the trigger lemmas as its lexicon.
final class MorphologyTests: XCTestCase {
    func testMorphologyCases() throws {
        let lemmas = TriggerLemmas.shared
        for row in try CaseFile.rows("morphology.tsv", minimum: 40, fields: 2...2) {
            let word = ArabicNormalizer.shared.key(row.fields[0])
            let readings = Morphology.shared.analyze(word, lexicon: lemmas.lexicon).map { r in
                "\(lemmas.lexicon.entries[r.entry].lemma) \(r.pos.rawValue) \(r.tense?.rawValue ?? "-") \(r.agreement)"
            }
            if row.fields[1] == "-" {
                XCTAssertEqual(readings, [], "\(row.location): \(row.fields[0])")
            } else {
                XCTAssertTrue(readings.contains(row.fields[1]), "\(row.location): \(row.fields[0]) read as \(readings)")
            }
        }
    }

    /// Proclitic splits: the word first; conjunction, preposition or future marker, "لل" with and without the
    /// article restored, the article; none leaves fewer than two letters.
    func testProcliticSplits() {
        func splits(_ w: String) -> [String] {
            let s = ArabicNormalizer.shared.key(w).unicodeScalars.map(\.value)
            return s.withUnsafeBufferPointer { Morphology.shared.procliticSplits($0) }.map { "\($0.length)\($0.restoresArticle ? "+ال" : "")" }
        }
        XCTAssertEqual(splits("وبالعشرين"), ["0", "1", "2", "4"])
        XCTAssertEqual(splits("للجيش"), ["0", "2+ال", "2", "1"])
        XCTAssertEqual(splits("وب"), ["0"])
        XCTAssertEqual(splits("كتاب"), ["0", "1"])   // ك + "تاب" is a reading; a lexicon decides
        XCTAssertEqual(splits("سلام"), ["0", "1"])
        XCTAssertEqual(splits("مصر"), ["0"])
    }
}
