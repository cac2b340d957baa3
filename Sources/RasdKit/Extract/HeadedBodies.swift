/// Bodies that no list knows, named by a head noun and the words that say which body it is: "وزارة الخدمة
/// المدنية"، "جمعية تكافل الخيرية"، "اتحاد جمعيات الصحافيين الإسبان"، "المرصد السوري لحقوق الإنسان". Ministries,
/// committees, councils, charities and observatories are most of the organisations a regional report names, and
/// neither the knowledge base nor the tagger (trained on ANERCorp, where they are rare) holds them. A place may close
/// the name ("مديرية أمن الإسكندرية"، "الغرفة التجارية الصناعية بأبها"), and so may "ل" with a genitive after an
/// adjective ("الاتحاد الصربي لكرة القدم").
///
/// The head nouns are `lexicon/body_heads.tsv` (the same heads that name a body after a place), the words that
/// refuse a name or are adjectives of names `lexicon/body_name_words.tsv`; the chain's rules are `chainEnd`'s. A
/// function word, a number, punctuation or another mention ends a chain. A state institution ("وزارة الداخلية") is
/// left to the title stage, which finds its state.
struct HeadedBodies: Sendable {
    static let article = ArabicNormalizer.shared.key("ال")
    static let lamArticle = ArabicNormalizer.shared.key("لل")
    /// "وزارة الثقافة والإعلام": a word joined by "و" with the article continues the name.
    static let andArticle = ArabicNormalizer.shared.key("وال")
    /// Nouns that may head a name (`lexicon/name_heads.tsv`; type GPE: a place's own, "منطقة"، "محافظة").
    static let nameHeads = PhraseLexicon.resource("lexicon/name_heads.tsv")
    static let honorifics = PhraseLexicon.resource("lexicon/honorifics.tsv")
    static let onWord = ArabicNormalizer.shared.key("على")

    /// The head the token is (proclitics allowed, "ووزارة"، "بجمعية"), and whether it carries the article. Runs on
    /// every word: the readings are tested by hash, nothing is spelled out.
    /// `placeOnly`: a head that is also a verbal noun ("إدارة" marked `place`) names a body only when a place closes
    /// the name ("الإدارة العامة للتعليم بمنطقة الرياض").
    func head(_ token: Token, headKeys: [UInt64: String]) -> (definite: Bool, prefix: Int, generic: Bool, named: Bool, placeOnly: Bool)? {
        guard token.kind == .arabic else { return nil }
        for r in token.readings where !r.restoresArticle {
            guard let mark = headKeys[r.key] else { continue }
            // "للمجلس": the article the "ل" took in counts too.
            let lam = token.norm.unicodeScalars.prefix(r.prefix).suffix(2).elementsEqual(["ل", "ل"])
            return (r.hasArticle(in: token.norm) || lam, r.prefix, mark == "generic", mark == "named", mark == "place")
        }
        return nil
    }

    /// The heads' `TokenKey`s and their marks ("", "generic", "named" or "place"), from `lexicon/body_heads.tsv`.
    static func headKeys(_ heads: PhraseLexicon) -> [UInt64: String] {
        Dictionary(heads.entries.map { (TokenKey.of($0.key), $0.value.first ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// A nisba adjective with the article ("الخيرية"، "الوطني"، "المدنية"; plural, "الإسلاميين"); ة is written ه by
    /// the normalizer.
    static func isNisba(_ word: String) -> Bool {
        word.unicodeScalars.count >= 5 && (word.hasSuffix("ي") || word.hasSuffix("يه") || word.hasSuffix("يين"))
    }

    /// Whether a word may stand in the chain: an Arabic word of two letters or more ("مركز بر الفيصلية") that is no
    /// function word nor a common word that names something else, unless a nisba adjective.
    func mayChain(_ word: String, stops: PhraseLexicon, kb: KnowledgeBase) -> Bool {
        // A nisba that is also an outlet's or a place's name ("الاقتصادية"، "العربية") is an adjective here.
        word.unicodeScalars.count >= 2 && stops.entries[word] == nil
            && !(word.hasPrefix("و") && stops.entries[String(word.dropFirst())] != nil)   // "والتي"
            && (!kb.isCommonWord(word) || (word.hasPrefix(Self.article) && Self.isNisba(word)))
    }

    /// Where the name after the head at `i` ends (exclusive), or nil when no name follows.
    ///
    /// Nouns in construct first; after the first adjective only adjectives, until a "لل" phrase opens another
    /// ("الهيئة العامة للسياحة والتراث الوطني"): a definite noun after an adjective is the verb's object ("وعد المجلس
    /// الوطني الفلسطيني القانون"). A bare word stands only in construct before a definite one, never with a glued
    /// conjunction or preposition ("ويستطيع"، "بإيقاف"); inside a "لل" phrase only adjectives and words joined by "و".
    /// A definite head needs an adjective first ("المرصد السوري"، "اللجنة العليا"), a generic head ("الشركة"،
    /// "النادي") more than a nationality ("الشركة الصينية" describes). A mention right after the chain continues the
    /// name ("مستشفى الملك فهد"): left to the rules that know that name.
    func chainEnd(_ doc: Document, after i: Int, in sentence: Range<Int>, definiteHead: Bool, generic: Bool, named: Bool = false,
                  stops: PhraseLexicon, words: PhraseLexicon, kb: KnowledgeBase, covered: [Bool],
                  demonymAt: [Int: Int], placeAt: [Int: PlaceAt] = [:]) -> Int? {
        var end = i + 1, lastDefinite = i
        var adjectiveSeen = false, inLam = false, nationalitySeen = false, onPhrase = false
        while end < sentence.upperBound, end - i <= 7, doc.tokens[end].kind == .arabic {
            let word = doc.tokens[end].norm
            let first = end == i + 1
            let nationality = kb.country(forNationality: word) != nil
            // "مديرية أمن مطروح"، "الغرفة التجارية الصناعية بأبها": a place closes a named body, right after a noun
            // in construct or, under "ب", after its adjectives; it says which body and ends the name.
            if !first, let place = placeAt[end] {
                let glued = word.hasPrefix("ب") && place.prefixed
                // Not after a noun that heads the place's own name ("أمانة منطقة الرياض": "منطقة الرياض" is the place's).
                let afterConstruct = !place.prefixed && !adjectiveSeen && !inLam && end - 1 > i && end - 1 > lastDefinite
                    && Self.nameHeads.entries[doc.tokens[end - 1].norm]?.first != "GPE"
                if (glued && (adjectiveSeen || lastDefinite > i)) || afterConstruct { return place.end }
            }
            // "لجنة الرقابة على المال العام"، "مؤسسة التأمين على الودائع": "على" after a verbal noun that takes it
            // (`on` rows), and its definite object, say what the body oversees; adjectives may follow. After any
            // other noun "على" is a verb's ("حرصت إدارة اتحاد السلة على المشاركة").
            if !first, word == Self.onWord, !adjectiveSeen, !inLam, lastDefinite == end - 1, end - 1 > i,
               words.entries[doc.tokens[end - 1].norm]?.first == "on",
               end + 1 < sentence.upperBound, !covered[end + 1], doc.tokens[end + 1].kind == .arabic,
               doc.tokens[end + 1].norm.hasPrefix(Self.article), mayChain(doc.tokens[end + 1].norm, stops: stops, kb: kb) {
                inLam = true; onPhrase = true; lastDefinite = end + 1; end += 2
                continue
            }
            guard !covered[end] || (nationality && (demonymAt[end] != nil || placeAt[end]?.adjective == true)),
                  nationality || mayChain(word, stops: stops, kb: kb),
                  !(first && words.entries[word]?.first == "not") else { break }
            // "اتحاد الكرة والشرطة الصربية": a state institution's head after "و" begins another body; so does any
            // word after "و" once a state's adjective closed the name ("شركة ... السعودية والجانب الكويتي").
            if !first, word.hasPrefix(Self.andArticle), Institutions.shared.heads.entries[String(word.dropFirst())] != nil { break }
            if nationalitySeen, !inLam, word.hasPrefix(Self.andArticle) { break }
            let adjective = nationality || words.entries[word]?.first == "adjective"
                || (word.hasPrefix(Self.article) && Self.isNisba(word))
            if word.hasPrefix(Self.lamArticle), !first {
                inLam = true; adjectiveSeen = false; lastDefinite = end
            } else if !first, !inLam, word.hasPrefix("ل"), !word.hasPrefix(Self.article), doc.tokens[end].clitics.contains(where: { $0.prefix == 1 }),
                      end + 1 < sentence.upperBound, !covered[end + 1], doc.tokens[end + 1].norm.hasPrefix(Self.article),
                      mayChain(doc.tokens[end + 1].norm, stops: stops, kb: kb), adjectiveSeen || nationalitySeen,
                      // "لجسر الملك فهد": after an honorific, a bare word continues another name ("برئاسة" or a
                      // verb after "لكرة القدم" does not).
                      !(end + 2 < sentence.upperBound && Self.honorifics.contains(token: doc.tokens[end + 1])
                        && doc.tokens[end + 2].kind == .arabic && !doc.tokens[end + 2].norm.hasPrefix(Self.article)
                        && mayChain(doc.tokens[end + 2].norm, stops: stops, kb: kb)) {
                // "الاتحاد الصربي لكرة القدم": "ل" and a noun in construct before a definite one open a "لل" phrase.
                // The genitive ends the name.
                inLam = true; lastDefinite = end + 1; break
            } else if word.hasPrefix(Self.article) || word.hasPrefix(Self.andArticle) {
                if first, definiteHead, !adjective { return nil }
                // After a definite noun or an adjective, a definite noun with no "و" is no part of the name: two
                // definite nouns in a row are an apposition or the verb's object ("اتحاد الكرة المراقبين").
                if (adjectiveSeen || inLam || lastDefinite > i) && !adjective && !word.hasPrefix(Self.andArticle) { break }
                if adjective { adjectiveSeen = true }
                if nationality { nationalitySeen = true }
                lastDefinite = end
            } else {
                // A bare word: in construct only, before a definite word, with nothing glued before it or after it
                // ("جمعية طب الأطفال مؤتمرها": a possessed noun is the verb's object).
                if adjectiveSeen || inLam || end > lastDefinite + 1 || definiteHead { break }
                if word.unicodeScalars.count >= 5, HeadedPlaces.possessives.contains(where: { word.hasSuffix($0) }) { break }
                if ["و", "ب", "ل", "ك", "ف"].contains(where: { word.hasPrefix($0) }),
                   !doc.tokens[end].clitics.isEmpty { break }
            }
            end += 1
        }
        let stop = lastDefinite + 1
        guard stop > i + 1 else { return nil }
        // A name after the chain continues it ("مستشفى الملك فهد"), or owns the body ("قيادة القوات المشتركة لتحالف
        // دعم الشرعية": the coalition speaks): either way the rules that know that name decide.
        // Not after "على" and its object: the name then is another's ("لجنة الرقابة على المنشطات عبدالرحمن ...").
        if !onPhrase, stop < sentence.upperBound, covered[stop], demonymAt[stop] == nil,
           Proclitics.candidates(doc.tokens[stop]).count == 1 || doc.tokens[stop].norm.hasPrefix("ل") {
            return nil
        }
        // A definite head with plain adjectives only describes ("المجلس الوزاري"، "المجلس البلدي"), but for a head
        // whose adjectives name one body (`named`: "الحزب الديمقراطي التقدمي").
        if definiteHead, !nationalitySeen, !inLam, !named { return nil }
        if generic, definiteHead, stop - i < 3 { return nil }
        return stop
    }

    /// A place mention by its first token: where it ends, whether a proclitic is glued before it ("بأبها"), and
    /// whether it is one word that is also a nationality adjective ("السعودية").
    struct PlaceAt { var end: Int; var prefixed: Bool; var adjective: Bool; var mention: Int }

    /// The bodies of the document on tokens nothing covers yet (a nationality adjective read as a state, "السوري",
    /// is taken into the name and its demonym mention dropped); marks their tokens covered.
    ///
    /// `latentPlaces`: places whose one-word name is a common word, written after "ب" ("بالخرج"، "بينبع"), that no
    /// mention holds: one closes a body's name as any place does after its adjectives ("الإدارة العامة للتعليم
    /// بالخرج"، "الهيئة الملكية بينبع"), and is then a mention of that place.
    func mentions(_ doc: Document, _ mentions: inout [EntityMention], headKeys: [UInt64: String], stops: PhraseLexicon,
                  words: PhraseLexicon, kb: KnowledgeBase, covered: inout [Bool],
                  latentPlaces: [Int: (place: KBEntity, prefix: Int)] = [:]) {
        var demonymAt: [Int: Int] = [:]
        for (k, m) in mentions.enumerated() where m.origin == .demonym { for t in m.tokens { demonymAt[t] = k } }
        var placeAt: [Int: PlaceAt] = [:]
        for (k, m) in mentions.enumerated() where m.type == .gpe && m.origin != .demonym && !m.tokens.isEmpty {
            let first = doc.tokens[m.tokens.lowerBound]
            placeAt[m.tokens.lowerBound] = PlaceAt(end: m.tokens.upperBound, prefixed: m.start > first.start,
                                                   adjective: m.tokens.count == 1 && m.start == first.start && kb.country(forNationality: first.norm) != nil,
                                                   mention: k)
        }
        for (t, _) in latentPlaces where placeAt[t] == nil && !covered[t] {
            placeAt[t] = PlaceAt(end: t + 1, prefixed: true, adjective: false, mention: -1)
        }
        var dropped = Set<Int>()
        var found: [EntityMention] = []
        for sentence in doc.sentences {
            var i = sentence.lowerBound
            while i + 1 < sentence.upperBound {
                defer { i += 1 }
                // A state institution ("وزارة الداخلية"، "مجلس الوزراء") is the title stage's: it finds the state.
                guard !covered[i], let h = head(doc.tokens[i], headKeys: headKeys),
                      Institutions.shared.heads.match(doc.tokens, at: i) == nil || (h.placeOnly && h.definite) else { continue }
                // A verbal-noun head names a body only with the article and a place closing the name: "الإدارة العامة
                // للتعليم بالخرج" (an institution's head only without a state: "الإدارة الأمريكية" is the title stage's);
                // "إدارة الأمور بالرياض" is managing.
                guard let end = chainEnd(doc, after: i, in: sentence, definiteHead: h.definite, generic: h.generic, named: h.named,
                                         stops: stops, words: words, kb: kb, covered: covered, demonymAt: demonymAt, placeAt: placeAt),
                      !h.placeOnly || (h.definite && placeAt.values.contains(where: { $0.end == end && !$0.adjective })
                                       && !(i + 1..<end).contains(where: { kb.country(forNationality: doc.tokens[$0].norm) != nil }))
                else { continue }
                // Keep the article of a definite head ("والمرصد" → "المرصد"); "للمجلس" loses it with the "ل".
                let article = doc.tokens[i].norm.unicodeScalars.prefix(h.prefix).suffix(2).elementsEqual(["ا", "ل"])
                let skip = h.definite && article ? h.prefix - 2 : h.prefix
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[i], afterNormalized: skip)
                let stop = doc.tokens[end - 1].end
                let text = doc.string(start, stop)
                let key = KBKeys.variantKey(ArabicNormalizer.shared.key(text))
                found.append(EntityMention(start: start, end: stop, text: text, type: .org, ref: .name(.org, key),
                                           origin: .bodyHead, tokens: i..<end, reason: "a body named after the head noun «\(doc.tokens[i].norm)»"))
                if let latent = latentPlaces[end - 1], placeAt[end - 1]?.mention == -1 {
                    let t = end - 1
                    let placeStart = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: latent.prefix)
                    found.append(EntityMention(start: placeStart, end: doc.tokens[t].end, text: doc.string(placeStart, doc.tokens[t].end),
                                               type: .gpe, ref: .kb(latent.place.id), origin: .gazetteer, tokens: t..<(t + 1),
                                               reason: "a place whose name is a common word, closing a body's name after ب"))
                }
                for t in i..<end {
                    covered[t] = true
                    if let d = demonymAt[t] { dropped.insert(d) }
                    // "اللجنة الأولمبية السعودية": the adjective read as the state is the body's.
                    if let p = placeAt[t], p.adjective { dropped.insert(p.mention) }
                }
                i = end - 1
            }
        }
        if !dropped.isEmpty { mentions = mentions.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
        mentions += found
    }
}
