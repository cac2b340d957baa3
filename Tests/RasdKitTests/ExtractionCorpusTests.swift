import Foundation
import XCTest
@testable import RasdKit

/// The event and quote corpora (Cases/events.tsv, Cases/quotes.tsv): one case a line, each run through the
/// whole pipeline as a one-sentence article.
final class ExtractionCorpusTests: XCTestCase {
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")
    /// Every event the rules report, whatever its learned confidence: these cases test the rules (modality,
    /// participants); the confidence filter has its own cases (`EventConfidenceTests`).
    static let analyzer: Analyzer = {
        var options = Analyzer.Options()
        options.minConfidence = 0
        return try! Analyzer(options: options)
    }()

    static func rows(_ file: String, minimum: Int) throws -> [[String]] {
        try CaseFile.rows(file, minimum: minimum).map(\.fields)
    }

    static func analyse(_ text: String, published: String?) -> Analysis {
        let article = SourceArticle(id: "case", text: text, published: published.flatMap(PartialDate.init(iso:)), origin: "case")
        return analyzer.analyze([article])
    }

    func testEventCases() throws {
        var failures: [String] = []
        let rows = try Self.rows("events.tsv", minimum: 45)
        XCTAssertGreaterThanOrEqual(rows.count, 13)
        for row in rows {
            XCTAssertEqual(row.count, 7, "malformed case: \(row)")
            guard row.count == 7 else { continue }
            let (text, published, type, actor, other, modality, date) = (row[0], row[1], row[2], row[3], row[4], row[5], row[6])
            let analysis = Self.analyse(text, published: published)
            // A name the knowledge base does not hold is written "name:" and its label ("name:قوات صالح").
            let kb = Dictionary(uniqueKeysWithValues: analysis.entities.map { ($0.id, $0.kb ?? "name:" + $0.label) })
            let found = analysis.events.first { e in
                // Actor "-": the event names no actor (an attack told by who suffered it).
                e.type == type && (actor == "-" ? !e.participants.contains { $0.role == "actor" }
                                                : e.participants.contains { $0.role == "actor" && kb[$0.entity] == actor })
            }
            guard let event = found else {
                let got = analysis.events.map { e in "\(e.type)(" + e.participants.map { "\(kb[$0.entity] ?? "?"):\($0.role)" }.joined(separator: ",") + ")" }
                failures.append("\(text)\n    expected \(type) by \(actor); got \(got)")
                continue
            }
            if other.contains(":"), !other.hasPrefix("name:") {
                // "role:id": the participant in that role; "place:id": the place, and then no participant.
                let parts = other.split(separator: ":", maxSplits: 1).map(String.init)
                let ok = parts[0] == "place"
                    ? event.place.flatMap { kb[$0] } == parts[1] && !event.participants.contains { kb[$0.entity] == parts[1] }
                    : event.participants.contains { $0.role == parts[0] && kb[$0.entity] == parts[1] }
                if !ok {
                    let got = event.participants.map { "\(kb[$0.entity] ?? "?"):\($0.role)" } + [event.place.flatMap { kb[$0] }.map { "place:\($0)" } ?? ""]
                    failures.append("\(text)\n    expected \(other); got \(got)")
                }
            } else if other != "-" {
                let others = Set(event.participants.compactMap { kb[$0.entity] }.filter { $0 != actor } + [event.place.flatMap { kb[$0] } ?? ""])
                if !others.contains(other) { failures.append("\(text)\n    expected \(other) among \(others)") }
            }
            if event.modality != modality { failures.append("\(text)\n    modality \(event.modality), expected \(modality)") }
            if date != "-", event.date != date { failures.append("\(text)\n    date \(event.date ?? "nil"), expected \(date)") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) event cases failed:\n" + failures.joined(separator: "\n"))
    }

    /// Two articles (or two paragraphs of one), and how many events of a type they make together (one act told
    /// twice is one event; acts a decade apart, or an act and its denial, are two).
    func testEventMergeCases() throws {
        var failures: [String] = []
        for row in try Self.rows("event_merges.tsv", minimum: 5) {
            guard row.count == 6, let expected = Int(row[0]) else { XCTFail("malformed case: \(row)"); continue }
            // A second date "same": the two texts are the paragraphs of one article.
            let parts = row[4] == "same" ? [(row[2], row[3] + "\n" + row[5], "a")] : [(row[2], row[3], "a"), (row[4], row[5], "b")]
            let articles = parts.map { date, text, id in
                SourceArticle(id: id, text: text, published: PartialDate(iso: date), origin: "case")
            }
            let events = Self.analyzer.analyze(articles).events.filter { $0.type == row[1] }
            if events.count != expected {
                failures.append("\(row[3]) / \(row[5])\n    \(events.count) \(row[1]) events, expected \(expected): "
                                + events.map { "\($0.modality) \($0.date ?? "-") \($0.sources)" }.joined(separator: "; "))
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) merge cases failed:\n" + failures.joined(separator: "\n"))
    }

    /// News report or opinion piece, told from the article's header, byline, argument and dateline; an opinion
    /// piece's events are commentary.
    func testGenreCases() throws {
        var failures: [String] = []
        var opinionEvents = 0
        for row in try Self.rows("genre.tsv", minimum: 6) {
            guard row.count == 3 else { XCTFail("malformed case: \(row)"); continue }
            let article = SourceArticle(id: "g", text: row[1].replacingOccurrences(of: "\\n", with: "\n"),
                                        title: row[0] == "-" ? nil : row[0], published: PartialDate(iso: "2024-03-06"), origin: "case")
            let analysis = Self.analyzer.analyze([article])
            let genre = analysis.documents.first?.genre
            if genre != row[2] { failures.append("\(row[1])\n    genre \(genre ?? "nil"), expected \(row[2])") }
            let commentary = analysis.events.contains { $0.commentary == true }
            if row[2] == "news", commentary { failures.append("\(row[1])\n    news events marked as commentary") }
            if row[2] == "opinion", analysis.events.contains(where: { $0.commentary != true }) {
                failures.append("\(row[1])\n    an opinion piece's event not marked as commentary")
            }
            opinionEvents += row[2] == "opinion" ? analysis.events.count : 0
        }
        XCTAssertGreaterThan(opinionEvents, 0, "no opinion case tells of an event")
        XCTAssertTrue(failures.isEmpty, "\(failures.count) genre cases failed:\n" + failures.joined(separator: "\n"))
        // In the timeline, the commentary comes after reported news, even when it is dated earlier.
        let news = SourceArticle(id: "n", text: "وصل الرئيس التركي رجب طيب أردوغان إلى طهران اليوم.", published: PartialDate(iso: "2024-03-06"), origin: "case")
        let column = SourceArticle(id: "c", text: "التقى الرئيس الروسي فلاديمير بوتين الرئيس السوري بشار الأسد في موسكو أمس. وأعتقد أن اللقاء لن يغير شيئا، ولا شك أن علينا أن ننتظر، فنحن أمام مشهد معقد.",
                                   title: "مقال رأي", published: PartialDate(iso: "2024-03-06"), origin: "case")
        let timeline = Self.analyzer.analyze([news, column]).timeline
        let flags = timeline.map { $0.commentary ?? false }
        XCTAssertTrue(flags.contains(true) && flags.contains(false), "\(timeline)")
        XCTAssertEqual(flags, flags.sorted { !$0 && $1 }, "commentary before news: \(timeline)")
    }

    func testMentionCases() throws {
        var failures: [String] = []
        for row in try Self.rows("mentions.tsv", minimum: 5) {
            guard row.count == 4 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0], published: row[1])
            // "!ID": no mention with that text links to that entity.
            if row[3].hasPrefix("!") {
                let id = String(row[3].dropFirst())
                // "!new:TYPE": no name the knowledge base does not hold, of that type, has that text.
                let newType = id.hasPrefix("new:") ? String(id.dropFirst(4)) : nil
                if analysis.entities.contains(where: { e in
                    (newType.map { e.kb == nil && e.type == $0 } ?? (e.kb == id)) && e.mentions.contains { $0.text == row[2] }
                }) {
                    failures.append("\(row[0])\n    '\(row[2])' must not be a mention of \(id)")
                }
                continue
            }
            // The entity: a knowledge-base id, "en:" and the English label of an entity the base does not hold, or
            // "new:TYPE" for a name the base does not hold, of that type.
            let entity = row[3].hasPrefix("en:") ? analysis.entities.first { $0.label_en == String(row[3].dropFirst(3)) }
                : row[3].hasPrefix("new:") ? analysis.entities.first { e in
                    e.kb == nil && e.type == String(row[3].dropFirst(4)) && e.mentions.contains { $0.text == row[2] }
                }
                : analysis.entities.first { $0.kb == row[3] }
            if !(entity?.mentions.contains { $0.text == row[2] } ?? false) {
                let got = analysis.entities.map { "\($0.kb ?? $0.label): " + $0.mentions.map(\.text).joined(separator: "|") }
                failures.append("\(row[0])\n    expected '\(row[2])' of \(row[3]); got \(got)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) mention cases failed:\n" + failures.joined(separator: "\n"))
    }

    func testNameChainCases() throws {
        var failures: [String] = []
        let rows = try Self.rows("name_chains.tsv", minimum: 8)
        for row in rows {
            guard row.count == 4 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0], published: row[1])
            let entity = analysis.entities.first { $0.mentions.contains { $0.text == row[2] } }
            let got = analysis.entities.map { "\($0.kb ?? $0.label): " + $0.mentions.map(\.text).joined(separator: "|") }
            let ok: Bool
            if row[3] == "new" { ok = entity != nil && entity?.kb == nil }
            else if row[3] == "none" { ok = entity == nil }
            else if row[3].hasPrefix("kb:") { ok = entity?.kb == String(row[3].dropFirst(3)) }
            else if row[3].hasPrefix("same:") { ok = entity?.mentions.contains { $0.text == String(row[3].dropFirst(5)) } ?? false }
            else if row[3].hasPrefix("!same:") {
                ok = entity != nil && !(entity?.mentions.contains { $0.text == String(row[3].dropFirst(6)) } ?? true)
            }
            else { XCTFail("unknown expectation: \(row[3])"); continue }
            if !ok { failures.append("\(row[0])\n    expected '\(row[2])' \(row[3]); got \(got)") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) name-chain cases failed:\n" + failures.joined(separator: "\n"))
    }

    func testDiscrepancyCases() throws {
        var failures: [String] = []
        let joint = "ووقع الجيش السوداني وقوات الدعم السريع إعلان جدة في المدينة السعودية."
        for row in try Self.rows("discrepancies.tsv", minimum: 7) {
            guard row.count == 5 else { XCTFail("malformed case: \(row)"); continue }
            // A second report "-": one article alone, whose sources may disagree within it.
            let reports = row[2] == "-" ? [(row[0], row[1], "a")] : [(row[0], row[1], "a"), (row[2], row[3], "b")]
            let articles = reports.map { text, date, id in
                SourceArticle(id: id, text: joint + "\n" + text, published: PartialDate(iso: date), origin: "case")
            }
            let analysis = Self.analyzer.analyze(articles)
            let flagged = analysis.discrepancies.map { $0.values.map { String(Int($0.value)) }.sorted().joined(separator: ",") }
            let expected = row[4] == "-" ? [] : [row[4].split(separator: ",").sorted().joined(separator: ",")]
            if flagged != expected { failures.append("\(row[0]) / \(row[2])\n    got \(flagged), expected \(expected)") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) discrepancy cases failed:\n" + failures.joined(separator: "\n"))
    }

    func testRoleCases() throws {
        var failures: [String] = []
        for row in try Self.rows("roles.tsv", minimum: 3) {
            guard row.count == 4 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0], published: row[1])
            let person = analysis.entities.first { $0.label.contains(row[2]) || $0.aliases.contains(row[2]) }
            // "!TEXT": the person has a role and none of its titles contains TEXT.
            let absent = row[3].hasPrefix("!") ? String(row[3].dropFirst()) : nil
            let holds = absent.map { text in person.map { !$0.roles.isEmpty && !$0.roles.contains { $0.title.contains(text) } } ?? false }
                ?? (person?.roles.contains { $0.title.contains(row[3]) } ?? false)
            if !holds {
                failures.append("\(row[0])\n    got " + analysis.entities.map { "\($0.label): \($0.roles.map(\.title))" }.joined(separator: "; "))
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) role cases failed:\n" + failures.joined(separator: "\n"))
    }

    func testNonEventCases() throws {
        var failures: [String] = []
        for row in try Self.rows("non_events.tsv", minimum: 5) {
            guard row.count == 3 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0], published: row[1])
            let wrong = analysis.events.filter { $0.type == row[2] }
            if !wrong.isEmpty { failures.append("\(row[0])\n    unexpected \(row[2]): \(wrong.map(\.participants))") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) non-event cases failed:\n" + failures.joined(separator: "\n"))
    }

    func testQuoteCases() throws {
        var failures: [String] = []
        for row in try Self.rows("quotes.tsv", minimum: 30) {
            guard row.count == 3 || row.count == 4 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0].replacingOccurrences(of: "\\n", with: "\n"), published: "2024-01-01")
            let kb = Dictionary(uniqueKeysWithValues: analysis.entities.map { ($0.id, $0.kb ?? "") })
            let labels = Dictionary(uniqueKeysWithValues: analysis.entities.map { ($0.id, $0.label) })
            // Speaker "-": the quote is found and has no speaker (the text names none; the nearest name is not it);
            // "new:NAME": a speaker the knowledge base does not hold, labelled NAME.
            var ok = analysis.quotes.contains { q in
                guard q.text.contains(row[2]) else { return false }
                if row[1] == "-" { return q.speaker == nil }
                if row[1].hasPrefix("new:") {
                    return q.speaker.map { kb[$0] == "" && labels[$0] == String(row[1].dropFirst(4)) } ?? false
                }
                return q.speaker.flatMap { kb[$0] } == row[1]
            }
            // A fourth column: words no quote may hold (a quote must not run over into the narrative after it).
            if row.count == 4, analysis.quotes.contains(where: { $0.text.contains(row[3]) }) { ok = false }
            if !ok {
                failures.append("\(row[0])\n    got " + analysis.quotes.map { "\($0.speaker.flatMap { kb[$0] } ?? "nil"): \($0.text)" }.joined(separator: " | "))
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) quote cases failed:\n" + failures.joined(separator: "\n"))
    }
}
