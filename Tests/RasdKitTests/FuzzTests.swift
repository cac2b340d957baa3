import XCTest
@testable import RasdKit

/// Seeded random-input test: the HTML and JSONL readers, the decoder and the text core on random bytes and on
/// mutations of valid inputs, for a fixed number of iterations. It passes when nothing crashes and the
/// outputs keep their invariants. `RASD_FUZZ_ITERATIONS` and `RASD_FUZZ_SEED` run a longer or another
/// campaign (docs/fuzzing.md); a failing iteration prints its seed and number.
final class FuzzTests: XCTestCase {
    var iterations: Int { Int(ProcessInfo.processInfo.environment["RASD_FUZZ_ITERATIONS"] ?? "") ?? 1000 }
    var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["RASD_FUZZ_SEED"] ?? "") ?? 20_241_119 }

    static let page = (try? Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/news_page.html"))) ?? Data("<html><body><p>نص</p></body></html>".utf8)
    static let record = Data(#"{"id": "x1", "title": "عنوان", "published": "2015-07-21", "source": "s", "url": "u", "text": "نص المقال، بفقرتين.\nالثانية"}"#.utf8)
    static let htmlRecord = Data(#"{"id": "x2", "html": "<html><body><nav>قائمة</nav><div class=\"content\"><p>فقرة أولى طويلة بما يكفي، فيها فواصل.</p><p>ثانية</p></div></body></html>"}"#.utf8)

    func testReadersSurviveRandomAndMutatedInput() {
        var rng = FuzzRandom(seed: seed)
        let html = HTMLReader(), jsonl = JSONLReader(), text = PlainTextReader()
        for i in 0..<iterations {
            let input: Data
            switch i % 4 {
            case 0: input = rng.bytes(count: Int(rng.next() % 2048))
            case 1: input = rng.mutate(FuzzTests.page)
            case 2: input = rng.mutate(FuzzTests.record + Data([0x0A]) + FuzzTests.htmlRecord)
            default: input = rng.mutate(Data("<div><p>".utf8) + rng.arabicBytes(count: 300) + Data("</p><br><time datetime=\"2024-1".utf8))
            }
            let label = "seed \(seed) iteration \(i)"
            for (reader, path) in [(html as any ArticleReader, "f.html"), (jsonl, "f.jsonl"), (text, "f.txt")] {
                let result = reader.read(input, path: path)
                for a in result.articles {
                    XCTAssertFalse(a.id.isEmpty, label)
                    XCTAssertTrue(a.origin.hasPrefix(path), label)
                }
                for p in result.problems { XCTAssertTrue(p.location.hasPrefix(path) && !p.reason.isEmpty, label) }
                if result.articles.isEmpty { XCTAssertFalse(result.problems.isEmpty, "\(label): \(path) gave nothing and no reason") }
            }
        }
    }

    /// JSON Lines that repeat an id (the same record, or mutated copies with other text) analysed whole: the
    /// resolver keys documents by id, and a repeat once stopped the process.
    func testRepeatedIdsNeverReachTheResolver() throws {
        var rng = FuzzRandom(seed: seed &+ 2)
        let analyzer = try Analyzer()
        for i in 0..<min(iterations, 40) {
            var input = Data()
            for _ in 0..<(2 + Int(rng.next() % 4)) {
                input += (rng.next() % 2 == 0 ? FuzzTests.record : rng.mutate(FuzzTests.record)) + Data([0x0A])
            }
            let read = JSONLReader().read(input, path: "d.jsonl")
            let analysis = analyzer.analyze(read.articles)
            XCTAssertEqual(Set(analysis.documents.map(\.id)).count, analysis.documents.count, "seed \(seed) iteration \(i)")
        }
    }

    func testTextCoreSurvivesRandomScalars() {
        var rng = FuzzRandom(seed: seed &+ 1)
        let tokenizer = Tokenizer(), splitter = SentenceSplitter()
        for i in 0..<iterations {
            let string = rng.scalars(count: Int(rng.next() % 400))
            let text = ScalarText(string)
            let tokens = tokenizer.tokenize(text)
            for t in tokens {
                XCTAssertTrue(0 <= t.start && t.start < t.end && t.end <= text.count, "seed \(seed) iteration \(i)")
            }
            _ = splitter.split(tokens, in: text)
            _ = CliticStripper.shared.stem(ArabicNormalizer.shared.key(string))
            _ = PartialDate.published(string)
            _ = NearDuplicateDetector().signature(string)
        }
    }
}

/// Seeded generator of random and mutated inputs.
struct FuzzRandom: RandomNumberGenerator {
    var source: SplitMix64
    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { source.next() }

    mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    mutating func bytes(count: Int) -> Data { Data((0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }) }

    mutating func arabicBytes(count: Int) -> Data {
        Data(scalars(count: count).utf8)
    }

    /// Mostly Arabic letters, digits, spaces and punctuation, with some scalars from anywhere.
    mutating func scalars(count: Int) -> String {
        var view = String.UnicodeScalarView()
        for _ in 0..<count {
            let v: UInt32
            switch int(10) {
            case 0...4: v = 0x0620 + UInt32(int(0x60))
            case 5: v = 0x0660 + UInt32(int(10))
            case 6: v = [0x20, 0x0A, 0x2E, 0x060C, 0x061F, 0xAB, 0xBB, 0x28, 0x29, 0x2D][int(10)]
            case 7: v = 0xFB50 + UInt32(int(0x2B0))
            case 8: v = UInt32(int(0x80))
            default: v = UInt32(int(0x10FFFF))
            }
            view.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(view)
    }

    /// A few random edits: flip bytes, cut, duplicate a span, insert markup or quotes.
    mutating func mutate(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let snippets: [[UInt8]] = ["<", ">", "</p>", "<p>", "\"", "{", "}", "\\", "<script>", "<!--", "]]>", "\n", "&#", "\u{0}"].map { Array($0.utf8) }
        for _ in 0..<(1 + int(6)) {
            guard !bytes.isEmpty else { bytes = snippets[int(snippets.count)]; continue }
            let at = int(bytes.count)
            switch int(5) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: next())
            case 1: bytes.removeSubrange(at..<bytes.count)
            case 2: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + int(200))], at: int(bytes.count))
            case 3: bytes.insert(contentsOf: snippets[int(snippets.count)], at: at)
            default: bytes.removeSubrange(at..<min(bytes.count, at + int(50)))
            }
        }
        return Data(bytes)
    }
}
