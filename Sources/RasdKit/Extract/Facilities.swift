/// Facilities named after a facility noun: "مطار عدن الدولي"، "ميناء الحديدة"، "معبر رفح"، "قصر السلام"، "قاعدة
/// العند"، "سجن أبو غريب". Reports name airports, ports, crossings, bases, palaces and prisons as places of their
/// own, and readers search for them by that name; neither the knowledge base nor the tagger holds most of them.
///
/// The name after the noun is a place mention that starts right there (the city of "مطار عدن") or a word no list
/// knows, read as `HeadedPlaces` reads a place's name (its openers and refusals). Adjectives of the name follow
/// ("الدولي"، "الجوية"). Nouns, their looseness and the adjectives are `lexicon/facility_heads.tsv`.
///
/// The facility is listed as nested mentions of a `LOC` of its own, with and without its adjectives: later stages
/// never see it, so an event at "مطار عدن" keeps Aden as its place, and a rule on a noun's other senses cannot make
/// a participant.
struct Facilities: Sendable {
    /// Head noun's `TokenKey` → whether it is loose.
    let headKeys: [UInt64: Bool]
    let adjectives: Set<String>
    /// Words that follow the noun in a phrase, not a name ("سد الفجوة").
    let refused: Set<String>

    init() {
        let rows = HeadedPlaces.kindRows("lexicon/facility_heads.tsv")
        adjectives = Set(rows["adjective", default: [:]].keys)
        refused = Set(rows["not", default: [:]].keys)
        headKeys = HeadedPlaces.hashed(rows["head", default: [:]])
    }

    /// The facility noun a token is (proclitics allowed, "بمطار"، "وميناء"; never with the article): whether it is
    /// loose, and the length of its proclitics. Runs on every word, by hash.
    func head(_ token: Token) -> (loose: Bool, prefix: Int)? {
        guard token.kind == .arabic else { return nil }
        for r in token.readings where !r.restoresArticle {
            guard let loose = headKeys[r.key] else { continue }
            let clitics = token.norm.unicodeScalars.prefix(r.prefix)
            let definite = r.hasArticle(in: token.norm) || clitics.suffix(2).elementsEqual(["ا", "ل"])
                || clitics.suffix(2).elementsEqual(["ل", "ل"])
            return definite ? nil : (loose, r.prefix)
        }
        return nil
    }

    static let tanween: Unicode.Scalar = "\u{064B}"
    /// A noun written with tanween ("ميناءً منقوشًا") is indefinite: no name follows it in construct. The mark may
    /// stand after the token's last letter.
    func isIndefinite(_ doc: Document, _ token: Token) -> Bool {
        let scalars = doc.text.scalars
        return scalars[max(token.start, token.end - 2)..<min(scalars.count, token.end + 1)].contains(Self.tanween)
    }
    /// Endings of an indefinite word that describes or counts ("حديقة مستدامة"، "قصر رئاسة"، "سوق متخمة"): a
    /// feminine noun or adjective, a sound plural.
    static let indefiniteEndings = ["ة", "ات", "ين", "ون"].map { ArabicNormalizer.shared.key($0) }

    /// Whether a word no mention covers may name the facility after a strict noun: what `HeadedPlaces.mayName`
    /// refuses by its shape or lists, and a word with the article that the tagger's corpus saw often, never in a name.
    func mayName(_ word: String, loose: Bool, places: HeadedPlaces, kb: KnowledgeBase, stopNames: PhraseLexicon,
                 tagger: NERTagger?, givenNames: Set<String>) -> Bool {
        guard !refused.contains(word) else { return false }
        if !word.hasPrefix(HeadedPlaces.article), Self.indefiniteEndings.contains(where: { word.hasSuffix($0) }) { return false }
        // "سجن ببرلين": a preposition glued to a known name.
        if kb.lookupName(word).isEmpty, kb.lookup(strippingProclitics: word).cliticLength > 0 { return false }
        if loose {
            return places.mayName(word, afterLooseHead: true, kb: kb, stopNames: stopNames, tagger: tagger, givenNames: givenNames)
        }
        guard places.mayName(word, afterLooseHead: false, kb: kb, stopNames: stopNames, tagger: nil, givenNames: givenNames)
        else { return false }
        guard let tagger else { return true }
        let use = tagger.trainingUse(of: word)
        return use.seen < 3 || use.names > 0
    }

    /// The facilities of the document, as nested mentions (`mentions` are the document's own, in order).
    func mentions(_ doc: Document, mentions: [EntityMention], places: HeadedPlaces, kb: KnowledgeBase,
                  stopNames: PhraseLexicon, honorifics: PhraseLexicon, tagger: NERTagger?, givenNames: Set<String>) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        var placeAt: [Int: Int] = [:]   // first token → end of a place mention starting there
        for m in mentions {
            for t in m.tokens { covered[t] = true }
            if m.type == .gpe || m.type == .loc { placeAt[m.tokens.lowerBound] = m.tokens.upperBound }
        }
        var out: [EntityMention] = []
        for sentence in doc.sentences {
            var i = sentence.lowerBound
            while i + 1 < sentence.upperBound {
                defer { i += 1 }
                guard !covered[i], let h = head(doc.tokens[i]), doc.tokens[i + 1].kind == .arabic,
                      !isIndefinite(doc, doc.tokens[i]) else { continue }
                let first = i + 1
                // "مطار وميناء عدن" coordinates two nouns; "قصر الأمير" is a person's palace, not its name.
                if head(doc.tokens[first]) != nil || honorifics.entries[doc.tokens[first].norm] != nil { continue }
                var end: Int
                if let placeEnd = placeAt[first] {
                    end = placeEnd
                    // "سجن ببرلين": a preposition glued to the place.
                    if mentions.contains(where: { $0.tokens.lowerBound == first && $0.start > doc.tokens[first].start }) { continue }
                } else {
                    guard !covered[first] else { continue }
                    var own = first
                    while places.openers.contains(doc.tokens[own].norm), own + 1 < sentence.upperBound, own - first < 2 { own += 1 }
                    guard doc.tokens[own].kind == .arabic, !covered[own],
                          mayName(doc.tokens[own].norm, loose: h.loose, places: places, kb: kb, stopNames: stopNames,
                                  tagger: tagger, givenNames: givenNames) else { continue }
                    end = own + 1
                    if places.openers.contains(doc.tokens[end - 1].norm) { continue }
                    // A nationality adjective ("ميناء سعودي") describes the facility.
                    let name = (first..<end).map { doc.tokens[$0].norm }.joined(separator: " ")
                    if kb.country(forNationality: name) != nil { continue }
                }
                var full = end
                while full < sentence.upperBound, full - end < 2, !covered[full], doc.tokens[full].kind == .arabic,
                      adjectives.contains(doc.tokens[full].norm) { full += 1 }
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[i], afterNormalized: h.prefix)
                let short = doc.string(start, doc.tokens[end - 1].end)
                let ref = EntityRef.name(.loc, KBKeys.variantKey(ArabicNormalizer.shared.key(short)))
                let noun = doc.tokens[i].norm
                for stop in Set([end, full]).sorted() {
                    let stopOffset = doc.tokens[stop - 1].end
                    out.append(EntityMention(start: start, end: stopOffset, text: doc.string(start, stopOffset), type: .loc,
                                             ref: ref, origin: .facility, tokens: i..<stop,
                                             reason: "a facility named after the noun «\(noun)»"))
                }
                i = full - 1
            }
        }
        return out
    }
}
