import XCTest
@testable import RasdKit

final class TextCoreUnitTests: XCTestCase {
    /// Stored records read back every date they hold, including years a duration can reach before year 0.
    func testPartialDateCodableRoundTrip() throws {
        let dates = [PartialDate(year: 2024, month: 2, day: 29), PartialDate(year: 7), PartialDate(year: -485),
                     PartialDate(year: -5, month: 3), PartialDate(year: -1200, month: 11, day: 30), PartialDate(year: 12000, month: 1)]
        let data = try JSONEncoder().encode(dates)
        XCTAssertEqual(try JSONDecoder().decode([PartialDate].self, from: data), dates)
        XCTAssertEqual(String(decoding: try JSONEncoder().encode([PartialDate(year: 2024, month: 5)]), as: UTF8.self), #"["2024-05"]"#)
    }

    func testHijriConversion() {
        // 1 Muharram 1435 was observed on 4 November 2013; 15 Ramadan 1445 fell on 25 March 2024.
        XCTAssertEqual(CalendarMath.hijriToGregorian(year: 1435, month: 1, day: 1).iso, "2013-11-04")
        XCTAssertEqual(CalendarMath.hijriToGregorian(year: 1445, month: 9, day: 15).iso, "2024-03-25")
        // A month not in the observed table falls back to the tabular calendar.
        XCTAssertEqual(CalendarMath.hijriToGregorian(year: 1400, month: 1, day: 1).iso, "1979-11-21")
    }

    func testEasterAndWeeks() {
        XCTAssertEqual(CalendarMath.easter(2013).iso, "2013-03-31")
        XCTAssertEqual(CalendarMath.easter(2024).iso, "2024-03-31")
        XCTAssertEqual(CalendarMath.nthWeekday(-1, weekday: 1, year: 2013, month: 3)?.iso, "2013-03-25")
        XCTAssertEqual(CalendarMath.coarsest(PartialDate(iso: "2024-12-30")!, PartialDate(iso: "2025-01-05")!), nil)
    }

    func testOffsetsSkipProcliticsAndKeepMarks() {
        let text = ScalarText("وصل بخمسة آلافٍ جنديٍّ")
        let tokens = Tokenizer().tokenize(text)
        let r = NumberExtractor.shared.extract(tokens, in: text)
        XCTAssertEqual(r.numbers.first?.text, "خمسة آلافٍ")
        XCTAssertEqual(r.quantities.first?.unit, "جنديٍّ")
    }

    func testExtractionJSONIsStableAndEscaped() {
        let q = Quantity(start: 0, end: 3, text: "a\"b", value: 10000, unit: "جندي")
        let line = ExtractionJSON.line(text: "x\ty", numbers: [], quantities: [q], dates: [])
        XCTAssertEqual(line, "{\"text\":\"x\\ty\",\"numbers\":[],\"quantities\":[{\"start\":0,\"end\":3,\"text\":\"a\\\"b\",\"value\":10000,\"min\":null,\"max\":null,\"qualifier\":null,\"unit\":\"جندي\",\"duration\":false}],\"dates\":[]}")
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
        XCTAssertNotNil(object)
    }
}
