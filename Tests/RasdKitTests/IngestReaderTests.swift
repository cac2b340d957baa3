import XCTest
@testable import RasdKit

/// Readers: encodings, JSONL, HTML pages with boilerplate, bad input.
final class IngestReaderTests: XCTestCase {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: IngestReaderTests.here.appendingPathComponent("Fixtures/\(name)"))
    }

    // MARK: Dates (corpus file)

    func testPublishedDateCases() throws {
        for row in try CaseFile.rows("ingest_dates.tsv", minimum: 15, fields: 1...2) {
            let fields = row.fields
            let expected = fields.count > 1 ? fields[1] : ""
            XCTAssertEqual(PartialDate.published(fields[0])?.iso ?? "", expected, "\(row.location): \(fields[0])")
        }
    }

    // MARK: Encodings

    /// windows-1256 bytes for Arabic letters, from the standard mapping (not from Rasd's table).
    static func cp1256(_ s: String) -> Data {
        let letters = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
        let codes: [UInt8] = [0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF,
                              0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD8, 0xD9, 0xDA, 0xDB, 0xDD, 0xDE, 0xDF, 0xE1,
                              0xE3, 0xE4, 0xE5, 0xE6, 0xEC, 0xED]
        var map = Dictionary(uniqueKeysWithValues: zip(letters, codes))
        map["،"] = 0xA1; map["؟"] = 0xBF
        for c in " .\n0123456789" { map[c] = c.asciiValue! }
        return Data(s.map { map[$0]! })
    }

    func testWindows1256IsDetected() {
        let original = "العراق يعلن نتائج الانتخابات، ورئيس الحكومة يرحب.\nبغداد تستعد"
        let data = IngestReaderTests.cp1256(original)
        XCTAssertNil(String(data: data, encoding: .utf8))
        let decoded = TextDecoding.decodeWithEncoding(data, path: "old.txt")
        XCTAssertEqual(try decoded.get().text, original)
        XCTAssertEqual(try decoded.get().encoding, .windows1256)
        let read = PlainTextReader().read(data, path: "/x/old.txt")
        XCTAssertEqual(read.articles.first?.text, original)
        XCTAssertEqual(read.articles.first?.id, "old")
    }

    func testUTF16AndUTF8ByteOrderMarks() {
        let text = "مرحبا بالعالم، هذا نص."
        var le = Data([0xFF, 0xFE]); le.append(text.data(using: .utf16LittleEndian)!)
        var be = Data([0xFE, 0xFF]); be.append(text.data(using: .utf16BigEndian)!)
        var u8 = Data([0xEF, 0xBB, 0xBF]); u8.append(Data(text.utf8))
        XCTAssertEqual(try TextDecoding.decodeWithEncoding(le, path: "a").get().encoding, .utf16LittleEndian)
        XCTAssertEqual(try TextDecoding.decode(le, path: "a").get(), text)
        XCTAssertEqual(try TextDecoding.decode(be, path: "a").get(), text)
        XCTAssertEqual(try TextDecoding.decode(u8, path: "a").get(), text)
        XCTAssertEqual(try TextDecoding.decode(Data(text.utf8), path: "a").get(), text)
    }

    func testEmptyBinaryAndLatinFilesAreRefusedWithTheirName() {
        func reason(_ data: Data) -> String? {
            let r = PlainTextReader().read(data, path: "in/f.txt")
            XCTAssertTrue(r.articles.isEmpty)
            XCTAssertEqual(r.problems.first?.location, "in/f.txt")
            return r.problems.first?.reason
        }
        XCTAssertEqual(reason(Data()), "empty file (0 bytes)")
        XCTAssertEqual(reason(Data([0xEF, 0xBB, 0xBF])), "empty file (only a byte-order mark)")
        XCTAssertEqual(reason(Data("  \n\t ".utf8)), "no text (only white space)")
        XCTAssertTrue(reason(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]))!.contains("binary"))
        XCTAssertTrue(reason(Data((0..<200).map { UInt8($0 % 32) + 1 }))!.contains("binary"))
        // Latin-1 French is neither UTF-8 nor Arabic windows-1256.
        XCTAssertTrue(reason(Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0xE0, 0x20, 0x6C, 0xE0]))!.contains("not valid UTF-8"))
    }

    // MARK: JSONL

    func testJSONLKeepsGoodLinesAndReportsBadOnes() {
        let lines = [
            #"{"id": "a1", "text": "نص المقال الأول", "title": "عنوان", "published": "2015-07-21T10:00:00Z", "source": "spa", "url": "http://x/1"}"#,
            #"{"id": "a2", "text": "مقال مقطوع"#,
            "",
            #"{"id": "a3", "title": "بلا نص"}"#,
            #"{"text": "مقال بلا معرف", "published": 1437436800}"#,
            #"[1, 2]"#,
            #"{"id": 7, "html": "<html><body><nav>قائمة</nav><p>فقرة من صفحة مضمنة في السجل، تكفي لتكون مقالا.</p></body></html>"}"#,
            #"{"id": "a8", "text": "   "}"#,
        ]
        let result = JSONLReader().read(Data(lines.joined(separator: "\n").utf8), path: "feeds/day.jsonl")
        XCTAssertEqual(result.articles.map(\.id), ["a1", "day:5", "7"])
        let first = result.articles[0]
        XCTAssertEqual(first.title, "عنوان"); XCTAssertEqual(first.published?.iso, "2015-07-21")
        XCTAssertEqual(first.source, "spa"); XCTAssertEqual(first.url, "http://x/1")
        XCTAssertEqual(first.origin, "feeds/day.jsonl:1")
        XCTAssertEqual(result.articles[1].published?.iso, "2015-07-21")
        XCTAssertEqual(result.articles[2].text, "فقرة من صفحة مضمنة في السجل، تكفي لتكون مقالا.")
        XCTAssertEqual(result.problems.map(\.location), ["feeds/day.jsonl:2", "feeds/day.jsonl:4", "feeds/day.jsonl:6", "feeds/day.jsonl:8"])
        XCTAssertTrue(result.problems[0].description.hasPrefix("feeds/day.jsonl:2: invalid JSON"))
        XCTAssertEqual(result.problems[1].reason, "record has neither 'text' nor 'html'")
        XCTAssertEqual(result.problems[2].reason, "not a JSON object")
    }

    func testJSONLWithInvalidUTF8LineKeepsTheRest() {
        var data = Data(#"{"id": "ok1", "text": "سليم"}"#.utf8)
        data.append(contentsOf: [0x0A, 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A])
        data.append(Data(#"{"id": "ok2", "text": "سليم أيضا"}"#.utf8))
        let result = JSONLReader().read(data, path: "f.jsonl")
        XCTAssertEqual(result.articles.map(\.id), ["ok1", "ok2"])
        XCTAssertEqual(result.problems.map(\.description), ["f.jsonl:2: invalid JSON (not UTF-8)"])
    }

    // MARK: HTML

    func testHTMLPageKeepsTheArticleAndDropsBoilerplate() throws {
        let result = HTMLReader().read(try fixture("news_page.html"), path: "pages/news_page.html")
        XCTAssertEqual(result.problems, [])
        let article = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(article.id, "news_page")
        XCTAssertEqual(article.title, "وزير الخارجية يبحث مع نظيره ملف المياه")
        XCTAssertEqual(article.published?.iso, "2023-03-14")
        XCTAssertEqual(article.byline, "سارة الأحمد")
        XCTAssertEqual(article.dateline, "القاهرة")
        XCTAssertEqual(article.url, "https://news.example/world/12345")
        let paragraphs = article.text.components(separatedBy: "\n")
        XCTAssertEqual(paragraphs.count, 3, article.text)
        XCTAssertTrue(paragraphs[0].hasPrefix("القاهرة - رويترز - بحث وزير الخارجية"))
        XCTAssertTrue(paragraphs[2].contains("التبادل التجاري وسبل تعزيز"))
        for boilerplate in ["الرئيسية", "الأكثر قراءة", "اقرأ أيضا", "فيسبوك", "السودان المياه", "تعليق", "جميع الحقوق", "tracking", "color"] {
            XCTAssertFalse(article.text.contains(boilerplate), boilerplate)
        }
    }

    func testLeadParagraphInItsOwnContainerIsKept() throws {
        let page = """
            <html><body><div class="wrap"><h1>عنوان الخبر</h1>
            <div class="lead">أعلن رئيس الوزراء اليوم عن حزمة إجراءات اقتصادية جديدة لدعم الأسر محدودة الدخل، تشمل زيادة الإعانات الشهرية.</div>
            <div class="article-body"><p>وقال في مؤتمر صحفي إن الحزمة ستكلف الميزانية نحو ملياري دولار، وستمول من فائض العائدات النفطية هذا العام.</p>
            <p>وأضاف أن الحكومة ستراجع الأسعار كل ثلاثة أشهر، وأن البرلمان سيناقش الخطة في جلسته المقبلة الأسبوع القادم.</p></div>
            <div class="more"><a href="/1">خبر آخر عن الاقتصاد</a> <a href="/2">خبر ثالث عن السياسة المحلية</a></div></div></body></html>
            """
        let article = try XCTUnwrap(HTMLReader().read(Data(page.utf8), path: "lead.html").articles.first)
        let lines = article.text.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 3, article.text)
        XCTAssertTrue(lines[0].hasPrefix("أعلن رئيس الوزراء"))
    }

    func testTruncatedPageYieldsWhatItCan() throws {
        let result = HTMLReader().read(try fixture("truncated_page.html"), path: "t.html")
        let article = try XCTUnwrap(result.articles.first, "\(result.problems)")
        XCTAssertEqual(article.title, "انقطاع الكهرباء عن أحياء في العاصمة")
        XCTAssertEqual(article.published?.iso, "2022-08-02")
        XCTAssertTrue(article.text.hasPrefix("أعلنت شركة الكهرباء"))
        XCTAssertTrue(article.text.contains("\nوقالت الشركة"))
        XCTAssertFalse(article.text.contains("أخبار"))
    }

    func testOldTableLayoutWithLineBreaks() throws {
        let article = try XCTUnwrap(HTMLReader().read(try fixture("div_layout_page.html"), path: "d.html").articles.first)
        XCTAssertEqual(article.dateline, "الرياض - واس")
        let lines = article.text.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 3, article.text)
        XCTAssertTrue(lines[1].hasPrefix("أعلنت الهيئة العامة للإحصاء"))
        XCTAssertFalse(article.text.contains("عدد القراءات") || article.text.contains("محليات") || article.text.contains("رابط"))
    }

    func testWindows1256PageWithCharsetDeclaration() throws {
        var page = Data("<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><div class=\"content\"><p>".utf8)
        page.append(IngestReaderTests.cp1256("العراق يعلن نتائج الانتخابات، ورئيس الحكومة يرحب بالنتائج."))
        page.append(Data("</p></div></body></html>".utf8))
        let article = try XCTUnwrap(HTMLReader().read(page, path: "p.htm").articles.first)
        XCTAssertEqual(article.text, "العراق يعلن نتائج الانتخابات، ورئيس الحكومة يرحب بالنتائج.")
    }

    func testScriptFilledPageFallsBackToJSONLDBody() throws {
        let page = #"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","datePublished":"2021-04-05","articleBody":"الفقرة الأولى من الخبر.\nالفقرة الثانية."}</script></head><body><div id="app"></div></body></html>"#
        let article = try XCTUnwrap(HTMLReader().read(Data(page.utf8), path: "spa.html").articles.first)
        XCTAssertEqual(article.text, "الفقرة الأولى من الخبر.\nالفقرة الثانية.")
        XCTAssertEqual(article.title, "عنوان")
        XCTAssertEqual(article.published?.iso, "2021-04-05")
    }

    func testPageWithoutTextIsAProblem() {
        let result = HTMLReader().read(Data("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>".utf8), path: "e.html")
        XCTAssertEqual(result.problems.map(\.description), ["e.html: no article text found in the HTML page"])
    }

    // MARK: Folders

    func testFolderYieldsArticleFilesButNotMetaOrOthers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-collect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a.txt", "b.html", "sub/c.htm", "d.jsonl", "meta.jsonl", "gold.json", "README.md", ".hidden.txt"] {
            try Data("x".utf8).write(to: dir.appendingPathComponent(name))
        }
        let collector = InputCollector(excluded: [dir.appendingPathComponent("meta.jsonl").path])
        let (files, problems) = collector.files(in: [dir.path, dir.appendingPathComponent("missing.txt").path])
        XCTAssertEqual(files.map { String($0.dropFirst(dir.path.count + 1)) }, ["a.txt", "b.html", "d.jsonl", "sub/c.htm"])
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].isFatalForPath)
    }
}


extension IngestReaderTests {
    func testMostlyUTF8TextKeepsItsTextWithAWarning() {
        var data = Data("خبر عاجل: ارتفاع أسعار الذهب في الأسواق المحلية والعالمية اليوم بعد تراجع الدولار".utf8)
        data.insert(0xFF, at: 10)
        let result = PlainTextReader().read(data, path: "damaged.txt")
        XCTAssertEqual(result.articles.count, 1)
        XCTAssertTrue(result.articles[0].text.contains("\u{FFFD}"))
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertTrue(result.problems.first?.description.hasPrefix("damaged.txt: ") ?? false)
        XCTAssertTrue(result.problems.first?.reason.hasSuffix("invalid UTF-8 byte(s) replaced with U+FFFD") ?? false)
    }

    func testEntitiesInFeedTitles() {
        XCTAssertEqual(HTMLEntities.decode("السلطان لـ&quot;سبق&quot; &#8220;داعش&#8221; &#x41; a&b &unknown; &"), "السلطان لـ\"سبق\" “داعش” A a&b &unknown; &")
        let line = Data(#"{"id": "t", "title": "بالصور.. &#8220;داعش&#8221;", "text": "نص"}"#.utf8)
        XCTAssertEqual(try JSONLReader().record(line, location: "f:1", fallbackID: "f:1").get().title, "بالصور.. “داعش”")
    }
}

extension IngestReaderTests {
    func testLargeJSONLIsReadInPiecesWithTheSameResult() throws {
        var lines: [String] = []
        for i in 1...60 {
            switch i % 7 {
            case 3: lines.append(#"{"id": "broken"#)
            case 5: lines.append(#"{"title": "بلا نص"}"#)
            default: lines.append(#"{"id": "r\#(i)", "text": "خبر رقم \#(i) عن الاقتصاد والسياسة في المنطقة"}"#)
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        var data = Data([0xEF, 0xBB, 0xBF]); data.append(Data(lines.joined(separator: "\r\n").utf8))
        try data.write(to: url)
        let collector = InputCollector()
        let whole = collector.read(file: url.path)
        var articles: [SourceArticle] = [], problems: [InputProblem] = [], pieces = 0
        collector.read(file: url.path, chunkBytes: 300) { a, p in articles += a; problems += p; pieces += 1 }
        XCTAssertGreaterThan(pieces, 5)
        XCTAssertEqual(articles, whole.articles)
        XCTAssertEqual(problems, whole.problems)
        XCTAssertEqual(articles.count, 60 - 9 - 8)
        XCTAssertEqual(problems.first?.location, "\(url.path):3")
        XCTAssertEqual(articles.last?.origin, "\(url.path):60")
    }
}

extension IngestReaderTests {
    func testDeeplyNestedPageDoesNotExhaustTheStack() throws {
        func page(_ depth: Int, intro: String = "") -> Data {
            Data(("<html><body>\(intro)" + String(repeating: "<div>", count: depth)
                + "<p>فقرة في أعماق الصفحة، طويلة بما يكفي لتكون من نص المقال.</p>" + String(repeating: "</div>", count: depth)
                + "</body></html>").utf8)
        }
        // Nesting as deep as real pages get: everything is read.
        let normal = HTMLReader().read(page(150), path: "deep.html")
        XCTAssertEqual(normal.articles.first?.text, "فقرة في أعماق الصفحة، طويلة بما يكفي لتكون من نص المقال.")
        // Absurd nesting (libxml2 stops at its depth limit): no crash, the text before it is kept.
        let absurd = HTMLReader().read(page(20_000, intro: "<p>مقدمة الصفحة، فقرة أولى طويلة بما يكفي لتكون من نص المقال.</p>"), path: "deep.html")
        XCTAssertTrue(absurd.articles.first?.text.hasPrefix("مقدمة الصفحة") ?? false, "\(absurd.problems)")
    }
}

extension IngestReaderTests {
    func testFeedOfBlankLinesIsReported() {
        let data = Data("\n  \r\n\t\n".utf8)
        XCTAssertEqual(JSONLReader().read(data, path: "b.jsonl").problems.map(\.description), ["b.jsonl: no records (only blank lines)"])
    }
}

/// An id seen twice never reaches the stages that key documents by id.
final class DistinctIDsTests: XCTestCase {
    func testRepeatsAreRenamedOrDroppedAndReported() throws {
        let articles = [
            SourceArticle(id: "a", text: "نص أول", origin: "f.jsonl:1"),
            SourceArticle(id: "a", text: "نص ثان", origin: "f.jsonl:2"),
            SourceArticle(id: "a", text: "نص أول", origin: "f.jsonl:3"),
            SourceArticle(id: "a~2", text: "نص ثالث", origin: "f.jsonl:4"),
            SourceArticle(id: "a", text: "نص رابع", origin: "f.jsonl:5"),
        ]
        let (kept, problems) = DistinctIDs.apply(articles)
        XCTAssertEqual(kept.map(\.id), ["a", "a~3", "a~2", "a~4"])
        XCTAssertEqual(problems.map(\.location), ["f.jsonl:2", "f.jsonl:3", "f.jsonl:5"])
        XCTAssertTrue(problems[0].reason.contains("duplicate id \"a\""), problems[0].reason)
        XCTAssertTrue(problems[1].reason.contains("skipped"), problems[1].reason)
        // The whole analysis survives it (it once stopped with a fatal error).
        let analysis = try Analyzer().analyze(articles)
        XCTAssertEqual(Set(analysis.documents.map(\.id)).count, analysis.documents.count)
        XCTAssertEqual(analysis.problems.count, 3)
    }

    func testNULBecomesReplacementCharacter() {
        let article = SourceArticle(id: "n", text: "قبل\u{0}بعد", title: "عنوان\u{0}", origin: "x")
        XCTAssertEqual(article.text, "قبل\u{FFFD}بعد")
        XCTAssertEqual(article.text.unicodeScalars.count, 7)
        XCTAssertEqual(article.title, "عنوان\u{FFFD}")
    }
}
