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
    /// Names of people of states whose names Arabic transliterates (not in `kb/arab_states.tsv`), of two words or
    /// more, by `KBKeys.skeletonKey`: the last level of `lookupName`.
    private let transliterated: AliasIndex
    /// Hashes (`KBKeys.derivedHashes`) of the aliases' first tokens, variant and loose, with the most tokens
    /// an alias starting with that token has: a matcher tries no longer window than that.
    private let firstTokens: [UInt64: Int]
    private let commonWords: Set<ByteKey>
    private let rolesByPerson: [String: [KBRole]]
    private let rolesByOffice: [String: [KBRole]]   // "office|country"
    private let nationalities: [ByteKey: String]
    private let nationalityVariants: [ByteKey: String]
    private let titles: [ByteKey: (office: String, titleEn: String)]
    private let titleCountries: [ByteKey: String]
    public let maxAliasTokens: Int
    public let maxTitleTokens: Int

    /// The bundled knowledge base, loaded once per process.
    public static func bundled() throws -> KnowledgeBase { try cache.get() }

    private static let cache: Result<KnowledgeBase, Error> = Result { try KnowledgeBase(resources: ResourceStore.self) }

    /// Loads from the resource files (`ResourceStore`, so `RASD_RESOURCES` may point elsewhere).
    package init(resources: ResourceStore.Type) throws {
        var entities: [KBEntity] = []
        for file in KnowledgeBase.entityFiles {
            entities += try KBFiles.entities(try KBFiles.table(file), file: file)
        }
        let roles = try KBFiles.roles(try KBFiles.table("kb/roles.tsv"))
        let nationalities = try KBFiles.pairs(try KBFiles.table("kb/nationalities.tsv"), file: "kb/nationalities.tsv")
        let titleRows = try KBFiles.table("lexicon/titles.tsv")
        let titles = try KBFiles.titles(titleRows)
        let commonWords = try KBFiles.table("kb/common_words.tsv").map { $0[0] }
        let arabStates = Set(try KBFiles.table("kb/arab_states.tsv").map { $0[0] })
        self.init(entities: entities, roles: roles, nationalities: nationalities, titles: titles,
                  commonWords: commonWords, titleCountries: KBFiles.titleCountries(titleRows), arabStates: arabStates)
    }

    /// Builds the indexes; `nationalities` are (country id, adjective forms), `titles` (title, office, English).
    /// `commonWords` are aliases that are also ordinary words (see `isCommonWord`); `titleCountries` maps a title
    /// that belongs to one state to it ("خادم الحرمين الشريفين" → sa). `arabStates`: states whose people's names
    /// are Arabic (their spelling fixed); the others' names are also indexed by their consonants (`transliterated`).
    public init(entities: [KBEntity], roles: [KBRole], nationalities: [(String, [String])],
                titles: [(String, String, String)], commonWords: [String] = [], titleCountries: [String: String] = [:],
                arabStates: Set<String>? = nil) {
        let normalizer = ArabicNormalizer.shared
        self.commonWords = Set(commonWords.map { ByteKey(KBKeys.normalizedKey($0, normalizer: normalizer)) })
        var byId: [String: Int] = [:]
        var exact = AliasIndex(), variant = AliasIndex(), loose = AliasIndex(), transliterated = AliasIndex()
        var maxTokens = 1
        var firstTokens: [UInt64: Int] = [:]
        for (i, e) in entities.enumerated() {
            byId[e.id] = i
            for alias in e.aliases {
                let key = KBKeys.normalizedKey(alias, normalizer: normalizer)
                guard !key.isEmpty else { continue }
                let derived = KBKeys.derivedKeys(key)
                exact.add(key, i)
                variant.add(derived.variant, i)
                loose.add(derived.loose, i)
                let tokens = KBKeys.tokenCount(key)
                maxTokens = max(maxTokens, tokens)
                if let arabStates, e.type == "PERSON", let country = e.country, !arabStates.contains(country), tokens >= 2,
                   let skeleton = KBKeys.transliterationKey(key) {
                    transliterated.add(skeleton, i)
                }
                let first = KBKeys.derivedHashes(KBKeys.firstToken(key))
                firstTokens[first.variant] = max(firstTokens[first.variant] ?? 0, tokens)
                firstTokens[first.loose] = max(firstTokens[first.loose] ?? 0, tokens)
            }
        }
        self.entities = entities
        self.byId = byId
        self.exact = exact
        self.variant = variant
        self.loose = loose
        self.transliterated = transliterated
        self.maxAliasTokens = maxTokens
        self.firstTokens = firstTokens

        var byPerson: [String: [KBRole]] = [:], byOffice: [String: [KBRole]] = [:]
        for r in roles {
            byPerson[r.personId, default: []].append(r)
            byOffice[r.office + "|" + (r.country ?? ""), default: []].append(r)
        }
        rolesByPerson = byPerson
        rolesByOffice = byOffice

        var nat: [ByteKey: String] = [:], natVariants: [ByteKey: String] = [:]
        for (country, forms) in nationalities {
            for form in forms {
                let key = KBKeys.normalizedKey(form, normalizer: normalizer)
                guard !key.isEmpty else { continue }
                if nat[ByteKey(key)] == nil { nat[ByteKey(key)] = country }
                let variant = ByteKey(KBKeys.variantKey(key))
                if natVariants[variant] == nil { natVariants[variant] = country }
            }
        }
        self.nationalities = nat
        self.nationalityVariants = natVariants

        var titleIndex: [ByteKey: (office: String, titleEn: String)] = [:]
        var maxTitle = 1
        for (title, office, english) in titles {
            let key = KBKeys.normalizedKey(title, normalizer: normalizer)
            guard !key.isEmpty else { continue }
            if titleIndex[ByteKey(key)] == nil { titleIndex[ByteKey(key)] = (office, english) }
            maxTitle = max(maxTitle, KBKeys.tokenCount(key))
        }
        self.titles = titleIndex
        self.maxTitleTokens = maxTitle
        self.titleCountries = Dictionary(titleCountries.map { (ByteKey(KBKeys.normalizedKey($0.key, normalizer: normalizer)), $0.value) },
                                         uniquingKeysWith: { a, _ in a })
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
        if hits.isEmpty {
            let derived = KBKeys.derivedKeys(normalizedKey)
            hits = variant[derived.variant]
            if hits.isEmpty, loose { hits = self.loose[derived.loose] }
        }
        return hits.map { entities[$0] }
    }

    /// False when no alias can start with this normalized token, at any lookup level (after toggling the
    /// article ال and folding variants): a matcher can skip the position without building windows.
    /// Tokens glued to clitics (وبوتين) are the caller's to strip first.
    public func mayStartAlias(_ normalizedToken: String) -> Bool {
        aliasTokens(startingWith: normalizedToken) > 0
    }

    /// The most tokens an alias beginning with this normalized token has (0: no alias begins with it). A name
    /// written joined where the alias has a space ("بيونغيانغ") spans fewer tokens and is still found; one the
    /// text splits where the alias is joined is found only as far as a longer alias of that first word reaches.
    public func aliasTokens(startingWith normalizedToken: String) -> Int {
        // Hashes, not Strings: this runs for nearly every word of every article.
        let derived = KBKeys.derivedHashes(normalizedToken)
        return max(firstTokens[derived.variant] ?? 0, firstTokens[derived.loose] ?? 0)
    }

    /// True when this normalized key is an alias that is also a common word or frequent name (مالي
    /// "financial", جدة, حماس): a match on it alone is weak evidence; link it when the tagger or the
    /// context agrees. Listed in `Resources/kb/common_words.tsv`.
    public func isCommonWord(_ normalizedKey: String) -> Bool {
        commonWords.contains(ByteKey(normalizedKey))
    }

    /// Like `lookup`, but when the key has no answer, retries with a proclitic removed from its first word
    /// (و، ف، ب، ل، ك and their pairs وب، ول، فب، فل، وك; لل is ل + ال): "وبوتين" → بوتين,
    /// "للكرملين" → الكرملين. Returns the entities and the number of scalars of the key's start that
    /// were taken as clitic (0 when the key answered as it is).
    public func lookup(strippingProclitics normalizedKey: String) -> (entities: [KBEntity], cliticLength: Int) {
        let direct = lookup(normalizedKey)
        if !direct.isEmpty { return (direct, 0) }
        let scalars = Array(normalizedKey.unicodeScalars)
        for (length, replacement) in KBKeys.proclitics(of: scalars) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: replacement)
            view.append(contentsOf: scalars[length...])
            let hits = lookup(String(view))
            if !hits.isEmpty { return (hits, length) }
        }
        return ([], 0)
    }

    /// The lookup name matchers use: the loosest level only for names of several words. Folded that far, a
    /// single common word too often meets a name ("كبير" would meet "الجبير").
    public func lookupName(_ normalizedKey: String) -> [KBEntity] {
        let several = normalizedKey.utf8.contains(0x20)   // not String.contains: Foundation's slow search
        let hits = lookup(normalizedKey, loose: several)
        guard hits.isEmpty, several else { return hits }
        // A transliterated name spelled with other long vowels ("باولو جينتيلوني" for "باولو جنتيلوني"): one answer only.
        guard let skeleton = KBKeys.transliterationKey(normalizedKey) else { return [] }
        let people = transliterated[skeleton]
        return people.count == 1 ? people.map { entities[$0] } : []
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
        nationalities[ByteKey(normalizedKey)] ?? nationalityVariants[ByteKey(KBKeys.variantKey(normalizedKey))]
    }

    /// Office key and English title for a title phrase ("وزير الخارجية" → foreign_minister), normalized key.
    public func office(forTitle normalizedKey: String) -> (office: String, titleEn: String)? {
        titles[ByteKey(normalizedKey)]
    }

    /// The state a title belongs to when it names one by itself ("خادم الحرمين الشريفين" → sa), normalized key.
    public func impliedCountry(forTitle normalizedKey: String) -> String? {
        titleCountries[ByteKey(normalizedKey)]
    }

    /// The country whose seat of power this normalized key names ("الكرملين" → "ru"), so that
    /// "رئيس الكرملين" can resolve to the head of state of that country.
    public func countryOfSeat(_ normalizedKey: String) -> String? {
        lookup(normalizedKey).first { $0.kind == .seat }?.country
    }
}

/// Normalized key → entity indexes (several entities may share a key: ambiguous aliases).
struct AliasIndex: Sendable {
    /// By a 64-bit hash of the key's UTF-8 bytes, each key with its entities: a look-up hashes the bytes in place
    /// and compares bytes, with no allocation and none of the Unicode-canonical hashing of `String` keys.
    private var table: [UInt64: [(key: String, entities: [Int32])]] = [:]

    static func hash(_ key: String) -> UInt64 {
        var h = TokenKey.seed
        for b in key.utf8 { h = TokenKey.mix(h, UInt32(b)) }
        return h
    }

    mutating func add(_ key: String, _ index: Int) {
        guard !key.isEmpty else { return }
        let h = Self.hash(key), i = Int32(index)
        var bucket = table[h] ?? []
        if let k = bucket.firstIndex(where: { $0.key.utf8.elementsEqual(key.utf8) }) {
            if !bucket[k].entities.contains(i) { bucket[k].entities.append(i) }
        } else {
            bucket.append((key, [i]))
        }
        table[h] = bucket
    }

    subscript(_ key: String) -> [Int] {
        guard let bucket = table[Self.hash(key)],
              let entry = bucket.first(where: { $0.key.utf8.elementsEqual(key.utf8) }) else { return [] }
        return entry.entities.map(Int.init)
    }
}

/// A normalized key as UTF-8 bytes. Keys all come out of `ArabicNormalizer`, so byte equality is the right
/// equality, and hashing bytes avoids the Unicode-canonical hashing of non-ASCII `String`s (lookups are on
/// the matcher's hot path).
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ string: String) { bytes = Array(string.utf8) }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
