/// Finds an event's participants and place in the clause around its trigger.
///
/// Arabic news puts the subject after the verb (VSO: "التقى كيم ...") or before it (SVO: "بوتين وكيم التقيا");
/// a verbal noun takes its actor as the genitive right after it ("زيارة رئيس الكرملين"، "إطلاق كوريا الشمالية")
/// or as the subject of the light verb before it ("أجرى تشوي محادثات"). Entities after "مع" are counterparts;
/// places follow "في", "إلى" or "ب". An event inside an accusation or denial has the accused as its actor. With
/// no subject written, a verb that continues the sentence ("حتى التقى") or a pronoun ("لقاء له") takes the
/// subject of the sentence or of the sentences before. Without an actor there is no event: nothing is guessed.
struct ArgumentFinder {
    let doc: Document
    let kb: KnowledgeBase
    /// Mentions that can take part in events, in text order.
    let actors: [EntityMention]

    let groupWords: PhraseLexicon
    let lightVerbs: PhraseLexicon
    /// Punctuation of a parenthetical that parts no arguments: commas that enclose a date on both sides ("، يوم
    /// الاثنين،"), or a phrase of place or time (and its brackets).
    let parentheticalCommas: Set<Int>
    /// Quote marks right before or after a name ("مع شركة «شل» و«أو إم في»"): no preposition is parted from the name
    /// by them, nor the names joined by "و" to a counterpart after "مع".
    let nameQuotes: Set<Int>
    /// Token where a name starts → first token of the title written right before it.
    let titleBefore: [Int: Int]

    /// Resolves a title noun ("الوزير") to the entity named with it before (`QuoteSpeaker.resolve`).
    let titleResolver: QuoteSpeaker?

    init(doc: Document, kb: KnowledgeBase, groupWords: PhraseLexicon, lightVerbs: PhraseLexicon, speakers: QuoteSpeaker? = nil) {
        self.doc = doc
        self.titleResolver = speakers
        self.kb = kb
        self.groupWords = groupWords
        self.lightVerbs = lightVerbs
        var commas = Set<Int>()
        var k = 0
        for date in doc.dates.sorted(by: { $0.start < $1.start }) {
            while k < doc.tokens.count, doc.tokens[k].start < date.start { k += 1 }
            var last = k
            while last < doc.tokens.count, doc.tokens[last].end <= date.end { last += 1 }
            if k > 0, last < doc.tokens.count, doc.tokens[k - 1].norm == ",", doc.tokens[last].norm == "," {
                commas.insert(k - 1); commas.insert(last)
            }
        }
        // A phrase of place or time set off by commas after a verb's subject ("استقبل X، في قصر السلام بجدة اليوم
        // (الأربعاء)، Y"): its commas, and brackets inside it, do not part the verb from its object.
        let dateStarts = Set(doc.dates.map { doc.firstToken(startingAtOrAfter: $0.start) })
        for k in doc.tokens.indices where doc.tokens[k].norm == "," && k + 2 < doc.tokens.count {
            let opener = doc.tokens[k + 1]
            guard Self.insertOpeners.contains(opener.norm) || dateStarts.contains(k + 1) else { continue }
            var inner: [Int] = []
            var close: Int?
            for j in (k + 2)..<min(k + 12, doc.tokens.count) {
                let t = doc.tokens[j]
                if t.norm == "," { close = j; break }
                if Self.complementizers.contains(t.norm) { break }
                if t.kind == .punct {
                    guard ["(", ")"].contains(t.norm) else { break }
                    inner.append(j)
                }
            }
            guard let close, close + 1 < doc.tokens.count, doc.tokens[close + 1].isWord else { continue }
            commas.insert(k); commas.insert(close); commas.formUnion(inner)
        }
        parentheticalCommas = commas
        // Quote marks right around a name ("مع شركة «شل» و«أو إم في»") are part of how it is written.
        var quotes = Set<Int>()
        for m in doc.mentions {
            for k in [m.tokens.lowerBound - 1, m.tokens.upperBound] where doc.tokens.indices.contains(k) && Self.quoteMarks.contains(doc.tokens[k].norm) {
                quotes.insert(k)
            }
        }
        nameQuotes = quotes
        // Titles right before a name ("وزير الخارجية الروسي" before "سيرجي لافروف"): name token → title's first token.
        var titles: [Int: Int] = [:]
        for role in doc.roles {
            let first = doc.firstToken(endingAfter: role.start)
            let last = doc.firstToken(startingAtOrAfter: role.end)
            if last < doc.tokens.count, first < last { titles[last] = min(titles[last] ?? first, first) }
        }
        // "رئيس النادي الدكتور X": a title ending right where another begins before the name is part of the name's.
        for (last, first) in titles {
            var start = first
            while let earlier = titles[start], earlier < start { start = earlier }
            titles[last] = start
        }
        titleBefore = titles
        // News agencies and outlets are the source of what is told, never its participants ("نقلت وكالة ... عن").
        actors = doc.mentions.filter { m in
            guard m.type == .person || m.type == .gpe || m.type == .org else { return false }
            if let id = m.ref.kbId, let e = kb.entity(id), e.kind.isSource { return false }
            return true
        }
    }

    static func keys(_ words: [String]) -> Set<String> { Set(words.map { ArabicNormalizer.shared.key($0) }) }
    /// With the nouns of place that work as prepositions (`events/near_prepositions.tsv`: "قرب كابول"، "شمال حلب"): a name
    /// after one is where, never who.
    static let prepositions = keys(["مع", "في", "إلى", "ب", "من", "عن", "على", "ضد", "لدى", "داخل", "نحو", "حول", "بين"]
                                   + nearPrepositions)
    static let placePrepositions = keys(["في", "إلى", "داخل", "نحو"] + nearPrepositions)
    static let nearPrepositions = ((try? ResourceStore.rows("events/near_prepositions.tsv")) ?? []).compactMap(\.first)
    static let againstPrepositions = keys(["على", "ضد"])
    /// Words that open a phrase of place or time, or an adverb, set off by commas (with a date: `parentheticalCommas`).
    static let insertOpeners = keys(["في", "خلال", "أمس", "اليوم", "مساء", "صباح", "ظهر", "بمقر", "بقصر",
                                     "بشدة", "أيضا", "كذلك", "مجددا", "رسميا"])
    static let continuations = keys(["حتى", "ثم", "حيث", "كما", "وقد", "قد", "فيما"])
    static let with = ArabicNormalizer.shared.key("مع")
    /// "كل" before "من": "كل من X وY" lists a verb's subjects.
    static let eachWords = keys(["كل", "وكل"])
    static let from = ArabicNormalizer.shared.key("من")
    /// Event types where both sides act alike: a continued subject joins the one named after the verb.
    static let symmetric: Set<EventType> = [.meet, .sign]
    /// Words before a verbal noun that make it an adverbial ("خلال محادثات"): its actor is the sentence's subject.
    static let during = keys(["خلال", "أثناء", "عقب", "إثر", "لدى", "في"])
    /// "بعد"، "قبل": adverbial only before a noun with a possessive pronoun ("بعد اجتماعه مع X، قال Y"), never
    /// before a bare one ("قال X بعد الهجوم على ...": X did not attack).
    static let around = keys(["بعد", "قبل"])
    static let topicPrepositions = keys(["في", "عن", "حول", "بشأن"])
    /// Nouns of inquiry and talk (`events/topic_nouns.tsv`): an event noun after one and a preposition is a topic.
    static let topicNouns = PhraseLexicon.resource("events/topic_nouns.tsv")
    /// Nouns of a statement (`events/statement_nouns.tsv`): "في بيان أصدره Y": Y is not governed by "في".
    static let statementNouns = PhraseLexicon.resource("events/statement_nouns.tsv")
    /// Words that open a new clause ("حيث"، "بينما"، "إن": `events/clause_openers.tsv`).
    static let clauseOpeners = PhraseLexicon.resource("events/clause_openers.tsv")
    static let relativePronouns = keys(["الذي", "التي", "اللذين", "اللذان", "اللتين", "اللتان", "الذين", "اللاتي"])
    /// A relative pronoun, with or without "و" on it ("والذي أقره").
    static func isRelativePronoun(_ word: String) -> Bool {
        relativePronouns.contains(word) || (word.hasPrefix("و") && relativePronouns.contains(String(word.dropFirst())))
    }
    static let pronounsAfter = keys(["له", "لها", "لهما", "لهم", "بينهما", "بينهم"])
    /// "الطائرات التابعة للتحالف": the body a subject belongs to acts through it.
    static let affiliation = keys(["التابعة", "التابع", "التابعين", "التابعون", "الموالية", "الموالي", "الموالين"])
    /// Nouns of vehicles that carry goods (`events/carrier_nouns.tsv`).
    static let carrierNouns = PhraseLexicon.resource("events/carrier_nouns.tsv")
    /// "سفينة تابعة لبرنامج الأغذية": the owner of a carrier.
    static let owned = keys(["تابعة", "تابع", "التابعة", "التابع"])

    /// "نظيره"، "نظراءه"، "نظرائهم": the counterpart of a meeting, named by office.
    static let peerStems = ["نظير", "نظراء", "نظرائ"].map { ArabicNormalizer.shared.key($0) }
    static func isPeerWord(_ norm: String) -> Bool {
        peerStems.contains { norm.hasPrefix($0) }
    }

    /// A name after "التابعة لـ"/"الموالية لـ" ("قصفت الطائرات التابعة للتحالف") or after members and "من"
    /// ("هاجم مسلحون من داعش"): the subject's owner, who acts.
    func isAffiliation(_ m: EntityMention) -> Bool {
        // "القوات الموالية للرئيس السابق X": the "ل" may be on the person's title.
        if let role = titleBefore[m.tokens.lowerBound], role > 0,
           Self.affiliation.contains(doc.tokens[role - 1].norm), titleHasPreposition(m, "ل") { return true }
        let k = m.tokens.lowerBound - 1
        guard k >= 0 else { return false }
        if Self.affiliation.contains(doc.tokens[k].norm) && preposition(before: m) == "ل" { return true }
        return k >= 1 && doc.tokens[k].norm == Self.from && doc.tokens[k - 1].isWord
            && Self.memberNouns.contains(token: doc.tokens[k - 1])
    }

    /// Nouns of members of an armed group or force (`events/member_nouns.tsv`).
    static let memberNouns = PhraseLexicon.resource("events/member_nouns.tsv")

    func mentions(in range: Range<Int>) -> [EntityMention] {
        actors.filter { range.contains($0.tokens.lowerBound) }
    }

    /// The preposition governing a mention: a proclitic ب/ل on its first word, or a preposition word before it
    /// (a title may stand between: "مع وزير الخارجية الروسي سيرجي لافروف").
    func preposition(before m: EntityMention, floor: Int = 0) -> String? {
        let first = doc.tokens[m.tokens.lowerBound]
        if m.start > first.start {
            let glued = ArabicNormalizer.shared.key(doc.string(first.start, m.start))
            if glued.hasSuffix("ب") { return "ب" }
            if glued.hasSuffix("ل") { return "ل" }
        }
        // Only the person's title may stand between a preposition and the name ("مع وزير الخارجية الروسي
        // سيرجي لافروف"): skip the title, then the word before must be the preposition.
        // With a title recognized, the word before it decides; without ("مع نظيره الصيني وانغ يي"), up to six
        // words may stand between, but never a date ("في بيان أمس الخميس قوات ...").
        var k = m.tokens.lowerBound - 1
        var budget = 6
        if let role = titleBefore[m.tokens.lowerBound] { k = role - 1; budget = 0 }
        var skipped = 0
        while k >= floor, k >= 0, nameQuotes.contains(k) { k -= 1 }
        while k >= floor, k >= 0, skipped <= budget, doc.tokens[k].isWord, !isDateToken(k) {
            let word = doc.tokens[k].norm
            // "وأشار إلى أن الحوثيين قصفوا": "أنّ" right before a name opens a clause with that name as its subject, which
            // no preposition before it governs. ("إلى أن تقوم إسرائيل": "أن" before a verb is another matter.)
            if k == m.tokens.lowerBound - 1, Self.complementizers.contains(word) { return nil }
            if Self.prepositions.contains(word) {
                // "ووقع الاتفاقية كل من X وY": "كل من" (each of) opens the subject, no phrase of "من".
                if word == Self.from, k > 0, Self.eachWords.contains(doc.tokens[k - 1].norm) { return nil }
                // "في بيان أصدره Y": a word after the statement noun closes the phrase of the preposition.
                if skipped >= 2, k + 1 < m.tokens.lowerBound, Self.statementNouns.contains(token: doc.tokens[k + 1]) { return nil }
                return word
            }
            if let c = Proclitics.candidates(doc.tokens[k]).dropFirst().first(where: { Self.prepositions.contains($0.stem) }) { return c.stem }
            // "مدعوما بمسلحي المقاومة": "ب" on the armed men's noun governs their owner, who fights on the side of
            // the subject. ("هجوم لمسلحي داعش" keeps its owner: "ل" there is the genitive's.)
            // "بزيارة تفقدية لقوات الحرس الوطني": "ل" there governs the body too (an attack noun still takes it as its
            // doer: `isDoerGenitive`).
            if k == m.tokens.lowerBound - 1, let letter = ["ب", "ل"].first(where: { word.hasPrefix($0) || word.hasPrefix("و" + $0) }),
               Self.isForceNounWithProclitic(doc.tokens[k], maxPrefix: 2) {
                return letter
            }
            if actors.contains(where: { $0.tokens.contains(k) }) { return nil }
            k -= 1; skipped += 1
        }
        return nil
    }

    /// Whether the title right before the name carries a glued ب ("بالعاهل الأردني"; the article is no preposition),
    /// or the given letter.
    func titleHasPreposition(_ m: EntityMention, _ letter: String = "ب") -> Bool {
        guard let role = titleBefore[m.tokens.lowerBound] else { return false }
        let title = doc.tokens[role]
        for c in Proclitics.candidates(title).dropFirst() where c.prefix > 0 {
            var clitic = String(String.UnicodeScalarView(title.norm.unicodeScalars.prefix(c.prefix)))
            if clitic.hasSuffix("ال") { clitic = String(clitic.dropLast(2)) }
            if clitic.hasSuffix(letter) { return true }
        }
        return false
    }

    /// True for a token inside a date ("في بيان أمس الخميس قوات ..." : the date ends the phrase of "في").
    func isDateToken(_ k: Int) -> Bool {
        let t = doc.tokens[k]
        return doc.dates.contains { $0.start <= t.start && t.end <= $0.end }
    }

    /// The place a sentence opens with: "في" ("وفي"، "ففي"), then the place's name, or a place noun and the name ("وفي
    /// مدينة إب"، "وفي العاصمة صنعاء"), before the trigger.
    func openingPlace(in sentence: Range<Int>, before t: Int) -> EntityMention? {
        let s = sentence.lowerBound
        guard s + 1 < t, Self.openingIn.contains(doc.tokens[s].norm),
              let m = doc.mentions.first(where: { $0.tokens.lowerBound == s + 1 || $0.tokens.lowerBound == s + 2 }),
              m.tokens.upperBound <= t, isPlace(m) else { return nil }
        if m.tokens.lowerBound == s + 2 {
            let word = doc.tokens[s + 1].norm
            guard Self.placeNouns.contains(word.hasPrefix("ال") ? String(word.dropFirst(2)) : word) else { return nil }
        }
        return m
    }

    static let openingIn = keys(["في", "وفي", "ففي"])
    /// The head nouns of `lexicon/headed_places.tsv`, and the capital.
    static let placeNouns = Set(HeadedPlaces.kindRows("lexicon/headed_places.tsv")["head", default: [:]].keys).union(keys(["عاصمة"]))

    func isPlace(_ m: EntityMention) -> Bool {
        if m.type == .gpe || m.type == .loc { return true }
        if let id = m.ref.kbId, let e = kb.entity(id) { return e.kind == .seat }
        return false
    }

    /// True when punctuation stands between two token positions. Commas around a date ("فرض الاتحاد، يوم
    /// الاثنين، عقوبات") do not break the clause.
    func punctuationBetween(_ a: Int, _ b: Int, ignoringNameQuotes: Bool = false) -> Bool {
        let lo = min(a, b), hi = max(a, b)
        guard lo < hi else { return false }
        return (lo..<hi).contains { k in
            let t = doc.tokens[k]
            guard t.kind == .punct, t.norm != "/" else { return false }
            return !parentheticalCommas.contains(k) && !(ignoringNameQuotes && nameQuotes.contains(k))
        }
    }

    /// The mentions joined to `m` by "و" after it ("بوتين وكيم"، "الولايات المتحدة وكوريا الجنوبية"), allowing a
    /// title before the next name ("وزعيم كوريا الشمالية كيم جونغ أون").
    /// `strict`: the "و" is a word of its own ("و"، "وكذلك") right before the next name or its title, or glued to
    /// it; no other word between ("وأعلن X وفاة الفنان Y" joins nobody).
    func coordinated(after m: EntityMention, limit: Int, throughQuotes: Bool = false, strict: Bool = false) -> [EntityMention] {
        var out: [EntityMention] = []
        var last = m
        // One adjective may follow a name before "و" ("جماعة الحوثي المسلحة والعناصر ...").
        func joint(_ after: Int) -> Int {
            var after = after
            while throughQuotes, after < limit, nameQuotes.contains(after) { after += 1 }
            if after + 1 < limit, doc.tokens[after].isWord, doc.tokens[after].norm.hasPrefix("ال"),
               !actors.contains(where: { $0.tokens.contains(after) }), doc.tokens[after + 1].norm.hasPrefix("و") { return after + 1 }
            return after
        }
        while joint(last.tokens.upperBound) < limit, doc.tokens[joint(last.tokens.upperBound)].norm.hasPrefix("و") {
            let start = joint(last.tokens.upperBound)
            // The next name of the same kind (a person after a person); a country inside a title may stand between.
            // "جماعة الحوثي والعناصر الموالية لصالح": the owner of a coordinated group counts whatever its kind.
            // "الحوثيون وقوات صالح": a person after a noun of his armed men acts as a body.
            // "ميليشيات الحوثي وصالح": a person glued to the "و" after a group named by its armed men shares them.
            let sameKind = { (x: EntityMention) in x.type == m.type || (x.type != .person && m.type != .person) || self.isAffiliation(x)
                || self.isForceOwner(x) || (x.type == .person && x.tokens.lowerBound == start && self.namedByForces(m)) }
            // "X و المبعوث الأممي إلى ليبيا Y": a person whose title (a role of the text) opens right after the "و",
            // however long the title.
            let bare = Self.bareConjunctions.contains(doc.tokens[start].norm)
            let opens = { (k: Int) in k == start || (bare && k == start + 1) }
            let titled = m.type == .person ? actors.first(where: { $0.type == .person && $0.tokens.lowerBound < limit
                && titleBefore[$0.tokens.lowerBound].map(opens) == true }) : nil
            // The title of the one whose forces are named may open within the four words ("والقوات الموالية للرئيس
            // السابق X").
            let within = { (x: EntityMention) in x.tokens.lowerBound <= start + 4
                || (self.titleBefore[x.tokens.lowerBound].map { $0 <= start + 4 } == true && self.isAffiliation(x)) }
            // "بين الجيش ومسلحين قدموا من سوريا": a name under a preposition written after the "و" is not joined.
            let governed = { (x: EntityMention) in
                ((start + 1)..<max(start + 1, self.titleBefore[x.tokens.lowerBound] ?? x.tokens.lowerBound)).contains {
                    self.doc.tokens[$0].isWord && Self.prepositions.contains(self.doc.tokens[$0].norm) } && !self.isAffiliation(x)
            }
            guard let next = titled ?? actors.first(where: { $0.tokens.lowerBound >= start && within($0) && !governed($0)
                                                    && $0.tokens.lowerBound < limit && sameKind($0)
                                                    && (!strict || opens($0.tokens.lowerBound)) }),
                  !punctuationBetween(start, next.tokens.lowerBound, ignoringNameQuotes: throughQuotes) else { break }
            out.append(next)
            last = next
        }
        return out
    }

    /// "تعتزم روسيا وتونس التوقيع على اتفاقية"، "بدأ الجيش الهجوم"، "الحكومة قررت الانسحاب": a definite verbal noun
    /// right after the subject of a verb of intent or of one governing it (`intent_verbs.tsv`, `governing_verbs.tsv`),
    /// or right after that verb with the subject before it, is the subject's own act, not one told before.
    func governsDefinite(_ trigger: Range<Int>, subject m: EntityMention, among before: [EntityMention]) -> Bool {
        func governing(_ k: Int) -> Bool {
            k >= 0 && doc.tokens[k].isWord
                && (Self.intentVerbs.contains(token: doc.tokens[k]) || Self.governingVerbs.contains(token: doc.tokens[k]))
        }
        if m.tokens.upperBound == trigger.lowerBound {
            return governing(coordination(endingAt: m, in: before)[0].tokens.lowerBound - 1)
        }
        if m.tokens.upperBound == trigger.lowerBound - 1 && governing(trigger.lowerBound - 1) { return true }
        // "أن تنظيم داعش يقف وراء الاعتداء"، "أعلن التنظيم مسؤوليته عن الهجوم": who is behind the act did it.
        return (1...3).contains { n in
            let k = trigger.lowerBound - n
            guard k == m.tokens.upperBound, let phrase = Self.responsibilityPhrases.match(doc.tokens, at: k, limit: trigger.lowerBound)
            else { return false }
            return phrase.tokens.upperBound == trigger.lowerBound
        }
    }

    /// "يقف وراء"، "مسؤوليته عن": phrases between a party and the act it did (`events/responsibility_phrases.tsv`).
    static let responsibilityPhrases = PhraseLexicon.resource("events/responsibility_phrases.tsv")

    /// The coordination that ends at `m` ("بوتين وكيم" for "كيم"; "الحوثيين وقوات صالح" for "صالح").
    func coordination(endingAt m: EntityMention, in list: [EntityMention]) -> [EntityMention] {
        var group = [m]
        var head = m
        while true {
            // "وحيدر العبادي رئيس الوزراء العراقي تحدثا": a title in apposition is read from its name.
            while let name = list.last(where: { $0.ref == head.ref && $0.tokens.upperBound == head.tokens.lowerBound }) { head = name }
            let start = head.tokens.lowerBound
            let joined: Int
            if doc.tokens[start].norm.hasPrefix("و") {
                joined = start
            } else if let k = forceNoun(before: head), doc.tokens[k].norm.hasPrefix("و") {
                joined = k
            } else if let t = titleBefore[start], doc.tokens[t].norm.hasPrefix("و") {
                // A title joined by و before the name ("X ووزير الخارجية Y").
                joined = t
            } else if let t = (max(0, start - 2)..<start).first(where: { k in
                let w = doc.tokens[k].norm
                return w.hasPrefix("و") && Self.isPeerWord(String(w.dropFirst())) && (k..<start).allSatisfy { doc.tokens[$0].isWord }
            }) {
                // "X ونظيره الروسي Y": his counterpart, named.
                joined = t
            } else { break }
            // "جو بايدن نائب الرئيس الأمريكي وحيدر العبادي": the name before may end with its title.
            guard let prev = list.last(where: { $0.tokens.upperBound == joined || titleEnd(after: $0) == joined }) else { break }
            group.insert(prev, at: 0); head = prev
        }
        return group
    }

    /// The token after a title of the text written right after a person's name ("X نائب الرئيس الأمريكي"), if any.
    func titleEnd(after m: EntityMention) -> Int? {
        guard m.type == .person else { return nil }
        return doc.roles.lazy.filter { $0.person == m.ref && $0.basis == "text" && self.doc.firstToken(endingAfter: $0.start) == m.tokens.upperBound }
            .map { self.doc.firstToken(startingAtOrAfter: $0.end) }.max()
    }

    /// Nouns of a person's armed men (`events/force_nouns.tsv`).
    static let forceNouns = PhraseLexicon.resource("events/force_nouns.tsv")

    /// Whether a reading of the token with a proclitic split off (of at most `maxPrefix` letters) is a noun of armed
    /// men ("بمسلحي"، "لقوات").
    static func isForceNounWithProclitic(_ token: Token, maxPrefix: Int = .max) -> Bool {
        Proclitics.candidates(token).dropFirst().contains { $0.prefix <= maxPrefix && forceNouns.contains(word: $0.stem) }
    }

    /// A group named by a noun of armed men, inside its name or right before it ("ميليشيات الحوثي"، "قوات النظام").
    func namedByForces(_ m: EntityMention) -> Bool {
        let k = m.tokens.lowerBound
        return Self.forceNouns.contains(token: doc.tokens[k]) || (k > 0 && doc.tokens[k - 1].isWord && Self.forceNouns.contains(token: doc.tokens[k - 1]))
    }

    /// A person named right after a noun of his armed men ("قوات صالح"، "وميليشيات X"): he acts through them.
    func isForceOwner(_ m: EntityMention) -> Bool { forceNoun(before: m) != nil }

    /// The noun of armed men right before a person's name or his title ("وقوات الرئيس المخلوع X").
    func forceNoun(before m: EntityMention) -> Int? {
        guard m.type == .person else { return nil }
        let k = (titleBefore[m.tokens.lowerBound] ?? m.tokens.lowerBound) - 1
        guard k >= 0, doc.tokens[k].isWord, Self.forceNouns.contains(token: doc.tokens[k]) else { return nil }
        return k
    }

    /// "ووقع الجانبان": a word for "both sides" right after the trigger stands for the parties of the latest
    /// meeting, visit or signing told before it.
    func groupAnaphor(after trigger: Range<Int>, sentence: Range<Int>, earlier: [EventMention],
                      previous: [EventMention]) -> [EventMention.Participant]? {
        guard trigger.upperBound < sentence.upperBound, groupWords.contains(token: doc.tokens[trigger.upperBound]) else { return nil }
        let told = (previous + earlier).last { [.meet, .visit, .sign].contains($0.type) && $0.participants.count >= 2 }
        return told?.participants.map { .init(ref: $0.ref, role: .actor, text: $0.text) }
    }

    /// A mention an earlier event of the sentence already took as its place or object.
    func takenByEarlier(_ m: EntityMention, _ earlier: [EventMention]) -> Bool {
        earlier.contains { e in e.place == m.ref || e.participants.contains { $0.ref == m.ref && $0.role != .actor } }
    }

    /// The sentence's subject: its first mention not governed by a preposition, after the last "إن/أن" before
    /// `limit` when there is one ("قالت الوكالة إن المسؤولين الروس، خلال اجتماعهم ..." → the officials).
    func subject(of sentence: Range<Int>, before limit: Int) -> EntityMention? {
        let start = (sentence.lowerBound..<limit).last { Self.complementizers.contains(doc.tokens[$0].norm) }.map { $0 + 1 }
            ?? sentence.lowerBound
        return mentions(in: start..<limit).first { preposition(before: $0) == nil && !describesName($0) }
    }

    /// Whether a word opening a new clause ("حيث"، "بينما") stands from `a` up to `b`. Not a complementizer: "قالت X
    /// إنها بسطت سيطرتها" keeps the speaker as the subject of what is said about itself (each rule decides on those).
    func opensClause(between a: Int, _ b: Int) -> Bool {
        (a..<max(a, b)).contains {
            let norm = doc.tokens[$0].norm
            return doc.tokens[$0].isWord && Self.clauseOpeners.entries[norm] != nil && !Self.complementizers.contains(norm)
                && !Self.pronominalComplementizers.contains(norm)
        }
    }

    /// A nationality right after another name describes it ("مدينة كوباني السورية"): no party of its own.
    func describesName(_ m: EntityMention) -> Bool {
        guard m.origin == .demonym || kb.country(forNationality: doc.tokens[m.tokens].map(\.norm).joined(separator: " ")) != nil
        else { return false }
        return actors.contains { $0.tokens.upperBound == m.tokens.lowerBound }
    }

    /// The name after a light verb (`events/light_verbs.tsv`) before an indefinite verbal noun, with no punctuation
    /// or other verb's complement between (VSO with a phrase between subject and object). The name stands right
    /// after the verb, or after up to four words of courtesy ("قام صاحب السمو الملكي الأمير X")، and its title may
    /// run on before the noun: the verb stands up to ten words before the noun, or the name ends up to sixteen before it.
    func lightVerbSubject(before trigger: Range<Int>, in sentence: Range<Int>, among before: [EntityMention]) -> EntityMention? {
        let floor = max(sentence.lowerBound, trigger.lowerBound - 30)
        guard let v = (floor..<trigger.lowerBound).last(where: { doc.tokens[$0].isWord && lightVerbs.contains(token: doc.tokens[$0]) }),
              !punctuationBetween(v, trigger.lowerBound), !complementBetween(v + 1, trigger.lowerBound),
              // "وعقد وزير الخارجية السعودي عادل الجبير ونظيره ... جلسة مباحثات": a person whose title opens right
              // after the verb, however long the title.
              let m = before.first(where: { $0.type == .person && $0.tokens.lowerBound > v && titleBefore[$0.tokens.lowerBound] == v + 1 })
                ?? before.first(where: { $0.tokens.lowerBound > v && $0.tokens.lowerBound <= v + 5 }),
              m.tokens.lowerBound == v + 1 || titleBefore[m.tokens.lowerBound] == v + 1
                || (m.type == .person && Self.onlyCourtesy(doc, (v + 1)..<m.tokens.lowerBound)),
              trigger.lowerBound - v <= 10 || trigger.lowerBound - m.tokens.upperBound <= 16,
              preposition(before: m) == nil, canAct(m.ref)
        else { return nil }
        return m
    }

    /// A nationality adjective right after a verbal noun, or after its own adjectives ("ضربة جوية أمريكية"): the
    /// state, when no mention covers the words.
    func nationalityAfter(_ trigger: Range<Int>, in sentence: Range<Int>) -> EventMention.Participant? {
        var t = trigger.upperBound
        while t < sentence.upperBound, t - trigger.upperBound < 3, doc.tokens[t].kind == .arabic,
              !actors.contains(where: { $0.tokens.contains(t) }) {
            let word = doc.tokens[t].norm
            if let country = kb.country(forNationality: word) {
                return EventMention.Participant(ref: .kb(country), role: .actor, text: doc.string(doc.tokens[t].start, doc.tokens[t].end))
            }
            // Only adjectives may stand before it ("الجوية"، "جوية"): a nisba, with or without the article.
            guard word.hasSuffix("يه") || word.hasSuffix("ي") else { return nil }
            t += 1
        }
        return nil
    }

    /// Words of courtesy and titles before a name (`lexicon/honorifics.tsv`, `ner/titles.txt`): "صاحب السمو الملكي
    /// الأمير"، "الدكتور".
    static let courtesy = PhraseLexicon(rows: ((try? ResourceStore.rows("lexicon/honorifics.tsv")) ?? [])
                                            + ((try? ResourceStore.rows("ner/titles.txt")) ?? []))

    /// Whether the words of a range are all words of courtesy or titles ("قام صاحب السمو الملكي الأمير X"; not
    /// "قام برفقة مدير المستشفى الدكتور X").
    static func onlyCourtesy(_ doc: Document, _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            guard let m = courtesy.match(doc.tokens, at: k, limit: range.upperBound) else { return false }
            k = m.tokens.upperBound
        }
        return true
    }

    /// Verbs that make their subject a victim (`events/casualty_verbs.tsv`): "لقي X مصرعه"، "أصيب X".
    static let casualtyVerbs = PhraseLexicon.resource("events/casualty_verbs.tsv")

    /// Whether the mention is the subject of a casualty verb before the trigger: the verb within three words before
    /// it or its title (VSO, a number may stand between: "لقي أربعة حوثيين"، "لقي القيادي في حماس X") or right after
    /// it (SVO: "الجنود لقوا").
    func isCasualty(_ m: EntityMention, before trigger: Range<Int>) -> Bool {
        let first = titleBefore[m.tokens.lowerBound] ?? m.tokens.lowerBound
        let from = max(0, first - 3)
        if (from..<first).contains(where: { doc.tokens[$0].isWord && Self.casualtyVerbs.values(token: doc.tokens[$0]).map({ !$0.contains("svo") }) == true }) {
            return true
        }
        // Past the names joined to it ("رجال الجيش والشرطة قتلوا").
        var next = m.tokens.upperBound
        while next < trigger.lowerBound, doc.tokens[next].norm.hasPrefix("و"),
              let joined = doc.mentions.first(where: { $0.tokens.lowerBound == next }) {
            next = joined.tokens.upperBound
        }
        guard next < trigger.lowerBound, doc.tokens[next].isWord, let values = Self.casualtyVerbs.values(token: doc.tokens[next]) else { return false }
        // "قتلوا في هجوم": no object, the attack's preposition right after.
        // (next < trigger.lowerBound, so next + 1 is a token.)
        return !values.contains("svo") || Self.attackPrepositions.contains(doc.tokens[next + 1].norm)
    }

    /// What introduces the attack after a casualty verb with no object ("قتلوا في هجوم"، "خلال اشتباكات"، "جراء القصف").
    static let attackPrepositions = keys(["في", "خلال", "إثر", "اثر", "جراء", "بسبب", "اثناء", "أثناء"])

    /// Verbs whose verbal-noun complement is their subject's act ("تمكنت X من طرد"), `events/governing_verbs.tsv`.
    static let governingVerbs = PhraseLexicon.resource("events/governing_verbs.tsv")
    /// Verbs of intent and decision, `events/intent_verbs.tsv` (see `governsDefinite`).
    static let intentVerbs = PhraseLexicon.resource("events/intent_verbs.tsv")
    static let seizurePrepositions = keys(["من", "في", "على"])

    /// Nouns of a claim (`events/classes.tsv` class `claim`: اتهامات، مزاعم ...).
    static let claimNouns: Set<String> = EventStage.wordClasses["claim"] ?? []

    /// Words of repelling an attack (`events/classes.tsv` class `repel`: صد، التصدي، إحباط), proclitics allowed ("لصد").
    static let repelWords: Set<String> = EventStage.wordClasses["repel"] ?? []

    static func isRepelWord(_ token: Token) -> Bool {
        token.isWord && Proclitics.candidates(token).contains { repelWords.contains($0.stem) }
    }

    /// A claim noun, proclitics allowed ("باتهامات").
    static func isClaimNoun(_ token: Token) -> Bool {
        token.isWord && Proclitics.candidates(token).contains { claimNouns.contains($0.stem) }
    }

    /// "اتهامات نوري المالكي لها ... افتراء": a name right after a claim noun (or its title after it) is whose claim it
    /// is, not who calls it false.
    func isClaimGenitive(_ m: EntityMention) -> Bool {
        let k = (titleBefore[m.tokens.lowerBound] ?? m.tokens.lowerBound) - 1
        return k >= 0 && Self.isClaimNoun(doc.tokens[k])
    }

    /// Object pronouns written apart after a participle: "متهما إياها"، "منتقدا لها".
    static let objectPronouns = keys(["إياه", "إياها", "إياهم", "إياهما", "له", "لها", "لهم", "لهما"])
    /// "و" written apart, and "وكذلك": a conjunction that is a word of its own.
    static let bareConjunctions = keys(["و", "وكذلك", "وكذا"])
    /// "أنه"، "بأنها": a complementizer whose pronoun is the subject of the clause it opens.
    static let pronominalComplementizers = keys(["إنه", "أنه", "إنها", "أنها", "بأنه", "بأنها", "بأنهم", "أنهم", "إنهم"])
    static let complementizers = keys(["إن", "أن", "إنه", "أنه", "إنها", "أنها", "بأن", "بأنه", "بأنها", "بأنهم"])

    /// The other reading of an institution's name: the state beside "الجيش السوداني", and the reverse.
    /// Not for a body that stands against or apart from its state ("المعارضة السورية": `events/stateless_institutions.tsv`).
    func companions(of m: EntityMention) -> [EntityMention] {
        guard m.origin == .institution || m.origin == .demonym, !isStatelessInstitution(m.tokens) else { return [] }
        return actors.filter { $0.tokens == m.tokens && $0.ref != m.ref }
    }

    /// Institution keys (`lexicon/institutions.tsv`) whose state does not act with them (`events/stateless_institutions.tsv`).
    static let statelessInstitutions = PhraseLexicon.resource("events/stateless_institutions.tsv")

    /// The body of that list read on the same words as a state's nationality ("المعارضة السورية": the opposition,
    /// not Syria).
    func bodyApartFromState(_ m: EntityMention) -> EntityMention? {
        guard m.origin == .demonym || m.origin == .gazetteer, isStatelessInstitution(m.tokens) else { return nil }
        return actors.first { $0.tokens == m.tokens && $0.origin == .institution }
    }

    /// Whether the words name an institution of that list by its head ("المعارضة السورية").
    func isStatelessInstitution(_ words: Range<Int>) -> Bool {
        guard let head = Institutions.shared.heads.match(doc.tokens, at: words.lowerBound, limit: words.upperBound),
              let key = head.values.first else { return false }
        return Self.statelessInstitutions.contains(word: key)
    }

    /// False for a place that is not a state, a capital or a governed region (towns, landmarks, and place
    /// names the knowledge base does not know).
    func canAct(_ ref: EntityRef) -> Bool {
        switch ref {
        case .name(let type, _): return type != .gpe && type != .loc
        case .kb(let id):
            guard let e = kb.entity(id), e.type == "GPE" || e.type == "LOC" else { return true }
            return Self.actingPlaceKinds.contains(e.kind)
        }
    }

    static let actingPlaceKinds: Set<KBKind> = [.country, .territory, .formerCountry, .capital, .region]

    /// A town, province or region right after an attack noun, as its genitive ("معارك الأنبار"، "هجوم سوسة"): where
    /// it was fought. A state there fought it ("غارات روسيا").
    func isFightPlace(_ m: EntityMention, after trigger: Range<Int>) -> Bool {
        guard m.tokens.lowerBound == trigger.upperBound, isPlace(m) else { return false }
        guard let id = m.ref.kbId, let e = kb.entity(id) else { return true }
        return ![.country, .territory, .formerCountry].contains(e.kind)
    }

    /// A city or seat of power: after a meeting noun it says where ("قمة شرم الشيخ"، "اجتماع الكرملين").
    func isCityOrSeat(_ m: EntityMention) -> Bool {
        guard let id = m.ref.kbId, let e = kb.entity(id) else { return false }
        return [.capital, .city, .seat].contains(e.kind)
    }

    func event(for trigger: Range<Int>, type: EventType, pos: TriggerPOS, clause: Range<Int>, sentence: Range<Int>,
               earlier: [EventMention], previous: [EventMention], recipientFirst: Bool = false,
               carrier: Bool = false, seizure: Bool = false) -> EventMention? {
        var participants: [EventMention.Participant] = []
        var place: EntityRef?
        // Each participant with the line of the rule that took it (`--explain`).
        var provenance = Provenance()
        func add(_ m: EntityMention, _ role: ParticipantRole, line: UInt = #line) {
            // "للمعارضة السورية": the body takes part, not the state its nationality names.
            let m = bodyApartFromState(m) ?? m
            if !participants.contains(where: { $0.ref == m.ref }) {
                participants.append(.init(ref: m.ref, role: role, text: m.text))
                provenance.add("\(role) «\(m.text)»", line: line)
            }
            // "الجيش السوداني": the institution and its state take part together.
            for c in companions(of: m) where !participants.contains(where: { $0.ref == c.ref }) {
                participants.append(.init(ref: c.ref, role: role, text: c.text))
                provenance.add("\(role) «\(c.text)», the state of «\(m.text)»", line: line)
            }
        }
        func add(_ p: EventMention.Participant, line: UInt = #line) {
            if !participants.contains(where: { $0.ref == p.ref }) {
                participants.append(p)
                provenance.add("\(p.role) «\(p.text)», named in another clause", line: line)
            }
        }
        // A statement's speaker is named before what is said ("قال X إن ..."، "قال X: ..."): a name inside the
        // complement is what the statement is about.
        let complement = type == .statement ? complementStart(after: trigger, in: sentence) : sentence.upperBound
        // "شهدت مدينة حلب اشتباكات"، "القتال الذي تشهده اليمن": where the fighting took place takes no part in it.
        let witness = type == .attack && pos == .noun ? witnessingPlace(of: trigger, in: sentence) : nil
        let after = mentions(in: trigger.upperBound..<sentence.upperBound).filter { $0.tokens != witness?.tokens }
        let speakers = mentions(in: trigger.upperBound..<complement)
        let before = mentions(in: sentence.lowerBound..<trigger.lowerBound).filter { $0.tokens != witness?.tokens }
        if let witness { place = witness.ref }
        let triggerWord = doc.tokens[trigger.lowerBound].norm
        let definite = Self.isDefinite(triggerWord)
        // A pronoun suffix as written (ة normalizes to ه, so look at the original letters).
        let written = doc.string(doc.tokens[trigger.upperBound - 1].start, doc.tokens[trigger.upperBound - 1].end)
        // Only "their" (dual or plural) refers back to parties already named; "زيارتها" is as often an object.
        let hasPronoun = pos == .noun && (["هما", "هم"].contains { written.hasSuffix($0) }
            || (trigger.upperBound < sentence.upperBound && Self.pronounsAfter.contains(doc.tokens[trigger.upperBound].norm)))
        // "التحقيق في الهجمات"، "الحديث عن الزيارة": a verbal noun after a noun of inquiry or talk and its
        // preposition is what is talked about; the sentence's subject does not act in it.
        let topic = pos == .noun && trigger.lowerBound >= sentence.lowerBound + 2
            && Self.topicPrepositions.contains(doc.tokens[trigger.lowerBound - 1].norm)
            && Self.topicNouns.contains(token: doc.tokens[trigger.lowerBound - 2])
        // "خلال زيارته"، "وبعد اجتماعه مع X، قال Y": a word of time or occasion before the noun; with a conjunction
        // on it ("وفي"، "وبعد": often a new clause) only before a noun with a possessive pronoun.
        let wordBefore = trigger.lowerBound > sentence.lowerBound ? doc.tokens[trigger.lowerBound - 1].norm : ""
        let plainBefore = wordBefore.hasPrefix("و") ? String(wordBefore.dropFirst()) : wordBefore
        let adverbial = pos == .noun && trigger.lowerBound > sentence.lowerBound && !topic
            && (Self.during.contains(wordBefore)
                || ((Self.during.contains(plainBefore) || Self.around.contains(plainBefore)) && hasPossessive(trigger.upperBound - 1))
                || (type == .attack && Self.around.contains(plainBefore) && fightWith(after: trigger, in: sentence)
                    // "وقال الوزير بعد معارك مع X": the speaker did not fight; after "إن" the subject of what is said did.
                    && !earlier.contains { $0.type == .statement
                        && !complementBetween(doc.firstToken(startingAtOrAfter: $0.triggerEnd), trigger.lowerBound) }))
        // "فيما قصفت طائرات حربية عربية الجماعة": a noun of armed men or machines right after the verb is its own
        // subject, though it names nobody: no actor is carried into it.
        let unnamedSubject = pos == .verb && trigger.upperBound < sentence.upperBound && !doc.inMention(trigger.upperBound)
            && Self.actorNouns.contains(token: doc.tokens[trigger.upperBound])
        var objectStart = trigger.upperBound
        // Punctuation past this token ends the objects ("انتقد X، Y": Y belongs elsewhere).
        var punctuationFloor = trigger.upperBound

        // 1. The actor.
        var actorFound = false
        var recipientTaken = false
        var targetTaken = false
        // "حتى التقى"، "حيث أجرى محادثات": a clause opener before the trigger (or before its light verb).
        var opener = trigger.lowerBound - 1
        if opener > sentence.lowerBound, pos == .noun, lightVerbs.contains(token: doc.tokens[opener]) { opener -= 1 }
        let continued = opener >= sentence.lowerBound && Self.continuations.contains(doc.tokens[opener].norm)
        let nestedIn = earlier.last(where: { $0.type == .accuse || $0.type == .deny }).flatMap { outer in
            punctuationBetween(doc.firstToken(startingAtOrAfter: outer.triggerEnd), trigger.lowerBound) ? nil : outer
        }
        // The speaker of "قال X إن Y ..." does not act in what is reported (event-guidelines.md): a statement's
        // actor passes only to a verbal noun it governs directly ("أعلن X فرض عقوبات").
        let carried = earlier.last.flatMap { outer -> EventMention.Participant? in
            if outer.type == .statement, complementBetween(doc.firstToken(startingAtOrAfter: outer.triggerEnd), trigger.lowerBound) {
                // "وأكد X بأن زيارته اليوم جاءت ...": a verbal noun opening what is said, with a possessive pronoun, is
                // the speaker's own act.
                let opensComplement = trigger.lowerBound > sentence.lowerBound
                    && Self.complementizers.contains(doc.tokens[trigger.lowerBound - 1].norm)
                // "وأفادت المقاومة بأنها نفذت كمائن": a complementizer with a pronoun for the speaker right before the
                // verb makes the speaker its subject.
                let spokenOfSelf = pos == .verb && (max(sentence.lowerBound, trigger.lowerBound - 2)..<trigger.lowerBound).contains {
                    Self.pronominalComplementizers.contains(doc.tokens[$0].norm) }
                guard (pos == .noun && opensComplement && hasPossessive(trigger.upperBound - 1)) || spokenOfSelf else { return nil }
            }
            // What one condemns or blames is another's act ("ندد X بالهجوم"): the accuser does not carry into it.
            if outer.type == .accuse { return nil }
            return outer.participants.first(where: { $0.role == .actor })
        }
        let sentenceSubject = subject(of: sentence, before: trigger.lowerBound)
        let carriedSubject = carried ?? sentenceSubject.map {
            EventMention.Participant(ref: $0.ref, role: .actor, text: $0.text)
        }
        // "تزويد سوريا بالصواريخ": a name right after the noun and then "ب" receives.
        let recipient = recipientFirst && pos == .noun ? after.first.flatMap { r -> EntityMention? in
            guard r.tokens.lowerBound <= trigger.upperBound + 2, r.tokens.upperBound < sentence.upperBound,
                  preposition(before: r, floor: trigger.upperBound) == nil, !punctuationBetween(trigger.upperBound, r.tokens.lowerBound),
                  doc.tokens[r.tokens.upperBound].norm.hasPrefix("ب") else { return nil }
            return r
        } : nil
        // "تمكنت X من طرد التنظيم": the genitive of a seizure noun is its target, the subject of the verb governing it
        // acts. With the article it has no genitive ("والتصفية"); under another word ("بعد طرد X"، "تم طرد X") nobody
        // named in the sentence is known to have done it.
        if pos == .participle {
            // "شن X هجوما على السعودية متهما لها بأنها ..."، "وقال X ..., منتقدا Y": the subject of the sentence (or
            // the actor carried into it) acts; a pronoun object ("لها"، "إياها") is the target of the event just told.
            // After what a speaker says ("وقال X إن ...، متهما Y") the speaker, not the subject of what is said.
            let speaker = earlier.last(where: { $0.type == .statement })?.participants.first(where: { $0.role == .actor })
            // The active participle takes its object right after it ("متهما قطر"، "متهما إياها"); "متهما بالسرقة" is
            // the passive one: the subject stands accused.
            let next = trigger.upperBound
            guard next < sentence.upperBound, !Self.hasArticle(triggerWord),
                  Self.objectPronouns.contains(doc.tokens[next].norm)
                    || actors.contains(where: { ($0.tokens.lowerBound == next && $0.start == doc.tokens[next].start) || titleBefore[$0.tokens.lowerBound] == next }),
                  let c = speaker ?? carriedSubject ?? previousSubject(before: sentence) else { return nil }
            add(c); actorFound = true
            if Self.objectPronouns.contains(doc.tokens[next].norm),
               let outer = earlier.last, let t = outer.participants.first(where: { $0.role == .target }), t.ref != c.ref {
                add(.init(ref: t.ref, role: .target, text: t.text)); targetTaken = true
                objectStart = next + 1
            } else if Self.objectPronouns.contains(doc.tokens[next].norm),
                      let antecedent = before.last, antecedent.ref != c.ref, antecedent.tokens.upperBound >= trigger.lowerBound - 2 {
                // "ليتطاول على السعودية متهما لها بأنها ...": with no event told before it, the pronoun stands for the
                // name right before the participle.
                add(antecedent, .target); targetTaken = true
                objectStart = next + 1
            }
        } else if seizure, pos == .noun {
            // The governing verb: right before the noun or its preposition, or before the subject it has ("تمكنت
            // وحدات حماية الشعب من طرد"), within eight words and no punctuation. Its subject acts: the name between
            // it and the noun, else the name right before it ("المقاومة تمكنت من طرد").
            let p = trigger.lowerBound - 1
            let g: Int? = p < sentence.lowerBound ? nil : Self.governingVerbs.contains(token: doc.tokens[p]) ? p
                : !Self.seizurePrepositions.contains(doc.tokens[p].norm) ? nil
                : (max(sentence.lowerBound, p - 8)..<p).reversed().prefix { doc.tokens[$0].isWord }
                    .first { Self.governingVerbs.contains(token: doc.tokens[$0]) }
            guard !Self.hasArticle(triggerWord), let g,
                  let object = after.first, object.tokens.lowerBound <= trigger.upperBound + 1,
                  preposition(before: object, floor: trigger.upperBound) == nil,
                  !punctuationBetween(trigger.upperBound, object.tokens.lowerBound),
                  let c = mentions(in: (g + 1)..<trigger.lowerBound).first(where: { preposition(before: $0) == nil })
                    ?? before.last(where: { $0.tokens.upperBound >= g - 2 && $0.tokens.upperBound <= g && preposition(before: $0) == nil }),
                  c.ref != object.ref else { return nil }
            add(c, .actor); actorFound = true
            add(object, .target); targetTaken = true
            objectStart = object.tokens.upperBound
        } else if carrier {
            // "سفينة إماراتية محملة بالمساعدات"، "سفينة تابعة لبرنامج الأغذية تحمل ...": the carrier's state or owner,
            // named right before the trigger, supplies; a carrier of nobody named is no event.
            if let owner = carrierOwner(before: trigger, in: sentence) {
                add(owner, .actor)
            } else if let state = carrierNationality(before: trigger, in: sentence) {
                // "سفينة إماراتية محملة بالمساعدات": the vehicle's nationality (no mention of it: "سفينة" is no actor noun).
                add(state)
            } else {
                return nil
            }
            actorFound = true
        } else if pos == .noun, triggerWord.hasPrefix("ب"), let outer = nestedIn,
           let target = outer.participants.first(where: { $0.role == .target }),
           before.contains(where: { $0.ref == target.ref && $0.tokens.lowerBound >= doc.firstToken(startingAtOrAfter: outer.triggerEnd) }) {
            // "اتهمت X Y بتزويد Z": Y supplied Z. Only a Y named between the two: in "ندد X بالهجوم ... في مدينة
            // سوروتش التركية" what is condemned comes first, and the state named after it did not attack.
            add(.init(ref: target.ref, role: .actor, text: target.text)); actorFound = true
            if let recipient { add(recipient, .target); recipientTaken = true }
        } else if let recipient {
            // The actor is the subject of the verb governing the noun ("قررت روسيا تزويد سوريا ...").
            if let c = carriedSubject, c.ref != recipient.ref { add(c); actorFound = true }
            add(recipient, .target); recipientTaken = true
            objectStart = recipient.tokens.upperBound
        } else {
            // An explicit subject after the trigger: VSO after a verb (up to 6 words: a title may come first),
            // the genitive right after a verbal noun (up to 3).
            var reach = pos == .verb ? 6 : (pos == .noun ? 3 : -1)
            // "اجتماع عقده وزير الخارجية ..."، "لقاء جمع ...": a light verb after the noun, then its subject.
            // An adjective may stand between them ("في قصف عشوائي قام به المتمردون").
            if pos == .noun, (trigger.upperBound..<min(trigger.upperBound + 2, sentence.upperBound)).contains(where: {
                lightVerbs.contains(token: doc.tokens[$0]) }) {
                reach = 8
            }
            // SVO: a name right before the verb is its subject ("إن بايدن التقى السيسي"); what follows is the object.
            let svo = pos == .verb ? before.last.flatMap { m -> EntityMention? in
                guard m.tokens.upperBound >= trigger.lowerBound - 3, preposition(before: m) == nil || isAffiliation(m), !takenByEarlier(m, earlier),
                      !punctuationBetween(m.tokens.upperBound, trigger.lowerBound) else { return nil }
                // A verb in a relative clause on another noun has that noun as subject ("ندد X بالهجوم الذي استهدف
                // سوسة": the attack targeted it); only "X الذي استهدف" makes X the subject.
                if m.tokens.upperBound < trigger.lowerBound,
                   let r = (m.tokens.upperBound..<trigger.lowerBound).first(where: { Self.relativePronouns.contains(doc.tokens[$0].norm) }),
                   r > m.tokens.upperBound { return nil }
                // "مدينة كوباني السورية حيث فجر انتحاري نفسه": a word opening a new clause parts the name from the verb.
                if opensClause(between: m.tokens.upperBound, trigger.lowerBound) || describesName(m) { return nil }
                return m
            } : nil
            // "انتقد رئيس مجلس عشائر الأنبار، نعيم الكعود، الحكومة": a person set off by a comma right after a
            // title that names a place or body is the subject; the place or body belongs to the title.
            // The body may be the second of the title's ("رئيس لجنة العلاقات الخارجية بالبرلمان الأوروبي، X").
            let apposed = pos == .verb && type != .statement ? after.prefix(while: { $0.type != .person }).prefix(2).last(where: {
                $0.tokens.upperBound < sentence.upperBound && doc.tokens[$0.tokens.upperBound].norm == "," }).flatMap { m -> EntityMention? in
                guard m.type != .person, m.tokens.lowerBound > trigger.upperBound, m.tokens.lowerBound <= trigger.upperBound + 6,
                      m.tokens.upperBound + 1 < sentence.upperBound, doc.tokens[m.tokens.upperBound].norm == ",",
                      !punctuationBetween(trigger.upperBound, m.tokens.lowerBound),
                      let p = after.first(where: { $0.tokens.lowerBound == m.tokens.upperBound + 1 }), p.type == .person
                else { return nil }
                return p
            } : nil
            let passiveAgent = agent(after: trigger, in: sentence)
            if let m = passiveAgent ?? (pos == .noun ? doer(after: trigger, in: sentence) : nil) {
                // The passive names its agent ("قصفت المدينة من قبل ..."، "على يد ..."): it is the actor. So does a verb
                // pointing back to the noun ("الهجوم الذي نفذه X").
                add(m, .actor); actorFound = true
                for c in coordinated(after: m, limit: sentence.upperBound) { add(c, .actor) }
                // "ويواجه X انتقادات من قبل Y"، "تعرض X لهجوم على يد Y": the subject before the noun is its target.
                if pos == .noun, type == .accuse || type == .attack, let s = exposed(to: trigger, in: sentence), s.ref != m.ref {
                    add(s, .target); targetTaken = true
                } else if passiveAgent != nil, pos == .noun, type == .accuse || type == .attack, let s = before.last, preposition(before: s) == nil,
                   !takenByEarlier(s, earlier), s.ref != m.ref,
                   (s.tokens.upperBound..<trigger.lowerBound).filter({ doc.tokens[$0].isWord }).count <= 1,
                   (s.tokens.upperBound..<trigger.lowerBound).allSatisfy({ doc.tokens[$0].isWord || Self.complementMarks.contains(doc.tokens[$0].norm) }) {
                    add(s, .target); targetTaken = true
                }
                // "بعد اتهامه من قبل Y": the one the pronoun stands for (the sentence's subject) is the target.
                if passiveAgent != nil, pos == .noun, type == .accuse || type == .attack, !targetTaken, adverbial,
                   hasPossessive(trigger.upperBound - 1), let c = carriedSubject, c.ref != m.ref {
                    add(EventMention.Participant(ref: c.ref, role: .target, text: c.text)); targetTaken = true
                }
            } else if let m = svo {
                for g in coordination(endingAt: m, in: before) { add(g, .actor) }
                actorFound = true
            } else if let p = apposed {
                add(p, .actor); actorFound = true
                objectStart = p.tokens.upperBound
                // The comma that closes the apposition does not end the clause.
                if objectStart < sentence.upperBound, doc.tokens[objectStart].norm == "," { objectStart += 1 }
                punctuationFloor = objectStart
            } else if pos == .noun, type == .attack || type == .meet || type == .sign,
                      let sides = sides(after: trigger, in: sentence, within: type == .attack ? Self.attackSidesWindow : 3) {
                // "اشتباكات بين الجيش والشرطة"، "محادثات بين البلدين ...": both sides take part.
                for m in sides { add(m, .actor) }
                actorFound = true
                objectStart = sides.map(\.tokens.upperBound).max() ?? objectStart
            } else if type == .sign, !(pos == .verb && svo != nil), let sides = sides(after: trigger, in: sentence, within: 8) {
                // "الاتفاق المبرم بين X وY"، "الاتفاق الذي أبرم في فيينا الأسبوع الماضي بين X وY": the parties to it.
                for m in sides { add(m, .actor) }
                actorFound = true
                objectStart = sides.map(\.tokens.upperBound).max() ?? objectStart
            } else if type == .statement, let m = speakers.first, m.type != .person,
                      let holder = titleHolder(of: m, after: trigger, before: complement) {
                add(holder); actorFound = true
            } else if let m = (type == .statement ? speakers : after).first.map({ m in
                          // "أدان الأمين العام للأمم المتحدة بان كي مون ...": a body under a preposition inside the
                          // title of the person named next stands for that person, the subject.
                          type != .statement && m.type != .person && preposition(before: m, floor: trigger.upperBound) != nil
                              ? titleHolder(after: m, in: sentence) ?? m : m
                      }), m.tokens.lowerBound <= trigger.upperBound + reach,
               !(pos == .verb && nominalSubjectBefore(trigger)),
               // "بعد لقائه الرئيس X": a noun with a possessive pronoun has its doer in the pronoun; the name after
               // it is its object.
               !(pos == .noun && hasPossessive(trigger.upperBound - 1)),
               // "قصف مستشفى عائشة": a name after a building's noun is the building, hit, not the one who struck.
               !(type == .attack && namesBuilding(m)),
               // "دك معاقل تنظيم «بيت المقدس»"، "قصفت المدفعية مواقع التنظيم": the owner of what was hit is the target.
               !(type == .attack && ownsPositions(m)),
               !(pos == .noun && (type == .meet || type == .visit) && isCityOrSeat(m)),
               // "زيارة إيران": a visit's genitive place is where it goes, not who goes.
               !(pos == .noun && type == .visit && isPlace(m)),
               // "معارك الأنبار"، "هجوم سوسة": a fight's genitive town or province is where it was fought.
               !(pos == .noun && type == .attack && isFightPlace(m, after: trigger)),
               // A noun with the article takes no genitive ("حضر الاجتماع X": X attended); a nationality
               // adjective ("الإطلاق الكوري الشمالي") or a relative clause ("الهجوم الذي تشنه موسكو") still names it.
               !(pos == .noun && Self.hasArticle(triggerWord) && m.origin != .demonym
                 && !(trigger.upperBound < sentence.upperBound && Self.relativePronouns.contains(doc.tokens[trigger.upperBound].norm))),
               preposition(before: m, floor: trigger.upperBound) == nil || (pos == .verb && isAffiliation(m))
                   || isDoerGenitive(m, of: trigger, pos: pos),
               // "اتصالا هاتفيا بالعاهل الأردني الملك عبدالله": a title with ب on it is no genitive ("زيارة للرئيس X" is:
               // ل after an indefinite noun marks the genitive).
               !titleHasPreposition(m),
               // "قصف تنظيم «داعش» مناطق": quote marks around a known name or a person's part nothing (a quoted word
               // the lists do not know is as often a make: "مروحيات «الأباتشي»").
               !punctuationBetween(trigger.upperBound, m.tokens.lowerBound, ignoringNameQuotes: m.ref.kbId != nil || m.type == .person) {
                // "اتهام رئيس جنوب السودان سلفا كير ...": a state or body inside the title of the person named after
                // it belongs to the title; the person acts.
                let m = m.type != .person && type != .statement ? titleHolder(after: m, in: sentence) ?? m : m
                add(m, .actor); actorFound = true
                let joined = coordinated(after: m, limit: sentence.upperBound)
                for c in joined { add(c, .actor) }
                // "تعرض X لهجوم لتنظيم داعش": X suffered the attack its genitive made.
                if pos == .noun, type == .attack, let s = exposed(to: trigger, in: sentence), !participants.contains(where: { $0.ref == s.ref }) {
                    add(s, .target); targetTaken = true
                }
                // The objects begin after the subject and the names joined to it, not after a later mention of the
                // same party ("قصف الحوثيون ... مدينة تعز، بينما قصفت طائرات التحالف مواقع للحوثيين").
                objectStart = ([m] + joined).map(\.tokens.upperBound).max() ?? objectStart
                objectStart = subjectEnd(of: m, from: objectStart, among: after)
                // "أدان المجلس الذي يتخذ من عمان مقرا له، بشدة، مصادقة ...": a relative clause on the subject, up to
                // its comma, holds no object of the verb.
                if let close = relativeClauseEnd(at: objectStart, in: sentence) {
                    objectStart = close + 1
                    punctuationFloor = objectStart
                }
                // "حتى التقى بوتين": the sentence's subject met the one named after the verb.
                if continued, Self.symmetric.contains(type), let c = carriedSubject, !participants.contains(where: { $0.ref == c.ref }) {
                    participants = participants.map { .init(ref: $0.ref, role: .counterpart, text: $0.text) }
                    provenance.add("those named after the verb become counterparts of the sentence's subject")
                    participants.insert(c, at: 0)
                }
            } else if pos == .noun, type == .attack || type == .launch, let state = nationalityAfter(trigger, in: sentence) {
                // "ضربة جوية أمريكية"، "الغارات الروسية": the nationality after an attack names who struck; the one the
                // sentence says was hit in it ("الفضلي قتل في ضربة جوية أمريكية") is its target.
                add(state); actorFound = true
                if adverbial, let c = carriedSubject, c.ref != state.ref {
                    add(EventMention.Participant(ref: c.ref, role: .target, text: c.text)); targetTaken = true
                }
            } else if adverbial, carried == nil, let victim = sentenceSubject, isCasualty(victim, before: trigger) {
                // "لقي أربعة حوثيين مصرعهم في هجوم": who was killed or hurt in the attack was hit, not who struck.
                add(victim, .target); targetTaken = true
                provenance.add("target «\(victim.text)»: killed or hurt in it")
            } else if continued || adverbial, let c = carriedSubject, !unnamedSubject {
                add(c); actorFound = true
            } else if let group = groupAnaphor(after: trigger, sentence: sentence, earlier: earlier, previous: previous) {
                for p in group { add(p) }
                actorFound = true
            } else if pos == .noun, type == .attack, let s = exposed(to: trigger, in: sentence) {
                // "تعرضت دورية للجيش لهجوم"، "تعرض موكب الوزير لإطلاق نار": who suffered it is its target, never
                // the one who struck; with no doer named the event stands with its target alone.
                add(s, .target); targetTaken = true
                actorFound = true
                provenance.add("target «\(s.text)»: suffered it (exposure verb), no doer named")
            } else if let m = (pos == .dismissal ? before.last(where: { !isClaimGenitive($0) }) : before.last)
                        .map({ holderOfTitle(containing: $0, among: before) ?? $0 }),
                      !(pos == .noun && definite) || governsDefinite(trigger, subject: m, among: before),
                      m.tokens.upperBound >= trigger.lowerBound - (pos == .noun ? 3 : 5),
                      preposition(before: m) == nil, !takenByEarlier(m, earlier), !describesName(m),
                      !opensClause(between: m.tokens.upperBound, trigger.lowerBound),
                      pos == .dismissal || !complementBetween(m.tokens.upperBound, trigger.lowerBound),
                      !punctuationBetween(m.tokens.upperBound, trigger.lowerBound) || pos == .dismissal,
                      // "رجال الجيش والشرطة قتلوا في هجوم انتحاري استهدف ...": the name is the subject of the casualty
                      // verb between, not of the verb that tells the attack.
                      !(m.tokens.upperBound..<max(m.tokens.upperBound, trigger.lowerBound)).contains(where: { doc.tokens[$0].isWord && Self.casualtyVerbs.contains(token: doc.tokens[$0]) }) {
                // SVO ("بوتين وكيم التقيا") or the subject of a light verb ("أجرى تشوي محادثات").
                for g in coordination(endingAt: m, in: before) { add(g, .actor) }
                actorFound = true
            } else if pos == .noun, !definite, let subject = lightVerbSubject(before: trigger, in: sentence, among: before) {
                // "ونفذ حزب الله خلال شهري مايو ويونيو عمليات عسكرية": the subject right after a light verb, a
                // phrase of time or place between it and the noun.
                for c in [subject] + coordinated(after: subject, limit: trigger.lowerBound) { add(c, .actor) }
                actorFound = true
            }
        }
        // A definite verbal noun with no genitive refers back ("هذه الاتهامات"): no new event.
        if !actorFound, pos == .noun, definite { return nil }
        if !actorFound, let outer = nestedIn, let target = outer.participants.first(where: { $0.role == .target }) {
            add(.init(ref: target.ref, role: .actor, text: target.text)); actorFound = true
        }
        // (An indefinite one only: "القوات" with the article may point back to the forces named before.)
        if !actorFound, !topic, !(unnamedSubject && !Self.hasArticle(doc.tokens[trigger.upperBound].norm)),
           let outer = earlier.last, let actor = carried,
           !punctuationBetween(doc.firstToken(startingAtOrAfter: outer.triggerEnd), trigger.lowerBound) {
            add(actor); actorFound = true
        }
        // "وبحث الوزير مع ..."، "ويجري الوزير الألماني محادثات مع ...": a definite title noun as the subject (right
        // after the verb, or after the light verb before a verbal noun) stands for the holder named before it.
        if !actorFound, type != .statement, let titleResolver, let k = nominalSubject(of: trigger, type: type, pos: pos, in: sentence),
           case .named(let ref, let text) = titleResolver.resolve(doc, nominal: k, before: trigger.lowerBound, people: actors) {
            add(.init(ref: ref, role: .actor, text: text)); actorFound = true
            provenance.add("actor «\(text)»: the holder of «\(doc.tokens[k].norm)» named before")
        }
        if !actorFound, hasPronoun || (pos == .verb && trigger.lowerBound <= sentence.lowerBound + 1
                                       && !(type == .statement && writtenSubject(after: trigger, before: complement))
                                       && !nounSubject(after: trigger, in: sentence)) {
            if let p = previousSubject(before: sentence) { add(p); actorFound = true }
        }
        // "أعلن الجيش مقتل 20 من مسلحي X في اشتباكات": an armed body telling of its enemy's dead fought them.
        if !actorFound, type == .attack, pos == .noun, let side = announcingSide(of: trigger, in: sentence, earlier: earlier) {
            add(side); actorFound = true
            provenance.add("actor «\(side.text)»: the armed body telling of its enemy's dead")
        }
        // "سيطر الجيش مدعوما بمسلحي المقاومة على ..."، "هاجمت القوات بإسناد من طيران التحالف ...": who backs the
        // actor in the fighting takes part with it.
        if type == .attack, actorFound, let backers = backers(at: objectStart, in: sentence) {
            for b in backers { add(b, .actor) }
            objectStart = backers.map(\.tokens.upperBound).max() ?? objectStart
        }
        // Towns and landmarks do not act: a city as the only actor is where something happened ("هجوم سوسة"),
        // while states, capitals (metonymy: "موسكو ترفض") and regions with governments can.
        guard actorFound, participants.contains(where: { canAct($0.ref) }) else { return nil }

        // 2. Objects, counterparts and places after the actor.
        if type == .attack, pos == .noun, place == nil, let g = after.first, isFightPlace(g, after: trigger) { place = g.ref }
        let actorRefs = Set(participants.map(\.ref))
        if recipientTaken { targetTaken = true }
        for m in after where m.tokens.lowerBound >= objectStart && !actorRefs.contains(m.ref) {
            // Fourteen words past the trigger, or past a long title of the actor ("التقى الأمير X ولي ولي العهد
            // النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة أمس الرئيس Y").
            if m.tokens.lowerBound > max(trigger.upperBound + 14, objectStart + 16) { break }
            // "التقى أردوغان رئيس حزب العدالة والتنمية ...": a body in the title right after a participant's name
            // is part of that title, not another party.
            if m.type != .person, inTitle(m, of: participants) { continue }
            let prep = preposition(before: m, floor: trigger.upperBound)
            if punctuationBetween(punctuationFloor, m.tokens.lowerBound) && prep != Self.with { break }
            if type == .attack, pos == .noun, isFightPlace(m, after: trigger) { continue }
            if type == .attack, isHeadedWhere(m) {
                if place == nil { place = m.ref }
                continue
            }
            // "عددا من مواقع التنظيم"، "غارات على تجمعات الحوثيين": whose positions were hit, whatever governs the noun.
            if type == .attack, ownsPositions(m) {
                for c in [m] + coordinated(after: m, limit: sentence.upperBound) where !actorRefs.contains(c.ref) { add(c, .target) }
                targetTaken = true
                continue
            }
            // A town or a seat is where a meeting was held, never whom it was held with ("لقاؤه شرم الشيخ"); nor
            // does a town sign ("وقعت الهيئة الملكية بالجبيل عقودا ... بمدينة الجبيل"; a capital does, for its state:
            // "أبرمتها القاهرة مع باريس").
            if isPlace(m), type == .meet && (isCityOrSeat(m) || !canAct(m.ref)) || type == .sign && !canAct(m.ref) {
                if place == nil, m.tokens.lowerBound <= max(trigger.upperBound, objectStart) + 8 { place = m.ref }
                continue
            }
            if let prep, prep == Self.with {
                add(m, .counterpart)
                // "مع شركة «شل» و«أو إم في»": the names joined to it are on its side.
                for c in coordinated(after: m, limit: sentence.upperBound, throughQuotes: true) where !actorRefs.contains(c.ref) {
                    add(c, .counterpart)
                }
            } else if prep == Self.from, type == .meet, pos == .noun, m.tokens.lowerBound <= trigger.upperBound + 6 {
                // "تلقى اتصالا هاتفيا من X": the caller is the other side.
                add(m, .counterpart)
            } else if prep == Self.from, type == .meet, m.tokens.lowerBound >= 2, m.tokens.lowerBound <= trigger.upperBound + 8,
                      ((trigger.upperBound..<m.tokens.lowerBound).contains { Self.isPeerWord(doc.tokens[$0].norm) }) {
                // "سيلتقي نظراءه من دول مجلس التعاون": the peers from X are X's side.
                add(m, .counterpart)
            } else if let prep, Self.placePrepositions.contains(prep) {
                if isPlace(m) {
                    // A place far from the trigger belongs to another predicate ("تناولت الأوضاع في سوريا"); the words
                    // count from the end of the subject after the verb (a statement's from its verb: what follows the
                    // speaker is what is said).
                    let from = type == .statement ? trigger.upperBound : max(trigger.upperBound, objectStart)
                    if place == nil, m.tokens.lowerBound <= from + 8 { place = m.ref }
                    if (type == .deploy || type == .supply), m.type == .gpe, !targetTaken { add(m, .target); targetTaken = true }
                } else if m.type == .person, type == .visit || type == .meet {
                    add(m, .counterpart)
                }
            } else if prep == "ب" {
                if isPlace(m), type == .visit || type == .meet { if place == nil { place = m.ref } }
            } else if let prep, Self.againstPrepositions.contains(prep) {
                if type == .attack || type == .sanction { add(m, .target); targetTaken = true }
            } else if prep == nil || prep == "ل" {
                // A statement has a speaker, not an object: names after it are what it is about.
                if type == .statement { continue }
                if type == .visit, isPlace(m) || m.type == .org {
                    if place == nil { place = m.ref }
                } else if !targetTaken {
                    let role: ParticipantRole = type == .meet ? .counterpart : .target
                    // "استقبل X سفير الولايات المتحدة لدى المملكة جوزيف ويستفال": a state or body inside the title
                    // of the person named after it belongs to the title; the person is the party.
                    if m.type != .person, let holder = titleHolder(after: m, in: sentence) {
                        add(holder, role); targetTaken = true
                        for c in coordinated(after: holder, limit: sentence.upperBound) { add(c, role) }
                        continue
                    }
                    add(m, role); targetTaken = true
                    for c in coordinated(after: m, limit: sentence.upperBound) { add(c, role) }
                }
            }
        }
        // "تمكنت قوات البيشمركة من صد هجوم لمسلحي داعش": who repelled the attack was its target.
        if type == .attack, pos == .noun, trigger.lowerBound > sentence.lowerBound, Self.isRepelWord(doc.tokens[trigger.lowerBound - 1]),
           let s = sentenceSubject, !participants.contains(where: { $0.ref == s.ref }) {
            add(s, .target)
        }
        if type == .attack, !participants.contains(where: { $0.role == .target }) {
            for v in casualties(of: trigger, in: sentence) where !participants.contains(where: { $0.ref == v.ref }) {
                add(v)
            }
        }
        // "طردت X التنظيم من البلدة بمساعدة الضربات الجوية الأمريكية": strikes backing the attack just told hit its target.
        if type == .attack, pos == .noun, !participants.contains(where: { $0.role == .target }), backsEarlierAct(trigger, in: sentence),
           let outer = earlier.last(where: { $0.type == .attack }), let t = outer.participants.first(where: { $0.role == .target }),
           !participants.contains(where: { $0.ref == t.ref }) {
            add(.init(ref: t.ref, role: .target, text: t.text))
        }
        // "وفي تعز قصف الحوثيون ..."، "وفي مدينة إب قالت مصادر إن مسلحين استهدفوا ...": the place a sentence opens
        // with is where the acts it tells took place (a statement is made wherever its speaker is).
        if place == nil, type != .statement, let opening = openingPlace(in: sentence, before: trigger.lowerBound) {
            place = opening.ref
        }
        // Where the sentence's earlier event took place, with the same actor, this one did too ("زار أنقرة حيث أجرى
        // محادثات").
        if place == nil, let outer = earlier.last, let p = outer.place,
           outer.participants.contains(where: { o in o.role == .actor && participants.contains { $0.ref == o.ref } }) {
            place = p
        }
        // A carrier that arrives names no receiver but where it arrives: the state of that place receives
        // ("وصلت إلى ميناء عدن سفينة ... محملة بالمساعدات").
        if carrier, !participants.contains(where: { $0.role == .target }), let state = arrivalState(in: sentence) {
            add(state)
        }
        // "سيطرت القوات على منطقة ... بعد معارك مع تنظيم داعش": whom the fight before it was with.
        // (Read as the other side "مع" names, it is the target instead.)
        if seizure, pos == .verb, !participants.contains(where: { $0.role == .target }),
           let foe = foeBeforeSeizure(from: objectStart, in: sentence),
           !participants.contains(where: { $0.ref == foe.ref && $0.role == .actor }) {
            participants.removeAll { $0.ref == foe.ref }
            add(foe, .target)
        }
        // A seizure names whom it was taken from ("سيطر الجيش على مواقع الحوثيين").
        if seizure, !participants.contains(where: { $0.role == .target }) { return nil }
        var event = bareEvent(type, trigger, sentence: sentence)
        event.participants = participants
        event.place = place
        event.provenance = provenance
        if type.isSymmetric, tellsOtherSide(after: trigger, pos: pos, in: sentence) { event.unnamedSide = true }
        return event
    }

    /// "بعد اشتباكات عنيفة مع قوات النظام": "مع" within three words after an attack noun, adjectives between, names
    /// the other side; the sentence's subject fought it ("سيطرت المقاومة على المنطقة بعد مواجهات مع الحوثيين").
    /// Where the subject ends when its own titles and name follow the first mention of it: "التقى ولي ولي العهد
    /// النائب الثاني لرئيس مجلس الوزراء وزير الدفاع الأمير X، في جدة أمس، الرئيس Y" (the objects come after X).
    func subjectEnd(of m: EntityMention, from start: Int, among after: [EntityMention]) -> Int {
        var end = start
        while let next = after.first(where: { x in
            x.ref == m.ref && x.tokens.lowerBound >= end
                && min(titleBefore[x.tokens.lowerBound] ?? x.tokens.lowerBound, titleBefore[x.tokens.lowerBound + 1] ?? x.tokens.lowerBound) <= end
        }) {
            end = next.tokens.upperBound
        }
        return end
    }

    func fightWith(after trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        let window = trigger.upperBound..<min(trigger.upperBound + 3, sentence.upperBound)
        guard let k = window.first(where: { doc.tokens[$0].norm == Self.with }) else { return false }
        return (trigger.upperBound..<k).allSatisfy { doc.tokens[$0].isWord && !doc.inMention($0) }
    }

    /// The comma that closes a relative clause opening at `k` ("الذي يتخذ من عمان مقرا له،"), within fifteen
    /// words and no other punctuation.
    func relativeClauseEnd(at k: Int, in sentence: Range<Int>) -> Int? {
        guard k < sentence.upperBound, doc.tokens[k].isWord, Self.relativePronouns.contains(doc.tokens[k].norm) else { return nil }
        for j in (k + 1)..<min(k + 16, sentence.upperBound) where doc.tokens[j].kind == .punct {
            return doc.tokens[j].norm == "," && j + 1 < sentence.upperBound ? j : nil
        }
        return nil
    }

    /// The sentence tells a meeting's or signing's other side, named or not: "مع" or "بين" after the trigger, a
    /// word for counterparts ("نظيره"), or an object pronoun on the verb ("استقبلهم").
    func tellsOtherSide(after trigger: Range<Int>, pos: TriggerPOS, in sentence: Range<Int>) -> Bool {
        if pos == .verb {
            let written = doc.string(doc.tokens[trigger.upperBound - 1].start, doc.tokens[trigger.upperBound - 1].end)
            if ["هم", "هما", "ه", "ها"].contains(where: { written.hasSuffix($0) }) { return true }
        }
        let window = trigger.upperBound..<min(trigger.upperBound + 10, sentence.upperBound)
        return window.contains { k in
            let word = doc.tokens[k].norm
            return word == Self.with || word == Self.between || Self.isPeerWord(word)
                || (Proclitics.candidates(doc.tokens[k]).contains { $0.stem == Self.with })
        }
    }

    /// An event of the trigger's sentence with no participants yet.
    func bareEvent(_ type: EventType, _ trigger: Range<Int>, sentence: Range<Int>) -> EventMention {
        let t0 = doc.tokens[trigger.lowerBound], t1 = doc.tokens[trigger.upperBound - 1]
        let s0 = doc.tokens[sentence.lowerBound].start, s1 = doc.tokens[sentence.upperBound - 1].end
        return EventMention(type: type, triggerStart: t0.start, triggerEnd: t1.end, trigger: doc.string(t0.start, t1.end),
                            start: s0, end: s1, text: doc.string(s0, s1), participants: [], place: nil,
                            date: nil, dateBasis: nil, dateText: nil, modality: .asserted, attribution: nil,
                            quantities: [], sentence: 0)
    }

    /// Words that open a person's title (lexicon/title_heads.tsv).
    static let titleHeads = PhraseLexicon.resource("lexicon/title_heads.tsv")

    /// Whether a mention follows a title word that stands right after a participant's name ("X رئيس حزب ...").
    func inTitle(_ m: EntityMention, of participants: [EventMention.Participant]) -> Bool {
        let head = m.tokens.lowerBound - 1
        guard head > 0, doc.tokens[head].isWord, Self.titleHeads.contains(token: doc.tokens[head]) else { return false }
        let refs = Set(participants.map(\.ref))
        return actors.contains { $0.tokens.upperBound == head && refs.contains($0.ref) }
    }

    /// The person whose title, written right before the name, holds the mention ("سفير الولايات المتحدة لدى
    /// المملكة جوزيف ويستفال" for "الولايات المتحدة"): no punctuation between.
    func titleHolder(after m: EntityMention, in sentence: Range<Int>) -> EntityMention? {
        actors.first { p in
            p.type == .person && p.tokens.lowerBound > m.tokens.lowerBound && p.tokens.lowerBound < sentence.upperBound
                && (titleBefore[p.tokens.lowerBound].map { $0 <= m.tokens.lowerBound } ?? false)
                && !punctuationBetween(m.tokens.lowerBound, p.tokens.lowerBound)
        }
    }

    /// The state (a nationality adjective) or owner ("تابعة لـ X"، "سفينة لبرنامج الأغذية") of a carrier (a vehicle
    /// noun in the nine words before the trigger), named within three words after the vehicle, with no punctuation
    /// between it and the trigger.
    func carrierOwner(before trigger: Range<Int>, in sentence: Range<Int>) -> EntityMention? {
        guard let vehicle = carrierVehicle(before: trigger, in: sentence) else { return nil }
        return actors.last { m in
            m.tokens.lowerBound > vehicle && m.tokens.lowerBound <= vehicle + 3 && m.tokens.upperBound <= trigger.lowerBound
                && !punctuationBetween(m.tokens.lowerBound, trigger.lowerBound)
                && (m.origin == .demonym || owned(m) || preposition(before: m) == "ل"
                    || (m.type == .gpe && canAct(m.ref) && preposition(before: m) == nil))
        }
    }

    /// The nationality adjective right after the carrier noun ("سفينة إماراتية محملة"), before the trigger.
    func carrierNationality(before trigger: Range<Int>, in sentence: Range<Int>) -> EventMention.Participant? {
        guard let vehicle = carrierVehicle(before: trigger, in: sentence), vehicle + 1 < trigger.lowerBound,
              let country = kb.country(forNationality: doc.tokens[vehicle + 1].norm) else { return nil }
        return EventMention.Participant(ref: .kb(country), role: .actor,
                                        text: doc.string(doc.tokens[vehicle + 1].start, doc.tokens[vehicle + 1].end))
    }

    /// The carrier noun ("سفينة"، "طائرة"، events/carrier_nouns.tsv) before a carrying trigger, nine words back at most
    /// (a place and a time may stand between: "طائرة حربية سعودية في مطار عدن بعد الظهر تحمل"); nil when a
    /// preposition governs the trigger ("صاروخ قادر على حمل رؤوس نووية": what a thing can carry).
    func carrierVehicle(before trigger: Range<Int>, in sentence: Range<Int>) -> Int? {
        let before = trigger.lowerBound - 1
        if before >= sentence.lowerBound, doc.tokens[before].isWord, Self.prepositions.contains(doc.tokens[before].norm) { return nil }
        let lo = max(sentence.lowerBound, trigger.lowerBound - 9)
        return (lo..<trigger.lowerBound).last { k in
            doc.tokens[k].isWord && Self.isCarrierNoun(doc.tokens[k])
        }
    }

    /// A noun of a vehicle that carries goods (`events/carrier_nouns.tsv`), proclitics allowed ("بسفينة").
    static func isCarrierNoun(_ token: Token) -> Bool {
        Proclitics.candidates(token).contains { carrierNouns.contains(word: $0.stem) }
    }

    /// A name after "تابعة لـ".
    func owned(_ m: EntityMention) -> Bool {
        let k = m.tokens.lowerBound - 1
        return k >= 0 && Self.owned.contains(doc.tokens[k].norm) && preposition(before: m) == "ل"
    }

    /// The state of the city or port named after a place preposition in the sentence.
    func arrivalState(in sentence: Range<Int>) -> EventMention.Participant? {
        for m in actors where sentence.contains(m.tokens.lowerBound) && isCityOrSeat(m) {
            guard let prep = preposition(before: m), Self.placePrepositions.contains(prep) || prep == "ب",
                  let id = m.ref.kbId, let country = kb.entity(id)?.country, kb.entity(country) != nil else { continue }
            return .init(ref: .kb(country), role: .target, text: m.text)
        }
        return nil
    }

    /// A news agency or outlet: the source of what is told, never a participant.
    func isSource(_ ref: EntityRef) -> Bool {
        if let id = ref.kbId, let e = kb.entity(id) { return e.kind.isSource }
        // A name the tagger found and no list knows, written after an outlet's noun ("موقع «فيرج»"، "صحيفة بليك"):
        // an outlet (not "موقع وزارة الكهرباء", a body's site, nor "رئيسة الموقع X", a person).
        return doc.mentions.contains { m in
            guard m.ref == ref, m.type == .org, m.origin == .tagger else { return false }
            var k = m.tokens.lowerBound - 1
            while k >= 0, doc.tokens[k].kind == .punct, QuoteStage.openers.contains(doc.tokens[k].norm.unicodeScalars.first!) { k -= 1 }
            return k >= 0 && Self.mediaHeads.contains(token: doc.tokens[k])
        }
    }

    /// Nouns before an outlet's name (`lexicon/media_heads.tsv`).
    static let mediaHeads = PhraseLexicon.resource("lexicon/media_heads.tsv")

    static let between = ArabicNormalizer.shared.key("بين")
    /// Words of time that open a phrase about another act between a trigger and a passive's agent.
    static let otherActs = keys(["بعد", "وبعد", "عقب", "إثر", "اثر", "منذ", "قبيل"])
    /// "من قبل"، "على يد"، "من طرف" ... (`events/agent_phrases.tsv`).
    static let agentPhrases = PhraseLexicon.resource("events/agent_phrases.tsv")

    /// The agent of a passive, "من قبل X" or "على يد X", within eight words after the trigger and before any
    /// punctuation or a phrase of time that tells another act ("تبنى التنظيم الهجوم بعد اتهامه من قبل X": X accused).
    func agent(after trigger: Range<Int>, in sentence: Range<Int>) -> EntityMention? {
        var k = trigger.upperBound
        while k + 1 < min(sentence.upperBound, trigger.upperBound + 8), doc.tokens[k].isWord {
            if Self.otherActs.contains(doc.tokens[k].norm) { return nil }
            if let phrase = Self.agentPhrases.match(doc.tokens, at: k, limit: sentence.upperBound, allowClitics: false) {
                // A title and a comma may come first: "من قبل الرئيس التركي، رجب طيب أردوغان".
                let end = phrase.tokens.upperBound
                return actors.first { m in
                    m.tokens.lowerBound >= end && m.tokens.lowerBound <= end + 3
                        && (k..<m.tokens.lowerBound).allSatisfy { doc.tokens[$0].isWord || doc.tokens[$0].norm == "," }
                }
            }
            k += 1
        }
        return nil
    }

    /// Forms of تعرض ("was exposed to"), whose subject suffers the act of the noun after "ل" (`events/exposure_verbs.tsv`).
    static let exposureVerbs = PhraseLexicon.resource("events/exposure_verbs.tsv")

    /// The one who suffers "تعرض X لهجوم من قبل Y" / "تعرضت X لقصف شنه Y": the first name between a form of تعرض
    /// and the noun under "ل", under no preposition but the owner's "ل" ("دورية للجيش"); else the name right before
    /// the verb ("السفارة تعرضت لهجوم"). The verb stands within eight words before the noun, with no punctuation.
    func exposed(to trigger: Range<Int>, in sentence: Range<Int>) -> EntityMention? {
        let word = doc.tokens[trigger.lowerBound].norm
        guard word.hasPrefix("ل"), trigger.lowerBound > sentence.lowerBound else { return nil }
        let window = max(sentence.lowerBound, trigger.lowerBound - 8)..<trigger.lowerBound
        guard let g = window.reversed().prefix(while: { doc.tokens[$0].isWord }).first(where: {
            Self.exposureVerbs.contains(token: doc.tokens[$0]) }) else { return nil }
        if let inside = mentions(in: (g + 1)..<trigger.lowerBound).first(where: { [nil, "ل"].contains(preposition(before: $0, floor: g + 1)) }) {
            return inside
        }
        return actors.last { m in
            m.tokens.upperBound <= g && m.tokens.upperBound >= g - 1 && m.tokens.lowerBound >= sentence.lowerBound
                && preposition(before: m) == nil && !punctuationBetween(m.tokens.upperBound, g)
        }
    }

    /// "قام ... الأمير متعب بن عبدالله وزير الحرس الوطني بزيارة": a body inside the title written after a person's
    /// name (a role of the text) is the title's; the person it names is the subject. Nil for anything else.
    func holderOfTitle(containing m: EntityMention, among list: [EntityMention]) -> EntityMention? {
        guard m.type != .person,
              let role = doc.roles.first(where: { $0.basis == "text" && $0.start <= m.start && m.end <= $0.end }) else { return nil }
        return list.last { $0.type == .person && $0.ref == role.person && $0.end <= role.start }
    }

    /// Attack nouns whose doer may follow under "ل" (`events/doer_genitive_nouns.tsv`): "هجوم لتنظيم داعش".
    static let doerGenitiveNouns = PhraseLexicon.resource("events/doer_genitive_nouns.tsv")

    /// "في هجوم لجبهة النصرة"، "غارات جوية للتحالف": after an indefinite attack noun of that list, a name under "ل"
    /// right after it, or after one adjective, is who struck (an indefinite noun takes its genitive through "ل").
    func isDoerGenitive(_ m: EntityMention, of trigger: Range<Int>, pos: TriggerPOS) -> Bool {
        guard pos == .noun, Self.doerGenitiveNouns.contains(token: doc.tokens[trigger.lowerBound]),
              !Self.hasArticle(doc.tokens[trigger.lowerBound].norm),
              m.tokens.lowerBound <= trigger.upperBound + 2, preposition(before: m, floor: trigger.upperBound) == "ل",
              !titleHasPreposition(m) else { return false }
        // One adjective, or the noun of armed men that carries the "ل" ("هجوم لمسلحي داعش"), may stand between.
        let between = trigger.upperBound..<m.tokens.lowerBound
        let forces = between.last.map { Self.isForceNounWithProclitic(doc.tokens[$0]) } ?? false
        guard between.count <= 1 || (between.count == 2 && forces) else { return false }
        return between.allSatisfy { doc.tokens[$0].isWord && !doc.inMention($0) }
    }

    /// Verbs whose object pronoun is the event noun before them and whose subject did the act (`events/doer_verbs.tsv`).
    static let doerVerbs = PhraseLexicon.resource("events/doer_verbs.tsv")

    /// The doer of an event noun named after a verb that points back to it ("التفجير الذي أوقع عشرات القتلى في
    /// سروج، نفذه تنظيم الدولة"، "هجوم شنه عناصر من حركة الشباب"): within twenty words of the noun, before any
    /// other punctuation than a comma, a complementizer or a phrase of time that tells another act; the name within
    /// six words after the verb, under no preposition but the partitive "من".
    func doer(after trigger: Range<Int>, in sentence: Range<Int>) -> EntityMention? {
        var k = trigger.upperBound
        while k < min(sentence.upperBound, trigger.upperBound + 20) {
            let token = doc.tokens[k]
            if !token.isWord, token.norm != "," && token.norm != "،" { return nil }
            if token.isWord, Self.otherActs.contains(token.norm) || Self.complementizers.contains(token.norm) { return nil }
            if token.isWord, Self.doerVerbs.contains(token: token) {
                // Quote marks around the name do not end the phrase ("عناصر من حركة «الشباب»").
                let doer = actors.first { m in
                    m.tokens.lowerBound > k && m.tokens.lowerBound <= k + 6
                        && ((k + 1)..<m.tokens.lowerBound).allSatisfy { doc.tokens[$0].isWord || Self.quoteMarks.contains(doc.tokens[$0].norm) }
                        && [nil, "من"].contains(preposition(before: m, floor: k + 1))
                }
                // "نفذها الجيش السوري أو التحالف": the text does not know who did it.
                guard let doer, doer.tokens.upperBound >= sentence.upperBound || !Self.alternatives.contains(doc.tokens[doer.tokens.upperBound].norm)
                else { return nil }
                return doer
            }
            k += 1
        }
        return nil
    }

    /// Nouns of forces, machines and bodies that act (`lexicon/actor_nouns.tsv`: قوات، طائرات، جنود ...).
    static let actorNouns = PhraseLexicon.resource("lexicon/actor_nouns.tsv")

    /// "قال ناشطون إن القصف استهدف مستشفى الصاخور": a definite noun naming nobody between "إن/أن" and the verb is
    /// its subject; the name after the verb is its object.
    func nominalSubjectBefore(_ trigger: Range<Int>) -> Bool {
        let k = trigger.lowerBound - 1
        guard k >= 1, doc.tokens[k].isWord, Self.hasArticle(doc.tokens[k].norm), !doc.inMention(k), !isDateToken(k) else { return false }
        return Self.complementizers.contains(doc.tokens[k - 1].norm)
    }

    /// Nouns of buildings and institutions named after people (`lexicon/named_after_heads.tsv`, rows ORG: مستشفى،
    /// مدرسة ...; not the towns of its GPE rows).
    static let buildingHeads = PhraseLexicon.resource("lexicon/named_after_heads.tsv")

    /// Whether the name follows a building's noun in construct ("مستشفى عائشة"، "مسجد الإمام الصادق").
    func namesBuilding(_ m: EntityMention) -> Bool {
        let k = m.tokens.lowerBound - 1
        guard k >= 0, doc.tokens[k].isWord, !doc.inMention(k), let row = Self.buildingHeads.values(token: doc.tokens[k]) else { return false }
        return row.first == "ORG"
    }

    /// Verbs of a place seeing events ("شهدت"، "تشهده": `events/witness_verbs.tsv`).
    static let witnessVerbs = PhraseLexicon.resource("events/witness_verbs.tsv")

    /// The place that saw the fighting an attack noun tells: the subject of a verb of witnessing right before the noun
    /// ("وشهدت مدينة حلب اشتباكات"، up to three words between the verb and the noun), or the name right after such a
    /// verb within four words after the noun ("القتال الذي تشهده اليمن"، "مواجهات هي الأعنف شهدتها مدينة مأرب"); a
    /// noun of place ("مدينة") may stand before the name.
    func witnessingPlace(of trigger: Range<Int>, in sentence: Range<Int>) -> EntityMention? {
        let isWitness = { (k: Int) in self.doc.tokens[k].isWord && Self.witnessVerbs.contains(token: self.doc.tokens[k]) }
        if let k = (max(sentence.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound).last(where: isWitness),
           let m = actors.first(where: { (k + 1...k + 2).contains($0.tokens.lowerBound) && $0.tokens.upperBound <= trigger.lowerBound }),
           isPlace(m), !punctuationBetween(k, trigger.lowerBound) {
            return m
        }
        if let k = (trigger.upperBound..<min(trigger.upperBound + 5, sentence.upperBound)).first(where: isWitness),
           !punctuationBetween(trigger.upperBound, k),
           let m = actors.first(where: { (k + 1...k + 2).contains($0.tokens.lowerBound) }), isPlace(m) {
            return m
        }
        return nil
    }

    /// Words of backing after an attacker ("مدعوما بـ"، "بإسناد من": `events/backing_words.tsv`).
    static let backingWords = PhraseLexicon.resource("events/backing_words.tsv")

    /// "مدعوما بمسلحي المقاومة الشعبية"، "بدعم من طيران التحالف والمقاومة": the names backing the actor, right after
    /// its subject (a word of backing at `k`, the name within three words after it, no punctuation between).
    func backers(at k: Int, in sentence: Range<Int>) -> [EntityMention]? {
        guard k < sentence.upperBound, let word = Self.backingWords.match(doc.tokens, at: k, limit: sentence.upperBound) else { return nil }
        let end = word.tokens.upperBound
        guard let first = actors.first(where: { $0.tokens.lowerBound >= end && $0.tokens.lowerBound <= end + 2 && $0.tokens.lowerBound < sentence.upperBound }),
              (k..<first.tokens.lowerBound).allSatisfy({ doc.tokens[$0].isWord }) else { return nil }
        return [first] + coordinated(after: first, limit: sentence.upperBound)
    }

    /// "بين X و Y" within three words after a verbal noun ("معارك عنيفة بين X و Y"): X and the names joined to it.
    /// Never the "بين" of a place ("على الحدود بين البلدين"، "من بين": `events/boundary_words.tsv`). A side may
    /// close with "من جهة" before the next ("بين الجيش من جهة والمسلحين من جهة أخرى": `events/side_markers.tsv`).
    func sides(after trigger: Range<Int>, in sentence: Range<Int>, within window: Int = 3) -> [EntityMention]? {
        guard let k = (trigger.upperBound..<min(trigger.upperBound + window, sentence.upperBound)).first(where: { doc.tokens[$0].norm == Self.between }),
              !punctuationBetween(trigger.upperBound, k),
              !(k > trigger.upperBound && Self.boundaryWords.contains(token: doc.tokens[k - 1])),
              let first = actors.first(where: { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + 4 && $0.tokens.lowerBound < sentence.upperBound }),
              !punctuationBetween(k, first.tokens.lowerBound) else { return nil }
        var rest = coordinated(after: first, limit: sentence.upperBound)
        let last = rest.last ?? first
        if let marker = Self.sideMarkers.match(doc.tokens, at: last.tokens.upperBound, limit: sentence.upperBound, allowClitics: false) {
            // The marker (and a comma after it) closes the first side; the other side is joined after it.
            var end = marker.tokens.upperBound
            if end < sentence.upperBound, [",", "،"].contains(doc.tokens[end].norm) { end += 1 }
            // (The first side's kind decides what may join, as for the names after it.)
            var closed = first
            closed.tokens = first.tokens.lowerBound..<end
            let other = coordinated(after: closed, limit: sentence.upperBound)
            rest += other.first.map { $0.tokens.lowerBound == end ? other : [] } ?? []
        }
        return rest.isEmpty ? nil : [first] + rest
    }

    /// Words before a "بين" of place or of choice, not of the sides of a fight ("الحدود بين"، "من بين").
    static let boundaryWords = PhraseLexicon.resource("events/boundary_words.tsv")
    /// "من جهة"، "من جانب": what closes one side of a fight before the other is joined.
    static let sideMarkers = PhraseLexicon.resource("events/side_markers.tsv")
    /// How far after an attack noun its sides may follow "بين", past the words that describe the fighting
    /// ("مواجهات مسلحة هي الأعنف شهدتها المدينة بين X و Y").
    static let attackSidesWindow = 8

    /// Marks that open what a speech verb reports: "إن/أن", a colon or a quote mark.
    static let complementMarks: Set<String> = [":", "\"", "«", "“", "”", "„"]
    /// "أو" ("X أو Y"): either one of them, not both.
    static let alternatives = keys(["أو", "او", "وأو"])
    static let quoteMarks: Set<String> = ["\"", "«", "»", "“", "”", "„"]

    /// The first token of a speech verb's complement after the trigger (the sentence's end when there is none).
    func complementStart(after trigger: Range<Int>, in sentence: Range<Int>) -> Int {
        Self.complementStart(doc, after: trigger, in: sentence)
    }

    static func complementStart(_ doc: Document, after trigger: Range<Int>, in sentence: Range<Int>) -> Int {
        var k = trigger.upperBound
        while k < sentence.upperBound {
            let norm = doc.tokens[k].norm
            // "في حديث مع وكالة «سبوتنيك» الإثنين": one or two words in quote marks are a name, not what is said;
            // the mark that closes them opens nothing either.
            if norm != ":", Self.complementMarks.contains(norm),
               let close = ((k + 2)..<max(k + 2, min(k + 4, sentence.upperBound))).first(where: { doc.tokens[$0].kind == .punct
                   && doc.tokens[$0].norm.unicodeScalars.first.map { QuoteStage.closers.contains($0) } == true }),
               (k + 1..<min(k + 4, sentence.upperBound)).allSatisfy({ doc.tokens[$0].isWord || doc.tokens[$0].kind == .punct }) {
                k = close + 1
                continue
            }
            // "بان كي مون": a name that reads as "بأن" is no complementizer.
            if Self.complementMarks.contains(norm) || Self.complementizers.contains(norm) && !doc.inMention(k) { return k }
            k += 1
        }
        return sentence.upperBound
    }

    /// True when "إن/أن", a colon or a quote mark stands between two token positions.
    func complementBetween(_ a: Int, _ b: Int) -> Bool {
        guard a < b else { return false }
        return (a..<b).contains { k in
            let norm = doc.tokens[k].norm
            return Self.complementizers.contains(norm) || Self.complementMarks.contains(norm)
        }
    }

    /// "وقالت مصادر محلية إن ..."، "وقال المسؤول: ...": a subject is written after the verb (a noun, not a
    /// preposition or a date), so the verb does not continue the previous sentence's subject, even when that
    /// subject is no name Rasd knows.
    func writtenSubject(after trigger: Range<Int>, before limit: Int) -> Bool {
        guard let k = (trigger.upperBound..<min(limit, doc.tokens.count)).first(where: { doc.tokens[$0].isWord }) else { return false }
        if isDateToken(k) { return false }
        let word = doc.tokens[k].norm
        if Self.prepositions.contains(word) || Proclitics.candidates(doc.tokens[k]).dropFirst().contains(where: { Self.prepositions.contains($0.stem) }) {
            return false
        }
        if Self.complementizers.contains(word) || Self.continuations.contains(word) { return false }
        return true
    }

    /// "وقد استهدف الاعتداء ..."، "وقصفت الطائرات ...": a noun with the article right after the verb, naming no
    /// entity, is its subject; the subject of the sentences before does not carry over.
    func nounSubject(after trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        let k = trigger.upperBound
        guard k < sentence.upperBound, doc.tokens[k].isWord, !isDateToken(k) else { return false }
        let word = doc.tokens[k].norm
        guard word.hasPrefix("ال") else { return false }
        return !doc.inMention(k)
    }

    /// The definite title noun that is the subject of the trigger's clause and names no entity: the word right after
    /// a verb, or right after the light verb standing up to three words before a verbal noun.
    /// "وأعرب رئيس حزب القوات اللبنانية عن شكره": a body named inside a title right after a verb of saying, with
    /// no name after it, stands for the person the article gave that title before (`Document.holder(ofTitle:)`).
    func titleHolder(of m: EntityMention, after trigger: Range<Int>, before complement: Int) -> EventMention.Participant? {
        let title = trigger.upperBound..<m.tokens.lowerBound
        guard (1...3).contains(title.count), title.allSatisfy({ doc.tokens[$0].isWord }),
              !actors.contains(where: { $0.type == .person && $0.tokens.lowerBound >= m.tokens.upperBound && $0.tokens.lowerBound < complement }),
              let person = doc.holder(ofTitle: doc.tokens[title.lowerBound].start, m.end, before: doc.tokens[trigger.lowerBound].start)
        else { return nil }
        return .init(ref: person, role: .actor, text: doc.string(doc.tokens[title.lowerBound].start, m.end))
    }

    func nominalSubject(of trigger: Range<Int>, type: EventType, pos: TriggerPOS, in sentence: Range<Int>) -> Int? {
        // An attack's object is as often a person of office ("استهدف القائد"): never read as its subject.
        if type == .attack { return nil }
        var k: Int
        if pos == .verb {
            k = trigger.upperBound
        } else if pos == .noun, let light = stride(from: trigger.lowerBound - 1, through: max(sentence.lowerBound, trigger.lowerBound - 3), by: -1)
                    .first(where: { doc.tokens[$0].isWord && lightVerbs.contains(token: doc.tokens[$0]) }), light + 1 < trigger.lowerBound {
            k = light + 1
        } else {
            return nil
        }
        guard k < sentence.upperBound, doc.tokens[k].isWord, !isDateToken(k), doc.tokens[k].norm.hasPrefix("ال"),
              !doc.inMention(k) else { return nil }
        // Only a title of office ("الوزير"، "الرئيس"، "الأمير": lexicon/title_heads.tsv); "الدولة" or "الأنباء" name nobody.
        let bare = String(doc.tokens[k].norm.unicodeScalars.dropFirst(2))
        guard Self.titleHeads.contains(word: bare) else { return nil }
        // A title with a name or body right after it ("استقبل الأمين العام لمنظمة التعاون") is that party's, and
        // there the verb's subject is left unwritten.
        if actors.contains(where: { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + 3 }) { return nil }
        // After a verb of meeting the noun is as often the one received ("واستقبل الوزير"): only with "مع" after
        // it ("وبحث الوزير مع ...") is it the subject.
        if pos == .verb, type == .meet, ((k + 1)..<min(k + 4, sentence.upperBound)).allSatisfy({ doc.tokens[$0].norm != Self.with }) {
            return nil
        }
        return k
    }

    /// True when the word carries the article itself ("الاجتماع"، "والزيارة"، "بالاجتماع"); "لل" is left out,
    /// since "للقاء" is as often ل + "لقاء" as ل + "اللقاء".
    static func hasArticle(_ word: String) -> Bool {
        var scalars = Substring(word).unicodeScalars[...]
        for _ in 0..<2 where ["و", "ف", "ب", "ك"].contains(scalars.first ?? " ") && !scalars.starts(with: "ال".unicodeScalars) {
            scalars = scalars.dropFirst()
        }
        return scalars.starts(with: "ال".unicodeScalars)
    }

    /// Whether the word ends in a possessive pronoun as written (ه، ها، هم، هما; not the ة the normalizer folds into ه).
    func hasPossessive(_ t: Int) -> Bool {
        let tail = doc.text.letters(doc.tokens[t].start..<doc.tokens[t].end).suffix(3).map(\.value)
        guard let last = tail.last else { return false }
        if last == 0x0647 { return true }                                              // ـه
        return tail.suffix(2) == [0x0647, 0x0627] || tail.suffix(2) == [0x0647, 0x0645] || tail == [0x0647, 0x0645, 0x0627]
    }

    /// "الزيارة"، "والاجتماع"، "للقاء": a definite noun refers back to an event already told.
    static func isDefinite(_ word: String) -> Bool {
        var scalars = Substring(word).unicodeScalars[...]
        if scalars.starts(with: "لل".unicodeScalars) { return true }
        for _ in 0..<2 where ["و", "ف", "ب", "ك", "ل"].contains(scalars.first ?? " ") && !scalars.starts(with: "ال".unicodeScalars) {
            scalars = scalars.dropFirst()
        }
        return scalars.starts(with: "ال".unicodeScalars)
    }

    /// The person (else the state or body) most recently named in the sentences before.
    func previousSubject(before sentence: Range<Int>) -> EventMention.Participant? {
        let earlier = actors.filter { $0.tokens.upperBound <= sentence.lowerBound && $0.origin != .demonym }
        guard let m = earlier.last(where: { $0.type == .person }) ?? earlier.last else { return nil }
        return .init(ref: m.ref, role: .actor, text: m.text)
    }
}
