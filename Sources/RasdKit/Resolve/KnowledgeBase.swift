/// The linked knowledge base: entities with Arabic aliases, role histories, nationality adjectives and
/// office titles, loaded from `Resources/kb/*.tsv` and `Resources/lexicon/titles.tsv`.
///
/// All lookups take keys already normalized with `ArabicNormalizer.shared.key`; dictionaries keyed by
/// those strings are built once at load time.
public struct KnowledgeBase: Sendable {
    public static let entityFiles = ["kb/countries.tsv", "kb/places.tsv", "kb/people.tsv", "kb/organizations.tsv"]

    public let entities: [KBEntity]
    private let byId: [String: Int]
    private let exact: AliasIndex
    private let variant: AliasIndex
    private let loose: AliasIndex
    private let rolesByPerson: [String: [KBRole]]
    private let rolesByOffice: [String: [KBRole]]   // "office|country"
    private let nationalities: [String: String]
    private let nationalityVariants: [String: String]
    private let titles: [String: (office: String, titleEn: String)]
    public let maxAliasTokens: Int
    public let maxTitleTokens: Int

    /// The bundled knowledge base, loaded once per process.
    public static func bundled() throws -> KnowledgeBase { try cache.get() }

    private static let cache: Result<KnowledgeBase, Error> = Result { try KnowledgeBase(resources: ResourceStore.self) }

    /// Loads from the resource files (`ResourceStore`, so `RASD_RESOURCES` may point elsewhere).
    public init(resources: ResourceStore.Type) throws {
        var entities: [KBEntity] = []
        for file in KnowledgeBase.entityFiles {
            entities += try KBFiles.entities(try ResourceStore.rows(file), file: file)
        }
        let roles = try KBFiles.roles(try ResourceStore.rows("kb/roles.tsv"))
        let nationalities = try KBFiles.pairs(try ResourceStore.rows("kb/nationalities.tsv"), file: "kb/nationalities.tsv")
        let titles = try KBFiles.titles(try ResourceStore.rows("lexicon/titles.tsv"))
        self.init(entities: entities, roles: roles, nationalities: nationalities, titles: titles)
    }

    /// Builds the indexes; `nationalities` are (country id, adjective forms), `titles` (title, office, English).
    public init(entities: [KBEntity], roles: [KBRole], nationalities: [(String, [String])],
                titles: [(String, String, String)]) {
        let normalizer = ArabicNormalizer.shared
        let tokenizer = Tokenizer()
        var byId: [String: Int] = [:]
        var exact = AliasIndex(), variant = AliasIndex(), loose = AliasIndex()
        var maxTokens = 1
        for (i, e) in entities.enumerated() {
            byId[e.id] = i
            for alias in e.aliases {
                let key = normalizer.key(alias)
                guard !key.isEmpty else { continue }
                exact.add(key, i)
                variant.add(KBKeys.variantKey(key), i)
                loose.add(KBKeys.looseKey(key), i)
                maxTokens = max(maxTokens, tokenizer.tokenize(ScalarText(alias)).count)
            }
        }
        self.entities = entities
        self.byId = byId
        self.exact = exact
        self.variant = variant
        self.loose = loose
        self.maxAliasTokens = maxTokens

        var byPerson: [String: [KBRole]] = [:], byOffice: [String: [KBRole]] = [:]
        for r in roles {
            byPerson[r.personId, default: []].append(r)
            byOffice[r.office + "|" + (r.country ?? ""), default: []].append(r)
        }
        rolesByPerson = byPerson
        rolesByOffice = byOffice

        var nat: [String: String] = [:], natVariants: [String: String] = [:]
        for (country, forms) in nationalities {
            for form in forms {
                let key = normalizer.key(form)
                guard !key.isEmpty else { continue }
                if nat[key] == nil { nat[key] = country }
                if natVariants[KBKeys.variantKey(key)] == nil { natVariants[KBKeys.variantKey(key)] = country }
            }
        }
        self.nationalities = nat
        self.nationalityVariants = natVariants

        var titleIndex: [String: (office: String, titleEn: String)] = [:]
        var maxTitle = 1
        for (title, office, english) in titles {
            let key = normalizer.key(title)
            guard !key.isEmpty else { continue }
            if titleIndex[key] == nil { titleIndex[key] = (office, english) }
            maxTitle = max(maxTitle, tokenizer.tokenize(ScalarText(title)).count)
        }
        self.titles = titleIndex
        self.maxTitleTokens = maxTitle
    }

    public func entity(_ id: String) -> KBEntity? { byId[id].map { entities[$0] } }

    /// Entities with an alias matching this normalized key: exactly, then with the article ال toggled,
    /// then by `KBKeys.variantKey`, then by `KBKeys.looseKey`; the first level with a hit answers.
    /// `loose: false` stops before the loosest level: a single common word folded that far too often meets a
    /// name ("كبير" would meet "الجبير").
    public func lookup(_ normalizedKey: String, loose: Bool = true) -> [KBEntity] {
        guard !normalizedKey.isEmpty else { return [] }
        var hits = exact[normalizedKey]
        if hits.isEmpty { hits = exact[KBKeys.toggledArticle(normalizedKey)] }
        if hits.isEmpty { hits = variant[KBKeys.variantKey(normalizedKey)] }
        if hits.isEmpty, loose { hits = self.loose[KBKeys.looseKey(normalizedKey)] }
        return hits.map { entities[$0] }
    }

    /// Convenience: looks up a raw surface string.
    public func lookup(surface: String) -> [KBEntity] { lookup(ArabicNormalizer.shared.key(surface)) }

    public func roles(of personId: String) -> [KBRole] { rolesByPerson[personId] ?? [] }

    /// The roles of an office in a country, all holders.
    public func roles(office: String, country: String) -> [KBRole] { rolesByOffice[office + "|" + country] ?? [] }

    /// The person holding `office` for `country` on `date`; nil date means the most recent holder.
    /// When two terms touch the date (a hand-over within the month), the later appointment wins; in a gap
    /// between terms (a few days between dismissal and appointment) the outgoing holder answers for up to
    /// `handOverGraceDays`.
    public func holder(office: String, country: String, on date: PartialDate?) -> KBEntity? {
        let candidates = roles(office: office, country: country)
        let chosen: KBRole?
        if let date {
            var covering = candidates.filter { $0.covers(date) }
            if covering.isEmpty {
                covering = candidates.filter { r in
                    guard let to = r.to else { return false }
                    let gap = date.dayNumber - KBRole.lastDay(of: to)
                    return gap > 0 && gap <= KnowledgeBase.handOverGraceDays
                }
            }
            chosen = covering.max { KnowledgeBase.startsBefore($0, $1) }
        } else {
            let open = candidates.filter { $0.to == nil }
            chosen = (open.isEmpty ? candidates : open).max { KnowledgeBase.startsBefore($0, $1) }
        }
        return chosen.flatMap { entity($0.personId) }
    }

    public static let handOverGraceDays = 31

    private static func startsBefore(_ a: KBRole, _ b: KBRole) -> Bool {
        (a.from?.dayNumber ?? Int.min) < (b.from?.dayNumber ?? Int.min)
    }

    /// Country id for a nationality adjective ("الروسي" → "ru"), normalized key.
    public func country(forNationality normalizedKey: String) -> String? {
        nationalities[normalizedKey] ?? nationalityVariants[KBKeys.variantKey(normalizedKey)]
    }

    /// Office key and English title for a title phrase ("وزير الخارجية" → foreign_minister), normalized key.
    public func office(forTitle normalizedKey: String) -> (office: String, titleEn: String)? {
        titles[normalizedKey]
    }

    /// The country whose seat of power this normalized key names ("الكرملين" → "ru"), so that
    /// "رئيس الكرملين" can resolve to the head of state of that country.
    public func countryOfSeat(_ normalizedKey: String) -> String? {
        lookup(normalizedKey).first { $0.kind == "seat" }?.country
    }
}

/// Normalized key → entity indexes (several entities may share a key: ambiguous aliases).
struct AliasIndex: Sendable {
    private var table: [String: [Int]] = [:]

    mutating func add(_ key: String, _ index: Int) {
        guard !key.isEmpty else { return }
        if let existing = table[key] {
            if !existing.contains(index) { table[key] = existing + [index] }
        } else {
            table[key] = [index]
        }
    }

    subscript(_ key: String) -> [Int] { table[key] ?? [] }

    var keys: Dictionary<String, [Int]>.Keys { table.keys }
}
