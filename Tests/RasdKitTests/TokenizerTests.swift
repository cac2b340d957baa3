import XCTest
@testable import RasdKit

final class TokenizerTests: XCTestCase {
    func testNormalizesAndKeepsOffsets() {
        let text = ScalarText("قالَ أحمدُ: ١٩نوفمبر٢٠٢٤، ﻻ")
        let tokens = Tokenizer().tokenize(text)
        XCTAssertEqual(tokens.map(\.norm), ["قال", "احمد", ":", "19", "نوفمبر", "2024", ",", "لا"])
        XCTAssertEqual(text.string(tokens[1].start..<tokens[1].end), "أحمد")
        XCTAssertEqual(tokens[3].kind, .number)
    }

    func testNumbersKeepSeparators() {
        let tokens = Tokenizer().tokenize(ScalarText("نحو 1.3 مليار و10,000 جندي و2024، ثم"))
        XCTAssertEqual(tokens.filter { $0.kind == .number }.map(\.norm), ["1.3", "10,000", "2024"])
    }

    func testSentencesRespectQuotesAndAbbreviations() {
        let text = ScalarText("قال «هذا. ذاك» ثم مضى. موسكو (أ. ف. ب) زار.\nعنوان")
        let tokens = Tokenizer().tokenize(text)
        let sentences = SentenceSplitter().split(tokens, in: text)
        XCTAssertEqual(sentences.count, 3)
    }
}
