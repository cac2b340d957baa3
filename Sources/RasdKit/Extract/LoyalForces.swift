/// Armed forces named after the person they answer to: "قوات صالح"، "قوات الرئيس المخلوع علي عبدالله صالح"،
/// "القوات الموالية للرئيس السابق علي صالح". The news of Yemen's, Libya's and Syria's wars name a side so; read name
/// by name, the person became the one who shelled a town. A noun or phrase of `events/force_nouns.tsv`, an office title and
/// words of "former" (`lexicon/former_words.tsv`) if any, then a person's mention: one ORG mention from the head to
/// the name's end, keyed by the person (the short and the long form, here and in other articles, are one body). The
/// person's mention is kept as a nested one: the article names the person there too, but no act of theirs.
struct LoyalForces: Sendable {
    let heads: PhraseLexicon
    let titles: PhraseLexicon
    let former: PhraseLexicon

    init() {
        heads = ArgumentFinder.forceNouns
        titles = PhraseLexicon.resource("lexicon/titles.tsv")
        former = PhraseLexicon.resource("lexicon/former_words.tsv")
    }

    func mentions(_ doc: Document, _ mentions: [EntityMention], nested: inout [EntityMention]) -> [EntityMention] {
        var owner = [Int?](repeating: nil, count: doc.tokens.count)
        for (k, m) in mentions.enumerated() { for t in m.tokens { owner[t] = k } }
        var replaced: [Int: EntityMention] = [:]
        var absorbed = Set<Int>()
        for (k, person) in mentions.enumerated() where person.type == .person {
            // "ميليشيات الحوثي وصالح": a person glued to the "و" after a group named by its armed men shares the noun.
            if sharesForces(doc, person, mentions: mentions) {
                replaced[k] = EntityMention(start: person.start, end: person.end, text: person.text, type: .org,
                                            ref: Self.forces(of: person.ref), origin: .bodyHead,
                                            tokens: person.tokens, reason: "forces named after a person, sharing the noun of the group before")
                nested.append(person)
                continue
            }
            guard let sentence = doc.sentence(containing: person.tokens.lowerBound),
                  let head = headBefore(doc, person.tokens.lowerBound, in: sentence, owner: owner, mentions: mentions) else { continue }
            for t in head.tokens { if let o = owner[t] { absorbed.insert(o) } }
            let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[head.tokens.lowerBound], afterNormalized: head.prefix)
            let text = doc.string(start, person.end)
            replaced[k] = EntityMention(start: start, end: person.end, text: text, type: .org,
                                        ref: Self.forces(of: person.ref), origin: .bodyHead,
                                        tokens: head.tokens.lowerBound..<person.tokens.upperBound,
                                        reason: "forces named after a person: «\(head.key)» and \(person.ref)")
            nested.append(person)
        }
        guard !replaced.isEmpty else { return mentions }
        return mentions.enumerated().compactMap { absorbed.contains($0.offset) ? nil : replaced[$0.offset] ?? $0.element }
    }

    /// The body of a person's forces: one whichever form names it, here and in other articles.
    static func forces(of person: EntityRef) -> EntityRef { .name(.org, "قوات " + person.description) }

    /// The head that names forces after the person whose name begins at `name`, with the title and words of
    /// "former" between them (at most four words); no other mention may hold any of those words.
    func headBefore(_ doc: Document, _ name: Int, in sentence: Range<Int>, owner: [Int?], mentions: [EntityMention]) -> PhraseLexicon.Match? {
        for start in stride(from: name - 1, through: max(sentence.lowerBound, name - 5), by: -1) {
            guard doc.tokens[start].isWord else { return nil }
            let head = heads.match(doc.tokens, at: start, limit: name)
            // The head word alone read as a mention ("ميليشيات" standing for the group named before) gives way.
            if owner[start] != nil, !(head.map { heldWithin($0.tokens, owner: owner, mentions: mentions) } ?? false) { return nil }
            guard let head, head.prefix == 0 || glued(doc.tokens[start], head.prefix) else { continue }
            let needsLam = head.values.first == "ل"
            if bridges(doc, from: head.tokens.upperBound, to: name, needsLam: needsLam) { return head }
        }
        return nil
    }

    /// The person's word carries "و" and follows right after a body whose name opens with a noun of armed men.
    func sharesForces(_ doc: Document, _ person: EntityMention, mentions: [EntityMention]) -> Bool {
        let t = person.tokens.lowerBound
        guard t > 0, person.start > doc.tokens[t].start, doc.tokens[t].norm.hasPrefix("و"),
              let group = mentions.first(where: { $0.type == .org && $0.tokens.upperBound == t }) else { return false }
        return heads.contains(token: doc.tokens[group.tokens.lowerBound])
            || (group.tokens.lowerBound > 0 && heads.contains(token: doc.tokens[group.tokens.lowerBound - 1]))
    }

    /// Every mention that holds a word of the head lies inside the head.
    func heldWithin(_ head: Range<Int>, owner: [Int?], mentions: [EntityMention]) -> Bool {
        head.allSatisfy { t in owner[t].map { head.lowerBound <= mentions[$0].tokens.lowerBound && mentions[$0].tokens.upperBound <= head.upperBound } ?? true }
    }

    /// Only و، ف، ب or ل before the head ("وقوات"، "لقوات"): not a word that merely begins like it.
    func glued(_ token: Token, _ prefix: Int) -> Bool {
        token.norm.unicodeScalars.prefix(prefix).allSatisfy { "وفبل".unicodeScalars.contains($0) }
    }

    /// The words between a head and a name: an office title (with ل when the head wants it) and words of "former".
    func bridges(_ doc: Document, from: Int, to name: Int, needsLam: Bool) -> Bool {
        var i = from
        var lamSeen = !needsLam
        if i < name, let title = titles.match(doc.tokens, at: i, limit: name) {
            if !lamSeen { lamSeen = doc.tokens[i].norm.hasPrefix("ل") && title.prefix > 0 }
            i = title.tokens.upperBound
        }
        while i < name, former.contains(word: doc.tokens[i].norm) { i += 1 }
        if !lamSeen, i == name { lamSeen = doc.tokens[name].norm.hasPrefix("ل") }
        return i == name && lamSeen
    }
}
