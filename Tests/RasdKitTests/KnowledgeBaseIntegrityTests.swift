import XCTest
@testable import RasdKit

/// Consistency of the knowledge-base data files themselves.
final class KnowledgeBaseIntegrityTests: XCTestCase {
    func testIdsUniqueAndReferencesResolve() throws {
        let kb = try KnowledgeBase.bundled()
        var seen: Set<String> = []
        for e in kb.entities {
            XCTAssertTrue(seen.insert(e.id).inserted, "duplicate id \(e.id)")
            XCTAssertTrue(["PERSON", "GPE", "LOC", "ORG"].contains(e.type), "\(e.id): type \(e.type)")
            XCTAssertFalse(e.labelAr.isEmpty, "\(e.id): no Arabic label")
            XCTAssertFalse(e.labelEn.isEmpty, "\(e.id): no English label")
            if let q = e.wikidata { XCTAssertTrue(q.hasPrefix("Q") && Int(q.dropFirst()) != nil, "\(e.id): wikidata \(q)") }
        }
        for e in kb.entities {
            if let c = e.country { XCTAssertNotNil(kb.entity(c), "\(e.id): unknown country \(c)") }
        }
        for e in kb.entities {
            for r in kb.roles(of: e.id) {
                if let c = r.country { XCTAssertNotNil(kb.entity(c), "\(e.id) role: unknown country \(c)") }
                if let from = r.from, let to = r.to { XCTAssertLessThanOrEqual(from, to, "\(e.id): \(r.office)") }
            }
        }
    }

    func testEveryRoleBelongsToAListedPerson() throws {
        let rows = try ResourceStore.rows("kb/roles.tsv")
        let kb = try KnowledgeBase.bundled()
        for row in rows {
            XCTAssertEqual(kb.entity(row[0])?.type, "PERSON", "roles.tsv: \(row[0]) is not a listed person")
            XCTAssertEqual(row.count, 7, "roles.tsv: \(row)")
        }
    }

    func testCommonWordsAreAliases() throws {
        let kb = try KnowledgeBase.bundled()
        for row in try ResourceStore.rows("kb/common_words.tsv") {
            XCTAssertFalse(kb.lookup(ArabicNormalizer.shared.key(row[0])).isEmpty, "common_words.tsv: \(row[0]) is no alias")
        }
    }

    func testEveryNationalityCountryExists() throws {
        let kb = try KnowledgeBase.bundled()
        for row in try ResourceStore.rows("kb/nationalities.tsv") {
            XCTAssertNotNil(kb.entity(row[0]), "nationalities.tsv: unknown country \(row[0])")
        }
    }

    /// Every alias normalizes to a non-empty key, and an alias shared by two entities is listed in
    /// kb/ambiguous.tsv (deliberate ambiguity the resolver settles by context).
    func testAliasesAreKeyedAndSharedOnlyWhenAllowed() throws {
        let kb = try KnowledgeBase.bundled()
        var allowed: [String: Set<String>] = [:]
        for row in try ResourceStore.rows("kb/ambiguous.tsv") {
            allowed[ArabicNormalizer.shared.key(row[0])] = Set(row[1].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        }
        var owners: [String: Set<String>] = [:]
        for e in kb.entities {
            for alias in e.aliases {
                let key = ArabicNormalizer.shared.key(alias)
                XCTAssertFalse(key.isEmpty, "\(e.id): alias \(alias) normalizes to nothing")
                owners[key, default: []].insert(e.id)
            }
        }
        var unlisted: [String] = []
        for (key, ids) in owners where ids.count > 1 {
            if let ok = allowed[key], ids.isSubset(of: ok) { continue }
            unlisted.append("\(key)\t\(ids.sorted().joined(separator: ","))")
        }
        XCTAssertTrue(unlisted.isEmpty, "aliases shared without an entry in kb/ambiguous.tsv:\n" + unlisted.sorted().joined(separator: "\n"))
    }
}
