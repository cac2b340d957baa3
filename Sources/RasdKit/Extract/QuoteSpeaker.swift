/// Who speaks with a speech verb, read from the clause's structure rather than from the nearest name:
/// - "نقلت X عن Y قوله": Y (X, often an agency, is never the speaker);
/// - SVO: a name right before the verb ("بوتين قال"، "X، الذي صرح");
/// - VSO: the subject between the verb and what is said ("وقال وزير الخارجية الروسي لافروف إن"); a noun there that
///   is no name is resolved to the entity it stands for ("وقالت الوزارة" → the ministry named before), else the
///   speaker is unknown, never the nearest name;
/// - no subject written ("وأضاف أن"، "وأشار إلى أن"، "مؤكدا أن"): the speaker the text is already about.
struct QuoteSpeaker: Sendable {
    enum Finding: Equatable {
        case named(EntityRef, String)
        /// No subject is written: the previous speaker carries on.
        case carried
        /// A subject is written but names no entity ("وقال مصدر أمني"، "وقال محللون").
        case unknown
    }

    let speech: PhraseLexicon
    let zone: PhraseLexicon
    /// Words that name what follows them ("برنامج"، "صحيفة"): after ل, the addressee of the speech.
    let titleHeads: PhraseLexicon
    /// Titles and ranks before a person's name ("اللواء"، "الرئيس"): no body's name, though some read as one.
    let personTitles: PhraseLexicon
    /// The lexicon's "on:" column by verb form, normalized once.
    let prepositions: [String: String]
    /// The lexicon's "noun:" column by verb form: the form is a noun or an adjective, not the verb, before a word
    /// that begins so ("تابع لسياسات خارجية": affiliated to).
    let nounBefore: [String: String]
    /// The lexicon's "only:" column by verb form: the words before which alone the form is speech, within four
    /// tokens ("لافتا في الوقت نفسه إلى أن", not "لافتة مضيئة": a sign).
    let speechOnlyBefore: [String: Set<String>]
    /// The lexicon's "reach:N" column: how many tokens after the form its "only:" word may stand (else four), so that
    /// a subject with its title fits between ("وعبر وزير الخارجية الأمريكي X عن قلقه").
    let onlyReach: [String: Int]
    /// The lexicon's "unless:" column: a word right after the "only:" word that makes it another phrase ("عبر تركيا عن
    /// طريق البر": by way of).
    let onlyUnless: [String: Set<String>]
    /// The lexicon's "opens" column: the form is speech only where it opens its clause (`opensOwnClause`), not as a
    /// preposition inside one ("وصل الوفد عبر تركيا").
    let opensOnly: Set<String>
    /// "سموه"، "معاليه": honorifics that stand for a person named before.
    let honorificPronouns = HonorificPronouns()

    init(speech: PhraseLexicon) {
        self.speech = speech
        zone = PhraseLexicon.resource("quotes/subject_zone.tsv")
        titleHeads = PhraseLexicon.resource("quotes/title_heads.tsv")
        personTitles = PhraseLexicon.resource("ner/titles.txt")
        prepositions = speech.entries.compactMapValues { values in
            values.first(where: { $0.hasPrefix("on:") }).map { Self.key(String($0.dropFirst(3))) }
        }
        speechOnlyBefore = speech.entries.compactMapValues { values in
            values.first(where: { $0.hasPrefix("only:") }).map { Set($0.dropFirst(5).split(separator: "|").map { Self.key(String($0)) }) }
        }
        onlyReach = speech.entries.compactMapValues { values in
            values.first(where: { $0.hasPrefix("reach:") }).flatMap { Int($0.dropFirst(6)) }
        }
        onlyUnless = speech.entries.compactMapValues { values in
            values.first(where: { $0.hasPrefix("unless:") }).map { Set($0.dropFirst(7).split(separator: "|").map { Self.key(String($0)) }) }
        }
        opensOnly = Set(speech.entries.filter { $0.value.contains("opens") }.keys)
        nounBefore = speech.entries.compactMapValues { values in
            values.first(where: { $0.hasPrefix("noun:") }).map { Self.key(String($0.dropFirst(5))) }
        }
    }

    /// A word marked `nospeech` in `quotes/subject_zone.tsv` right before or after the span ("داعيا الله أن"، "مما
    /// دعا"، "الجدير ذكره"): the speech verb there is no speech.
    func nextToNoSpeech(_ doc: Document, _ span: Range<Int>, in sentence: Range<Int>) -> Bool {
        [span.lowerBound - 1, span.upperBound].contains { k in
            sentence.contains(k) && zone.entries[doc.tokens[k].norm]?.first == "nospeech"
        }
    }

    /// Whether the word at `t` opens its clause: the sentence's start, after punctuation, with و or ف on it, or after a
    /// word the subject zone skips ("من جهته عبر"، "كما عبر").
    func opensOwnClause(_ doc: Document, _ t: Int, in sentence: Range<Int>) -> Bool {
        guard t > sentence.lowerBound, doc.tokens[t - 1].isWord else { return true }
        if let first = doc.tokens[t].norm.unicodeScalars.first, first == "و" || first == "ف" { return true }
        return zone.entries[doc.tokens[t - 1].norm]?.first == "skip"
    }

    /// Whether the speech-verb form at `t` is read as a noun here (the lexicon's "noun:" column).
    func readsAsNoun(_ doc: Document, _ t: Int, in sentence: Range<Int>) -> Bool {
        // "بين رد قوات الأمن على ..."، "في رد على سؤال": a preposition takes a noun, never a verb.
        // (Not a form with و or ف on it: "جبل علي وأشار" is a new clause after a name that folds into "على".)
        if t > sentence.lowerBound, Self.nounOnlyAfter.contains(doc.tokens[t - 1].norm),
           let first = doc.tokens[t].norm.unicodeScalars.first, first != "و", first != "ف" { return true }
        if let e = entry(doc.tokens[t], conjunctionsOnly: true), let allowed = speechOnlyBefore[e.form] {
            let unless = onlyUnless[e.form] ?? []
            let reach = onlyReach[e.form] ?? 4
            if !((t + 1)..<min(t + 1 + reach, sentence.upperBound)).contains(where: { k in
                allowed.contains(doc.tokens[k].norm) && !(k + 1 < sentence.upperBound && unless.contains(doc.tokens[k + 1].norm))
            }) {
                return true
            }
        }
        if let e = entry(doc.tokens[t], conjunctionsOnly: true), opensOnly.contains(e.form), !opensOwnClause(doc, t, in: sentence) {
            return true
        }
        guard !nounBefore.isEmpty, t + 1 < sentence.upperBound, let e = entry(doc.tokens[t], conjunctionsOnly: true),
              let prefix = nounBefore[e.form] else { return false }
        let next = doc.tokens[t + 1]
        return next.kind == .arabic && next.norm.hasPrefix(prefix) && next.norm != prefix
    }

    /// The speech lexicon's row of a word, read with at most one proclitic (only و or ف with `conjunctionsOnly`):
    /// its form and its values.
    func entry(_ token: Token, conjunctionsOnly: Bool = false) -> (form: String, values: [String])? {
        // Readings tested by hash, spelled out only on a hit: this runs for every word of every article.
        for r in token.readings where r.prefix <= 1 && speech.mayHold(key: r.key) {
            if conjunctionsOnly, r.prefix == 1, let first = token.norm.unicodeScalars.first, first != "و" && first != "ف" { continue }
            let stem = r.stem(of: token.norm)
            if let v = speech.entries[stem] { return (stem, v) }
        }
        return nil
    }

    static func key(_ s: String) -> String { ArabicNormalizer.shared.key(s) }
    /// Prepositions after which a word is a noun: a speech verb's form there is its verbal noun ("بين رد X"، "في
    /// رد"، "عن إعلان"). Not "من", which is also "whoever" ("هناك من يقول").
    static let nounOnlyAfter: Set<String> = Set(["في", "على", "إلى", "الى", "عن", "بين", "مع", "حول", "خلال", "بعد", "قبل",
                                                  "لدى", "ضد", "عبر", "منذ", "بشأن"].map(key))
    static let complementizers: Set<String> = Set(["ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها"])
    /// Words between a name and its verb in SVO: relative pronouns and قد.
    static let relatives: Set<String> = Set(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "والذي", "والتي", "والذين",
                                              "قد", "فقد", "لقد"].map(key))
    /// Nouns for a person by role alone ("المسؤول"، "الدبلوماسي"): `quotes/generic_person_nouns.tsv`.
    static let genericPersonNouns = PhraseLexicon.resource("quotes/generic_person_nouns.tsv")
    /// Conjunctions of time whose clause right after a name has the name as its subject ("X حين قال").
    static let whenConjunctions: Set<String> = Set(["حين", "حينما", "عندما"].map(key))
    /// "أما X ... فـ": the topic of the clause that the verb with ف continues.
    static let topicMarkers: Set<String> = Set(["أما", "وأما"].map(key))
    /// قد and its forms: between a name and its verb they leave the verb the main one ("X قد قال").
    static let perfectParticles: Set<String> = Set(["قد", "فقد", "لقد"].map(key))
    /// Prepositions and titles before a name that make it the place, the addressee, the topic or a genitive of the
    /// speech, not its speaker.
    static let notSpeakerBefore: Set<String> = Set(["في", "الى", "إلى", "من", "على", "مع", "لدى", "حول", "بشأن", "ضد", "باسم", "عن",
                                                     "بحسب", "حسب", "حسبما", "وفق", "وفقا", "نقلا", "طبقا"].map(key))
    /// Words right before a speech verb that put it inside a clause with its subject before it: "أن" of "سبق أن
    /// قال"، the pronoun "من" of "من قال".
    static let subordinators: Set<String> = Set(["أن", "ان", "وأن", "وان", "من", "فمن", "ومن", "ما", "كل"].map(key))
    /// Nationality adjectives ("الأمريكي"، "السعودية"): definite words ending in the nisba, which a noun subject and
    /// the entity it stands for must share ("وزير الخارجية الأمريكي" is not the Saudi foreign minister).
    static func nisba(_ w: String) -> String? {
        guard w.hasPrefix("ال"), w.unicodeScalars.count >= 5 else { return nil }
        var stem = String(w.dropFirst(2))
        if stem.hasSuffix("يه") { stem = String(stem.dropLast()) }
        guard stem.hasSuffix("ي"), !stem.hasSuffix("وي") || stem.unicodeScalars.count > 4 else { return nil }
        return stem
    }
    static let relayPrepositions: Set<String> = Set(["عن", "إلى", "الى"].map(key))
    static let outletHeads: Set<String> = Set(["وكالة", "صحيفة", "قناة", "موقع", "تلفزيون", "إذاعة", "مجلة", "شبكة"].map(key))

    /// The speech-verb kind of a token ("say", "report", "relay"), when it is a speech verb: only the conjunctions
    /// و/ف may be on it (a word with the article is a noun: "النقل" is no "نقل").
    func kind(_ token: Token) -> String? {
        guard token.isWord, let e = entry(token, conjunctionsOnly: true) else { return nil }
        return e.values.first ?? "say"
    }

    /// The preposition after which the verb's content may follow ("شدد على ضرورة ..."), normalized: the lexicon's
    /// "on:" column.
    func contentPreposition(_ token: Token) -> String? {
        entry(token).flatMap { prepositions[$0.form] }
    }

    /// A verb that takes whom it addresses as object before its content preposition ("حذر X الأطراف من"): marked
    /// "object" in the lexicon.
    func takesObject(_ token: Token) -> Bool {
        entry(token)?.values.contains("object") ?? false
    }

    /// A participle or verbal noun with no subject of its own ("مشيرا"، "قوله"): marked "carried" in the lexicon.
    func isCarried(_ token: Token) -> Bool {
        entry(token)?.values.contains("carried") ?? false
    }

    /// Whether the verb token carries a conjunction (a new clause whose subject is not the name before it).
    func hasConjunction(_ token: Token) -> Bool {
        guard let first = token.norm.unicodeScalars.first, first == "و" || first == "ف" else { return false }
        return speech.entries[token.norm] == nil
    }

    /// Whether a mention may be a speaker: not a nationality adjective, not after a preposition, not with ب or ل
    /// on it, not the outlet spoken to ("لوكالة رويترز").
    func canSpeak(_ m: EntityMention, _ doc: Document) -> Bool {
        if m.origin == .demonym { return false }
        // An outlet's acronym in apposition to its full name ("لوكالة الأنباء الألمانية دي بي إيه") shares the
        // full name's place: spoken to there, so not the speaker either.
        if let id = m.ref.kbId,
           let full = doc.mentions.first(where: { $0.tokens.upperBound <= m.tokens.lowerBound
               && m.tokens.lowerBound - $0.tokens.upperBound <= 2 && $0.ref.kbId == id
               && ($0.tokens.upperBound..<m.tokens.lowerBound).allSatisfy { doc.tokens[$0].kind == .punct } }) {
            return canSpeak(full, doc)
        }
        // A place name that reads as an adjective after a definite noun ("الشركة السعودية") is no speaker.
        if m.type == .gpe, m.text.hasPrefix("ال"), m.tokens.lowerBound > 0, doc.tokens[m.tokens.lowerBound - 1].isWord,
           doc.tokens[m.tokens.lowerBound - 1].norm.hasPrefix("ال"),
           !doc.inMention(m.tokens.lowerBound - 1) {
            return false
        }
        let first = doc.tokens[m.tokens.lowerBound]
        if m.start > first.start {
            let clitics = doc.string(first.start, m.start)
            if clitics.unicodeScalars.contains("ل") || clitics.unicodeScalars.contains("ب") { return false }
        }
        // The word before, past quote marks and brackets ("بحسب «رويترز»"), and without its conjunction.
        var k = m.tokens.lowerBound - 1
        while k >= 0, doc.tokens[k].kind == .punct, m.tokens.lowerBound - k <= 2, doc.tokens[k].norm != "،" && doc.tokens[k].norm != "," { k -= 1 }
        guard k >= 0, doc.tokens[k].isWord else { return true }
        var previous = doc.tokens[k].norm
        if Self.notSpeakerBefore.contains(previous) { return false }
        // "في مقابلة مع قناة «العربية»": the outlet after a media noun and a preposition is spoken to.
        if Self.outletHeads.contains(previous), k > 0, Self.notSpeakerBefore.contains(doc.tokens[k - 1].norm) { return false }
        if previous.hasPrefix("و") || previous.hasPrefix("ف") { previous = String(previous.dropFirst()) }
        if Self.notSpeakerBefore.contains(previous) { return false }
        return !(previous.hasPrefix("ل") && Self.outletHeads.contains(String(previous.dropFirst())))
    }

    /// The mentions that may speak in the sentence: the article's names, and a body named after a place around the
    /// place's mention ("وقالت محكمة استئناف ديالى"، a nested form: `EntityStage.bodiesOfPlaces`) instead of the
    /// place inside it, which does not speak there.
    func speakingMentions(_ doc: Document, in sentence: Range<Int>) -> [EntityMention] {
        let bodies = doc.nestedMentions.filter { b in
            b.type == .org && sentence.contains(b.tokens.lowerBound)
                && doc.mentions.contains { $0.type == .gpe && b.tokens.contains($0.tokens.lowerBound) && b.tokens.lowerBound < $0.tokens.lowerBound }
        }
        guard !bodies.isEmpty else { return doc.mentions }
        return (doc.mentions.filter { m in !bodies.contains { $0.tokens.contains(m.tokens.lowerBound) && $0.tokens.lowerBound < m.tokens.lowerBound } }
                + bodies).sorted { $0.start < $1.start }
    }

    /// Whether a name stands inside a body's name ("مؤسسة جسر الملك فهد"، "شركة X"): a body's head noun within the
    /// three words before it, no punctuation between.
    func insideBodyName(_ doc: Document, _ m: EntityMention) -> Bool {
        var k = m.tokens.lowerBound - 1
        while k >= 0, m.tokens.lowerBound - k <= 3, doc.tokens[k].isWord {
            let w = doc.tokens[k].norm
            if titleHeads.contains(word: w) && personTitles.entries[w] == nil { return true }
            k -= 1
        }
        return false
    }

    /// Whether a place name opens its clause (the sentence's start, punctuation or a word like "لكن" before it),
    /// so that it can be the subject of the verb after it ("لكن طهران تقول") and not the end of a phrase of place
    /// ("وفي مدينة إب وسط اليمن قالت مصادر").
    func opensClause(_ doc: Document, before m: EntityMention, sentence: Range<Int>) -> Bool {
        let k = m.tokens.lowerBound - 1
        guard k >= sentence.lowerBound, doc.tokens[k].isWord else { return true }
        return zone.entries[doc.tokens[k].norm]?.first == "opener"
    }

    func find(_ doc: Document, verb: Int, sentence: Range<Int>) -> Finding {
        let people = speakingMentions(doc, in: sentence).filter { ($0.type == .person || $0.type == .org || $0.type == .gpe) && canSpeak($0, doc) }
        let inSentence = people.filter { sentence.contains($0.tokens.lowerBound) }
        let tokens = doc.tokens
        // "نقلت رويترز عن X قوله": the source after عن; an unnamed source ("عن مصادر") is unknown.
        if kind(tokens[verb]) == "relay" {
            let limit = min(verb + 9, sentence.upperBound)
            // "نسبت X إلى Y قوله" the same with إلى.
            if let an = ((verb + 1)..<limit).first(where: { Self.relayPrepositions.contains(tokens[$0].norm) }) {
                // The person after عن, a title allowed before the name ("عن وزير الخارجية X قوله"), else the body.
                let after = doc.mentions.filter { $0.origin != .demonym && $0.tokens.lowerBound > an && $0.tokens.lowerBound <= an + 6 }
                if let m = after.first(where: { $0.type == .person }) ?? after.first(where: { $0.tokens.lowerBound == an + 1 })
                    ?? spokenFor(doc, title: an + 1, before: sentence.upperBound) {
                    return .named(m.ref, m.text)
                }
                return .unknown
            }
        }
        if isCarried(tokens[verb]) { return .carried }
        // "وقال سموه:"، "وأكد معاليه أن": the person the honorific stands for.
        if verb + 1 < sentence.upperBound, honorificPronouns.marks[tokens[verb + 1].norm] != nil {
            if let m = honorificPronouns.referent(doc, at: verb + 1) {
                return .named(m.ref, doc.string(tokens[verb + 1].start, tokens[verb + 1].end))
            }
            return .unknown
        }
        if let subject = pluperfectSubject(doc, verb: verb, sentence: sentence) { return subject }
        // "أما X ...، فقال": the subject is the name after أما, or nobody named.
        if tokens[verb].norm.hasPrefix("ف"),
           let amma = (sentence.lowerBound..<verb).last(where: { Self.topicMarkers.contains(tokens[$0].norm) }) {
            var k = amma + 1
            while k < verb, tokens[k].kind == .punct { k += 1 }
            if let m = people.first(where: { $0.tokens.lowerBound == k }) { return .named(m.ref, m.text) }
            // A title before the name: "أما رئيس المجلس جورج نصار فأعرب".
            if let m = people.first(where: { m in
                m.type == .person && m.tokens.lowerBound > k && m.tokens.lowerBound <= k + 6 && m.tokens.upperBound <= verb
                    && (k..<m.tokens.lowerBound).allSatisfy { tokens[$0].isWord }
            }), personTitles.contains(token: tokens[k]) {
                return .named(m.ref, m.text)
            }
            return .unknown
        }
        // SVO: a name ending right before the verb, only relative pronouns or قد between; a body named in the
        // title of a person before it is a genitive ("جانيت يلين رئيسة مجلس الاحتياطي قد قالت"): the person speaks.
        if !hasConjunction(tokens[verb]),
           let m = svoCandidate(inSentence, verb: verb), !afterKin(doc, m),
           (m.tokens.upperBound..<verb).allSatisfy({ svoGap(doc, $0, verb: verb) }),
           m.type != .gpe || opensClause(doc, before: m, sentence: sentence),
           // A body set off by a comma closes a phrase before the clause ("في مقابلة مع قناة «العربية»، أكد كيري").
           m.type == .person || !(m.tokens.upperBound..<verb).contains(where: { tokens[$0].norm == "," }) {
            // "مصادر في تيار عون أكدت"، "مصدر مقرب من X قال": the name qualifies an unnamed source before it.
            let lead = max(sentence.lowerBound, m.tokens.lowerBound - 6)..<m.tokens.lowerBound
            if let source = lead.last(where: { tokens[$0].isWord && zone.entries[tokens[$0].norm]?.first == "nobody" }),
               ((source + 1)..<m.tokens.lowerBound).allSatisfy({ tokens[$0].isWord && !Self.complementizers.contains(tokens[$0].norm) }),
               // The source is qualified: a preposition or a word of closeness right after it ("مصادر في"، "مصدر مقرب من").
               ArgumentFinder.prepositions.contains(tokens[source + 1].norm)
                || ["close", "allegiance"].contains(zone.entries[tokens[source + 1].norm]?.first ?? "") {
                return .unknown
            }
            if m.type != .person, let person = inSentence.last(where: {
                $0.type == .person && $0.tokens.upperBound <= m.tokens.lowerBound && m.tokens.lowerBound - $0.tokens.upperBound <= 4
                    && ($0.tokens.upperBound..<m.tokens.lowerBound).allSatisfy { tokens[$0].isWord }
            }) {
                return .named(person.ref, person.text)
            }
            return .named(m.ref, m.text)
        }
        let finding = subjectAfter(doc, verb: verb, sentence: sentence, inSentence: inSentence, people: people)
        // "سبق وأن قال إن"، "فمن قال إن": a verb inside a clause whose subject stands before it (no name found
        // there) names nobody; it carries no speaker from before.
        if finding == .carried, isSubordinate(doc, verb: verb, sentence: sentence) { return .unknown }
        if finding == .carried, let before = subjectBefore(doc, verb: verb, sentence: sentence, people: people) { return before }
        // A verb right after an indefinite noun has it as its subject ("مجموعات تقول إنها"، "بيانا صحفيا ذكرت فيه"):
        // nobody named, unless the noun is what the verb speaks in ("في تغريدة قال فيها").
        if finding == .carried, verb > sentence.lowerBound, !hasConjunction(tokens[verb]), !isCarried(tokens[verb]) {
            let previous = tokens[verb - 1]
            let inIt = verb + 1 < sentence.upperBound && zone.entries[tokens[verb + 1].norm]?.first == "prep"
                && tokens[verb + 1].norm.unicodeScalars.count > 2
            // Not after a fronted phrase ("وحول تكدس الأجانب وتجمعهم قال"): its clause must not open with a preposition.
            var start = verb - 1
            while start > sentence.lowerBound, tokens[start - 1].isWord { start -= 1 }
            var opening = tokens[start].norm
            if opening.hasPrefix("و") || opening.hasPrefix("ف") { opening = String(opening.dropFirst()) }
            let fronted = Self.notSpeakerBefore.contains(opening) || zone.entries[opening]?.first == "prep"
            if !fronted, previous.isWord, !previous.norm.hasPrefix("ال"), zone.entries[previous.norm] == nil,
               !Self.relatives.contains(previous.norm), !Self.kana.contains(previous.norm), !Self.subordinators.contains(previous.norm),
               !doc.inMention(verb - 1), !inIt,
               previous.norm.unicodeScalars.count >= 4 {
                return .unknown
            }
        }
        // "التقارير التي أكدت أن": a relative clause with no subject of its own speaks for its antecedent, and an
        // antecedent that is no name (SVO above found none) speaks for nobody.
        if finding == .carried, verb > sentence.lowerBound, Self.relatives.contains(tokens[verb - 1].norm),
           tokens[verb - 1].norm != Self.key("قد") {
            return .unknown
        }
        return finding
    }

    /// The subject written before a verb that does not open its clause ("وكان مصدر مسؤول في شركة X، قد أكد"،
    /// "لكن مسؤولا ليبيا رفيعا قال"): an unnamed source there speaks for nobody; after "كان" a name speaks, a noun
    /// speaks for what it stands for. Nil when the verb opens its clause.
    func subjectBefore(_ doc: Document, verb: Int, sentence: Range<Int>, people: [EntityMention]) -> Finding? {
        let tokens = doc.tokens
        guard verb > sentence.lowerBound, !hasConjunction(tokens[verb]), !isCarried(tokens[verb]) else { return nil }
        var k = verb - 1
        if Self.perfectParticles.contains(tokens[k].norm) { k -= 1 }
        while k >= sentence.lowerBound, tokens[k].kind == .punct, tokens[k].norm == "،" || tokens[k].norm == "," { k -= 1 }
        guard k >= sentence.lowerBound, tokens[k].isWord, zone.entries[tokens[k].norm] == nil else { return nil }
        // Back to the clause's start: the sentence's, a punctuation mark, an opener or "كان".
        var start = k
        while start > sentence.lowerBound {
            let t = tokens[start - 1]
            if !t.isWord && t.norm != "،" && t.norm != "," { break }
            if t.isWord, zone.entries[t.norm]?.first == "opener" || Self.kana.contains(t.norm) { break }
            // A clause this long has its subject out of sight: nothing is told.
            if verb - start >= 14 { return nil }
            start -= 1
        }
        let clause = (start..<k + 1).filter { tokens[$0].isWord }
        guard let first = clause.first else { return nil }
        // An unnamed source, or a relative of a name ("والد الجندي X قال"), is the subject: nobody named speaks.
        if ["nobody", "kin"].contains(zone.entries[tokens[first].norm]?.first ?? "") { return .unknown }
        if start > sentence.lowerBound, Self.kana.contains(tokens[start - 1].norm) {
            if let m = people.first(where: { $0.tokens.lowerBound == first }) { return .named(m.ref, m.text) }
            let resolved = resolve(doc, nominal: first, before: verb, people: people)
            return resolved == .unknown ? .unknown : resolved
        }
        return nil
    }

    static let kana: Set<String> = Set(["كان", "وكان", "كانت", "وكانت", "فكان", "فكانت"].map(key))
    static let qad: Set<String> = Set(["قد", "فقد"].map(key))

    /// "وكانت قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن قد أعلنت": the subject stands between كان and قد,
    /// however long: a person named there, else the first body or state (a genitive "لـ" allowed: the command of
    /// the coalition speaks for it), never one after a preposition word.
    /// A noun phrase there that names nothing ("وكانت المديرية العامة للجوازات قد أكدت") is a speaker Rasd does not
    /// know, never a name after the verb; a phrase of time or place there ("وكان في عام 2006 قد أعرب") leaves the
    /// subject unwritten.
    func pluperfectSubject(_ doc: Document, verb: Int, sentence: Range<Int>) -> Finding? {
        let tokens = doc.tokens
        guard verb - 2 >= sentence.lowerBound, tokens[verb - 1].isWord, Self.qad.contains(tokens[verb - 1].norm),
              let k = stride(from: verb - 2, through: max(sentence.lowerBound, verb - 14), by: -1).first(where: {
                  !tokens[$0].isWord || Self.kana.contains(tokens[$0].norm) }),
              tokens[k].isWord, k + 1 < verb - 1 else { return nil }
        let between = doc.mentions.filter { $0.tokens.lowerBound > k && $0.tokens.upperBound <= verb - 1
            && ($0.type == .person || $0.type == .org || $0.type == .gpe) && $0.origin != .demonym }
        let open = { (m: EntityMention) in ((k + 1)..<m.tokens.lowerBound).allSatisfy { !Self.notSpeakerBefore.contains(tokens[$0].norm) } }
        if let m = between.first(where: { $0.type == .person && open($0) }) ?? between.first(where: open) { return .named(m.ref, m.text) }
        if Self.notSpeakerBefore.contains(tokens[k + 1].norm) || zone.entries[tokens[k + 1].norm]?.first == "prep" { return .carried }
        return resolve(doc, nominal: k + 1, before: verb, people: doc.mentions.filter {
            ($0.type == .person || $0.type == .org || $0.type == .gpe) && canSpeak($0, doc) })
    }


    /// Whether a speech verb stands in a clause whose subject comes before it ("سبق وأن قال"، "فمن قال"), not in
    /// one of time or manner that shares the sentence's subject ("قبل أن يشدد").
    func isSubordinate(_ doc: Document, verb: Int, sentence: Range<Int>) -> Bool {
        guard verb > sentence.lowerBound, Self.subordinators.contains(doc.tokens[verb - 1].norm) else { return false }
        if verb - 1 > sentence.lowerBound, zone.entries[doc.tokens[verb - 2].norm]?.contains("time") ?? false { return false }
        return true
    }

    /// Whether a word opens the addressee of the speech: "لـ", or ل on a name, an outlet or a programme
    /// ("لرويترز"، "لصحيفة"، "لبرنامج").
    func isAddressee(_ doc: Document, _ t: Int) -> Bool {
        let w = doc.tokens[t].norm
        guard doc.tokens[t].isWord, w.hasPrefix("ل") else { return false }
        if w == Self.key("ل") || w.hasPrefix("لل") { return true }
        let stem = String(w.dropFirst())
        // A name with ل as a clitic outside it ("لرويترز"), not a name that begins with ل ("لافروف").
        return doc.mentions.contains { $0.tokens.lowerBound == t && $0.start > doc.tokens[t].start }
            || Self.outletHeads.contains(stem) || titleHeads.contains(word: stem)
    }

    /// Whether a person closes a title chain that ends in a place or a body ("رئيس المجلس الإشرافي لمركز بر الفيصلية
    /// الخيري التابع لجمعية البر بالأحساء X"): the subject zone opens with a person's title, and the word right before
    /// the name is in the name of a place or body, not a title of the name's own ("الموالية لحكومة الرئيس X").
    func closesTitleChain(_ doc: Document, _ m: EntityMention, head: Int?) -> Bool {
        guard let head, personTitles.contains(token: doc.tokens[head]), m.tokens.lowerBound - 1 > head else { return false }
        let k = m.tokens.lowerBound - 1
        return doc.tokens[k].isWord && doc.mentions.contains { $0.type != .person && $0.tokens.contains(k) }
    }

    /// The body an unnamed spokesman speaks for: "باسم" within three words after the title at `title`, only words
    /// between ("المتحدث الرسمي باسم"), and a body or state named right after it, before `limit` (also a body nested
    /// in the office, "المتحدث باسم وزارة الخارجية" in an article that names no state yet).
    func spokenFor(_ doc: Document, title: Int, before limit: Int) -> EntityMention? {
        guard title < limit, doc.tokens[title].isWord,
              let k = ((title + 1)..<min(title + 4, limit)).first(where: { doc.tokens[$0].norm == Self.key("باسم") }),
              ((title + 1)..<k).allSatisfy({ doc.tokens[$0].isWord && !doc.inMention($0) }) else { return nil }
        return (doc.mentions + doc.nestedMentions).first { $0.tokens.lowerBound == k + 1 && $0.tokens.upperBound <= limit
            && ($0.type == .org || $0.type == .gpe) && $0.origin != .demonym }
    }

    /// Whether a word of allegiance ("الموالية"، "التابعة"، "المقربة") stands between `from` and a mention.
    func followsAllegiance(_ doc: Document, _ m: EntityMention, from: Int) -> Bool {
        guard from < m.tokens.lowerBound else { return false }
        return (from..<m.tokens.lowerBound).contains { doc.tokens[$0].isWord && zone.entries[doc.tokens[$0].norm]?.first == "allegiance" }
    }

    /// Whether a kinship word stands within three words before a name ("والد الشهيد X"، "شقيقا الشهيد X"): the name
    /// is whose relative speaks, not the speaker; so is a name after the subject's counterpart ("مع نظيره الكوبي X").
    func afterKin(_ doc: Document, _ m: EntityMention) -> Bool {
        var k = m.tokens.lowerBound - 1
        while k >= 0, m.tokens.lowerBound - k <= 3, doc.tokens[k].isWord {
            if let c = zone.entries[doc.tokens[k].norm]?.first, c == "kin" || c == "counterpart" { return true }
            k -= 1
        }
        return false
    }

    /// The name ending right before a verb (up to three tokens before it); of names ending at the same token, a
    /// person's ("زعيم كوريا الشمالية الذي صرح" is the leader, not the state in his description).
    func svoCandidate(_ inSentence: [EntityMention], verb: Int) -> EntityMention? {
        guard let last = inSentence.last(where: { $0.tokens.upperBound <= verb && $0.tokens.upperBound >= verb - 3 }) else { return nil }
        return inSentence.first(where: { $0.type == .person && $0.tokens.upperBound == last.tokens.upperBound }) ?? last
    }

    /// Whether token `t`, between a name and the verb after it, keeps the name the verb's subject: a relative
    /// pronoun, قد or كان, a conjunction of time right before the verb ("X حين قال"), a closing bracket, or a comma before a relative ("X، الذي صرح"); a closing quote mark, a
    /// question mark or a colon ends the name's clause ("... بدون الأسد؟»، أجاب كيري").
    func svoGap(_ doc: Document, _ t: Int, verb: Int) -> Bool {
        let token = doc.tokens[t]
        // "X حين قال"، "X عندما أكد": a clause of time right after the name has it as its subject (not "في حين":
        // whereas, with a subject of its own after the verb).
        if token.isWord, t == verb - 1, Self.whenConjunctions.contains(token.norm), t > 0, doc.tokens[t - 1].norm != Self.key("في") {
            return true
        }
        // "وزارة الدفاع كانت قد أعلنت": كان (no و on it: a new clause) before the verb leaves the name its subject.
        if token.isWord { return Self.relatives.contains(token.norm) || (Self.kana.contains(token.norm) && !hasConjunction(token)) }
        switch token.norm {
        case ")": return true
        case "،", ",": return t + 1 < verb && doc.tokens[t + 1].isWord && Self.relatives.contains(doc.tokens[t + 1].norm)
        default: return false
        }
    }

    /// Whether a word carries a one-letter content preposition ("بضرورة"، "بالإفراج"، "بإيقاف" for "طالب ... بـ"):
    /// the letter on a word with the article, on a verbal noun that opens with ا، أ، إ or ت, or on a noun of content
    /// (`quotes/content_nouns.tsv`); not on a noun whose first letter it is ("بيان"، "برنامج"، "بلاده") nor on a word
    /// of the subject zone ("بدوره") or a name.
    func opensWithPreposition(_ doc: Document, _ t: Int, _ prep: String) -> Bool {
        let token = doc.tokens[t]
        guard prep.unicodeScalars.count == 1, token.isWord, token.norm.hasPrefix(prep), !doc.inMention(t),
              // Nor on a body named in a title ("العميد بالجيش العراقي").
              !doc.nestedMentions.contains(where: { $0.tokens.contains(t) }),
              zone.entries[token.norm] == nil, !Self.complementizers.contains(token.norm) else { return false }
        let rest = String(token.norm.dropFirst())
        guard rest.unicodeScalars.count >= 3 else { return false }
        if QuoteStage.contentNouns.entries[rest] != nil { return true }
        return ["ال", "ا", "أ", "إ", "ت"].map(Self.key).contains { rest.hasPrefix($0) }
    }

    /// "عن", the content preposition of "أعرب" (quotes/speech_verbs.tsv).
    static let an = ArabicNormalizer.shared.key("عن")

    /// VSO: the subject between the verb and what is said, or none written (`.carried`).
    func subjectAfter(_ doc: Document, verb: Int, sentence: Range<Int>, inSentence: [EntityMention],
                      people: [EntityMention]) -> Finding {
        let tokens = doc.tokens
        // The subject zone: the words after the verb up to what is said.
        var end = verb + 1
        // "أعرب X عن تعازيه في وفاة Y": what is expressed follows "عن" (the verb's content preposition), and a name
        // after it is no subject. ("على" and "إلى" also open titles: "المشرف على"، "المبعوث إلى اليمن".)
        let contentAfterAn = contentPreposition(tokens[verb]) == Self.an
        // Long enough for a title chain before the name ("ذكر وكيل وزارة الطاقة رئيس «لجنة ...» الدكتور X").
        while end < min(verb + 16, sentence.upperBound) {
            let t = tokens[end]
            if t.isWord && Self.complementizers.contains(t.norm) && !doc.inMention(end) { break }
            if contentAfterAn, t.isWord, t.norm == Self.an, !doc.inMention(end) { break }
            // "وطالب X بإيقاف Y": a preposition written on its noun opens what is said, and Y is no subject.
            if let prep = contentPreposition(tokens[verb]), prep.unicodeScalars.count == 1, opensWithPreposition(doc, end, prep) { break }
            if t.kind == .punct && t.norm == ":" { break }
            if t.kind == .punct && QuoteStage.openers.contains(t.norm.unicodeScalars.first!) {
                // A short name in quote marks inside a title, with the speaker's name after it ("وكيل الوزارة رئيس
                // «لجنة متابعة الأسعار» الدكتور X أن"), is passed over; any other quote mark opens what is said.
                if let close = quotedName(doc, opening: end, sentence: sentence, people: inSentence) {
                    end = close + 1
                    continue
                }
                // The addressee's name in quote marks ("وقال لـ«عكاظ» الناطق ..."): passed over.
                if end > verb + 1, isAddressee(doc, end - 1),
                   let close = ((end + 1)..<min(end + 8, sentence.upperBound)).first(where: {
                       tokens[$0].kind == .punct && QuoteStage.closers.contains(tokens[$0].norm.unicodeScalars.first!) }) {
                    end = close + 1
                    continue
                }
                // The subject's own name in quote marks ("وقالت «داعش» إن"، "وأشار \"جون كيري\" إلى أن"), after a
                // noun that names it too ("وذكرت صحيفة «نيويورك تايمز» أن"، `quotes/title_heads.tsv`).
                if end == verb + 1 || (end == verb + 2 && titleHeads.contains(token: tokens[verb + 1])),
                   let named = quotedSubject(doc, opening: end, sentence: sentence, people: people) {
                    return named
                }
                break
            }
            if t.isWord, kind(t) != nil { break }   // a second speech verb begins another clause
            end += 1
        }
        let zoneTokens = (verb + 1)..<end
        var inZone = inSentence.filter { zoneTokens.contains($0.tokens.lowerBound) }
        // The first word that is neither punctuation nor an adverb.
        // (A name that reaches past the zone's end leaves nothing to read: no range from past its end.)
        let firstWord = { (from: Int) -> Int? in
            guard from < end else { return nil }
            return (from..<end).first(where: { (t: Int) -> Bool in tokens[t].isWord && self.zone.entries[tokens[t].norm]?.first != "skip" })
        }
        var head = firstWord(verb + 1)
        // An addressee before the subject ("وقال لـ«عكاظ» الناطق الإعلامي ..."، "وقال لرويترز مسؤول ..."): the
        // subject is what follows it, if anything does.
        if let h = head, isAddressee(doc, h) {
            // Where the addressee ends, when it can be told: a quoted name after "لـ", or a name.
            var after: Int?
            if tokens[h].norm == Self.key("ل"), h + 1 < end, tokens[h + 1].kind == .punct,
               QuoteStage.openers.contains(tokens[h + 1].norm.unicodeScalars.first!) {
                after = ((h + 2)..<end).first(where: { tokens[$0].kind == .punct && QuoteStage.closers.contains(tokens[$0].norm.unicodeScalars.first!) }).map { $0 + 1 }
            } else if let m = doc.mentions.first(where: { $0.tokens.lowerBound == h && $0.start > tokens[h].start }) {
                after = m.tokens.upperBound
            }
            // The subject after it is a name or a definite noun.
            if let after, let h2 = firstWord(after), !isAddressee(doc, h2), zone.entries[tokens[h2].norm]?.first != "prep",
               tokens[h2].norm.hasPrefix("ال") || inZone.contains(where: { $0.tokens.lowerBound == h2 }) {
                head = h2
                inZone = inZone.filter { $0.tokens.lowerBound >= h2 }
            }
        }
        // Unnamed sources ("وقالت مصادر عسكرية موالية لـX"، "مصادر في مكتب رئيس الوزراء X"): nobody speaks, unless
        // the name follows the noun ("وقال مسؤول X").
        if let head, zone.entries[tokens[head].norm]?.first == "nobody",
           !inZone.contains(where: { $0.type == .person && ($0.tokens.lowerBound == head + 1
               || (tokens[head].norm == Self.key("أحد") && !followsAllegiance(doc, $0, from: head))) }) {
            return .unknown
        }
        // A person after a word of allegiance ("القوات الموالية لحكومة الرئيس X") is the side, not the subject; not
        // the holder of a title whose chain ends in a place ("رئيس مركز ... التابع لجمعية البر بالأحساء X").
        inZone = inZone.filter { !($0.type == .person && followsAllegiance(doc, $0, from: verb + 1) && !closesTitleChain(doc, $0, head: head)) }
        // A name inside the name of a body ("مؤسسة جسر الملك فهد") or a description after another title ("نائب
        // المستشارة الألمانية": her deputy) is no speaker.
        if let head {
            let bodyHead = titleHeads.contains(token: tokens[head]) && personTitles.entries[tokens[head].norm] == nil
            inZone = inZone.filter { m in
                !(m.type == .person && m.tokens.lowerBound > head && (bodyHead || m.origin == .description || afterKin(doc, m)))
            }
        }
        // "واعتبرت السعودية اتهامات نوري المالكي لها ... افتراء": a state or body right after the verb, followed by a
        // claim noun (what it judges), is the subject; the person in that noun's genitive made the claim.
        if let head, let m = inZone.first(where: { $0.tokens.lowerBound == head }), m.type != .person,
           m.tokens.upperBound < end, ArgumentFinder.isClaimNoun(tokens[m.tokens.upperBound]) {
            return .named(m.ref, m.text)
        }
        // A person named there is the speaker ("وقال في موسكو وزير الخارجية الروسي سيرغي لافروف"); a person in the
        // genitive of a title, with another name right after, is not ("قال مستشار خامنئي الدكتور علي ولايتي").
        if var person = inZone.first(where: { $0.type == .person }) {
            if let head, head < person.tokens.lowerBound,
               let next = inZone.first(where: { $0.type == .person && $0.tokens.lowerBound >= person.tokens.upperBound
                   && $0.tokens.lowerBound - person.tokens.upperBound <= 1 }),
               (person.tokens.upperBound..<next.tokens.lowerBound).allSatisfy({ tokens[$0].isWord && !Self.notSpeakerBefore.contains(tokens[$0].norm)
                   && !Self.relatives.contains(tokens[$0].norm) && zone.entries[tokens[$0].norm]?.first != "prep" }) {
                person = next
            }
            return .named(person.ref, person.text)
        }
        guard let head else { return .carried }
        // A body or a state named first ("وقالت وزارة الخارجية"، "وأعلنت مصر"): the speaker; named after a title
        // noun it is a genitive ("سفيرة الولايات المتحدة"), not the speaker.
        if let m = inZone.first(where: { $0.tokens.lowerBound == head }) { return .named(m.ref, m.text) }
        let word = tokens[head].norm
        switch zone.entries[word]?.first {
        case "prep", "object": return .carried
        case "carried": return .carried
        case "nobody": return .unknown
        default: break
        }
        if isAddressee(doc, head) { return .carried }
        // "لرويترز"، "للصحفيين"، "لـ": a preposition on the word.
        if word.hasPrefix("لل") || (word.hasPrefix("ل") && doc.mentions.contains { $0.tokens.lowerBound == head }) { return .carried }
        if word.hasPrefix("ل"), Self.outletHeads.contains(String(word.dropFirst())) || titleHeads.contains(word: String(word.dropFirst())) {
            return .carried
        }
        // "وأشاد بالدور ..."، "ورحب بمقاتلي المقاومة": "ب" on the first word opens what the verb is about; the subject is
        // not written.
        if word.hasPrefix("بال") || (word.hasPrefix("ب") && ArgumentFinder.isForceNounWithProclitic(tokens[head], maxPrefix: 1)) {
            return .carried
        }
        // A noun subject that is no name: the entity it stands for, if the text named one so; never the one it
        // speaks for ("الناطقة باسم X" is not X).
        let resolved = resolve(doc, nominal: head, before: verb, people: people)
        if case .named(let ref, _) = resolved, doc.mentions.contains(where: { m in
            m.ref == ref && zoneTokens.contains(m.tokens.lowerBound) && m.tokens.lowerBound > 0
                && Self.notSpeakerBefore.contains(tokens[m.tokens.lowerBound - 1].norm)
        }) {
            return .unknown
        }
        if resolved != .unknown { return resolved }
        // An unnamed spokesman ("وقال المتحدث باسم وزارة الخارجية إن"): the body he speaks for.
        if let body = spokenFor(doc, title: head, before: end) { return .named(body.ref, body.text) }
        // A title over a body that the article gave a person before ("رئيس حزب القوات اللبنانية"): that person.
        if let m = inZone.first(where: { $0.type != .person && $0.tokens.lowerBound > head && $0.tokens.lowerBound <= head + 3 }),
           (head..<m.tokens.lowerBound).allSatisfy({ tokens[$0].isWord }),
           let person = doc.holder(ofTitle: tokens[head].start, m.end, before: tokens[verb].start) {
            return .named(person, doc.string(tokens[head].start, m.end))
        }
        // Else the body or state it belongs to, named in its genitive: a state right after the noun ("سفيرة
        // الولايات المتحدة"), a body within three words ("اجتماع وزراء خارجية الاتحاد الأوروبي"); a place further
        // on names the office, not the speaker ("محكمة استئناف ديالى").
        if let m = inZone.first(where: { m in
            m.type != .person && m.tokens.lowerBound > head && m.tokens.lowerBound <= head + 3
                && (m.tokens.lowerBound == head + 1 || m.type == .org)
                && (head + 1..<m.tokens.lowerBound).allSatisfy { tokens[$0].isWord && zone.entries[tokens[$0].norm] == nil }
        }) {
            return .named(m.ref, m.text)
        }
        // "ووصف الاتفاق بأنه ..."، "ودعا الأطراف إلى ...": after a verb that takes an object, a noun that names nobody
        // is that object; the subject is not written.
        return takesObject(tokens[verb]) ? .carried : .unknown
    }

    /// The speaker named in quote marks right after the verb: an entity's name ("وقالت «داعش» إن"), else one or two
    /// words closed before a colon, a complementizer or a comma: a surname, the person named before with it
    /// ("وقال \"البرقان\": ..."), or nobody known. Nil when the quote mark opens what is said.
    func quotedSubject(_ doc: Document, opening: Int, sentence: Range<Int>, people: [EntityMention]) -> Finding? {
        let tokens = doc.tokens
        guard let close = ((opening + 1)..<min(opening + 6, sentence.upperBound)).first(where: {
            tokens[$0].kind == .punct && QuoteStage.closers.contains(tokens[$0].norm.unicodeScalars.first!)
        }) else { return nil }
        let words = ((opening + 1)..<close).filter { tokens[$0].isWord }
        guard let firstWord = words.first, let lastWord = words.last, words.count <= 4 else { return nil }
        if let m = doc.mentions.first(where: { [.person, .org, .gpe].contains($0.type) && $0.origin != .demonym
            && $0.tokens.lowerBound <= firstWord && $0.tokens.upperBound > lastWord }) {
            return .named(m.ref, m.text)
        }
        guard close + 1 < sentence.upperBound else { return nil }
        let after = tokens[close + 1]
        // Three or four words: a body's name the text does not know ("قالت «جبهة الوطنيين المتحدة» على موقعها إنها").
        if words.count > 2 { return saysAfter(doc, close: close, sentence: sentence) ? .unknown : nil }
        guard after.kind == .punct ? [":", "،", ","].contains(after.norm) : Self.complementizers.contains(after.norm) else { return nil }
        let surname = tokens[lastWord].norm
        if let m = people.last(where: { $0.type == .person && $0.tokens.upperBound <= opening && tokens[$0.tokens.upperBound - 1].norm == surname }) {
            return .named(m.ref, m.text)
        }
        return .unknown
    }

    /// Whether what is said opens after a quoted name: a complementizer or a colon within eight tokens of its
    /// closing mark, only words and commas between ("«X» على موقعها إنها").
    func saysAfter(_ doc: Document, close: Int, sentence: Range<Int>) -> Bool {
        for t in (close + 1)..<min(close + 9, sentence.upperBound) {
            let token = doc.tokens[t]
            if token.isWord {
                if Self.complementizers.contains(token.norm) { return true }
                if kind(token) != nil { return false }
                continue
            }
            if token.norm == ":" { return true }
            if token.norm != "،" && token.norm != "," { return false }
        }
        return false
    }

    /// The closing mark of a quoted name of at most six words, when a person is named within six words after it.
    func quotedName(_ doc: Document, opening: Int, sentence: Range<Int>, people: [EntityMention]) -> Int? {
        let tokens = doc.tokens
        guard let close = ((opening + 1)..<min(opening + 8, sentence.upperBound)).first(where: {
            tokens[$0].kind == .punct && QuoteStage.closers.contains(tokens[$0].norm.unicodeScalars.first!)
        }), Self.titledPerson(after: close, quotedWords: ((opening + 1)..<close).filter({ tokens[$0].isWord }).count,
                              in: people) != nil else { return nil }
        return close
    }

    /// The person a short quoted name belongs to as part of their title ("رئيس «اللجنة المشتركة» X"): named within
    /// six tokens after the closing mark `close`, the name at most six words.
    static func titledPerson(after close: Int, quotedWords: Int, in mentions: [EntityMention]) -> EntityMention? {
        guard quotedWords <= 6 else { return nil }
        return mentions.first { $0.type == .person && $0.tokens.lowerBound > close && $0.tokens.lowerBound <= close + 6 }
    }

    /// The entity a noun subject stands for ("الوزارة" → "وزارة البترول"، "الوزير" → the minister named before,
    /// "رئيس الوزراء" → the person with that title): the latest entity before the verb whose name, the words before
    /// it or its titles hold the noun. An indefinite noun ("مصدر أمني"، "محللون") names nobody.
    func resolve(_ doc: Document, nominal head: Int, before verb: Int, people: [EntityMention]) -> Finding {
        let tokens = doc.tokens
        let word = tokens[head].norm
        let next = head + 1 < tokens.count && tokens[head + 1].isWord ? tokens[head + 1].norm : nil
        let definite = word.hasPrefix("ال")
        let construct = !definite && (next?.hasPrefix("ال") ?? false)
        guard definite || construct else { return .unknown }
        let bare = { (w: String) in w.hasPrefix("ال") && w.unicodeScalars.count > 3 ? String(w.dropFirst(2)) : w }
        let phrase = construct ? bare(word) + " " + bare(next!) : bare(word)
        guard phrase.unicodeScalars.count >= 3 else { return .unknown }
        // The nationality adjectives right after the noun (a run of them, up to what is said): "المصري" in "بحث
        // الوزير مع نظيره المصري" is the counterpart's, not the subject's.
        var subjectNisbas = Set<String>()
        var k = head + (construct ? 2 : 1)
        while k < min(head + 6, tokens.count), tokens[k].isWord, !QuoteSpeaker.complementizers.contains(tokens[k].norm),
              let n = Self.nisba(tokens[k].norm) {
            subjectNisbas.insert(n)
            k += 1
        }
        // A body's noun ("المؤسسة"، "الشركة") stands for no person, even one named inside the body's name.
        let bodyNoun = titleHeads.contains(word: word) && personTitles.entries[word] == nil
        // An office a person holds ("محافظ عدن"، "الوزير") stands for that person, never for the place in its title.
        let personOffice = personTitles.entries[word] != nil || personTitles.entries[bare(word)] != nil
            || personTitles.entries["ال" + word] != nil
        // A kinship noun ("والدة الشهيد") stands for the person it was said of in apposition ("X، والدة الشهيد Y"),
        // never for the relative named in its genitive (Y).
        let kinHead = zone.entries[word]?.first == "kin"
        // (Not after the same noun without the article, an unnamed person it points back to: "قال مسؤول أوروبي ...
        // وأضاف المسؤول الأوروبي".)
        let genericNoun = Self.genericPersonNouns.entries[word] != nil && !(0..<verb).contains { k in
            let w = tokens[k].norm
            return tokens[k].isWord && (w == bare(word) || ((w.hasPrefix("و") || w.hasPrefix("ف")) && String(w.dropFirst()) == bare(word)))
        }
        // A noun that is no person's office stands for a body named anywhere before, even where the body could not
        // speak or was named inside an office ("عن المتحدث باسم وزارة الخارجية ... وقالت الوزارة"); there only by the
        // body's own name ("الشركة الأم لبنك X" makes no "الشركة" of the bank).
        var people = people
        var bodiesByName = Set<Int>()
        if !personOffice {
            let bodies = (doc.mentions + doc.nestedMentions).filter { m in
                m.type == .org && m.origin != .demonym && !people.contains { $0.start == m.start }
            }
            bodiesByName = Set(bodies.map(\.start))
            people = (people + bodies).sorted { $0.start < $1.start }
        }
        for m in people.reversed() where m.tokens.upperBound <= verb && !(bodyNoun && m.type == .person) && !(personOffice && m.type == .gpe) {
            if kinHead {
                var after = m.tokens.upperBound
                if after < tokens.count, tokens[after].kind == .punct, tokens[after].norm == "،" || tokens[after].norm == "," { after += 1 }
                guard m.type == .person, after + 1 < tokens.count, tokens[after].isWord, tokens[after].norm == word,
                      !construct || tokens[after + 1].norm == next else { continue }
                return .named(m.ref, m.text)
            }
            // The title written right before the name: up to four words, no punctuation, preposition or other name;
            // for a place only a construct chain ("إمارة منطقة مكة المكرمة"), not a definite noun it qualifies
            // ("الشركة السعودية" is no title of Saudi Arabia).
            var first = m.tokens.lowerBound
            var k = m.tokens.lowerBound - 1, taken = 0
            let qualifies = m.type == .gpe && k >= 0 && tokens[k].isWord && tokens[k].norm.hasPrefix("ال")
            while k >= 0, taken < 4, !qualifies, !bodiesByName.contains(m.start) {
                let t = tokens[k]
                // Quote marks and brackets around the name ("شركة «إيني»") are passed over.
                if t.kind == .punct {
                    guard let mark = t.norm.unicodeScalars.first, QuoteStage.openers.contains(mark) || QuoteStage.closers.contains(mark)
                        || mark == "(" || mark == ")" else { break }
                    k -= 1; continue
                }
                if Self.notSpeakerBefore.contains(t.norm) || zone.entries[t.norm]?.first == "prep"
                    || Self.complementizers.contains(t.norm) || kind(t) != nil
                    || doc.inMention(k) { break }
                first = k; k -= 1; taken += 1
            }
            // A name after a kinship noun ("والد الجندي X") is the relative, not the one the noun describes.
            if (first..<m.tokens.lowerBound).contains(where: { zone.entries[tokens[$0].norm]?.first == "kin" }) { continue }
            var words = tokens[first..<m.tokens.upperBound].filter(\.isWord).map { bare($0.norm) }
            for role in doc.roles where role.person == m.ref {
                words += ArabicNormalizer.shared.key(role.title).split(separator: " ").map { bare(String($0)) }
            }
            // A noun for a person by role alone, with a nationality ("وقال المسؤول التركي"), needs no title of its own.
            let byNationality = genericNoun && m.type == .person && !subjectNisbas.isEmpty
            guard byNationality || (" " + words.joined(separator: " ") + " ").contains(" " + phrase + " ") else { continue }
            // A nationality the subject gives must be the entity's ("وتابع وزير الخارجية الأمريكي" is not the
            // Saudi minister named before); an entity whose title gives none is left unresolved then.
            if !subjectNisbas.isEmpty, m.type == .person {
                var theirs = Set<String>()
                for t in tokens[first..<m.tokens.upperBound] where t.isWord {
                    if let n = Self.nisba(t.norm) { theirs.insert(n) }
                }
                for role in doc.roles where role.person == m.ref {
                    for w in ArabicNormalizer.shared.key(role.title).split(separator: " ") {
                        if let n = Self.nisba(String(w)) { theirs.insert(n) }
                    }
                }
                guard subjectNisbas.isSubset(of: theirs) else { continue }
            }
            return .named(m.ref, m.text)
        }
        return .unknown
    }
}
