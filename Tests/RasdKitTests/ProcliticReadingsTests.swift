import Foundation
import XCTest
@testable import RasdKit

/// `Proclitics.readings` (hashed, for the phrase matcher) gives exactly `Proclitics.candidates`' readings.
final class ProcliticReadingsTests: XCTestCase {
    func testReadingsAreTheCandidates() throws {
        var words = ["وبيونغ", "للزعيم", "والوزير", "فللرئيس", "وللقاء", "بال", "لل", "ول", "و", "سيزور", "كالعادة",
                     "فالاتفاق", "الرياض", "واشنطن", "ب", "وبال", "لله"]
        // And every word of our own example articles.
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path) where file.hasSuffix(".txt") {
            let text = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
            words += Tokenizer().tokenize(ScalarText(text)).filter(\.isWord).map(\.norm)
        }
        XCTAssertGreaterThan(words.count, 300)
        for word in words {
            let expected = Proclitics.candidates(word)
            let readings = Proclitics.readings(word, key: TokenKey.of(word))
            XCTAssertEqual(readings.map(\.prefix), expected.map(\.prefix), word)
            XCTAssertEqual(readings.map { $0.stem(of: word) }, expected.map(\.stem), word)
            XCTAssertEqual(readings.map(\.key), expected.map { TokenKey.of($0.stem) }, word)
        }
    }

    /// The knowledge base's first-token filter hashes what `derivedKeys` spells.
    func testDerivedHashesAreTheKeysHashes() {
        for key in ["بيونغ يانغ", "الكرملين", "كيم جونغ أون", "بوتشين", "صنعاء", "ال", "a-b", "كك", ""] {
            let keys = KBKeys.derivedKeys(key), hashes = KBKeys.derivedHashes(key)
            XCTAssertEqual(hashes.variant, TokenKey.of(keys.variant), key)
            XCTAssertEqual(hashes.loose, TokenKey.of(keys.loose), key)
        }
    }
}
