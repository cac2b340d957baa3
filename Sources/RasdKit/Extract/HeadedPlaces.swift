/// Places that neither the knowledge base nor the tagger knows, named after a place noun in construct: "بلدة
/// الكرمة"، "قرية بلة"، "ناحية الحامضية"، "خان بني سعد" after "قضاء". Small towns and districts are most of the
/// places a regional report names, and no gazetteer holds them all; the noun before them says what they are.
///
/// The nouns, the words that open a compound name and the words that only describe a place are
/// `lexicon/headed_places.tsv`. The name is refused when it is a description (listed, or an indefinite nisba
/// adjective: "مدينة سورية"، "قرية حدودية"), a function word, or a common noun of the tagger's training corpus
/// ("مخيم اللاجئين": the word is seen often and never inside a name).
///
/// A dual noun names two places joined by "و" ("بلدتي الفوعة وكفريا"، "قريتي نبل والزهراء"): both are mentions.
struct HeadedPlaces: Sendable {
    /// Head noun's `TokenKey` → whether it is loose (has other senses: a stricter test of the name).
    let headKeys: [UInt64: Bool]
    /// The dual nouns among the heads.
    let dualKeys: Set<UInt64>
    let openers: Set<String>
    let descriptions: Set<String>

    init() {
        let rows = Self.kindRows("lexicon/headed_places.tsv")
        openers = Set(rows["opener", default: [:]].keys)
        descriptions = Set(rows["not", default: [:]].keys)
        let duals = rows["dual", default: [:]]
        // A dual noun is loose: it also reads "my town" ("مدينتي الحبيبة").
        headKeys = Self.hashed(rows["head", default: [:]].merging(duals.mapValues { _ in true }, uniquingKeysWith: { a, _ in a }))
        dualKeys = Set(duals.keys.map { TokenKey.of($0) })
    }

    /// A file of "kind <TAB> word [<TAB> loose]" rows, normalized: kind → word → whether it is marked loose.
    static func kindRows(_ resource: String) -> [String: [String: Bool]] {
        var out: [String: [String: Bool]] = [:]
        for row in (try? ResourceStore.rows(resource)) ?? [] where row.count >= 2 {
            out[row[0], default: [:]][ArabicNormalizer.shared.key(row[1])] = row.count >= 3 && row[2] == "loose"
        }
        return out
    }

    /// Words keyed by their `TokenKey`, for a test by hash on every token.
    static func hashed(_ words: [String: Bool]) -> [UInt64: Bool] {
        Dictionary(words.map { (TokenKey.of($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    static let article = ArabicNormalizer.shared.key("ال")
    static let nisba = ArabicNormalizer.shared.key("ية")
    static let formTwoOpening = ArabicNormalizer.shared.key("الت")
    /// A preposition or conjunction with the article ("بالقرب"، "للنازحين") begins a phrase, not a name.
    static let phraseOpeners = ["بال", "لل", "وال", "فال", "كال"].map { ArabicNormalizer.shared.key($0) }

    /// The head noun a token is, without the article (proclitics allowed: "ببلدة"، "وقرية"): whether it is loose;
    /// nil for no head. Runs on every word: the readings are tested by hash, nothing is spelled out.
    func head(_ token: Token) -> Bool? {
        for r in token.readings where !r.restoresArticle {
            guard let loose = headKeys[r.key] else { continue }
            return r.hasArticle(in: token.norm) ? nil : loose
        }
        return nil
    }

    /// Whether the head noun a token is (proclitics allowed) is a dual one.
    func isDual(_ token: Token) -> Bool {
        token.readings.contains { !$0.restoresArticle && dualKeys.contains($0.key) }
    }

    /// A possessed noun ("حاجاتنا"، "حوائجكم"، "مدتها") is no name.
    static let possessives = ["نا", "كم", "هم", "هن", "ها"].map { ArabicNormalizer.shared.key($0) }
    /// The verbal noun of the second form with the article ("التوثيق"، "التخطيط"): the field of a directorate, no place.
    static func isFormTwoMasdar(_ word: String) -> Bool {
        let s = Array(word.unicodeScalars)
        return s.count == 7 && String(String.UnicodeScalarView(s[0..<3])) == formTwoOpening && s[5] == "ي"
    }

    /// Whether a word may be (the first word of) a place's name after a head noun.
    func mayName(_ word: String, afterLooseHead loose: Bool, kb: KnowledgeBase, stopNames: PhraseLexicon, tagger: NERTagger?,
                 givenNames: Set<String>) -> Bool {
        let n = word.unicodeScalars.count
        guard n >= 3, !descriptions.contains(word), stopNames.entries[word] == nil, !kb.isCommonWord(word) else { return false }
        // A given name alone ("قضاء عادل") is a person or an adjective, not a place.
        if givenNames.contains(TitleStage.foldingAlef(word)) { return false }
        if n >= 5, Self.possessives.contains(where: { word.hasSuffix($0) }) { return false }
        if Self.isFormTwoMasdar(word) { return false }
        if Self.phraseOpeners.contains(where: { word.hasPrefix($0) }) { return false }
        // An indefinite nisba adjective describes the place: "مدينة سورية"، "مخيم فلسطيني".
        if !word.hasPrefix(Self.article), word.hasSuffix(Self.nisba) || word.hasSuffix("ي") { return false }
        if let tagger {
            let use = tagger.trainingUse(of: word)
            if use.seen >= 3 && 4 * use.names < use.seen { return false }
            if loose && use.seen > 0 && 2 * use.names < use.seen { return false }
        }
        return true
    }

    /// The mentions of such places in the document, on tokens nothing covers yet (and marks their tokens covered).
    func mentions(_ doc: Document, kb: KnowledgeBase, stopNames: PhraseLexicon, tagger: NERTagger?, givenNames: Set<String>,
                  covered: inout [Bool]) -> [EntityMention] {
        var out: [EntityMention] = []
        for sentence in doc.sentences {
            var i = sentence.lowerBound
            while i + 1 < sentence.upperBound {
                defer { i += 1 }
                let first = i + 1
                guard doc.tokens[i].kind == .arabic, let loose = head(doc.tokens[i]), doc.tokens[first].kind == .arabic, !covered[first]
                else { continue }
                // The word tested is the name's own: after an opener ("تل شعير"، "خان بني سعد"), the word after it.
                var own = first
                while openers.contains(doc.tokens[own].norm), own + 1 < sentence.upperBound, own - first < 2 { own += 1 }
                guard doc.tokens[own].kind == .arabic, !covered[own],
                      mayName(doc.tokens[own].norm, afterLooseHead: loose, kb: kb, stopNames: stopNames, tagger: tagger,
                              givenNames: givenNames) else { continue }
                var end = first + 1
                // "خان بني سعد"، "دير عشاش": a word that opens a compound name takes the next one (and a second after بني/بن).
                while openers.contains(doc.tokens[end - 1].norm), end < sentence.upperBound, end - first < 3,
                      doc.tokens[end].kind == .arabic, !covered[end], !descriptions.contains(doc.tokens[end].norm) {
                    end += 1
                }
                if openers.contains(doc.tokens[end - 1].norm) { continue }   // an opener alone names nothing
                let range = first..<end
                let name = range.map { doc.tokens[$0].norm }.joined(separator: " ")
                // A nationality adjective ("الكورية") or a known name of another kind is left to the other rules.
                if kb.country(forNationality: name) != nil || !kb.lookupName(name).isEmpty { continue }
                let start = doc.tokens[first].start, stop = doc.tokens[end - 1].end
                out.append(EntityMention(start: start, end: stop, text: doc.string(start, stop), type: .gpe,
                                         ref: .name(.gpe, KBKeys.variantKey(name)), origin: .placeHead, tokens: range,
                                         reason: "a name after the place noun «\(doc.tokens[i].norm)»"))
                for t in range { covered[t] = true }
                i = end - 1
                if isDual(doc.tokens[first - 1]),
                   let second = conjunct(at: end, doc, sentence: sentence, kb: kb, stopNames: stopNames, tagger: tagger,
                                         givenNames: givenNames, covered: covered) {
                    out.append(second)
                    covered[end] = true
                    i = end
                }
            }
        }
        return out
    }

    /// The second place after a dual noun: a one-word name glued to "و" ("وكفريا"، "والزهراء"), read as the first.
    func conjunct(at k: Int, _ doc: Document, sentence: Range<Int>, kb: KnowledgeBase, stopNames: PhraseLexicon,
                  tagger: NERTagger?, givenNames: Set<String>, covered: [Bool]) -> EntityMention? {
        guard k < sentence.upperBound, !covered[k], doc.tokens[k].kind == .arabic, doc.tokens[k].norm.hasPrefix("و") else { return nil }
        let name = String(doc.tokens[k].norm.dropFirst())
        guard mayName(name, afterLooseHead: true, kb: kb, stopNames: stopNames, tagger: tagger, givenNames: givenNames),
              kb.country(forNationality: name) == nil, kb.lookupName(name).isEmpty else { return nil }
        let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[k], afterNormalized: 1), stop = doc.tokens[k].end
        return EntityMention(start: start, end: stop, text: doc.string(start, stop), type: .gpe,
                             ref: .name(.gpe, KBKeys.variantKey(name)), origin: .placeHead, tokens: k..<(k + 1),
                             reason: "the second name after a dual place noun")
    }
}
