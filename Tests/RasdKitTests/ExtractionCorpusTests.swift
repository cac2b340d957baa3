import Foundation
import XCTest
@testable import RasdKit

/// The event and quote corpora (Cases/events.tsv, Cases/quotes.tsv): one case a line, each run through the
/// whole pipeline as a one-sentence article.
final class ExtractionCorpusTests: XCTestCase {
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")
    static let analyzer = try! Analyzer()

    static func rows(_ file: String, minimum: Int) throws -> [[String]] {
        try CaseFile.rows(file, minimum: minimum).map(\.fields)
    }

    static func analyse(_ text: String, published: String?) -> Analysis {
        let article = SourceArticle(id: "case", text: text, published: published.flatMap(PartialDate.init(iso:)), origin: "case")
        return analyzer.analyze([article])
    }

    func testEventCases() throws {
        var failures: [String] = []
        let rows = try Self.rows("events.tsv", minimum: 25)
        XCTAssertGreaterThanOrEqual(rows.count, 13)
        for row in rows {
            XCTAssertEqual(row.count, 7, "malformed case: \(row)")
            guard row.count == 7 else { continue }
            let (text, published, type, actor, other, modality, date) = (row[0], row[1], row[2], row[3], row[4], row[5], row[6])
            let analysis = Self.analyse(text, published: published)
            let kb = Dictionary(uniqueKeysWithValues: analysis.entities.map { ($0.id, $0.kb ?? "") })
            let found = analysis.events.first { e in
                e.type == type && e.participants.contains { $0.role == "actor" && kb[$0.entity] == actor }
            }
            guard let event = found else {
                let got = analysis.events.map { e in "\(e.type)(" + e.participants.map { "\(kb[$0.entity] ?? "?"):\($0.role)" }.joined(separator: ",") + ")" }
                failures.append("\(text)\n    expected \(type) by \(actor); got \(got)")
                continue
            }
            if other != "-" {
                let others = Set(event.participants.compactMap { kb[$0.entity] }.filter { $0 != actor } + [event.place.flatMap { kb[$0] } ?? ""])
                if !others.contains(other) { failures.append("\(text)\n    expected \(other) among \(others)") }
            }
            if event.modality != modality { failures.append("\(text)\n    modality \(event.modality), expected \(modality)") }
            if date != "-", event.date != date { failures.append("\(text)\n    date \(event.date ?? "nil"), expected \(date)") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) event cases failed:\n" + failures.joined(separator: "\n"))
    }

    func testMentionCases() throws {
        var failures: [String] = []
        for row in try Self.rows("mentions.tsv", minimum: 5) {
            guard row.count == 4 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0], published: row[1])
            // "!ID": no mention with that text links to that entity.
            if row[3].hasPrefix("!") {
                let id = String(row[3].dropFirst())
                if analysis.entities.contains(where: { $0.kb == id && $0.mentions.contains { $0.text == row[2] } }) {
                    failures.append("\(row[0])\n    '\(row[2])' must not be a mention of \(id)")
                }
                continue
            }
            // The entity: a knowledge-base id, or "en:" and the English label of an entity the base does not hold.
            let entity = row[3].hasPrefix("en:") ? analysis.entities.first { $0.label_en == String(row[3].dropFirst(3)) }
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
            else if row[3].hasPrefix("kb:") { ok = entity?.kb == String(row[3].dropFirst(3)) }
            else if row[3].hasPrefix("same:") { ok = entity?.mentions.contains { $0.text == String(row[3].dropFirst(5)) } ?? false }
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
            let articles = [(row[0], row[1], "a"), (row[2], row[3], "b")].map { text, date, id in
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
            if !(person?.roles.contains { $0.title.contains(row[3]) } ?? false) {
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
        for row in try Self.rows("quotes.tsv", minimum: 9) {
            guard row.count == 3 || row.count == 4 else { XCTFail("malformed case: \(row)"); continue }
            let analysis = Self.analyse(row[0], published: "2024-01-01")
            let kb = Dictionary(uniqueKeysWithValues: analysis.entities.map { ($0.id, $0.kb ?? "") })
            var ok = analysis.quotes.contains { q in q.speaker.flatMap { kb[$0] } == row[1] && q.text.contains(row[2]) }
            // A fourth column: words no quote may hold (a quote must not run over into the narrative after it).
            if row.count == 4, analysis.quotes.contains(where: { $0.text.contains(row[3]) }) { ok = false }
            if !ok {
                failures.append("\(row[0])\n    got " + analysis.quotes.map { "\($0.speaker.flatMap { kb[$0] } ?? "nil"): \($0.text)" }.joined(separator: " | "))
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) quote cases failed:\n" + failures.joined(separator: "\n"))
    }
}
