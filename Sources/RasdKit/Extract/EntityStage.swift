/// Entity recognition and in-document linking.
///
/// 1. Knowledge-base names (longest alias match, spelling variants folded by the knowledge base's keys).
/// 2. The statistical tagger's names that the knowledge base does not hold: linked to it when their
///    proclitic-stripped form is an alias, otherwise kept as new names.
/// 3. Parts of names mentioned in full in the same article ("كوزلوف" after "ألكسندر كوزلوف", "كيم").
/// Titles, roles and descriptions ("الزعيم الكوري الشمالي") are the `TitleStage`'s work.
public struct EntityStage: Sendable {
    public let kb: KnowledgeBase
    public let tagger: NERTagger?
    let matcher: GazetteerMatcher
    let stopNames: PhraseLexicon
    /// Phrases that attribute a report ("على لسان"، "بحسب"): never the start of a name (`quotes/attribution.tsv`).
    let attribution: PhraseLexicon
    /// Words of courtesy before a name ("الأمير"، "آية الله"): not part of the person's mention.
    let honorifics: PhraseLexicon
    let lineage: Lineage
    var partialNames: PartialNames { PartialNames(kb: kb, stopNames: stopNames, lineage: lineage) }
    /// Given names that begin with و ("وليد"، "وعد"): never a conjunction glued to a name.
    let wawNames: PhraseLexicon
    /// Head nouns that a name may be written with or without ("تنظيم داعش"، "محافظة الأنبار"): `NestedNames`.
    let nameHeads: PhraseLexicon
    /// Heads of bodies named after a place ("مجلس"، "محكمة"), and the function words that end such a chain.
    let bodyHeads: PhraseLexicon
    let chainStops: PhraseLexicon
    /// Given names as written (`ner/first_names.txt`, alef hamza folded): one the tagger left out before a name.
    let givenNames: Set<String>
    /// Places named after a place noun ("بلدة الكرمة") that no list knows.
    let headedPlaces = HeadedPlaces()
    /// Airports, ports, bases and palaces named after their noun ("مطار عدن الدولي").
    let facilities = Facilities()
    /// Bodies named after a head noun ("وزارة الخدمة المدنية") that no list knows.
    let headedBodies = HeadedBodies()
    /// Companies named in transliteration before a corporate word ("ستيت ستريت كوربوريشن").
    let companyNames = CompanyNames()
    /// Institutions and places named after a person ("مستشفى الملك فهد المركزي").
    let namedAfterPeople = NamedAfterPeople()
    /// Speakers named by a family name no list knows ("وقال كام إن").
    let speakerNames = SpeakerNames()
    let titleHeads: PhraseLexicon
    /// Office titles (`lexicon/titles.tsv`): a person the tagger finds in one's words alone ("خادم الحرمين الشريفين")
    /// is the title, which the title stage gives its holder.
    let titles: PhraseLexicon
    /// Words after a body's head noun: those that show no body is named ("مركز المدينة"), adjectives of names.
    let bodyNameWords: PhraseLexicon
    let bodyHeadKeys: [UInt64: String]

    public init(kb: KnowledgeBase, tagger: NERTagger?) {
        self.kb = kb
        self.tagger = tagger
        matcher = GazetteerMatcher(kb: kb)
        stopNames = PhraseLexicon.resource("lexicon/not_names.tsv")
        attribution = PhraseLexicon.resource("quotes/attribution.tsv")
        honorifics = PhraseLexicon.resource("lexicon/honorifics.tsv")
        lineage = Lineage()
        wawNames = PhraseLexicon.resource("lexicon/waw_names.tsv")
        nameHeads = PhraseLexicon.resource("lexicon/name_heads.tsv")
        bodyHeads = PhraseLexicon.resource("lexicon/body_heads.tsv")
        bodyNameWords = PhraseLexicon.resource("lexicon/body_name_words.tsv")
        bodyHeadKeys = HeadedBodies.headKeys(bodyHeads)
        titleHeads = PhraseLexicon.resource("lexicon/title_heads.tsv")
        titles = PhraseLexicon.resource("lexicon/titles.tsv")
        givenNames = Set(((try? ResourceStore.rows("ner/first_names.txt")) ?? []).compactMap { $0.first.map(TitleStage.foldingAlef) })
            .union(TitleStage.articleGivenNames)
        chainStops = PhraseLexicon(rows: ((try? ResourceStore.rows("text/unit_stopwords.tsv")) ?? [])
                                       + ((try? ResourceStore.rows("lexicon/title_barriers.tsv")) ?? []))
    }

    public func process(_ doc: inout Document) {
        var mentions: [EntityMention] = []
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for sentence in doc.sentences {
            for m in matcher.matches(in: doc, sentence: sentence) {
                guard let type = EntityType(kbType: m.entity.type) else { continue }
                if isFamilyName(doc, m, type: type) { continue }
                let end = doc.tokens[m.tokens.upperBound - 1].end
                // "الأمير محمد بن سلمان": the name starts after the honorific (which stays covered).
                var start = m.start, tokens = m.tokens
                if type == .person, let h = honorifics.match(doc.tokens, at: m.tokens.lowerBound, limit: m.tokens.upperBound),
                   h.tokens.upperBound < m.tokens.upperBound {
                    tokens = h.tokens.upperBound..<m.tokens.upperBound
                    start = doc.tokens[tokens.lowerBound].start
                }
                mentions.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: type,
                                              ref: .kb(m.entity.id), origin: .gazetteer, tokens: tokens,
                                              reason: "alias of \(m.entity.labelEn)"))
                for t in m.tokens { covered[t] = true }
            }
        }
        // Before the tagger, which reads a transliterated company's words as a person ("مورجان ستانلي").
        companyNames.mentions(doc, &mentions, stops: chainStops, kb: kb, tagger: tagger, covered: &covered)
        mentions = bodiesInLists(doc, mentions)
        var personTags: [Int: Int] = [:]   // token → the tagger's person span it is in
        if let tagger {
            var spans: [(range: Range<Int>, type: String)] = []
            // The whole article at once: a name tagged in one sentence is tagged where it recurs.
            let tagged = tagger.tag(document: doc.sentences.map { sentence in
                sentence.map { doc.string(doc.tokens[$0].start, doc.tokens[$0].end) }
            })
            for (sentence, tags) in zip(doc.sentences, tagged) {
                for span in Self.spans(tags) {
                    spans.append(((span.range.lowerBound + sentence.lowerBound)..<(span.range.upperBound + sentence.lowerBound), span.type))
                }
            }
            // The knowledge base's entries the article names by a listed name of several words ("تنظيم القاعدة"،
            // "حسني مبارك"): a tagged word that is one of their names too is theirs, common word or not.
            let namedInFull = Set(mentions.compactMap { $0.tokens.count >= 2 ? $0.ref.kbId : nil })
            // The family names of the people it names so ("حسني مبارك"): "أطاحت بمبارك" is ب and the name.
            let familyNames = Set(mentions.compactMap { $0.type == .person && $0.tokens.count >= 2 ? doc.tokens[$0.tokens.upperBound - 1].norm : nil })
            // Names as the article writes them without a clitic, to tell "وبوتين" (و + name) from "واشنطن".
            let knownNames = Set(spans.map { s in s.range.map { doc.tokens[$0].norm }.joined(separator: " ") })
            for (n, span) in spans.enumerated() where span.type.hasPrefix("PER") { for t in span.range { personTags[t] = n } }
            for span in spans where !span.range.contains(where: { covered[$0] }) {
                // "على لسان خامنئي" (على read as the name علي): a phrase of attribution opening the span is not the name.
                var range = span.range
                if let a = attribution.match(doc.tokens, at: range.lowerBound, limit: range.upperBound), a.tokens.upperBound < range.upperBound {
                    range = a.tokens.upperBound..<range.upperBound
                }
                // A person tagged in a title's words alone ("خادم الحرمين"، "خادم الحرمين الشريفين"): no name.
                if span.type.hasPrefix("PER"), let title = titles.match(doc.tokens, at: range.lowerBound),
                   title.tokens.upperBound >= range.upperBound { continue }
                if span.type.hasPrefix("PER"), opensWithVerb(doc, range) { continue }
                if let m = taggedMention(doc, range, span.type, knownNames: knownNames.union(familyNames), namedInFull: namedInFull) {
                    mentions.append(m)
                    for t in range { covered[t] = true }
                }
            }
        }
        mentions = bodiesWithState(doc, mentions, covered: &covered)
        mentions = withFamilyNisbas(doc, mentions, covered: &covered)
        mentions = kunyaNames(doc, mentions, covered: &covered)
        mentions = placesInLists(doc, mentions, covered: &covered)
        mentions += headedPlaces.mentions(doc, kb: kb, stopNames: stopNames, tagger: tagger, givenNames: givenNames, covered: &covered)
        headedBodies.mentions(doc, &mentions, headKeys: bodyHeadKeys, stops: chainStops, words: bodyNameWords, kb: kb, covered: &covered,
                              latentPlaces: placesAfterB(doc, covered: covered))
        mentions.sort { $0.start < $1.start }
        mentions = withGivenName(doc, mentions, covered: &covered)
        var nested: [EntityMention] = []
        mentions = withNationality(doc, mentions, covered: &covered, nested: &nested)
        mentions = withMiddleNames(doc, mentions, covered: &covered)
        mentions = joinLineage(doc, mentions, personTags: personTags, covered: &covered)
        namedAfterPeople.mentions(doc, &mentions, honorifics: honorifics, covered: &covered)
        mentions.sort { $0.start < $1.start }
        speakerNames.mentions(doc, &mentions, tagger: tagger, kb: kb, stopNames: stopNames, titleHeads: titleHeads,
                                  givenNames: givenNames, covered: &covered)
        mentions = withoutPlacesNamingPeople(doc, mentions, covered: &covered)
        let bracketed = linkBracketedNames(doc, partialNames.link(doc, mentions, covered: &covered), covered: &covered)
        let shortened = linkShortenedBodies(doc, bracketed, covered: &covered)
        doc.mentions = relinkBareAliases(doc, linkHeadAnaphors(doc, linkShortBodies(doc, shortened, covered: &covered), covered: &covered))
        doc.nestedMentions = nested + nestedMentions(doc)
        // A place of the knowledge base wins over a month word with no day or year beside it: "مدينة إب" is not
        // the month آب. A body's name wins over any date inside it: "قوى 14 آذار" is no date.
        let places = doc.mentions.filter { m in
            if case .kb = m.ref { return m.type == .gpe || m.type == .loc || m.type == .org }
            return false
        }
        if !places.isEmpty {
            doc.dates.removeAll { d in
                places.contains { $0.start <= d.start && d.end <= $0.end
                    && ($0.type == .org ? $0.tokens.count >= 2 : d.kind == "month" && d.basis != .absolute) }
            }
        }
    }

    /// A body's one-word name written with the article right after a given name ("عبدالخالق الحوثي"، "يحيى الحوثي"):
    /// a person's family name, left to the tagger. Only a nisba is read so: a family name is one, and a given name
    /// that is also a verb ("صادق الكنيست على القانون": approved) stands before any other body's name.
    func isFamilyName(_ doc: Document, _ m: GazetteerMatcher.Match, type: EntityType) -> Bool {
        guard type == .org, m.tokens.count == 1, m.tokens.lowerBound > 0, doc.tokens[m.tokens.lowerBound].norm.hasPrefix("ال"),
              doc.tokens[m.tokens.lowerBound].norm.hasSuffix("ي"),
              m.start == doc.tokens[m.tokens.lowerBound].start else { return false }
        let before = doc.tokens[m.tokens.lowerBound - 1]
        return before.kind == .arabic && givenNames.contains(TitleStage.foldingAlef(doc.string(before.start, before.end)))
    }

    /// "صادق الكنيست على ..."، "صادق البرلمان": a sentence opening with a verb that is also a given name, then the verb's
    /// subject with the article. Arabic puts the verb first; the tagger reads the verb, or the pair, as a name.
    func opensWithVerb(_ doc: Document, _ range: Range<Int>) -> Bool {
        guard range.count <= 2, let sentence = doc.sentence(containing: range.lowerBound),
              range.lowerBound == sentence.lowerBound || !doc.tokens[range.lowerBound - 1].isWord,
              range.lowerBound + 1 < sentence.upperBound, doc.tokens[range.lowerBound + 1].norm.hasPrefix("ال") else { return false }
        // A perfect with no pronoun on it, as a sentence opens ("فيصل" is no ف + "يصل").
        return TriggerLemmas.shared.hits(doc.tokens[range.lowerBound].norm).contains { hit in
            hit.reading.tense == .past && hit.reading.enclitic == 0 && hit.rows.contains { $0.count > 1 && $0[1] == "verb" }
        }
    }

    /// "وأدان ليون" after "برناردينو ليون"، "الأحمدي:" above "فايز الأحمدي": a city or region of the knowledge base named
    /// by one word that is the family name of a person the article names in full, written bare and not after a
    /// preposition ("في ليون" is the city), is the person: the place is dropped and the word left to the partial names.
    func withoutPlacesNamingPeople(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        let familyNames = Set(mentions.compactMap { m -> String? in
            guard m.type == .person, m.tokens.count >= 2, lineage.role(doc.tokens[m.tokens.upperBound - 2].norm) == nil else { return nil }
            return KBKeys.variantKey(doc.tokens[m.tokens.upperBound - 1].norm)
        })
        guard !familyNames.isEmpty else { return mentions }
        func bare(_ m: EntityMention) -> Bool {
            let t = m.tokens.lowerBound
            return m.tokens.count == 1 && m.start == doc.tokens[t].start
                && (t == 0 || !(ArgumentFinder.prepositions.contains(doc.tokens[t - 1].norm) || nameHeads.contains(token: doc.tokens[t - 1])))
        }
        // A place the article also names as a place (with a proclitic, after a preposition or a place's head noun:
        // "بمنطقة حائل") stays one: "أمين حائل" read as a name does not make "حائل" a person.
        let places = Set(mentions.compactMap { m in m.type == .gpe && !bare(m) ? m.ref.kbId : nil })
        return mentions.filter { m in
            guard m.type == .gpe, m.origin == .gazetteer, bare(m), let id = m.ref.kbId, !places.contains(id),
                  let kind = kb.entity(id)?.kind, kind == .city || kind == .region,
                  familyNames.contains(KBKeys.variantKey(doc.tokens[m.tokens.lowerBound].norm)) else { return true }
            covered[m.tokens.lowerBound] = false
            return false
        }
    }

    /// A place's name that a body shares, listed by "و" or a comma beside a body of the same kind and state: the
    /// body ("ميلان وإنتر ميلان ويوفنتوس": the clubs; "روما" beside "لاتسيو" is the club, beside "باريس" the city).
    func bodiesInLists(_ doc: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        var byToken: [Int: Int] = [:]
        for (n, m) in mentions.enumerated() { for t in m.tokens { byToken[t] = n } }
        func neighbour(_ m: EntityMention) -> [KBEntity] {
            var out: [KBEntity] = []
            // After it: the next word with "و" glued, or after a comma.
            var next = m.tokens.upperBound
            if next < doc.tokens.count, doc.tokens[next].norm == "،" || doc.tokens[next].norm == "," { next += 1 }
            // Before it: the word before, when the mention carries "و" or follows a comma.
            var before = m.tokens.lowerBound - 1
            if before >= 0, doc.tokens[before].norm == "،" || doc.tokens[before].norm == "," { before -= 1 }
            else if m.start == doc.tokens[m.tokens.lowerBound].start { before = -1 }
            for k in [next, before] where k >= 0 && k < doc.tokens.count {
                guard let n = byToken[k], k == mentions[n].tokens.lowerBound || k == mentions[n].tokens.upperBound - 1,
                      let id = mentions[n].ref.kbId, let e = kb.entity(id), e.type == "ORG" else { continue }
                if k == next, k == m.tokens.upperBound, mentions[n].start == doc.tokens[k].start { continue }   // no "و"
                out.append(e)
            }
            return out
        }
        return mentions.map { m in
            guard m.type == .gpe, m.origin == .gazetteer, let id = m.ref.kbId, let place = kb.entity(id), place.type == "GPE" else { return m }
            let bodies = kb.lookupName(ArabicNormalizer.shared.key(m.text)).filter { $0.type == "ORG" }
            guard !bodies.isEmpty else { return m }
            let beside = neighbour(m)
            guard let body = bodies.first(where: { b in beside.contains { $0.kind == b.kind && $0.country == b.country && $0.id != b.id } })
            else { return m }
            var out = m
            out.type = .org
            out.ref = .kb(body.id)
            out.provenance.add("a body listed beside another of its kind and state")
            return out
        }
    }

    /// BIO tags to typed spans (an I- tag with no open chunk starts one, as conlleval reads it).
    static func spans(_ tags: [String]) -> [(range: Range<Int>, type: String)] {
        var out: [(Range<Int>, String)] = []
        var start: Int?
        var type = ""
        for (i, tag) in tags.enumerated() {
            let parts = tag.split(separator: "-", maxSplits: 1)
            let bio = parts.first.map(String.init) ?? "O"
            let t = parts.count > 1 ? String(parts[1]) : ""
            let begins = bio == "B" || (bio == "I" && (start == nil || t != type))
            if let s = start, bio == "O" || begins { out.append((s..<i, type)); start = nil }
            if begins { start = i; type = t }
        }
        if let s = start { out.append((s..<tags.count, type)) }
        return out
    }

    /// A mention for a tagged span, linked to the knowledge base when its name (proclitics stripped) is there.
    func taggedMention(_ doc: Document, _ range: Range<Int>, _ tag: String, knownNames: Set<String>,
                       namedInFull: Set<String> = []) -> EntityMention? {
        let type: EntityType
        switch tag {
        case "PERS", "PER", "PERSON": type = .person
        case "LOC", "GPE": type = .gpe
        case "ORG": type = .org
        default: return nil
        }
        let first = doc.tokens[range.lowerBound]
        let tail = doc.tokens[(range.lowerBound + 1)..<range.upperBound].map(\.norm).joined(separator: " ")
        guard range.allSatisfy({ doc.tokens[$0].isWord }) else { return nil }
        for (prefix, stem) in Proclitics.candidates(first) {
            // A preposition glued to a two-letter stem is too weak ("باب" is not ب + إب); the conjunction is not ("وإب").
            if prefix > 0 && tail.isEmpty && stem.unicodeScalars.count < 3 && !first.norm.hasPrefix("و") { continue }
            let key = tail.isEmpty ? stem : stem + " " + tail
            // "أبي بكر البغدادي"، "أبا مالك": a kunya in the genitive or accusative is the name "أبو ...".
            var found = kb.lookupName(key)
            if found.isEmpty, let folded = Self.nominativeKunya(key) { found = kb.lookupName(folded) }
            if let entity = matcher.best(found), let kbType = EntityType(kbType: entity.type),
               // A common word ("القاعدة" the base, "روحاني" spiritual) names a person or a body only when the tagger
               // says so: "مدينة القاعدة" is a town (with or without its article: "قاعدة"); or when the article names
               // the entry in full ("تنظيم القاعدة" ... "زعماء القاعدة الذين"، "حسني مبارك" ... "أطاحت بمبارك").
               kbType == type && namedInFull.contains(entity.id) || !((kbType == .person || kbType == .org)
                 && (kb.isCommonWord(key) || kb.isCommonWord(KBKeys.variantKey(key)) || kb.isCommonWord(KBKeys.toggledArticle(key)))
                 // ... and not before a word with the article, an adjective or a relative ("القاعدة التربوية"، "القاعدة التي").
                 && (kbType != type || (range.upperBound < doc.tokens.count && doc.tokens[range.upperBound].kind == .arabic
                                        && doc.tokens[range.upperBound].norm.hasPrefix("ال")))) {
                let start = Proclitics.originalOffset(in: doc.text, token: first, afterNormalized: prefix)
                let end = doc.tokens[range.upperBound - 1].end
                return EntityMention(start: start, end: end, text: doc.string(start, end), type: kbType,
                                     ref: .kb(entity.id), origin: .gazetteer, tokens: range,
                                     reason: "tagged \(tag); its name is an alias of \(entity.labelEn)")
            }
        }
        // A nationality adjective ("الكورية الشمالية") is not a name.
        let whole = ([first.norm] + doc.tokens[(range.lowerBound + 1)..<range.upperBound].map(\.norm)).joined(separator: " ")
        if kb.country(forNationality: whole) != nil { return nil }
        // A new name. A conjunction or preposition glued to the first word is not part of it, but names may
        // begin with those letters (واشنطن، بكين): strip only when the article names it without them too.
        var prefix = 0
        var stem = first.norm
        if let c = Proclitics.candidates(first).dropFirst().first(where: { $0.prefix == 1 }),
           knownNames.contains(tail.isEmpty ? c.stem : c.stem + " " + tail) {
            prefix = 1; stem = c.stem
        } else if let c = Self.glued(first.norm, type: type, words: range.count, waw: wawNames) {
            prefix = c.prefix; stem = c.stem
        } else if type == .org, range.count >= 2, let c = Proclitics.candidates(first).dropFirst().first(where: { c in
            // "لبنك ناتيكسيس"، "وشركة وود ماكينزي": a preposition or conjunction before a body's head noun.
            c.prefix == 1 && nameHeads.entries[c.stem]?.first == "ORG"
        }) {
            prefix = 1; stem = c.stem
        }
        let key = tail.isEmpty ? stem : stem + " " + tail
        if range.count == 1 && (stopNames.entries[key] != nil || key.unicodeScalars.count < 3) { return nil }
        let start = Proclitics.originalOffset(in: doc.text, token: first, afterNormalized: prefix)
        let end = doc.tokens[range.upperBound - 1].end
        // One name for "أبي مالك الشامي" and "أبو مالك الشامي"; one body for "حزب كومينتانج" and "كومينتانج" (a head
        // noun of lexicon/name_heads.tsv before a body's name is not part of its key).
        var nameKey = type == .person ? Self.nominativeKunya(key) ?? key : key
        // Not when only adjectives follow the head: "البنك المركزي" and "المصرف المركزي" name two bodies, not "المركزي".
        let adjectivesOnly = doc.tokens[(range.lowerBound + 1)..<range.upperBound].allSatisfy { t in
            t.norm.hasPrefix("ال") && (t.norm.hasSuffix("ي") || t.norm.hasSuffix("يه"))
        }
        if type == .org, range.count >= 2, !adjectivesOnly,
           nameHeads.entries[stem]?.first == "ORG" || nameHeads.entries[KBKeys.toggledArticle(stem)]?.first == "ORG" {
            nameKey = tail
        }
        return EntityMention(start: start, end: end, text: doc.string(start, end), type: type,
                             ref: .name(type, KBKeys.variantKey(nameKey)), origin: .tagger, tokens: range,
                             reason: "tagged \(tag), not in the knowledge base")
    }

    /// The key with a first word "أبي"/"أبا" read as "أبو" (names only: "أبي" alone is "my father"), nil otherwise.
    static func nominativeKunya(_ key: String) -> String? {
        // Compared as UTF-8 bytes: this runs on every candidate of the partial-name scan, and splitting and hashing
        // Arabic `String`s there cost 5 % of a whole analysis.
        let bytes = key.utf8
        for prefix in obliqueKunyaPrefixes where bytes.count > prefix.count && bytes.starts(with: prefix) {
            return nominativeKunyaKey + " " + String(decoding: bytes.dropFirst(prefix.count), as: UTF8.self)
        }
        return nil
    }
    /// A word's form with what `KBKeys.variantKey` may change in a key's first word folded on both sides (غ as ج,
    /// تش as ش, a final hamza, leading articles), hashed; nil for a word that variantKey would split (a dash).
    static func headForm(_ word: String) -> UInt64? {
        // In a buffer on the stack: this runs for every word of the partial-name scan.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: word.utf8.count) { out -> UInt64? in
            var n = 0
            for s in word.unicodeScalars {
                var v = s.value
                switch v {
                case 0x063A: v = 0x062C                                       // غ → ج
                case 0x2D, 0x5F, 0x2010, 0x2011, 0x2013, 0x20: return nil      // - _ ‐ ‑ – and space
                default: break
                }
                if v == 0x0634, n > 0, out[n - 1] == 0x062A { n -= 1 }         // تش → ش
                out[n] = v; n += 1
            }
            if n > 0, out[n - 1] == 0x0621 { n -= 1 }                          // a final ء
            var start = 0
            while n - start > 2, out[start] == 0x0627, out[start + 1] == 0x0644 { start += 2 }   // ال
            var h = TokenKey.seed
            for k in start..<n { h = TokenKey.mix(h, out[k]) }
            return h
        }
    }

    static let obliqueKunyas: Set<String> = Set(["أبي", "أبا"].map { ArabicNormalizer.shared.key($0) })
    static let obliqueKunyaPrefixes: [[UInt8]] = obliqueKunyas.map { Array(($0 + " ").utf8) }
    static let nominativeKunyaKey = ArabicNormalizer.shared.key("أبو")

    static let kunyas: Set<String> = Set(["أبو", "أبي", "أبا", "أم", "ابن"].map { ArabicNormalizer.shared.key($0) })

    /// A conjunction or preposition glued to the first word of a tagged name, told by the word after it (issue note
    /// 11: a mention never keeps و، ب، ل): before the article ("والمصرف المركزي"، "بمعهد" is not, "للأكراد" is), and
    /// "و" before the first of two or more words of a person's name unless the word is a name beginning with و
    /// ("وخالد العيسى" but "وعد حكمت", `lexicon/waw_names.tsv`).
    static func glued(_ word: String, type: EntityType, words: Int, waw: PhraseLexicon) -> (prefix: Int, stem: String)? {
        for c in Proclitics.candidates(word).dropFirst() where c.stem.unicodeScalars.count >= 3 {
            if c.stem.hasPrefix("ال") && c.stem.unicodeScalars.count >= 5 { return (c.prefix, c.stem) }
            // A given name that reads as the article ("واليغ ازيروف"، "وأليسا ...") is one too.
            if type == .person, words >= 2, c.prefix == 1, word.hasPrefix("و"), waw.entries[word] == nil,
               !c.stem.hasPrefix("ال") || TitleStage.articleGivenNames.contains(c.stem) { return (c.prefix, c.stem) }
            // "بأبي مالك"، "لأم آدم": a kunya after a preposition.
            if type == .person, words >= 2, c.prefix == 1, kunyas.contains(c.stem) { return (c.prefix, c.stem) }
        }
        return nil
    }

    /// A given name right before a name the tagger found, as written (no clitic), that the tagger left out ("الرقيب
    /// أول سيف يوسف أحمد الفلاسي" tagged from "يوسف"): the name starts there. Not a word of `lexicon/not_names.tsv`
    /// ("بأن" is no "بان"). Right after a form of address (`address` in lexicon/title_heads.tsv: "الدكتور"، "المهندس"،
    /// "العقيد") any word without the article is the given name, listed or not ("الدكتور مطر حامد النيادي"، "الدكتور
    /// مساعد العيبان": a common word as a name), unless it completes the rank (`not_names.tsv`: "الفريق أول").
    func withGivenName(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        mentions.map { m in
            guard m.type == .person, m.origin == .tagger, m.tokens.lowerBound > 0 else { return m }
            let k = m.tokens.lowerBound - 1
            let t = doc.tokens[k]
            guard t.kind == .arabic, !covered[k], doc.tokens[m.tokens.lowerBound].start == m.start,
                  t.end < m.start, doc.text[t.end].value == 0x20, stopNames.entries[t.norm] == nil,
                  // "الآن" (now) is no "ألان" (Alan): a madda stays what it is.
                  !(t.start..<t.end).contains(where: { doc.text[$0].value == 0x0622 }),
                  givenNames.contains(TitleStage.foldingAlef(doc.string(t.start, t.end)))
                    || (k > 0 && !t.norm.hasPrefix("ال") && isAddress(doc, k - 1))
            else { return m }
            var out = m
            out.start = t.start
            out.tokens = k..<m.tokens.upperBound
            out.text = doc.string(out.start, out.end)
            if case .name = m.ref { out.ref = .name(.person, KBKeys.variantKey(ArabicNormalizer.shared.key(out.text))) }
            covered[k] = true
            return out
        }
    }

    /// A form of address at `a` (`address` in lexicon/title_heads.tsv), not a family name after a given name
    /// ("لماجد المهندس كلمات ...": the singer Majid al-Muhandis).
    func isAddress(_ doc: Document, _ a: Int) -> Bool {
        guard titleHeads.values(token: doc.tokens[a])?.first == "address" else { return false }
        guard a > 0, doc.tokens[a - 1].kind == .arabic else { return true }
        return !Proclitics.candidates(doc.tokens[a - 1]).contains { givenNames.contains(TitleStage.foldingAlef($0.stem)) }
    }

    /// Single words and word pairs that repeat the first or last part of a person named in full in the article
    /// become mentions of that person; tagger mentions that do so are relinked to the full name.
    /// A known person's family name written with the given name and a middle name the knowledge base does not
    /// list ("رمضان أحمد قاديروف" for the alias "رمضان قاديروف"): the mention takes in both words.
    func withMiddleNames(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        mentions.map { m in
            guard m.type == .person, case .kb(let id) = m.ref, m.tokens.count == 1, m.tokens.lowerBound >= 2,
                  let person = kb.entity(id) else { return m }
            let given = m.tokens.lowerBound - 2, middle = m.tokens.lowerBound - 1
            guard doc.tokens[given].isWord, doc.tokens[middle].isWord, !covered[given], !covered[middle],
                  // "على لسان خامنئي" is no "علي ... خامنئي": a phrase of attribution or a word that is never a name.
                  attribution.match(doc.tokens, at: given, limit: m.tokens.lowerBound) == nil,
                  stopNames.entries[doc.tokens[middle].norm] == nil else { return m }
            let family = KBKeys.variantKey(doc.tokens[m.tokens.lowerBound].norm)
            let written = KBKeys.variantKey(doc.tokens[given].norm)
            let known = person.aliases.contains { alias in
                let words = ArabicNormalizer.shared.key(alias).split(separator: " ").map { KBKeys.variantKey(String($0)) }
                return words.count == 2 && words[0] == written && words[1] == family
            }
            guard known else { return m }
            var extended = m
            extended.start = doc.tokens[given].start
            extended.tokens = given..<m.tokens.upperBound
            extended.text = doc.string(extended.start, extended.end)
            covered[given] = true
            covered[middle] = true
            return extended
        }
    }
}
