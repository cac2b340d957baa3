import XCTest
@testable import RasdKit

/// Runs the corpus files Cases/numbers.tsv, quantities.tsv, dates.tsv and article_dates.tsv: one case a line,
/// `input <TAB> reference <TAB> expected`. The reference is `-` or `YYYY-MM-DD` optionally followed by ` future`.
/// Expected is `none`, or the mentions in text order separated by ` ; `, each a list of `key=value` pairs that must
/// match (keys not written are not checked): numbers value/kind/text, quantities value/min/max/q/unit/duration/text,
/// dates date/kind/basis/from/to/text. A value `nil` means the field must be empty; in `text`, `_` stands for a space.
final class TextCorpusTests: XCTestCase {
    struct Case { let line: Int; let input: String; let reference: PartialDate?; let prefer: DatePreference; let expected: [[String: String]] }

    /// Fewer cases than this means a corpus was emptied or cut.
    static let minimumCases = ["numbers.tsv": 90, "quantities.tsv": 39, "dates.tsv": 140, "article_dates.tsv": 5]

    static func cases(_ name: String) throws -> [Case] {
        var out: [Case] = []
        for row in try CaseFile.rows(name, minimum: minimumCases[name] ?? 1, fields: 3...3) {
            let f = row.fields
            let refParts = f[1].split(separator: " ").map(String.init)
            let reference = refParts.first.flatMap { PartialDate(iso: $0) }
            let prefer: DatePreference = refParts.contains("future") ? .future : .past
            var expected: [[String: String]] = []
            if f[2] != "none" {
                for item in f[2].components(separatedBy: " ; ") {
                    var kv: [String: String] = [:]
                    for pair in item.split(separator: " ") {
                        guard let eq = pair.firstIndex(of: "=") else {
                            throw CaseFile.Problem(description: "Cases/\(name):\(row.line): '\(pair)' is not key=value")
                        }
                        let key = String(pair[..<eq])
                        let value = String(pair[pair.index(after: eq)...])
                        kv[key] = key == "text" ? value.replacingOccurrences(of: "_", with: " ") : value
                    }
                    expected.append(kv)
                }
            }
            out.append(Case(line: row.line, input: f[0], reference: reference, prefer: prefer, expected: expected))
        }
        return out
    }

    static func fmt(_ v: Double?) -> String {
        guard let v else { return "nil" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    func check(_ name: String, _ actual: (Case) -> [[String: String]]) throws {
        let cases = try Self.cases(name)
        XCTAssertFalse(cases.isEmpty)
        var failures = 0
        for c in cases {
            let got = actual(c)
            var ok = got.count == c.expected.count
            if ok {
                for (e, g) in zip(c.expected, got) {
                    for (k, v) in e {
                        if g[k] != v { ok = false }
                    }
                }
            }
            if !ok {
                failures += 1
                XCTFail("\(name):\(c.line) \(c.input)\n  expected \(c.expected)\n  got      \(got)")
            }
        }
        print("\(name): \(cases.count - failures)/\(cases.count) cases pass")
    }

    func run(_ input: String) -> (ScalarText, [Token]) {
        let text = ScalarText(input)
        return (text, Tokenizer().tokenize(text))
    }

    func testNumbersCorpus() throws {
        try check("numbers.tsv") { c in
            let (text, tokens) = self.run(c.input)
            return NumberExtractor.shared.extract(tokens, in: text).numbers.map {
                ["value": Self.fmt($0.value), "kind": $0.kind.rawValue, "text": $0.text]
            }
        }
    }

    func testQuantitiesCorpus() throws {
        try check("quantities.tsv") { c in
            let (text, tokens) = self.run(c.input)
            return NumberExtractor.shared.extract(tokens, in: text).quantities.map {
                ["value": Self.fmt($0.value), "min": Self.fmt($0.min), "max": Self.fmt($0.max),
                 "q": $0.qualifier?.rawValue ?? "nil", "unit": $0.unit ?? "nil", "duration": $0.isDuration ? "1" : "0", "text": $0.text]
            }
        }
    }

    /// Cases/article_dates.tsv: dates that need the article around them (the knowledge base's places, line breaks
    /// written `\n`), read by the whole pipeline from an article published on the reference date.
    func testArticleDatesCorpus() throws {
        try check("article_dates.tsv") { c in
            let article = SourceArticle(id: "case", text: c.input.replacingOccurrences(of: "\\n", with: "\n"),
                                        published: c.reference, origin: "case")
            return ExtractionCorpusTests.analyzer.analyze([article]).dates.map {
                ["date": $0.date ?? "nil", "kind": $0.kind, "basis": $0.basis,
                 "from": $0.span_from ?? "nil", "to": $0.span_to ?? "nil", "text": $0.text]
            }
        }
    }

    func testDatesCorpus() throws {
        try check("dates.tsv") { c in
            let (text, tokens) = self.run(c.input)
            return DateExtractor.shared.extract(tokens, in: text, reference: c.reference, prefer: c.prefer).map {
                ["date": $0.date?.iso ?? "nil", "kind": $0.kind, "basis": $0.basis.rawValue,
                 "from": $0.spanFrom?.iso ?? "nil", "to": $0.spanTo?.iso ?? "nil", "text": $0.text]
            }
        }
    }
}
