/// Nested forms of a name (issue 15): the press writes an entity with or without the common noun before its
/// name ("تنظيم داعش" / "داعش"، "محافظة الأنبار" / "الأنبار"، "دولة الإمارات" / "الإمارات"), and a body's name may
/// hold a state's ("تحالف دعم الشرعية في اليمن"). Each mention found gets the other forms as nested mentions:
/// - an alias that begins with a head noun (`lexicon/name_heads.tsv`) whose rest is an alias of the same entity:
///   the rest, the same entity;
/// - a head noun right before a mention of its type, outside every other mention: the head and the name, the same
///   entity;
/// - a country of the knowledge base named inside a body's name (after its first word): that country.
/// Nested mentions are listed with the entity's mentions only; the stages after the entity stage (titles, quotes,
/// events) never see them, so no nested form is a participant or a speaker.
extension EntityStage {
    func nestedMentions(_ doc: Document) -> [EntityMention] {
        var owner = [Int?](repeating: nil, count: doc.tokens.count)
        for (k, m) in doc.mentions.enumerated() { for t in m.tokens { owner[t] = k } }
        var out: [EntityMention] = []
        func headType(_ token: Token) -> (type: String, prefix: Int)? {
            guard token.kind == .arabic else { return nil }
            for (prefix, stem) in Proclitics.candidates(token) {
                for word in [stem, KBKeys.toggledArticle(stem)] {
                    if let v = nameHeads.entries[word]?.first { return (v, prefix) }
                }
            }
            return nil
        }
        func typeName(_ t: EntityType) -> String { t == .org ? "ORG" : "GPE" }
        for m in doc.mentions where m.type == .org || m.type == .gpe {
            if m.type == .org, m.origin == .tagger, let rest = nameAfterHead(doc, m, headType: headType) {
                let start = doc.tokens[rest.lowerBound].start, end = doc.tokens[rest.upperBound - 1].end
                out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .org, ref: m.ref,
                                         origin: m.origin, tokens: rest, reason: "the name without its head noun"))
            }
            // The head noun before the mention.
            let before = m.tokens.lowerBound - 1
            if m.ref.kbId != nil, before >= 0, owner[before] == nil, let h = headType(doc.tokens[before]), h.type == typeName(m.type),
               !(m.tokens.count >= 2 && headType(doc.tokens[m.tokens.lowerBound]) != nil) {
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[before], afterNormalized: h.prefix)
                out.append(EntityMention(start: start, end: m.end, text: doc.string(start, m.end), type: m.type, ref: m.ref,
                                         origin: m.origin, tokens: before..<m.tokens.upperBound, reason: "the name with its head noun"))
            }
            guard case .kb(let id) = m.ref else { continue }
            // The rest after a head noun that the alias begins with.
            if m.tokens.count >= 2, let h = headType(doc.tokens[m.tokens.lowerBound]), h.type == typeName(m.type) {
                let rest = (m.tokens.lowerBound + 1)..<m.tokens.upperBound
                let key = rest.map { doc.tokens[$0].norm }.joined(separator: " ")
                if kb.lookupName(key).contains(where: { $0.id == id }) {
                    let start = doc.tokens[rest.lowerBound].start
                    out.append(EntityMention(start: start, end: m.end, text: doc.string(start, m.end), type: m.type, ref: m.ref,
                                             origin: m.origin, tokens: rest, reason: "the name without its head noun"))
                }
            }
            // A country inside a body's name.
            if m.type == .org, m.tokens.count >= 3 {
                let inner = (m.tokens.lowerBound + 1)..<m.tokens.upperBound
                for found in matcher.matches(in: doc, sentence: inner) where found.entity.kind == .country {
                    let end = doc.tokens[found.tokens.upperBound - 1].end
                    out.append(EntityMention(start: found.start, end: end, text: doc.string(found.start, end), type: .gpe,
                                             ref: .kb(found.entity.id), origin: .gazetteer, tokens: found.tokens,
                                             reason: "a state named inside a body's name"))
                }
            }
        }
        out += bodiesOfPlaces(doc, owner: owner)
        out += facilities.mentions(doc, mentions: doc.mentions, places: headedPlaces, kb: kb, stopNames: stopNames,
                                   honorifics: honorifics, tagger: tagger, givenNames: givenNames)
        return out
    }

    /// The name inside a new body's mention that begins with a head noun ("بنك ناتيكسيس الفرنسي"، "شبكة فوكس بيزنس"):
    /// the words after the noun, without adjectives with the article after them. The first is no word with the
    /// article and no word the tagger's corpus saw often outside names ("شركة الاتصالات"، "بنك التنمية" name
    /// nothing without their head).
    func nameAfterHead(_ doc: Document, _ m: EntityMention,
                       headType: (Token) -> (type: String, prefix: Int)?) -> Range<Int>? {
        guard m.tokens.count >= 2, headType(doc.tokens[m.tokens.lowerBound])?.type == "ORG" else { return nil }
        var end = m.tokens.upperBound
        while end > m.tokens.lowerBound + 2 {
            let w = doc.tokens[end - 1].norm
            guard w.hasPrefix("ال"), w.hasSuffix("ي") || w.hasSuffix("يه") else { break }
            end -= 1
        }
        // The head in construct state: "المنظمة زكي حسنين" is a body and a person beside it.
        guard !doc.tokens[m.tokens.lowerBound].norm.hasPrefix("ال") else { return nil }
        let first = doc.tokens[m.tokens.lowerBound + 1]
        guard first.kind == .arabic, !first.norm.hasPrefix("ال"), stopNames.entries[first.norm] == nil else { return nil }
        // An indefinite adjective describes the body: "منظمة ثورية أرمنية"، "منظمة أمن دولية"، "حزب سيادي".
        let words = (m.tokens.lowerBound + 1)..<end
        if words.contains(where: { k in !doc.tokens[k].norm.hasPrefix("ال") && doc.tokens[k].norm.hasSuffix("ه") })
            || (words.count == 1 && first.norm.hasSuffix("ي")) { return nil }
        if let tagger {
            let use = tagger.trainingUse(of: first.norm)
            if use.seen >= 3 && 2 * use.names < use.seen { return nil }
        }
        return words
    }

    /// A body named by a head noun in construct state, up to two more nouns and a place of the knowledge base, with
    /// adjectives after it ("مجلس شيوخ عشائر الأنبار"، "مستشفى الفلوجة التعليمي"): an organisation around the place's
    /// mention (`lexicon/body_heads.tsv`). The words of the chain have no article and are no function words.
    func bodiesOfPlaces(_ doc: Document, owner: [Int?]) -> [EntityMention] {
        var out: [EntityMention] = []
        for m in doc.mentions where m.type == .gpe && m.ref.kbId != nil {
            guard let sentence = doc.sentence(containing: m.tokens.lowerBound) else { continue }
            var head: (index: Int, prefix: Int, stem: String)?
            var k = m.tokens.lowerBound - 1
            while k >= sentence.lowerBound, m.tokens.lowerBound - k <= 3, owner[k] == nil {
                let t = doc.tokens[k]
                guard t.kind == .arabic else { break }
                if let c = Proclitics.candidates(t).first(where: { bodyHeads.entries[$0.stem] != nil }) {
                    // In construct state the head has no article ("الجيش والشرطة لتطهير منطقة ..." names no body).
                    if t.norm.unicodeScalars.prefix(c.prefix).suffix(2).elementsEqual("ال".unicodeScalars) { break }
                    head = (k, c.prefix, c.stem); break
                }
                // A preposition glued to an article or a place noun ("للمنطقة"، "ببلدة") ends the chain.
                let glued = Proclitics.candidates(t).dropFirst().contains { c in
                    c.stem.hasPrefix("ال") || matcher.placeHeads.entries[c.stem] != nil
                }
                guard !t.norm.hasPrefix("ال"), !glued, t.norm.unicodeScalars.count >= 3, chainStops.entries[t.norm] == nil else { break }
                k -= 1
            }
            // A state institution's head is the title stage's, but for one in construct state before a place below
            // a state: "شرطة محافظة المثنى"، "شرطة منطقة القصيم" are the province's police, no state's.
            guard let h = head, Institutions.shared.heads.entries[h.stem].map({ $0.last == "construct" && kb.entity(m.ref.kbId ?? "")?.kind != .country }) ?? true
            else { continue }
            // The place in construct state: no preposition glued to it ("مكتب بطهران"), no nationality adjective of
            // the same spelling ("شركة السعودية"), and a state only after a noun of the chain ("محكمة استئناف مصر",
            // not "قيادة المملكة").
            let place = doc.tokens[m.tokens.lowerBound]
            guard m.start == place.start,
                  kb.country(forNationality: m.tokens.map { doc.tokens[$0].norm }.joined(separator: " ")) == nil,
                  kb.entity(m.ref.kbId ?? "")?.kind != .country || m.tokens.lowerBound - h.index >= 2 else { continue }
            // Adjectives after the place: words with the article ending in ي or ية ("التعليمي"، "المركزية").
            var end = m.tokens.upperBound
            while end < sentence.upperBound, end - m.tokens.upperBound < 2, owner[end] == nil, doc.tokens[end].kind == .arabic {
                let w = doc.tokens[end].norm
                guard w.hasPrefix("ال"), w.unicodeScalars.count > 4, w.hasSuffix("ي") || w.hasSuffix("يه"),
                      chainStops.entries[w] == nil, kb.country(forNationality: w) == nil else { break }
                end += 1
            }
            let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[h.index], afterNormalized: h.prefix)
            let stop = doc.tokens[end - 1].end
            let text = doc.string(start, stop)
            out.append(EntityMention(start: start, end: stop, text: text, type: .org,
                                     ref: .name(.org, KBKeys.variantKey(ArabicNormalizer.shared.key(text))), origin: .tagger,
                                     tokens: h.index..<end, reason: "a body named after a place"))
        }
        return out
    }
}

extension EntityStage {
    /// A body of the knowledge base followed by its own state's nationality adjective is named with it ("مكتب التحقيقات
    /// الفيدرالي الأميركي"، "حزب القوات اللبنانية"): the mention takes in the adjective (one to three words). Another
    /// state's adjective is no part of the name. The name without the adjective stays a nested mention (`nested`).
    func withNationality(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool],
                         nested: inout [EntityMention]) -> [EntityMention] {
        var out = mentions
        var taken: [Range<Int>] = []
        for k in out.indices {
            let m = out[k]
            guard m.type == .org, case .kb(let id) = m.ref, let entity = kb.entity(id), let country = entity.country,
                  let sentence = doc.sentence(containing: m.tokens.lowerBound) else { continue }
            let after = m.tokens.upperBound
            var end: Int?
            for len in stride(from: 3, through: 1, by: -1) where after + len <= sentence.upperBound {
                let words = doc.tokens[after..<(after + len)]
                guard words.allSatisfy({ $0.kind == .arabic }) else { continue }
                if kb.country(forNationality: words.map(\.norm).joined(separator: " ")) == country { end = after + len; break }
            }
            guard let e = end else { continue }
            nested.append(m)
            out[k].tokens = m.tokens.lowerBound..<e
            out[k].end = doc.tokens[e - 1].end
            out[k].text = doc.string(m.start, out[k].end)
            out[k].provenance.add("with its state's nationality adjective")
            for t in after..<e { covered[t] = true }
            taken.append(after..<e)
        }
        // The words the adjective took are no mention of their own.
        return out.filter { m in !taken.contains { $0.lowerBound <= m.tokens.lowerBound && m.tokens.upperBound <= $0.upperBound } }
    }
}

extension EntityStage {
    /// A body named in full earlier in the article and then by its first word alone ("المقاومة الشعبية" ... "المقاومة"،
    /// "الحرس الثوري" ... "الحرس"; never an outlet's): the word, with the article and no common head noun (`lexicon/name_heads.tsv`,
    /// `lexicon/body_heads.tsv`, the institutions' heads), after the full name, is that body when no other body of the
    /// article begins with it and the word is no name of its own.
    func linkShortBodies(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        var first: [String: (ref: EntityRef?, after: Int)] = [:]
        for m in mentions where m.type == .org && m.tokens.count >= 2 {
            // An outlet's first word is a common noun ("الشرق"، "الشعب"، "القناة").
            guard let id = m.ref.kbId, let kind = kb.entity(id)?.kind, kind != .outlet, kind != .agency else { continue }
            let word = doc.tokens[m.tokens.lowerBound].norm
            guard word.hasPrefix("ال"), word.unicodeScalars.count >= 5, nameHeads.entries[word] == nil,
                  nameHeads.entries[KBKeys.toggledArticle(word)] == nil, bodyHeads.entries[KBKeys.toggledArticle(word)] == nil,
                  Institutions.shared.heads.entries[word] == nil, kb.lookupName(word).isEmpty, !kb.isCommonWord(word),
                  stopNames.entries[word] == nil else { continue }
            if let seen = first[word] {
                if seen.ref != m.ref { first[word] = (nil, seen.after) }
            } else {
                first[word] = (m.ref, m.tokens.upperBound)
            }
        }
        guard !first.isEmpty else { return mentions }
        return Self.linkSingleWords(doc, mentions, covered: &covered, reason: "the first word of a body named in full before") { i, stem in
            guard let found = first[stem], let ref = found.ref, i >= found.after else { return nil }
            return ref
        }
    }

    /// A body named in full earlier in the article (three words or more) and then by its first two, a definite head and
    /// its adjective ("المفوضية العليا للاجئين" ... "المفوضية العليا"، "الهيئة العامة للسياحة" ... "الهيئة العامة"):
    /// that body, when no other body of the article begins with the two words and no word with the article follows.
    func linkShortenedBodies(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        var named: [String: (ref: EntityRef?, after: Int)] = [:]
        for m in mentions where m.type == .org && m.tokens.count >= 3 {
            let head = doc.tokens[m.tokens.lowerBound], adjective = doc.tokens[m.tokens.lowerBound + 1]
            // The second word an adjective of names (a nisba or listed), never a word that shows no name ("المركز الأول").
            let mark = bodyNameWords.entries[adjective.norm]?.first
            guard m.start == head.start, head.norm.hasPrefix("ال"), adjective.norm.hasPrefix("ال"), mark != "not",
                  mark == "adjective" || HeadedBodies.isNisba(adjective.norm) else { continue }
            let key = head.norm + " " + adjective.norm
            // A listed name of its own ("المجلس الوطني") is left to the gazetteer.
            guard kb.lookupName(key).isEmpty else { continue }
            if let seen = named[key] {
                if seen.ref != m.ref { named[key] = (nil, seen.after) }
            } else {
                named[key] = (m.ref, m.tokens.upperBound)
            }
        }
        guard !named.isEmpty else { return mentions }
        var out = mentions
        for sentence in doc.sentences {
            for i in sentence where i + 1 < sentence.upperBound && !covered[i] && !covered[i + 1]
                && doc.tokens[i].kind == .arabic && doc.tokens[i + 1].kind == .arabic {
                if i + 2 < sentence.upperBound, doc.tokens[i + 2].kind == .arabic, doc.tokens[i + 2].norm.hasPrefix("ال") { continue }
                for (prefix, stem) in Proclitics.candidates(doc.tokens[i]) where stem.hasPrefix("ال") {
                    guard let found = named[stem + " " + doc.tokens[i + 1].norm], let ref = found.ref, i >= found.after else { continue }
                    let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[i], afterNormalized: prefix)
                    out.append(EntityMention(start: start, end: doc.tokens[i + 1].end, text: doc.string(start, doc.tokens[i + 1].end),
                                             type: .org, ref: ref, origin: .partialName, tokens: i..<(i + 2),
                                             reason: "the first two words of a body named in full before"))
                    covered[i] = true
                    covered[i + 1] = true
                    break
                }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// A body's short name in brackets right after its full name ("الهيئة الوطنية لمكافحة الفساد (نزاهة)"، "مركز
    /// المعلومات والأبحاث السياحية (ماس)"): that body, there and wherever the article writes the short name again.
    func linkBracketedNames(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        var short: [String: EntityRef] = [:]
        var out = mentions
        // A name of three words or more, and one word in the brackets that is no adjective or common word: two words
        // there, or a shorter name before them, are a description ("شركة المنسوجات (خدمة عملاء)"، "حزب الله (اللبناني)").
        for m in mentions where m.type == .org && m.tokens.count >= 3 {
            let open = m.tokens.upperBound, word = open + 1
            guard word + 1 < doc.tokens.count, doc.tokens[open].norm == "(", doc.tokens[word + 1].norm == ")",
                  doc.tokens[word].kind == .arabic, !covered[word] else { continue }
            let w = doc.tokens[word].norm
            guard w.unicodeScalars.count >= 3, chainStops.entries[w] == nil, !kb.isCommonWord(w), !HeadedBodies.isNisba(w),
                  !(w.hasPrefix("ال") && w.hasSuffix("ه")) else { continue }
            let inner = word..<(word + 1)
            let start = doc.tokens[inner.lowerBound].start, end = doc.tokens[inner.upperBound - 1].end
            out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .org, ref: m.ref,
                                     origin: .partialName, tokens: inner, reason: "a body's short name in brackets after its name"))
            for t in inner { covered[t] = true }
            short[w] = m.ref
        }
        guard !short.isEmpty else { return out.sorted { $0.start < $1.start } }
        // The tagger's reading of the short name elsewhere ("وقالت ساسو" tagged a person) gives way to the body.
        for k in out.indices where out[k].origin == .tagger && out[k].tokens.count == 1 {
            guard let ref = short[doc.tokens[out[k].tokens.lowerBound].norm] else { continue }
            out[k].type = .org
            out[k].ref = ref
            out[k].origin = .partialName
            out[k].provenance.add("a body's short name given in brackets")
        }
        return Self.linkSingleWords(doc, out, covered: &covered, reason: "a body's short name given in brackets") { _, stem in short[stem] }
    }

    /// Adds a mention for each free word (proclitics allowed) that `resolve` reads as a body named before, when the
    /// word stands alone: not the first of a longer phrase with the article ("المقاومة الفلسطينية").
    static func linkSingleWords(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool], reason: String,
                                resolve: (Int, String) -> EntityRef?) -> [EntityMention] {
        var out = mentions
        for sentence in doc.sentences {
            for i in sentence where !covered[i] && doc.tokens[i].kind == .arabic {
                if i + 1 < sentence.upperBound, doc.tokens[i + 1].kind == .arabic, doc.tokens[i + 1].norm.hasPrefix("ال") { continue }
                for (prefix, stem) in Proclitics.candidates(doc.tokens[i]) {
                    guard let ref = resolve(i, stem) else { continue }
                    let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[i], afterNormalized: prefix)
                    out.append(EntityMention(start: start, end: doc.tokens[i].end, text: doc.string(start, doc.tokens[i].end),
                                             type: .org, ref: ref, origin: .partialName, tokens: i..<(i + 1), reason: reason))
                    covered[i] = true
                    break
                }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// A body named earlier with a head noun ("تنظيم الدولة الإسلامية"، "لجنة الرقابة على المال العام"، "وزارة الخدمة
    /// المدنية") and then by its head alone with the article ("طرد التنظيم"، "وأشارت اللجنة"، "الوزارة"): that body,
    /// when it is the only one of the article so far with that head (`lexicon/name_heads.tsv`, `lexicon/body_heads.tsv`).
    /// "قوات التحالف الدولي" ... "طائرات التحالف": a one-word alias of a body of the knowledge base (here the Arab
    /// coalition's "التحالف") stands for the one body the article names in full with that word first, when it never
    /// names its own body in full. Iraq's and Syria's news call the international coalition "التحالف" as Yemen's news
    /// call the Arab one.
    func relinkBareAliases(_ doc: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        var fullByFirst: [String: Set<EntityRef>] = [:]
        var namedInFull = Set<EntityRef>()
        for m in mentions where m.type == .org && m.tokens.count >= 2 && m.ref.kbId != nil {
            namedInFull.insert(m.ref)
            // Past a noun of armed men before the name ("قوات التحالف الدولي").
            let start = ArgumentFinder.forceNouns.contains(token: doc.tokens[m.tokens.lowerBound]) ? m.tokens.lowerBound + 1 : m.tokens.lowerBound
            guard start + 1 < m.tokens.upperBound else { continue }
            let first = doc.tokens[start].norm
            if first.hasPrefix("ال") { fullByFirst[first, default: []].insert(m.ref) }
        }
        guard !fullByFirst.isEmpty else { return mentions }
        return mentions.map { m in
            guard m.type == .org, m.ref.kbId != nil, !namedInFull.contains(m.ref), m.start == doc.tokens[m.tokens.upperBound - 1].start
                    || m.tokens.count == 1,
                  let others = fullByFirst[doc.tokens[m.tokens.upperBound - 1].norm], others.count == 1,
                  let other = others.first, other != m.ref else { return m }
            var relinked = m
            relinked.ref = other
            relinked.provenance.add("the one body the article names in full with «\(doc.tokens[m.tokens.upperBound - 1].norm)» first")
            return relinked
        }
    }

    func linkHeadAnaphors(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        // Head (without the article) → the bodies named with it, in order, with where each ends.
        var named: [String: [(ref: EntityRef, after: Int)]] = [:]
        for m in mentions where m.type == .org && m.tokens.count >= 2 {
            var stem = doc.tokens[m.tokens.lowerBound].norm
            if stem.hasPrefix("ال") { stem = KBKeys.toggledArticle(stem) }
            guard nameHeads.entries[stem]?.first == "ORG" || bodyHeads.entries[stem] != nil else { continue }
            if !(named[stem]?.contains { $0.ref == m.ref } ?? false) { named[stem, default: []].append((m.ref, m.tokens.upperBound)) }
        }
        guard !named.isEmpty else { return mentions }
        return Self.linkSingleWords(doc, mentions, covered: &covered, reason: "the head noun of a body named before") { i, stem in
            guard stem.hasPrefix("ال") else { return nil }
            let before = named[KBKeys.toggledArticle(stem)]?.filter { $0.after <= i } ?? []
            return before.count == 1 ? before.first?.ref : nil
        }
    }
}
