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

    /// A token carries its readings (`Token.clitics`, `Token.readings`), the same as worked out from its word; a
    /// words-only tokenizer leaves them out.
    func testTokensCarryTheirReadings() {
        let text = ScalarText("وقال وزير الخارجية للصحفيين إن بيونغ يانغ وبكين ستوقعان الاتفاق فالعلاقات 2015")
        let tokens = Tokenizer().tokenize(text)
        XCTAssertTrue(tokens.contains { !$0.clitics.isEmpty })
        for token in tokens {
            let expected = token.kind == .arabic ? Proclitics.readings(token.norm, key: token.key) : []
            XCTAssertEqual(Array(token.clitics), Array(expected.dropFirst()), token.norm)
            if token.kind == .arabic { XCTAssertEqual(Array(token.readings), expected, token.norm) }
            XCTAssertEqual(Proclitics.candidates(token).map(\.stem), Proclitics.candidates(token.norm).map(\.stem), token.norm)
        }
        XCTAssertTrue(Tokenizer.wordsOnly.tokenize(text).allSatisfy { $0.clitics.isEmpty })
        XCTAssertEqual(Tokenizer.wordsOnly.tokenize(text).map(\.norm), tokens.map(\.norm))
    }

    /// The knowledge base's first-token filter hashes what `derivedKeys` spells.
    func testDerivedHashesAreTheKeysHashes() {
        for key in ["بيونغ يانغ", "الكرملين", "كيم جونغ أون", "بوتشين", "صنعاء", "ال", "a-b", "كك", ""] {
            let keys = KBKeys.derivedKeys(key), hashes = KBKeys.derivedHashes(key)
            XCTAssertEqual(hashes.variant, TokenKey.of(keys.variant), key)
            XCTAssertEqual(hashes.loose, TokenKey.of(keys.loose), key)
        }
    }

    /// The readings themselves, written out: و/ف, then ب ل ك س, then ال; "لل" is ل + ال (the stem with and without
    /// the article); stems keep at least two letters.
    func testReadingsOfSomeWords() {
        let expected: [String: [(Int, String)]] = [
            "وللقاء": [(0, "وللقاء"), (1, "للقاء"), (3, "القاء"), (3, "قاء"), (2, "لقاء")],
            "والوزير": [(0, "والوزير"), (1, "الوزير"), (3, "وزير")],
            "بيونغ": [(0, "بيونغ"), (1, "يونغ")],
            "واشنطن": [(0, "واشنطن"), (1, "اشنطن")],
            "سامي": [(0, "سامي"), (1, "امي")],
            "ول": [(0, "ول")],
            "روسيا": [(0, "روسيا")],
        ]
        for (word, readings) in expected {
            let found = Proclitics.candidates(word)
            XCTAssertEqual(found.map(\.prefix), readings.map(\.0), word)
            XCTAssertEqual(found.map(\.stem), readings.map(\.1), word)
        }
    }
}
