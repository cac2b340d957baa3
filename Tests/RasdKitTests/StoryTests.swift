import Foundation
import XCTest
@testable import RasdKit

/// Story detection (Resolve/StoryDetector): small hand-written feeds (Cases/stories.tsv), a mixed feed of our
/// own articles (eval/devset) that must come out as several stories, and background events.
final class StoryTests: XCTestCase {
    static let analyzer = ExtractionCorpusTests.analyzer

    /// The stories as sets of document ids.
    static func partition(_ analysis: Analysis) -> Set<Set<String>> {
        Set((analysis.stories ?? []).map { Set($0.documents) })
    }

    /// The bags' byte streams give back what was appended (the widest gaps and counts included), and the cosines equal
    /// dot products of `unitVector`s worked out bag by bag.
    func testFlatBagsAndCosines() {
        var generator = SplitMix64(seed: 7)
        let bags: [StoryDetector.Bag] = (0..<60).map { d in
            var features = Set<Int32>()
            for _ in 0..<(d % 7 == 0 ? 0 : 3 + Int(generator.next() % 12)) { features.insert(Int32(generator.next() % 40)) }
            if d % 11 == 1 { features.insert(300_000) }   // a gap of three bytes (features are numbered densely)
            return features.sorted().map { ($0, Float(1 + generator.next() % (d == 5 ? 70_000 : 4))) }
        }
        let flat = StoryDetector.FlatBags(bags)
        XCTAssertEqual(flat.count, bags.count)
        for (d, bag) in bags.enumerated() {
            var back: [(Int32, Float)] = []
            flat.forEach(in: d) { t, c in back.append((Int32(t), Float(c))) }
            XCTAssertEqual(back.map(\.0), bag.map(\.0))
            XCTAssertEqual(back.map(\.1), bag.map { Float(UInt16(clamping: Int($0.1))) })
        }
        var wide = StoryDetector.FlatBags()
        wide.append([(0, 1), (Int32.max - 1, 65_535), (Int32.max, 1)])
        var back: [Int] = []
        wide.forEach(in: 0) { t, c in back += [t, Int(c)] }
        XCTAssertEqual(back, [0, 1, Int(Int32.max) - 1, 65_535, Int(Int32.max), 1])
        let maxDF = 30, collection = 100
        var df: [Int32: Int] = [:]
        for bag in bags { for (t, _) in bag { df[t, default: 0] += 1 } }
        let clamped = bags.map { $0.map { ($0.0, Float(UInt16(clamping: Int($0.1)))) } }
        let vectors = clamped.map { StoryDetector.unitVector($0, maxDF: maxDF, collection: collection, df: { df[$0] ?? 0 }) }
        var expected: [Int: Float] = [:]
        for i in vectors.indices {
            for j in vectors.indices where j > i {
                let b = Dictionary(vectors[j].map { ($0.0, $0.1) }, uniquingKeysWith: +)
                let dot = vectors[i].reduce(Float(0)) { $0 + $1.1 * (b[$1.0] ?? 0) }
                if dot > 0 { expected[i * bags.count + j] = min(dot, 1) }
            }
        }
        var got: [Int: Float] = [:]
        StoryDetector.cosines(flat, maxDF: maxDF, collection: collection) { key, value in got[key] = value }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(Set(got.keys), Set(expected.keys))
        for (key, value) in expected { XCTAssertEqual(got[key] ?? -1, value, accuracy: 1e-5) }
    }

    func testStoryCases() throws {
        var failures: [String] = []
        let rows = try ExtractionCorpusTests.rows("stories.tsv", minimum: 6)
        for row in rows {
            guard row.count >= 4, (row.count - 1) % 3 == 0 else { XCTFail("malformed case: \(row.prefix(2))"); continue }
            let letters = "abcdefghij".map(String.init)
            let articles = stride(from: 1, to: row.count, by: 3).enumerated().map { k, i in
                // A text "TITLE ¶ BODY" gives the article a title.
                let parts = row[i + 2].components(separatedBy: " ¶ ")
                return SourceArticle(id: letters[k], text: parts.last!, title: parts.count > 1 ? parts[0] : nil,
                                     published: PartialDate(iso: row[i + 1]), source: row[i], origin: "case")
            }
            let analysis = Self.analyzer.analyze(articles)
            let expected = Set(row[0].split(separator: " ").map { Set($0.map(String.init)) })
            let got = Self.partition(analysis)
            // Every document in exactly one story.
            XCTAssertEqual((analysis.stories ?? []).flatMap(\.documents).sorted(), articles.map(\.id).sorted())
            if got != expected {
                let shown = (analysis.stories ?? []).map { $0.documents.joined() }.sorted().joined(separator: " ")
                failures.append("\(row[0]) (\(articles.map { String($0.text.prefix(30)) }.joined(separator: " / ")))\n    got \(shown)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) story cases failed:\n" + failures.joined(separator: "\n"))
    }

    /// A mixed feed of ten articles (three reports of the Jeddah talks on Sudan, two of clashes in Tripoli, five
    /// other stories, two stories split off articles) is nine stories, the same on a second run.
    func testMixedFeedIsSeveralStories() throws {
        let devset = DevsetTests.devset
        let metaPath = devset.appendingPathComponent("meta.jsonl").path
        let meta = ArticleMetadata.load(path: metaPath).entries
        let collector = InputCollector(excluded: [metaPath])
        let articles = collector.files(in: [devset.path]).files.flatMap { collector.read(file: $0).articles }
            .map { meta[$0.id]?.applied(to: $0) ?? $0 }
        let analysis = Self.analyzer.analyze(articles)
        let stories = try XCTUnwrap(analysis.stories)
        XCTAssertEqual(Self.partition(analysis), [
            ["101_sudan_jeddah_wire", "102_sudan_jeddah_daily", "103_sudan_jeddah_tv"],
            ["106_tripoli_clashes_wire", "107_tripoli_clashes_daily"],
            ["104_saudi_fm_tehran"], ["105_egypt_imf_loan"], ["108_tunisia_election"], ["109_saudi_argentina_worldcup"],
            ["110_aramco_us_troops"],
            // The stories split off two articles (after "اقرأ أيضا") are stories of their own.
            ["104_saudi_fm_tehran~1"], ["109_saudi_argentina_worldcup~1"],
        ], stories.map { "\($0.id): \($0.documents)" }.joined(separator: "\n"))
        // Ids follow the input order; every document, event and discrepancy names its story.
        XCTAssertEqual(stories.map(\.id), (1...stories.count).map { "S\($0)" })
        for doc in analysis.documents { XCTAssertEqual(stories.first { $0.documents.contains(doc.id) }?.id, doc.story) }
        for event in analysis.events { XCTAssertNotNil(event.story) }
        for d in analysis.discrepancies {
            let story = try XCTUnwrap(stories.first { $0.id == d.story }, d.about)
            XCTAssertTrue(d.values.allSatisfy { story.documents.contains($0.doc) }, d.about)
        }
        // The Sudan story: titled from its main event and actors, in both languages, with its span.
        let sudan = try XCTUnwrap(stories.first { $0.documents.contains("101_sudan_jeddah_wire") })
        XCTAssertFalse(sudan.title.isEmpty)
        XCTAssertFalse(sudan.title_en.isEmpty)
        XCTAssertLessThanOrEqual(try XCTUnwrap(sudan.first), "2023-05-12")
        XCTAssertEqual(sudan.last, "2023-05-13")
        XCTAssertNotNil(sudan.main_event)
        XCTAssertEqual(Self.analyzer.analyze(articles).stories, stories, "the same feed gives the same stories")
    }

    /// An event an article recalls from years before is background: it does not open the story's span.
    func testBackgroundEventsStayOutOfTheStorySpan() throws {
        let text = "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين يوم الخميس. "
            + "وكان بوتين قد التقى الرئيس الأمريكي جورج بوش في موسكو في مايو 2002."
        let analysis = Self.analyzer.analyze([SourceArticle(id: "a", text: text, published: PartialDate(iso: "2024-05-17"), origin: "case")])
        let old = try XCTUnwrap(analysis.events.first { $0.date?.hasPrefix("2002") == true }, "\(analysis.events.map { ($0.type, $0.date) })")
        XCTAssertEqual(old.background, true)
        XCTAssertTrue(analysis.events.contains { $0.background == nil && $0.date?.hasPrefix("2024") == true })
        XCTAssertEqual(analysis.timeline.first { $0.event == old.id }?.background, true)
        let story = try XCTUnwrap(analysis.stories?.first)
        XCTAssertEqual(story.first, "2024-05-16")
    }
}

extension StoryTests {
    /// A pair is a candidate only with wording in common: entities and a merged event alone (a hub state, one
    /// generic statement merged across two reports) never link two articles; with shared wording they do.
    func testNoLinkWithoutSharedWording() {
        let detector = StoryDetector()
        XCTAssertEqual(detector.score(.init(words: 0, entities: 0.6, events: 1)), 0)
        XCTAssertEqual(detector.score(.init(words: 0.05, entities: 0.9, events: 0.7)), 0)
        XCTAssertGreaterThan(detector.score(.init(words: 0.2, entities: 0.6, events: 0)), detector.options.link)
        XCTAssertGreaterThan(detector.score(.init(words: 0.5, entities: 0.1, events: 0)), 0, "close wording alone")
        // Close wording and not one entity in common (each names its own town): only when nearly the same.
        XCTAssertEqual(detector.score(.init(words: 0.5, entities: 0, events: 0)), 0)
        XCTAssertGreaterThan(detector.score(.init(words: 0.7, entities: 0, events: 0)), 0)
        // Farther apart than the window: all three signals.
        XCTAssertEqual(detector.score(.init(words: 0.5, entities: 0.5, events: 0, gap: 20)), 0)
        XCTAssertGreaterThan(detector.score(.init(words: 0.5, entities: 0.5, events: 0.5, gap: 20)), 0)
    }

    /// Related stories: a main actor and distinctive entities in common, spans within a month; not a story with
    /// other actors, nor one a year away.
    func testRelatedStories() {
        func story(_ id: String, actors: [String], entities: [String], _ first: String, _ last: String) -> Analysis.Story {
            Analysis.Story(id: id, title: id, title_en: id, documents: [id + "-doc"], sources: [], events: [], main_event: nil,
                           actors: actors, entities: entities, first: first, last: last, discrepancies: 0)
        }
        var stories = [
            story("S1", actors: ["E1", "E2"], entities: ["E1", "E2", "E3", "E4"], "2024-03-01", "2024-03-03"),
            story("S2", actors: ["E1"], entities: ["E1", "E3", "E5"], "2024-03-20", "2024-03-22"),
            story("S3", actors: ["E9"], entities: ["E9", "E1", "E3"], "2024-03-02", "2024-03-02"),
            story("S4", actors: ["E1", "E2"], entities: ["E1", "E2", "E3", "E4"], "2023-01-01", "2023-01-05"),
            story("S5", actors: ["E1"], entities: ["E1", "E6", "E7", "E8", "E10", "E11"], "2024-03-02", "2024-03-02"),
        ]
        StoryRecords.linkRelated(&stories)
        XCTAssertEqual(stories[0].related, ["S2"])
        XCTAssertEqual(stories[1].related, ["S1"])
        XCTAssertNil(stories[2].related, "no main actor in common")
        XCTAssertNil(stories[3].related, "a year earlier")
        XCTAssertNil(stories[4].related, "too few distinctive entities in common")
    }
}
