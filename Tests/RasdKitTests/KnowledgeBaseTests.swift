import XCTest
@testable import RasdKit

final class KnowledgeBaseTests: XCTestCase {
    private func kb() throws -> KnowledgeBase { try KnowledgeBase.bundled() }
    private func key(_ s: String) -> String { ArabicNormalizer.shared.key(s) }

    /// Cases/kb_lookup.tsv: `surface  expected id`; the expected id must be among the lookup's answers.
    func testLookupCorpus() throws {
        let kb = try kb()
        for row in try CaseFile.rows("kb_lookup.tsv", minimum: 200, fields: 2...Int.max) {
            let f = row.fields
            let ids = kb.lookup(key(f[0])).map(\.id)
            XCTAssertTrue(ids.contains(f[1]), "\(row.location): \(f[0]) → \(ids), expected \(f[1])")
        }
    }

    /// A foreign name written with other long vowels links by its consonants; an Arab name, a short name or a
    /// skeleton two people share does not.
    func testTransliteratedNamesMatchByConsonants() throws {
        let kb = try kb()
        XCTAssertEqual(kb.lookupName(key("باولو جينتيلوني")).map(\.id), ["paolo_gentiloni"])
        XCTAssertEqual(kb.lookupName(key("موشي يعلون")).map(\.id), ["moshe_yaalon"])
        XCTAssertTrue(kb.lookupName(key("عادل الجابير")).isEmpty, "an Arab name's spelling is fixed")
        XCTAssertTrue(kb.lookupName(key("جو هنا")).isEmpty, "too few consonants to tell a name")
        XCTAssertTrue(kb.lookup(key("باولو جينتيلوني")).isEmpty, "only names (lookupName) go that far")
    }

    func testExactAliasWinsOverLooserLevels() throws {
        let kb = try kb()
        // غينيا and كينيا fold together only at the loosest level; each exact alias answers alone.
        XCTAssertEqual(kb.lookup(key("غينيا")).map(\.id), ["gn"])
        XCTAssertEqual(kb.lookup(key("كينيا")).map(\.id), ["ke"])
        XCTAssertEqual(kb.lookup(key("كوبا")).map(\.id), ["cu"])
        XCTAssertTrue(kb.lookup(key("كيف")).isEmpty, "the common word كيف must not link to Kyiv")
        XCTAssertTrue(kb.lookup("").isEmpty)
    }

    func testFirstTokenFilter() throws {
        let kb = try kb()
        for form in ["بيونغ", "بيونج", "الكرملين", "كرملين", "مجلس", "أ", "عربي", "كيم", "البنتاجون", "بوتن"] {
            XCTAssertTrue(kb.mayStartAlias(key(form)), form)
        }
        for form in ["قال", "لكن", "التي", "حيث"] {
            XCTAssertFalse(kb.mayStartAlias(key(form)), form)
        }
        // Every alias's first token passes the filter, and the matcher's window bound reaches the alias's end.
        for e in kb.entities {
            for alias in e.aliases {
                let tokens = Tokenizer().tokenize(ScalarText(alias))
                let first = tokens.first?.norm ?? ""
                XCTAssertTrue(kb.mayStartAlias(first), "\(e.id): \(alias)")
                XCTAssertGreaterThanOrEqual(kb.aliasTokens(startingWith: first), tokens.count, "\(e.id): \(alias)")
            }
        }
        XCTAssertEqual(kb.aliasTokens(startingWith: key("قال")), 0)
    }

    func testProcliticsAreStrippedOnlyWhenNeeded() throws {
        let kb = try kb()
        func ids(_ s: String) -> ([String], Int) {
            let r = kb.lookup(strippingProclitics: key(s))
            return (r.entities.map(\.id), r.cliticLength)
        }
        XCTAssertEqual(ids("وبوتين").0, ["vladimir_putin"])
        XCTAssertEqual(ids("وبوتين").1, 1)
        XCTAssertEqual(ids("للكرملين").0, ["kremlin"])
        XCTAssertEqual(ids("وللكرملين").0, ["kremlin"])
        XCTAssertEqual(ids("بموسكو").0, ["moscow"])
        XCTAssertEqual(ids("وبموسكو").1, 2)
        XCTAssertEqual(ids("بكين").0, ["beijing"], "a name starting with ب is not cut")
        XCTAssertEqual(ids("بوتين").1, 0)
        XCTAssertTrue(ids("وقال").0.isEmpty)
    }

    func testCommonWordAliasesAreFlagged() throws {
        let kb = try kb()
        XCTAssertTrue(kb.isCommonWord(key("مالي")))
        XCTAssertEqual(kb.lookup(key("مالي")).map(\.id), ["ml"], "the alias still links")
        XCTAssertTrue(kb.isCommonWord(key("حماس")))
        XCTAssertFalse(kb.isCommonWord(key("موسكو")))
    }

    func testEntityFields() throws {
        let kb = try kb()
        let putin = try XCTUnwrap(kb.entity("vladimir_putin"))
        XCTAssertEqual(putin.type, "PERSON")
        XCTAssertEqual(putin.country, "ru")
        XCTAssertEqual(putin.wikidata, "Q7747")
        XCTAssertEqual(kb.entity("kremlin")?.kind, .seat)
        XCTAssertEqual(kb.entity("kremlin")?.type, "ORG")
        XCTAssertEqual(kb.entity("moscow")?.country, "ru")
        XCTAssertEqual(kb.entity("kp")?.type, "GPE")
        XCTAssertEqual(kb.entity("black_sea")?.type, "LOC")
        XCTAssertNil(kb.entity("united_nations")?.country)
        XCTAssertNil(kb.entity("no_such_id"))
    }

    func testHolderByDate() throws {
        let kb = try kb()
        func holder(_ office: String, _ country: String, _ date: String?) -> String? {
            kb.holder(office: office, country: country, on: date.flatMap { PartialDate(iso: $0) })?.id
        }
        XCTAssertEqual(holder("defence_minister", "ru", "2023-07"), "sergei_shoigu")
        XCTAssertEqual(holder("defence_minister", "ru", "2024-09"), "andrei_belousov")
        XCTAssertEqual(holder("defence_minister", "ru", "2024-05-13"), "sergei_shoigu")
        XCTAssertEqual(holder("defence_minister", "ru", nil), "andrei_belousov")
        XCTAssertEqual(holder("security_council_secretary", "ru", "2024-06"), "sergei_shoigu")
        XCTAssertEqual(holder("security_council_secretary", "ru", "2020"), "nikolai_patrushev")
        XCTAssertEqual(holder("head_of_state", "us", "2019-03"), "donald_trump")
        XCTAssertEqual(holder("head_of_state", "us", "2023"), "joe_biden")
        XCTAssertEqual(holder("head_of_state", "us", "2025-06-01"), "donald_trump")
        XCTAssertEqual(holder("head_of_state", "ru", "2010"), "dmitry_medvedev")
        XCTAssertEqual(holder("head_of_state", "ru", "2024-06-19"), "vladimir_putin")
        XCTAssertEqual(holder("leader", "kp", "2024-06"), "kim_jong_un")
        XCTAssertEqual(holder("foreign_minister", "kp", "2024-06"), "choe_son_hui")
        XCTAssertEqual(holder("foreign_minister", "ru", "2024-06"), "sergei_lavrov")
        XCTAssertEqual(holder("head_of_state", "cn", "2024"), "xi_jinping")
        XCTAssertNil(holder("defence_minister", "ru", "1990"))
        XCTAssertNil(holder("no_such_office", "ru", nil))
    }

    func testRoles() throws {
        let kb = try kb()
        let shoigu = kb.roles(of: "sergei_shoigu")
        XCTAssertEqual(Set(shoigu.map(\.office)), ["defence_minister", "security_council_secretary"])
        XCTAssertEqual(shoigu.first { $0.office == "defence_minister" }?.to?.iso, "2024-05-12")
        XCTAssertTrue(kb.roles(of: "nobody").isEmpty)
    }

    func testNationalities() throws {
        let kb = try kb()
        let cases = ["الروسي": "ru", "الروسية": "ru", "الروس": "ru", "روسي": "ru", "الكوري الشمالي": "kp",
                     "الكورية الشمالية": "kp", "الكوريين الشماليين": "kp", "الأمريكي": "us", "الأميركية": "us",
                     "الأمريكيين": "us", "الصيني": "cn", "الأوكراني": "ua", "المصري": "eg", "السعودية": "sa",
                     "الفرنسي": "fr", "البريطانية": "gb", "الكوري الجنوبي": "kr", "الياباني": "jp"]
        for (form, country) in cases {
            XCTAssertEqual(kb.country(forNationality: key(form)), country, form)
        }
        XCTAssertNil(kb.country(forNationality: key("المالي")), "financial, not Malian")
        XCTAssertNil(kb.country(forNationality: key("الكبير")))
    }

    func testTitles() throws {
        let kb = try kb()
        XCTAssertEqual(kb.office(forTitle: key("وزير الخارجية"))?.office, "foreign_minister")
        XCTAssertEqual(kb.office(forTitle: key("وزيرة الخارجية"))?.office, "foreign_minister")
        XCTAssertEqual(kb.office(forTitle: key("كبير الدبلوماسيين"))?.office, "foreign_minister")
        XCTAssertEqual(kb.office(forTitle: key("وزير الدفاع"))?.office, "defence_minister")
        XCTAssertEqual(kb.office(forTitle: key("الزعيم"))?.office, "leader")
        XCTAssertEqual(kb.office(forTitle: key("الرئيس"))?.office, "head_of_state")
        XCTAssertEqual(kb.office(forTitle: key("رئيس الوزراء"))?.office, "head_of_government")
        XCTAssertEqual(kb.office(forTitle: key("أمين مجلس الأمن"))?.office, "security_council_secretary")
        XCTAssertEqual(kb.office(forTitle: key("وزير الموارد الطبيعية"))?.titleEn, "Minister of Natural Resources")
        XCTAssertNil(kb.office(forTitle: key("المدينة")))
        XCTAssertGreaterThanOrEqual(kb.maxTitleTokens, 3)
        // "رئيس الكرملين": the seat gives the country, the title the office.
        XCTAssertEqual(kb.countryOfSeat(key("الكرملين")), "ru")
        XCTAssertEqual(kb.countryOfSeat(key("البيت الأبيض")), "us")
        XCTAssertNil(kb.countryOfSeat(key("موسكو")))
    }

    func testMaxAliasTokens() throws {
        let kb = try kb()
        XCTAssertGreaterThanOrEqual(kb.maxAliasTokens, 5)
        XCTAssertLessThan(kb.maxAliasTokens, 20)
    }
}

final class KnowledgeBaseLoadTests: XCTestCase {
    /// A fresh load (not the cached one) builds the same KB; prints the load time for BENCHMARKS
    /// (`swift test -c release -Xswiftc -enable-testing --filter KnowledgeBaseLoadTests`).
    func testFreshLoadMatchesBundled() throws {
        func cpuMs() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
        }
        _ = ArabicNormalizer.shared.key("ا")   // the normalizer's own start-up is not the KB's
        let wall = DispatchTime.now().uptimeNanoseconds, cpu = cpuMs()
        let fresh = try KnowledgeBase(resources: ResourceStore.self)
        let cpuTime = cpuMs() - cpu, wallTime = Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e6
        let aliases = fresh.entities.reduce(0) { $0 + $1.aliases.count }
        print("KB load: \(fresh.entities.count) entities, \(aliases) aliases: "
              + String(format: "%.1f ms CPU, %.1f ms wall", cpuTime, wallTime))
        XCTAssertEqual(fresh.entities.map(\.id), try KnowledgeBase.bundled().entities.map(\.id))
        // Lookup cost: every alias key (hits) and the same keys with a letter appended (mostly misses,
        // which fall through all four levels).
        let keys = fresh.entities.flatMap { $0.aliases.map { ArabicNormalizer.shared.key($0) } }
        let misses = keys.map { $0 + "ق" }
        let start = cpuMs()
        var found = 0
        for key in keys + misses where !fresh.lookup(key).isEmpty { found += 1 }
        let perLookup = (cpuMs() - start) * 1e3 / Double(keys.count * 2)
        print("KB lookup: \(keys.count * 2) lookups, " + String(format: "%.2f µs each", perLookup))
        XCTAssertGreaterThanOrEqual(found, keys.count)
    }
}

/// How the lead resolves a description ("الزعيم الكوري الشمالي", "رئيس الكرملين") to a person with the KB.
final class KnowledgeBaseDescriptionTests: XCTestCase {
    private func resolve(title: String, qualifier: String, on date: String) throws -> String? {
        let kb = try KnowledgeBase.bundled()
        let key = ArabicNormalizer.shared.key
        guard let office = kb.office(forTitle: key(title))?.office else { return nil }
        let country = kb.country(forNationality: key(qualifier)) ?? kb.countryOfSeat(key(qualifier))
        guard let country else { return nil }
        return kb.holder(office: office, country: country, on: PartialDate(iso: date))?.id
    }

    func testDescriptionsResolveToOfficeHolders() throws {
        XCTAssertEqual(try resolve(title: "الزعيم", qualifier: "الكوري الشمالي", on: "2024-06-19"), "kim_jong_un")
        XCTAssertEqual(try resolve(title: "رئيس", qualifier: "الكرملين", on: "2024-06-19"), "vladimir_putin")
        XCTAssertEqual(try resolve(title: "سيد", qualifier: "البيت الأبيض", on: "2024-06"), nil) // "سيد" alone is not a title
        XCTAssertEqual(try resolve(title: "الرئيس", qualifier: "الأمريكي", on: "2024-06"), "joe_biden")
        XCTAssertEqual(try resolve(title: "الرئيس", qualifier: "الأمريكي", on: "2025-11"), "donald_trump")
        XCTAssertEqual(try resolve(title: "وزير الدفاع", qualifier: "الروسي", on: "2023-07"), "sergei_shoigu")
        XCTAssertEqual(try resolve(title: "وزير الدفاع", qualifier: "الروسي", on: "2024-09"), "andrei_belousov")
        XCTAssertEqual(try resolve(title: "وزيرة الخارجية", qualifier: "الكورية الشمالية", on: "2024-11"), "choe_son_hui")
        XCTAssertEqual(try resolve(title: "المستشار", qualifier: "الألماني", on: "2023"), "olaf_scholz")
        XCTAssertEqual(try resolve(title: "العاهل", qualifier: "السعودي", on: "2024"), "salman_bin_abdulaziz")
        XCTAssertEqual(try resolve(title: "ولي العهد", qualifier: "السعودي", on: "2024"), "mohammed_bin_salman")
        XCTAssertEqual(try resolve(title: "رئيس الوزراء", qualifier: "الإسرائيلي", on: "2022-01"), "naftali_bennett")
    }

    /// Cases/kb_descriptions.tsv: `title  qualifier  date  expected id` ("-": no holder); an empty qualifier uses
    /// the state the title names by itself ("خادم الحرمين الشريفين", "ولي ولي العهد").
    func testDescriptionCorpus() throws {
        let kb = try KnowledgeBase.bundled()
        let key = ArabicNormalizer.shared.key
        for row in try CaseFile.rows("kb_descriptions.tsv", minimum: 60, fields: 4...4) {
            let (title, qualifier, date, expected) = (row.fields[0], row.fields[1], row.fields[2], row.fields[3])
            let got: String?
            if qualifier.isEmpty {
                let country = kb.impliedCountry(forTitle: key(title))
                XCTAssertNotNil(country, "kb_descriptions.tsv:\(row.line): \(title) names no state")
                let day = try XCTUnwrap(PartialDate(iso: date), "kb_descriptions.tsv:\(row.line): bad date \(date)")
                let office = kb.office(forTitle: key(title))?.office
                got = country.flatMap { c in office.flatMap { kb.holder(office: $0, country: c, on: day) } }?.id
            } else {
                got = try resolve(title: title, qualifier: qualifier, on: date)
            }
            XCTAssertEqual(got ?? "-", expected, "kb_descriptions.tsv:\(row.line): \(title) \(qualifier) \(date)")
        }
    }
}
