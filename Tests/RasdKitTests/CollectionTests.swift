import XCTest
@testable import RasdKit

/// Collection-level helpers: clitic stems, repeated boilerplate lines, near-duplicates, content hashes, --meta.
final class CollectionTests: XCTestCase {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    func testCliticCases() throws {
        for row in try CaseFile.rows("clitics.tsv", minimum: 14, fields: 2...2) {
            let f = row.fields
            XCTAssertEqual(CliticStripper.shared.stem(ArabicNormalizer.shared.key(f[0])), f[1], "\(row.location): \(f[0])")
        }
    }

    /// The folder an article's lines are grouped by, for every shape of origin (a one-letter name once trapped
    /// inside Foundation).
    func testSourceKeyOfOrigins() {
        func key(_ origin: String) -> String { RepeatedBlockDetector.sourceKey(SourceArticle(id: "i", text: "t", origin: origin)) }
        XCTAssertEqual(key("q"), "")
        XCTAssertEqual(key("a.txt"), "")
        XCTAssertEqual(key("in/feed.jsonl:12"), "in")
        XCTAssertEqual(key("/x"), "/")
        XCTAssertEqual(key("/data/news/a.html"), "/data/news")
    }

    func testRepeatedLinesPerOutlet() {
        func article(_ id: String, _ source: String?, _ body: String, origin: String = "x") -> SourceArticle {
            SourceArticle(id: id, text: body, source: source, origin: origin)
        }
        let menu = "الرئيسية سياسة اقتصاد رياضة"
        let articles = [
            article("1", "site", "\(menu)\nخبر أول عن الاقتصاد.\nشارك: فيسبوك تويتر\nمنذ 3 ساعات"),
            article("2", "site", "\(menu)\nخبر ثان عن السياسة.\nشارك: فيسبوك تويتر\nمنذ 5 ساعات"),
            article("3", "site", "\(menu)\r\nخبر ثالث عن الرياضة.\nشارك: فيسبوك تويتر\nمنذ 12 ساعات"),
            // Another outlet with the same menu twice only: below the threshold.
            article("4", "other", "\(menu)\nخبر آخر."),
            article("5", "other", "\(menu)\nخبر مختلف."),
            // Copies of one story count once.
            article("6", "copies", "قصة واحدة.\nسطر"), article("7", "copies", "قصة واحدة.\nسطر"), article("8", "copies", "قصة واحدة.\nسطر"),
            // No source: grouped by folder.
            article("9", nil, "توقيع المحرر\nنص أ", origin: "/in/blog/a.txt"),
            article("10", nil, "توقيع المحرر\nنص ب", origin: "/in/blog/b.txt"),
            article("11", nil, "توقيع المحرر\nنص ج", origin: "/in/blog/c.jsonl:4"),
        ]
        let repeated = RepeatedBlockDetector().repeatedLines(in: articles)
        XCTAssertEqual(repeated["site"], [RepeatedBlockDetector.normalizedLine(menu), "شارك: فيسبوك تويتر", "منذ 0 ساعات"])
        XCTAssertNil(repeated["other"])
        XCTAssertNil(repeated["copies"])
        XCTAssertEqual(repeated["/in/blog"], ["توقيع المحرر"])
        XCTAssertTrue(RepeatedBlockDetector.isRepeated("منذ 7 ساعات", in: articles[0], lines: repeated))
        XCTAssertFalse(RepeatedBlockDetector.isRepeated("خبر أول عن الاقتصاد.", in: articles[0], lines: repeated))
    }

    func testNearDuplicateGroups() {
        let story = "قالت وزارة الداخلية في بيان اليوم إن قوات الأمن ألقت القبض على خلية مسلحة كانت تخطط لتنفيذ هجمات في العاصمة، وضبطت بحوزتها أسلحة ومتفجرات وأجهزة اتصال، وأضافت أن التحقيقات ما زالت جارية لكشف بقية أفراد الخلية ومصادر تمويلها."
        let other = "ارتفعت أسعار الذهب في الأسواق المحلية اليوم مدفوعة بزيادة الطلب العالمي وتراجع الدولار، وتوقع خبراء أن تواصل الأسعار صعودها خلال الأسابيع المقبلة مع استمرار حالة عدم اليقين في الاقتصاد العالمي."
        let articles: [(id: String, text: String)] = [
            ("a", story), ("b", other), ("c", "عاجل: " + story + " (وكالات)"),
            ("d", story.replacingOccurrences(of: "أ", with: "ا")), ("e", ""), ("f", other + " المصدر: رويترز."),
            ("g", String(story.prefix(story.count / 2))),
        ]
        let groups = NearDuplicateDetector().groups(articles)
        XCTAssertEqual(groups, [["a", "c", "d"], ["b", "f"]])
        let detector = NearDuplicateDetector()
        XCTAssertEqual(NearDuplicateDetector.similarity(detector.signature(story), detector.signature(story)), 1)
        XCTAssertLessThan(NearDuplicateDetector.similarity(detector.signature(story), detector.signature(other)), 0.1)
    }

    /// Signatures kept in a temporary file (`SignatureRows`) group as those kept in memory, including rows read
    /// back from the file after a flush (a megabyte: 1,024 rows of 128 words) and rows still pending.
    func testNearDuplicateIndexWithSignatureRows() throws {
        let detector = NearDuplicateDetector()
        var generator = SplitMix64(seed: 23)
        var texts = (0..<1_000).map { k in
            "نص \(k) " + (0..<40).map { _ in "كلمة\(generator.next() % 100_000)" }.joined(separator: " ")
        }
        // Near copies (a word put in front) of texts on both sides of row 1,024, where the first flush falls.
        for k in stride(from: 0, to: 1_000, by: 7) { texts.append("عاجل " + texts[k]) }
        var inMemory = NearDuplicateDetector.Index()
        var onDisk = NearDuplicateDetector.Index(rows: try SignatureRows(length: detector.signatureLength))
        for text in texts {
            let signature = detector.signature(text)
            XCTAssertEqual(detector.add(signature, to: &inMemory), detector.add(signature, to: &onDisk))
        }
        XCTAssertEqual(inMemory.groups(), onDisk.groups())
        XCTAssertEqual(onDisk.groups().count, 143)
        let rows = try SignatureRows(length: 4)
        for k in 0..<70_000 { rows.append([UInt64(k), 1, 2, UInt64(k) * 3]) }
        var row: [UInt64] = []
        for k in [0, 1, 32_767, 32_768, 65_535, 69_999] {
            rows.read(k, into: &row)
            XCTAssertEqual(row, [UInt64(k), 1, 2, UInt64(k) * 3])
        }
        XCTAssertEqual(rows.count, 70_000)
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        XCTAssertEqual(ContentHash.of(text: "العِراقُ  اليوم"), ContentHash.of(text: "العراق اليوم\n"))
        XCTAssertNotEqual(ContentHash.of(text: "العراق اليوم"), ContentHash.of(text: "العراق أمس"))
    }

    func testMetadataFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("meta-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try """
        {"id": "000_a", "published": "2024-11-19", "lang": "ar"}

        {"id": "001_b", "published": "2024-06", "source": "agency"}
        """.write(to: url, atomically: true, encoding: .utf8)
        let meta = ArticleMetadata.load(path: url.path)
        XCTAssertEqual(meta.problems, [])
        XCTAssertEqual(meta.entries["000_a"]?.published?.iso, "2024-11-19")
        XCTAssertEqual(meta.entries["001_b"]?.source, "agency")
        let articles = [SourceArticle(id: "001_b", text: "نص", origin: "x"), SourceArticle(id: "zzz", text: "نص", origin: "y")]
            .map { meta.entries[$0.id]?.applied(to: $0) ?? $0 }
        XCTAssertEqual(articles[0].published?.iso, "2024-06")
        XCTAssertNil(articles[1].published)

        // A bad line is reported with its line number; the good ones are kept.
        try "{\"id\": \"ok\"}\nnot json\n".write(to: url, atomically: true, encoding: .utf8)
        let broken = ArticleMetadata.load(path: url.path)
        XCTAssertEqual(broken.entries.keys.sorted(), ["ok"])
        XCTAssertEqual(broken.problems.map(\.description), ["\(url.path):2: not a JSON object"])
    }
}

extension CollectionTests {
    func testContentKeyIsTheNormalizerKey() {
        for text in ["  العِراقُ \t اليوم\n\nغدا\u{00A0}بعد\u{2003}ذلك  ", "", " \n ", "abc DEF ١٢٣"] {
            XCTAssertEqual(ContentHash.key(text), ArabicNormalizer.shared.key(text))
        }
    }
}

extension CollectionTests {
    func testFastWhitespaceListMatchesUnicode() {
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(s.isWhitespaceFast, s.properties.isWhitespace, String(v, radix: 16))
        }
    }
    /// Packed mentions come back per entity in the order added, with their text, origin and notes; the story steps'
    /// counts per document agree with those made from the listed mentions.
    func testPackedMentionsRoundTrip() {
        var packed = PackedMentions(explain: true)
        // (entity, doc, start, alias, origin): two documents, entity 1 named in both, entity 0 twice in the second.
        let added: [(Int, Int, Int, Int, EntityMention.Origin?)] = [
            (1, 0, 5, 0, .gazetteer), (1, 0, 40, 1, .partialName), (0, 1, 3, 0, .tagger), (1, 1, 9, 0, nil), (0, 1, 70, 0, .speaker)]
        for (e, d, start, alias, origin) in added {
            packed.append(entity: e, doc: d, start: start, end: start + 4, alias: alias, origin: origin, notes: ["n\(start)"])
        }
        packed.groupByEntity(entityCount: 3)
        let ids = ["a", "b"]
        let one = packed.mentions(of: 1, aliases: ["كيم جونغ أون", "كيم"], docID: { ids[$0] })
        XCTAssertEqual(one.map(\.doc), ["a", "a", "b"])
        XCTAssertEqual(one.map(\.start), [5, 40, 9])
        XCTAssertEqual(one.map(\.text), ["كيم جونغ أون", "كيم", "كيم جونغ أون"])
        XCTAssertEqual(one.map(\.origin), ["gazetteer", "partialName", nil])
        XCTAssertEqual(one.map(\.explain), [["n5"], ["n40"], ["n9"]])
        XCTAssertEqual(packed.mentions(of: 0, aliases: ["X"], docID: { ids[$0] }).map(\.start), [3, 70])
        XCTAssertTrue(packed.mentions(of: 2, aliases: [], docID: { ids[$0] }).isEmpty)
        XCTAssertTrue(packed.mentions(of: 7, aliases: [], docID: { ids[$0] }).isEmpty)

        let fromPacked = EntityDocuments(packed, entityCount: 3)
        var analysis = Analysis()
        for e in 0..<3 {
            analysis.entities.append(Analysis.Entity(id: "E\(e + 1)", type: "PERSON", label: "x", label_en: nil, wikidata: nil, kb: nil,
                                                     country: nil, aliases: ["X", "Y"], roles: [], mentions: []))
            analysis.entities[e].mentions = packed.mentions(of: e, aliases: ["X", "Y"], docID: { ids[$0] })
        }
        let fromListed = EntityDocuments(analysis, docIndex: ["a": 0, "b": 1])
        for e in 0..<3 {
            XCTAssertEqual(fromPacked[e].map(\.doc), fromListed[e].map(\.doc))
            XCTAssertEqual(fromPacked[e].map(\.mentions), fromListed[e].map(\.mentions))
        }
        XCTAssertEqual(fromPacked[1].map(\.mentions), [2, 1])
        XCTAssertEqual(fromPacked[0].map(\.doc), [1])
    }
}
