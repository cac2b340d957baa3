/// The collection's entities: one per knowledge-base entry or per (type, name key), numbered E1, E2, ... in
/// order of first mention.
struct EntityTable {
    let kb: KnowledgeBase?
    private(set) var entries: [Analysis.Entity] = []
    private var index: [EntityRef: Int] = [:]
    /// The father's name each person's short key was first seen with (`PersonNameKeys`).
    private var fathers: PersonNameKeys.Fathers = [:]
    /// Entities whose label is still the title they were first mentioned by.
    private var labelledByTitle = Set<Int>()
    /// Entities (positions) whose label changed since `takeRelabelled`, when `tracksLabels` (a growing
    /// collection's timeline lines name them).
    private(set) var relabelled: [Int] = []
    var tracksLabels = false
    /// Where the mentions go while set (`packMentions`): the entries' lists stay empty, and `takePackedMentions`
    /// hands them over.
    private(set) var packed: PackedMentions?
    /// Each entity's mentions so far, packed or listed.
    private var mentionCounts: [Int] = []

    init(kb: KnowledgeBase?) {
        self.kb = kb
    }

    /// A person named with and without a middle name is one entity (`PersonNameKeys`).
    mutating func id(for ref: EntityRef, type: EntityType, text: String) -> String {
        let ref = PersonNameKeys.shared.canonical(ref, text: text, fathers: &fathers)
        if let k = index[ref] { return entries[k].id }
        var entity = Analysis.Entity(id: "E\(entries.count + 1)", type: type.rawValue, label: text, label_en: nil,
                                     wikidata: nil, kb: nil, country: nil, aliases: [], roles: [], mentions: [])
        if let id = ref.kbId, let e = kb?.entity(id) {
            entity.type = (EntityType(kbType: e.type) ?? type).rawValue
            entity.label = e.labelAr
            entity.label_en = e.labelEn.isEmpty ? nil : e.labelEn
            entity.wikidata = e.wikidata
            entity.kb = e.id
            entity.country = e.country
        } else if case .name(let t, let key) = ref {
            entity.type = t.rawValue
            // "army@sd": a state institution, labelled in English from its state's name.
            entity.label_en = Institutions.shared.englishLabel(key: key) { kb?.entity($0)?.labelEn }
            if entity.label_en != nil { entity.country = key.split(separator: "@").last.map(String.init) }
        }
        index[ref] = entries.count
        entries.append(entity)
        mentionCounts.append(0)
        return entity.id
    }

    /// Keeps the mentions added from now on packed (`PackedMentions`); `expected`: how many will come.
    mutating func packMentions(explain: Bool, expected: Int) {
        packed = PackedMentions(explain: explain)
        packed?.reserve(expected)
    }

    /// The packed mentions, ordered by entity for reading; the table packs no more.
    mutating func takePackedMentions() -> PackedMentions? {
        defer { packed = nil }
        packed?.groupByEntity(entityCount: entries.count)
        return packed
    }

    /// `doc`: the document's position in the collection.
    mutating func addMention(_ id: String, at doc: Int, _ mention: Analysis.Mention) {
        guard let k = position(id) else { return }
        // A name written as before shares the alias's storage: one copy of "محمد بن سلمان" for all its mentions
        // (a large collection holds a million mentions, most of them repeats).
        var mention = mention
        let alias: Int
        if let a = entries[k].aliases.firstIndex(of: mention.text) {
            alias = a
            mention.text = entries[k].aliases[a]
        } else {
            alias = entries[k].aliases.count
            entries[k].aliases.append(mention.text)
        }
        mentionCounts[k] += 1
        if packed != nil {
            packed?.append(entity: k, doc: doc, start: mention.start, end: mention.end, alias: alias,
                           origin: mention.origin.flatMap(EntityMention.Origin.init(rawValue:)), notes: mention.explain)
        } else {
            entries[k].mentions.append(mention)
        }
        // A name not in the knowledge base is labelled by its longest form, never by a title ("الدكتور"، "رئيس
        // المحكمة ..."): a title form labels the entity only until its name is seen.
        guard entries[k].kb == nil else { return }
        if mention.origin == EntityMention.Origin.description.rawValue {
            if mentionCounts[k] == 1 { labelledByTitle.insert(k) }
        } else if labelledByTitle.remove(k) != nil || mention.text.count > entries[k].label.count {
            if tracksLabels, entries[k].label != mention.text { relabelled.append(k) }
            entries[k].label = mention.text
        }
    }

    mutating func addRole(_ id: String, _ role: Analysis.Role) {
        guard let k = position(id) else { return }
        if !entries[k].roles.contains(where: { $0.title == role.title && $0.doc == role.doc }) { entries[k].roles.append(role) }
    }

    mutating func takeRelabelled() -> [Int] {
        defer { relabelled = [] }
        return relabelled
    }

    /// Ids are "E" + position + 1.
    func position(_ id: String) -> Int? {
        guard let n = Int(id.dropFirst()), n >= 1, n <= entries.count else { return nil }
        return n - 1
    }

    func entity(_ id: String) -> Analysis.Entity? { position(id).map { entries[$0] } }
}
