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
    /// The lexicon's "on:" column by verb form, normalized once.
    let prepositions: [String: String]

    init(speech: PhraseLexicon) {
        self.speech = speech
        zone = PhraseLexicon.resource("quotes/subject_zone.tsv")
        prepositions = speech.entries.compactMapValues { values in
            values.first(where: { $0.hasPrefix("on:") }).map { Self.key(String($0.dropFirst(3))) }
        }
    }

    /// The speech lexicon's row of a word, read with at most one proclitic (only و or ف with `conjunctionsOnly`):
    /// its form and its values.
    func entry(_ token: Token, conjunctionsOnly: Bool = false) -> (form: String, values: [String])? {
        for c in Proclitics.candidates(token.norm) where c.prefix <= 1 {
            if conjunctionsOnly, c.prefix == 1, let first = token.norm.unicodeScalars.first, first != "و" && first != "ف" { continue }
            if let v = speech.entries[c.stem] { return (c.stem, v) }
        }
        return nil
    }

    static func key(_ s: String) -> String { ArabicNormalizer.shared.key(s) }
    static let complementizers: Set<String> = Set(["ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها"])
    /// Words between a name and its verb in SVO: relative pronouns and قد.
    static let relatives: Set<String> = Set(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "والذي", "والتي", "والذين",
                                              "قد", "فقد", "لقد"].map(key))
    /// Prepositions and titles before a name that make it the place, the addressee, the topic or a genitive of the
    /// speech, not its speaker.
    static let notSpeakerBefore: Set<String> = Set(["في", "الى", "إلى", "من", "على", "مع", "لدى", "حول", "بشأن", "ضد", "باسم", "عن",
                                                     "بحسب", "حسب", "حسبما", "وفق", "وفقا", "نقلا", "طبقا"].map(key))
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

    /// Whether a place name opens its clause (the sentence's start, punctuation or a word like "لكن" before it),
    /// so that it can be the subject of the verb after it ("لكن طهران تقول") and not the end of a phrase of place
    /// ("وفي مدينة إب وسط اليمن قالت مصادر").
    func opensClause(_ doc: Document, before m: EntityMention, sentence: Range<Int>) -> Bool {
        let k = m.tokens.lowerBound - 1
        guard k >= sentence.lowerBound, doc.tokens[k].isWord else { return true }
        return zone.entries[doc.tokens[k].norm]?.first == "opener"
    }

    func find(_ doc: Document, verb: Int, sentence: Range<Int>) -> Finding {
        let people = doc.mentions.filter { ($0.type == .person || $0.type == .org || $0.type == .gpe) && canSpeak($0, doc) }
        let inSentence = people.filter { sentence.contains($0.tokens.lowerBound) }
        let tokens = doc.tokens
        // "نقلت رويترز عن X قوله": the source after عن; an unnamed source ("عن مصادر") is unknown.
        if kind(tokens[verb]) == "relay" {
            let limit = min(verb + 9, sentence.upperBound)
            // "نسبت X إلى Y قوله" the same with إلى.
            if let an = ((verb + 1)..<limit).first(where: { Self.relayPrepositions.contains(tokens[$0].norm) }) {
                // The person after عن, a title allowed before the name ("عن وزير الخارجية X قوله"), else the body.
                let after = doc.mentions.filter { $0.origin != .demonym && $0.tokens.lowerBound > an && $0.tokens.lowerBound <= an + 6 }
                if let m = after.first(where: { $0.type == .person }) ?? after.first(where: { $0.tokens.lowerBound == an + 1 }) {
                    return .named(m.ref, m.text)
                }
                return .unknown
            }
        }
        if isCarried(tokens[verb]) { return .carried }
        if let subject = pluperfectSubject(doc, verb: verb, sentence: sentence) { return subject }
        // SVO: a name ending right before the verb, only relative pronouns or قد between; a body named in the
        // title of a person before it is a genitive ("جانيت يلين رئيسة مجلس الاحتياطي قد قالت"): the person speaks.
        if !hasConjunction(tokens[verb]),
           let m = inSentence.last(where: { $0.tokens.upperBound <= verb && $0.tokens.upperBound >= verb - 3 }),
           (m.tokens.upperBound..<verb).allSatisfy({ !tokens[$0].isWord || Self.relatives.contains(tokens[$0].norm) }),
           m.type != .gpe || opensClause(doc, before: m, sentence: sentence),
           // A body set off by a comma closes a phrase before the clause ("في مقابلة مع قناة «العربية»، أكد كيري").
           m.type == .person || !(m.tokens.upperBound..<verb).contains(where: { tokens[$0].norm == "," }) {
            if m.type != .person, let person = inSentence.last(where: {
                $0.type == .person && $0.tokens.upperBound <= m.tokens.lowerBound && m.tokens.lowerBound - $0.tokens.upperBound <= 4
                    && ($0.tokens.upperBound..<m.tokens.lowerBound).allSatisfy { tokens[$0].isWord }
            }) {
                return .named(person.ref, person.text)
            }
            return .named(m.ref, m.text)
        }
        let finding = subjectAfter(doc, verb: verb, sentence: sentence, inSentence: inSentence, people: people)
        // "التقارير التي أكدت أن": a relative clause with no subject of its own speaks for its antecedent, and an
        // antecedent that is no name (SVO above found none) speaks for nobody.
        if finding == .carried, verb > sentence.lowerBound, Self.relatives.contains(tokens[verb - 1].norm),
           tokens[verb - 1].norm != Self.key("قد") {
            return .unknown
        }
        return finding
    }

    static let kana: Set<String> = Set(["كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"].map(key))
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

    /// VSO: the subject between the verb and what is said, or none written (`.carried`).
    func subjectAfter(_ doc: Document, verb: Int, sentence: Range<Int>, inSentence: [EntityMention],
                      people: [EntityMention]) -> Finding {
        let tokens = doc.tokens
        // The subject zone: the words after the verb up to what is said.
        var end = verb + 1
        // Long enough for a title chain before the name ("ذكر وكيل وزارة الطاقة رئيس «لجنة ...» الدكتور X").
        while end < min(verb + 16, sentence.upperBound) {
            let t = tokens[end]
            if t.isWord && Self.complementizers.contains(t.norm) { break }
            if t.kind == .punct && t.norm == ":" { break }
            if t.kind == .punct && QuoteStage.openers.contains(t.norm.unicodeScalars.first!) {
                // A short name in quote marks inside a title, with the speaker's name after it ("وكيل الوزارة رئيس
                // «لجنة متابعة الأسعار» الدكتور X أن"), is passed over; any other quote mark opens what is said.
                guard let close = quotedName(doc, opening: end, sentence: sentence, people: inSentence) else { break }
                end = close + 1
                continue
            }
            if t.isWord, kind(t) != nil { break }   // a second speech verb begins another clause
            end += 1
        }
        let zoneTokens = (verb + 1)..<end
        // A person named there is the speaker ("وقال في موسكو وزير الخارجية الروسي سيرغي لافروف").
        let inZone = inSentence.filter { zoneTokens.contains($0.tokens.lowerBound) }
        if let person = inZone.first(where: { $0.type == .person }) { return .named(person.ref, person.text) }
        // The first word that is neither punctuation nor an adverb.
        guard let head = zoneTokens.first(where: { tokens[$0].isWord && zone.entries[tokens[$0].norm]?.first != "skip" }) else {
            return .carried
        }
        // A body or a state named first ("وقالت وزارة الخارجية"، "وأعلنت مصر"): the speaker; named after a title
        // noun it is a genitive ("سفيرة الولايات المتحدة"), not the speaker.
        if let m = inZone.first(where: { $0.tokens.lowerBound == head }) { return .named(m.ref, m.text) }
        let word = tokens[head].norm
        switch zone.entries[word]?.first {
        case "prep": return .carried
        case "carried": return .carried
        case "nobody": return .unknown
        default: break
        }
        // "لرويترز"، "للصحفيين"، "لـ": a preposition on the word.
        if word.hasPrefix("لل") || (word.hasPrefix("ل") && doc.mentions.contains { $0.tokens.lowerBound == head }) { return .carried }
        if word.hasPrefix("ل"), Self.outletHeads.contains(String(word.dropFirst())) { return .carried }
        // A noun subject that is no name: the entity it stands for, if the text named one so.
        let resolved = resolve(doc, nominal: head, before: verb, people: people)
        if resolved != .unknown { return resolved }
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
        return .unknown
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
        for m in people.reversed() where m.tokens.upperBound <= verb {
            // The title written right before the name: up to four words, no punctuation, preposition or other name.
            var first = m.tokens.lowerBound
            var k = m.tokens.lowerBound - 1, taken = 0
            while k >= 0, taken < 4 {
                let t = tokens[k]
                // Quote marks and brackets around the name ("شركة «إيني»") are passed over.
                if t.kind == .punct {
                    guard let mark = t.norm.unicodeScalars.first, QuoteStage.openers.contains(mark) || QuoteStage.closers.contains(mark)
                        || mark == "(" || mark == ")" else { break }
                    k -= 1; continue
                }
                if Self.notSpeakerBefore.contains(t.norm) || zone.entries[t.norm]?.first == "prep"
                    || Self.complementizers.contains(t.norm) || kind(t) != nil
                    || doc.mentions.contains(where: { $0.tokens.contains(k) }) { break }
                first = k; k -= 1; taken += 1
            }
            var words = tokens[first..<m.tokens.upperBound].filter(\.isWord).map { bare($0.norm) }
            for role in doc.roles where role.person == m.ref {
                words += ArabicNormalizer.shared.key(role.title).split(separator: " ").map { bare(String($0)) }
            }
            if (" " + words.joined(separator: " ") + " ").contains(" " + phrase + " ") { return .named(m.ref, m.text) }
        }
        return .unknown
    }
}
