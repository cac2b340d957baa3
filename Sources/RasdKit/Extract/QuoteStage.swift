/// Quotes: direct quotes between quote marks (« » “ ” " „, in any pairing the page uses) and reported speech
/// ("قال X إن ..."), each with its speaker (`QuoteSpeaker`: the speech verb's subject, the source after "عن", or the
/// previous speaker when no subject is written). Names and titles in quote marks and one- or two-word scare quotes
/// are not quotes.
public struct QuoteStage: Sendable {
    let speech: PhraseLexicon
    let speakers: QuoteSpeaker
    /// Words before a quote mark that make what it quotes a name or a title ("صحيفة «الخبر»").
    let titleHeads: PhraseLexicon
    /// Whose words a relative clause tells ("تصريحات X الأخيرة التي أكد فيها أن"): X speaks.
    let owners: ConductOwners

    public init() {
        speech = PhraseLexicon.resource("quotes/speech_verbs.tsv")
        speakers = QuoteSpeaker(speech: speech)
        titleHeads = PhraseLexicon.resource("quotes/title_heads.tsv")
        owners = ConductOwners(classes: EventStage.wordClasses)
    }

    static let openers: Set<Unicode.Scalar> = ["«", "“", "„", "\"", "”"]
    static let closers: Set<Unicode.Scalar> = ["»", "”", "\"", "“"]

    public func process(_ doc: inout Document) {
        var quotes: [QuoteMention] = []
        var speechVerbs: [Int: SpeechVerb] = [:]
        var lastSpeaker: (ref: EntityRef, text: String)?
        var continuing = false
        for sentence in doc.sentences {
            let spans = quoteSpans(doc, sentence, continuing: continuing)
            continuing = endsInsideStraightQuote(doc, sentence, continuing: continuing)
            // A speech verb inside a quote belongs to the quoted words: with no subject of its own ("«لقد زعم أن ...»")
            // it is not the narrative's; with one ("«لكن روحاني قال إنه ...»") it is that speaker's, and the narrative's
            // speaker stays.
            // "داعيا الله أن"، "مما دعا": a prayer and a cause, not speech.
            var verbs = sentence.filter { t in
                speakers.kind(doc.tokens[t]) != nil && !speakers.readsAsNoun(doc, t, in: sentence)
                    && !speakers.nextToNoSpeech(doc, t..<(t + 1), in: sentence)
            }
            let quoted = Set(verbs.filter { t in
                spans.contains { $0.closed && $0.start <= doc.tokens[t].start && doc.tokens[t].end <= $0.end }
            })
            // Each verb's speaker, in text order: a verb with no subject written carries the speaker before it.
            var speakerOf: [Int: (ref: EntityRef, text: String)] = [:]
            var sentenceHasSpeaker = false
            for verb in verbs where quoted.contains(verb) {
                if case .named(let ref, let text) = speakers.find(doc, verb: verb, sentence: sentence) {
                    speakerOf[verb] = (ref, text)
                    speechVerbs[verb] = SpeechVerb(speaker: ref, speakerText: text)
                }
            }
            verbs.removeAll { quoted.contains($0) && speakerOf[$0] == nil }
            for verb in verbs where !quoted.contains(verb) {
                // A verb in a relative clause ("الاتفاق الذي قال إنه"، "التي وصفتها") has its own speaker, but the
                // sentence goes on about the speaker before it.
                // So does an attribution to a source ("حسبما نقلت وكالة ..."): the source is not the next speaker.
                let embedded = verb > sentence.lowerBound && (QuoteSpeaker.relatives.contains(doc.tokens[verb - 1].norm)
                    && !QuoteSpeaker.perfectParticles.contains(doc.tokens[verb - 1].norm) || speakers.isSubordinate(doc, verb: verb, sentence: sentence)
                    || (Self.sourceWords.contains(doc.tokens[verb - 1].norm) && speakers.kind(doc.tokens[verb]) != "say"))
                let outer = lastSpeaker
                defer {
                    if embedded { lastSpeaker = outer }
                }
                // A relative clause on someone's words speaks for their owner ("تصريحات X الأخيرة التي أكد فيها").
                let owner = owners.relativeSpeaker(of: verb..<(verb + 1), in: doc, sentence: sentence)
                switch owner.map({ QuoteSpeaker.Finding.named($0.ref, $0.text) }) ?? speakers.find(doc, verb: verb, sentence: sentence) {
                case .named(let ref, let text): lastSpeaker = (ref, text); sentenceHasSpeaker = true
                case .unknown: lastSpeaker = nil; sentenceHasSpeaker = true
                case .carried:
                    // No subject written: the subject of the sentence's main verb ("عبر الوزير X عن أسفه وذكر أن"),
                    // else the speaker before.
                    if let subject = coordinatedSubject(doc, verb: verb, sentence: sentence) {
                        lastSpeaker = subject
                    } else if afterFrontedPhrase(doc, verb: verb, sentence: sentence) {
                        // "وحول برنامج «...»، قال إنه": the phrase before the verb holds no subject; the speaker carries on.
                    } else if !sentenceHasSpeaker, let subject = sentenceSubject(doc, sentence, before: verb, spans: spans) {
                        lastSpeaker = subject
                    } else if !sentenceHasSpeaker, speakers.isCarried(doc.tokens[verb]) || verb > sentence.lowerBound + 1,
                              let subject = firstPerson(doc, sentence, before: verb, spans: spans,
                                                        phraseFree: !speakers.isCarried(doc.tokens[verb])) {
                        // A participle after a clause with its subject further in ("... خص جون كيري «الشرق الأوسط»
                        // بحوار ...، مشددا على أن"): the person that clause names first.
                        lastSpeaker = subject
                    }
                    sentenceHasSpeaker = true
                }
                if let lastSpeaker { speakerOf[verb] = lastSpeaker }
                speechVerbs[verb] = SpeechVerb(speaker: lastSpeaker?.ref, speakerText: lastSpeaker?.text)
            }
            var usedVerbs = Set<Int>()
            // The opening mark of each verb's first direct quote.
            var quoteOpening: [Int: Int] = [:]
            for span in spans {
                if span.continued {
                    if let speaker = lastSpeaker {
                        quotes.append(QuoteMention(start: span.start, end: span.end, text: doc.string(span.start, span.end),
                                                   speaker: speaker.ref, speakerText: speaker.text, direct: true, verb: nil))
                    }
                    continue
                }
                if isName(doc, span) { continue }
                let verb = verbFor(doc, span, verbs: verbs)
                if let verb {
                    usedVerbs.insert(verb)
                    if quoteOpening[verb] == nil { quoteOpening[verb] = doc.firstToken(startingAtOrAfter: span.start) - 1 }
                }
                // Words in quotes without a speech verb close by are a term or title, not a quote.
                guard verb != nil || span.words >= 6 else { continue }
                let speaker = verb.flatMap { speakerOf[$0] }
                quotes.append(QuoteMention(start: span.start, end: span.end, text: doc.string(span.start, span.end),
                                           speaker: speaker?.ref, speakerText: speaker?.text, direct: true,
                                           verb: verb.map { doc.string(doc.tokens[$0].start, doc.tokens[$0].end) }))
            }
            // Direct speech after a colon with no quote marks ("وقال X خلال زيارة ...: نحن ..."): the words after the
            // colon, to the next speech verb or the sentence end.
            for verb in verbs where !usedVerbs.contains(verb) {
                guard let colon = colonOpening(doc, after: verb, in: sentence) else { continue }
                let endToken = clauseEnd(doc, after: colon, verbs: verbs, sentence: sentence)
                guard endToken > colon, ((colon + 1)...endToken).filter({ doc.tokens[$0].isWord }).count >= 3 else { continue }
                let start = doc.tokens[colon + 1].start, end = doc.tokens[endToken].end
                if quotes.contains(where: { $0.start < end && $0.end > start }) { continue }
                usedVerbs.insert(verb)
                let speaker = speakerOf[verb]
                quotes.append(QuoteMention(start: start, end: end, text: doc.string(start, end), speaker: speaker?.ref,
                                           speakerText: speaker?.text, direct: true,
                                           verb: doc.string(doc.tokens[verb].start, doc.tokens[verb].end)))
            }
            // Reported speech: a speech verb, then "إن/أن" and the clause, with no direct quote for that verb (or one
            // that opens inside the clause).
            for verb in verbs where !usedVerbs.contains(verb) || quoteOpening[verb] != nil {
                // Else the verb's preposition of content ("وشدد الوزير على ضرورة ..."), before any complementizer.
                // The verb's clause: up to the next speech verb or a word that opens another clause ("فيما"، "إلا").
                let clauseLimit = ((verb + 1)..<min(verb + 24, sentence.upperBound)).first(where: {
                    (verbs.contains($0) && !($0 > 0 && Self.attributionWords.contains(doc.tokens[$0 - 1].norm))) || isClauseBreaker(doc.tokens[$0])
                }) ?? min(verb + 24, sentence.upperBound)
                // Thirteen words, however much punctuation sets off the subject's title and an attribution; sixteen when
                // no preposition or noun of content comes first ("قال وزير الطاقة الجزائري X الاسبوع الماضي في تصريح
                // لوكالة الانباء الجزائرية الرسمية انه").
                func wordsEnd(_ words: Int) -> Int {
                    var end = verb + 1, count = 0
                    while end < clauseLimit, count < words {
                        if doc.tokens[end].isWord { count += 1 }
                        end += 1
                    }
                    return end
                }
                let windowEnd = wordsEnd(13)
                let window = (verb + 1)..<windowEnd
                let farther = windowEnd..<wordsEnd(16)
                // "بعد أن"، "قبل أن": a conjunction of time, not what is said.
                // Past a long title or apposition, a complementizer set off by a comma ("أفادت X المسؤولة ...، إن").
                let complementizer = window.first(where: { isComplementizer(doc, $0, verb: verb) })
                    ?? (windowEnd..<clauseLimit).first(where: { isComplementizer(doc, $0, verb: verb) && ["،", ","].contains(doc.tokens[$0 - 1].norm) })
                // The preposition right after the verb and its subject ("وشدد الوزير X على"), not after an object
                // ("وأكد X توفر النقد ... على مدار") nor a name that reads like it ("علي").
                let preposition = speakers.contentPreposition(doc.tokens[verb]).flatMap { prep in
                    ((verb + 1)..<clauseLimit).first { t in
                        (doc.tokens[t].norm == prep || speakers.opensWithPreposition(doc, t, prep)) && !doc.inMention(t)
                    }
                }.flatMap { p -> Int? in
                    // An attribution or a place after the subject ("X وفقا لما نقلته الوكالة على ضرورة") may come between.
                    let from = doc.mentions.last(where: { $0.tokens.lowerBound > verb && $0.tokens.upperBound <= p })?.tokens.upperBound
                    if let from, from < p, !doc.tokens[from].isWord || QuoteSpeaker.notSpeakerBefore.contains(doc.tokens[from].norm)
                        || (speakers.zone.entries[doc.tokens[from].norm].map { $0.first != "object" } ?? false) {
                        return p
                    }
                    // After the subject, the object of a verb that addresses someone ("حذر X الأطراف الليبية من").
                    let reach = from == nil ? 4 : speakers.takesObject(doc.tokens[verb]) ? 5 : 2
                    return ((from ?? verb + 1)..<p).filter({ doc.tokens[$0].isWord }).count <= reach ? p : nil
                }
                // A content noun before the preposition opens what is said ("وأكد الوزير حرص بلاده على ..."); looked for
                // only with no complementizer, which comes first.
                let noun = complementizer != nil ? nil : contentNoun(doc, after: verb, before: clauseLimit, speaker: speakerOf[verb])
                // A preposition written on its noun ("وطالب X بضرورة ..."): what is said begins with that word.
                let afterPreposition = preposition.map { p in doc.tokens[p].norm == speakers.contentPreposition(doc.tokens[verb]) ? p : p - 1 }
                guard let that = complementizer ?? [afterPreposition, noun].compactMap({ $0 }).min()
                        ?? farther.first(where: { isComplementizer(doc, $0, verb: verb) }),
                      that + 1 < sentence.upperBound
                else { continue }
                // A verb whose direct quote opens inside its reported clause, after words of the clause's own ("أعلن X
                // أن فريقا فنيا وصل إلى المطار "الذي دمرت الحرب ..."") says that clause as well.
                if let opening = quoteOpening[verb],
                   !(that == complementizer && opening > that && ((that + 1)..<opening).filter({ doc.tokens[$0].isWord }).count >= 3) {
                    continue
                }
                speechVerbs[verb]?.content = that
                let start = doc.tokens[that + 1].start
                let endToken = clauseEnd(doc, after: that, verbs: verbs, sentence: sentence)
                guard endToken > that else { continue }
                // One or two words in quote marks ("وصفها بأنها «غير شرعية»") are a label, not a quote.
                // Two words far from the verb are a label or a fragment ("مؤكدا فشل ... على أنها تهديد أمني"); right
                // after the verb and its subject they may be what was said ("وقال إن الحل سياسي").
                let clause = (that + 1)...endToken
                let clauseWords = clause.filter({ doc.tokens[$0].isWord }).count
                if clauseWords < 2 || (clauseWords == 2 && ((verb + 1)..<max(verb + 1, that)).filter({ doc.tokens[$0].isWord }).count > 5) { continue }
                // One or two words in quote marks ("وصفها بأنها «غير شرعية»") are a label, not a quote.
                if clauseWords < 3,
                   clause.contains(where: { doc.tokens[$0].kind == .punct && Self.openers.contains(doc.tokens[$0].norm.unicodeScalars.first!) }) {
                    continue
                }
                let end = doc.tokens[endToken].end
                // Skip when the clause is itself quoted (already taken as a direct quote).
                // A verb inside a quote with its own speaker reports that speaker's words within the quote.
                if !quoted.contains(verb), quotes.contains(where: { $0.start <= start && $0.end >= end }) { continue }
                let speaker = speakerOf[verb]
                // Reported speech as written: "أنه سيلتقي ..." keeps the complementizer, whose pronoun is the subject of
                // what was said ("he will meet").
                let from = that == complementizer ? doc.tokens[that].start : start
                quotes.append(QuoteMention(start: from, end: end, text: doc.string(from, end), speaker: speaker?.ref,
                                           speakerText: speaker?.text, direct: false,
                                           verb: doc.string(doc.tokens[verb].start, doc.tokens[verb].end)))
            }
            // An attribution that closes the sentence ("ومن المرتقب أن تصل طائرات ...، كما أضاف الوزير."): the words
            // before it are what was said.
            for verb in verbs where !usedVerbs.contains(verb) && speechVerbs[verb]?.content == nil {
                guard let said = saidBeforeAttribution(doc, verb: verb, verbs: verbs, sentence: sentence) else { continue }
                let start = doc.tokens[said.lowerBound].start, end = doc.tokens[said.upperBound - 1].end
                if quotes.contains(where: { $0.start < end && $0.end > start }) { continue }
                let speaker = speakerOf[verb]
                quotes.append(QuoteMention(start: start, end: end, text: doc.string(start, end), speaker: speaker?.ref,
                                           speakerText: speaker?.text, direct: false,
                                           verb: doc.string(doc.tokens[verb].start, doc.tokens[verb].end)))
            }
            // A sentence without speech verbs whose subject is a person makes them the speaker of what follows.
            // Not a name in a phrase ("تعطلت الحركة على جسر الملك فهد").
            if verbs.isEmpty, let subject = sentenceSubject(doc, sentence, before: sentence.upperBound, people: [.person], spans: spans, phraseFree: true) {
                lastSpeaker = subject
            }
        }
        doc.quotes = quotes.sorted { $0.start < $1.start }
        doc.speechVerbs = speechVerbs
    }

    /// Nouns that open what is said with no complementizer ("وأكد الوزير حرص بلاده على"): `quotes/content_nouns.tsv`.
    static let contentNouns = PhraseLexicon.resource("quotes/content_nouns.tsv")

    /// The token before a content noun that opens what the verb says ("وأكد وزير الدفاع الأميركي حرص الولايات المتحدة
    /// على ..."): the noun right after a mention of the verb's named speaker, within twelve words of the verb, only
    /// words between; or, anywhere in the verb's clause, after the speaker's name and what commas or a word of time
    /// set off after it (an apposition, the addressee, the day: "أعلن محافظ عدن، نايف البكري، امس، وصول أول سفينة");
    /// or right after a participle ("مؤكدا أهمية ..."), or after the verb (and its date) when the speaker stands before
    /// it. Nil when the speaker is not named there.
    func contentNoun(_ doc: Document, after verb: Int, before limit: Int, speaker: (ref: EntityRef, text: String)?) -> Int? {
        // A participle has no subject of its own: the noun right after it ("مؤكدا اعتزازه بكفاءة الطيارين").
        if speakers.isCarried(doc.tokens[verb]), verb + 1 < limit, doc.tokens[verb + 1].isWord, !doc.inMention(verb + 1),
           Self.contentNouns.entries[doc.tokens[verb + 1].norm] != nil {
            return verb
        }
        guard let speaker else { return nil }
        let speaks = { (m: EntityMention) in m.ref == speaker.ref || m.text == speaker.text }
        // The speaker written before the verb ("وزارة الدفاع كانت قد أعلنت الأحد مقتل 9 جنود"): the noun right after
        // the verb, or after the date that follows it.
        if doc.mentions.contains(where: { $0.tokens.upperBound <= verb && $0.tokens.upperBound >= verb - 3 && speaks($0) }) {
            var k = verb + 1
            while k < limit, doc.dates.contains(where: { $0.start <= doc.tokens[k].start && doc.tokens[k].end <= $0.end }) { k += 1 }
            if k < limit, doc.tokens[k].isWord, !doc.inMention(k), Self.contentNouns.entries[doc.tokens[k].norm] != nil { return k - 1 }
        }
        guard let k = ((verb + 2)..<max(verb + 2, limit)).first(where: { k in
            doc.tokens[k].isWord && !doc.inMention(k) && Self.contentNouns.entries[doc.tokens[k].norm] != nil
        }) else { return nil }
        if k < verb + 13, ((verb + 1)..<k).allSatisfy({ doc.tokens[$0].isWord }),
           doc.mentions.contains(where: { $0.tokens.upperBound == k && speaks($0) }) {
            return k - 1
        }
        let before = doc.tokens[k - 1]
        guard doc.mentions.contains(where: { $0.tokens.lowerBound > verb && $0.tokens.upperBound < k && speaks($0) }),
              before.isWord ? speakers.zone.entries[before.norm]?.first == "skip" : ["،", ","].contains(before.norm),
              !((verb + 1)..<k).contains(where: { doc.tokens[$0].norm == ":" || isComplementizer(doc, $0, verb: verb) })
        else { return nil }
        return k - 1
    }

    /// Words that attribute what comes before them to the speech verb right after ("...، كما أضاف الوزير."، "...
    /// حسبما قال مدير البرنامج X."), and those before "ما" that do ("وفق ما ذكرت").
    static let trailingAttributions: Set<String> = Set(["كما", "حسبما"].map(ArabicNormalizer.shared.key))
    static let attributionsBeforeMa: Set<String> = Set(["وفق", "وفقا", "بحسب", "حسب"].map(ArabicNormalizer.shared.key))

    /// The tokens said before an attribution that closes the sentence ("ومن المرتقب أن تصل طائرات ...، كما أضاف
    /// الوزير."): the verb's subject, at most ten words, runs to the sentence's end with no complementizer, colon, comma
    /// or quote mark; at least four words come before the attribution, and no other speech verb.
    func saidBeforeAttribution(_ doc: Document, verb: Int, verbs: [Int], sentence: Range<Int>) -> Range<Int>? {
        guard verb - 1 > sentence.lowerBound, doc.tokens[verb - 1].isWord else { return nil }
        var marker = verb - 1
        let word = doc.tokens[marker].norm
        if word == ArabicNormalizer.shared.key("ما") || word == ArabicNormalizer.shared.key("لما") {
            guard marker - 1 > sentence.lowerBound, Self.attributionsBeforeMa.contains(doc.tokens[marker - 1].norm) else { return nil }
            marker -= 1
        } else if !Self.trailingAttributions.contains(word) {
            return nil
        }
        let after = (verb + 1)..<sentence.upperBound
        guard after.filter({ doc.tokens[$0].isWord }).count <= 10,
              !after.contains(where: { t in
                  let token = doc.tokens[t]
                  if token.isWord { return Self.complementizers.contains(token.norm) }
                  guard let mark = token.norm.unicodeScalars.first else { return false }
                  // A comma after the subject makes the attribution a parenthesis ("أسفر، كما تقول X، عن مقتل ...").
                  return mark == ":" || mark == "،" || mark == "," || Self.openers.contains(mark) || Self.closers.contains(mark)
              }),
              !verbs.contains(where: { $0 < marker && $0 >= sentence.lowerBound }) else { return nil }
        var last = marker - 1
        while last > sentence.lowerBound, !doc.tokens[last].isWord { last -= 1 }
        guard (sentence.lowerBound...last).filter({ doc.tokens[$0].isWord }).count >= 4 else { return nil }
        return sentence.lowerBound..<(last + 1)
    }

    /// A complementizer that opens what a verb says: not one of time or manner ("بعد أن"، "دون أن").
    func isComplementizer(_ doc: Document, _ t: Int, verb: Int) -> Bool {
        Self.complementizers.contains(doc.tokens[t].norm)
            && !(t > verb + 1 && (speakers.zone.entries[doc.tokens[t - 1].norm].map { $0.contains("time") || $0.contains("prior") } ?? false)
                 && !opensNounClause(doc, t))
            // "بان كي مون": a name that reads as "بأن" is no complementizer.
            && !doc.inMention(t)
    }

    /// Whether "أن" after a word of time that takes only a verb opens a noun or a name ("اعتبر من قبل أن الاتفاق"):
    /// the word is an adverb there, and "أن" opens what is said (`verbal` in `quotes/subject_zone.tsv`).
    func opensNounClause(_ doc: Document, _ t: Int) -> Bool {
        guard speakers.zone.entries[doc.tokens[t - 1].norm]?.contains("verbal") ?? false, t + 1 < doc.tokens.count,
              doc.tokens[t + 1].isWord else { return false }
        // A definite noun, not a verb of the eighth form whose root opens with ل ("التقى"، "التزم": ال, ت and two
        // letters).
        let next = doc.tokens[t + 1].norm
        let definite = next.hasPrefix("ال") && !(next.hasPrefix("الت") && next.unicodeScalars.count <= 5)
        return definite || doc.mentions.contains { $0.tokens.lowerBound == t + 1 }
    }

    /// A word that opens another clause between a speech verb and a complementizer ("فيما"، "إلا"، "بينما"): the
    /// zone lexicon's openers, except the complementizers themselves.
    func isClauseBreaker(_ token: Token) -> Bool {
        token.isWord && speakers.zone.entries[token.norm]?.first == "opener" && !Self.complementizers.contains(token.norm)
            && token.norm != ArabicNormalizer.shared.key("إن")
    }

    /// A verb joined by و right after a person's name shares its subject ("ألمحت إليه المستشارة أنغيلا ميركل
    /// وذكرت ..."): the clause before ends with the subject of both. Only when no other person is named before in
    /// the sentence: in "استقبل X Y وذكر" the name before the verb is the object, and X speaks.
    func coordinatedSubject(_ doc: Document, verb: Int, sentence: Range<Int>) -> (ref: EntityRef, text: String)? {
        guard verb > 0, doc.tokens[verb].norm.unicodeScalars.first == "و",
              let m = doc.mentions.first(where: { $0.tokens.upperBound == verb && $0.type == .person }),
              speakers.canSpeak(m, doc),
              !doc.mentions.contains(where: { $0.type == .person && $0.ref != m.ref
                  && $0.tokens.lowerBound >= sentence.lowerBound && $0.tokens.lowerBound < m.tokens.lowerBound }) else { return nil }
        return (m.ref, m.text)
    }

    /// Whether a verb with no conjunction follows a phrase that opens with a preposition and ends with a comma ("وحول
    /// برنامج «خلافة الغازي»، قال إنه"، "وفي القاهرة، قال"): the fronted phrase of topic or place holds no subject. A
    /// verb with "و" after a comma ("...، وقال") goes on a clause whose subject may stand before.
    func afterFrontedPhrase(_ doc: Document, verb: Int, sentence: Range<Int>) -> Bool {
        guard verb - 2 >= sentence.lowerBound, ["،", ","].contains(doc.tokens[verb - 1].norm),
              !speakers.hasConjunction(doc.tokens[verb]), !speakers.isCarried(doc.tokens[verb]),
              let first = (sentence.lowerBound..<verb).first(where: { doc.tokens[$0].isWord }),
              !(first..<(verb - 1)).contains(where: { ["،", ","].contains(doc.tokens[$0].norm) }) else { return false }
        let word = doc.tokens[first].norm
        let bare = word.hasPrefix("و") ? String(word.dropFirst()) : word
        return [word, bare].contains { QuoteSpeaker.notSpeakerBefore.contains($0) || speakers.zone.entries[$0]?.first == "prep" }
    }

    /// Whether a name stands inside one of the sentence's quotes (a name in what someone said is not the narrative's
    /// subject).
    func inQuote(_ doc: Document, _ m: EntityMention, _ spans: [Span]) -> Bool {
        spans.contains { $0.start <= m.start && m.end <= $0.end }
    }

    /// Whether a complementizer stands between the sentence's start and a name ("وعندما سئل إن كان سعي الصين ..."):
    /// the name is in a subordinate clause, not the first clause's subject.
    func afterComplementizer(_ doc: Document, _ m: EntityMention, _ sentence: Range<Int>) -> Bool {
        (sentence.lowerBound..<m.tokens.lowerBound).contains { doc.tokens[$0].isWord && Self.complementizers.contains(doc.tokens[$0].norm) }
    }

    /// Whether a preposition stands between the sentence's start and a name ("تعطلت الحركة على جسر الملك فهد"): the
    /// name is in a phrase, not the first clause's subject.
    func afterPreposition(_ doc: Document, _ m: EntityMention, _ sentence: Range<Int>) -> Bool {
        (sentence.lowerBound..<m.tokens.lowerBound).contains { t in
            doc.tokens[t].isWord && (QuoteSpeaker.notSpeakerBefore.contains(doc.tokens[t].norm)
                || speakers.zone.entries[doc.tokens[t].norm]?.first == "prep")
        }
    }

    /// Whether the word before a name carries ب، ل or ك, making the name its genitive ("وفيما يتعلق بجسر أبحر").
    func afterPrepositionalWord(_ doc: Document, _ m: EntityMention) -> Bool {
        let k = m.tokens.lowerBound - 1
        guard k >= 0, doc.tokens[k].isWord else { return false }
        let w = doc.tokens[k].norm
        return w.hasPrefix("بال") || w.hasPrefix("لل") || w.hasPrefix("كال")
            || (w.hasPrefix("ب") && w.unicodeScalars.count >= 4 && speakers.zone.entries[w] == nil)
    }

    /// The first person named in a sentence before a token, who may speak.
    func firstPerson(_ doc: Document, _ sentence: Range<Int>, before limit: Int, spans: [Span],
                     phraseFree: Bool = false) -> (ref: EntityRef, text: String)? {
        guard let m = doc.mentions.first(where: { $0.type == .person && $0.tokens.lowerBound >= sentence.lowerBound
            && $0.tokens.upperBound <= limit && speakers.canSpeak($0, doc) && !inQuote(doc, $0, spans)
            && !speakers.insideBodyName(doc, $0) && !speakers.afterKin(doc, $0) && !afterComplementizer(doc, $0, sentence)
            && !(phraseFree && afterPreposition(doc, $0, sentence)) }) else { return nil }
        return (m.ref, m.text)
    }

    /// The subject of a sentence's first clause: an entity named among its first words ("وقبل ذلك، عبر وزير
    /// الخارجية البلجيكي X ..."), not after a preposition.
    func sentenceSubject(_ doc: Document, _ sentence: Range<Int>, before limit: Int,
                         people: Set<EntityType> = [.person, .org, .gpe], spans: [Span], phraseFree: Bool = false) -> (ref: EntityRef, text: String)? {
        let window = sentence.lowerBound..<min(sentence.lowerBound + 9, limit)
        // A name before a dash or a colon opening the text is a byline or a dateline ("محمد علي- سبق:"), not a subject.
        let named = doc.mentions.filter { m in
            window.contains(m.tokens.lowerBound) && people.contains(m.type) && speakers.canSpeak(m, doc)
                && !afterPrepositionalWord(doc, m) && !inQuote(doc, m, spans) && !(phraseFree && afterPreposition(doc, m, sentence))
                && !afterComplementizer(doc, m, sentence)
                && !(m.type == .person && (speakers.insideBodyName(doc, m) || speakers.afterKin(doc, m)))
                && !(m.tokens.upperBound < doc.tokens.count && ["-", "–", "—", ":"].contains(doc.tokens[m.tokens.upperBound].norm))
        }
        // A person before a body named in their title ("وزيرة الخارجية الكورية الشمالية تشوي سون هوي").
        guard let m = named.first(where: { $0.type == .person }) ?? named.first else { return nil }
        return (m.ref, m.text)
    }

    /// The speech verb of a direct quote: the nearest before it, passing over a verb in a relative clause when the
    /// sentence has another ("اعتبر كيري أن تصريحات خامنئي التي أكد فيها ... «مقلقة»"); else the first after it,
    /// close by. A short quote (under six words) needs its verb within its clause.
    func verbFor(_ doc: Document, _ span: Span, verbs: [Int]) -> Int? {
        let before = verbs.filter { doc.tokens[$0].end <= span.start }
        var verb = before.last
        let firstQuoteToken = doc.firstToken(startingAtOrAfter: span.start)
        // Not when the quote opens right after the relative clause's verb ("زعيم كوريا الذي صرح: «...»").
        if let v = verb, before.count > 1, v > 0, QuoteSpeaker.relatives.contains(doc.tokens[v - 1].norm), firstQuoteToken - v > 3 {
            verb = before[before.count - 2]
        }
        if let v = verb {
            if span.words >= 6 || firstQuoteToken - v <= 12 { return v }
        }
        if let after = verbs.first(where: { doc.tokens[$0].start >= span.end }) {
            let lastQuoteToken = doc.firstToken(startingAtOrAfter: span.end)
            if span.words >= 6 || after - lastQuoteToken <= 4 { return after }
        }
        return span.words >= 6 ? verb : nil
    }

    /// Whether a quoted span is a name or a title: one entity's name ("«رويترز»") or after a word that names
    /// what follows ("صحيفة «الخبر»"، "عملية «عاصفة الحزم»"، "بعنوان «...»").
    func isName(_ doc: Document, _ span: Span) -> Bool {
        let first = doc.firstToken(startingAtOrAfter: span.start)
        let last = doc.firstToken(startingAtOrAfter: span.end) - 1
        guard first <= last else { return false }
        if doc.mentions.contains(where: { $0.tokens.lowerBound <= first && $0.tokens.upperBound > last }) { return true }
        // The subject's name in quote marks right after a speech verb, before what it says ("بينما قالت «جبهة
        // الوطنيين المتحدة» إن ...").
        if span.words <= 4, first >= 2, speakers.kind(doc.tokens[first - 2]) != nil, let sentence = doc.sentence(containing: first),
           speakers.saysAfter(doc, close: last + 1, sentence: sentence) {
            return true
        }
        // A short quoted name inside a title, the titled person and what they said after it ("رئيس «اللجنة
        // المشتركة» سيرغي لافروف أن ...").
        if let person = QuoteSpeaker.titledPerson(after: last + 1, quotedWords: span.words, in: doc.mentions),
           (person.tokens.upperBound..<min(person.tokens.upperBound + 4, doc.tokens.count)).contains(where: { Self.complementizers.contains(doc.tokens[$0].norm) }) {
            return true
        }
        var k = first - 1
        while k >= 0, doc.tokens[k].kind == .punct, first - k <= 2 { k -= 1 }
        guard k >= 0, doc.tokens[k].isWord, first - k <= 2 else { return false }
        return titleHeads.contains(token: doc.tokens[k])
    }

    /// The last token of what is said after `opening` (a colon or a complementizer): it runs to the next speech verb
    /// ("ووصف ... بأنها «...»، وقال إن ...") or the sentence end, trailing punctuation left out; `opening` when empty.
    func clauseEnd(_ doc: Document, after opening: Int, verbs: [Int], sentence: Range<Int>) -> Int {
        // The next speech verb ends what is said, unless it is the predicate of the said clause's first words
        // ("وأكدت أن أحدهم اعترف بـ..."، "أن التحريات كشفت").
        let next = verbs.first { v in
            guard v > opening else { return false }
            let predicate = v - opening >= 2 && v - opening <= 3 && ((opening + 1)..<v).allSatisfy { doc.tokens[$0].isWord }
                && !speakers.isCarried(doc.tokens[v]) && doc.tokens[v].norm.unicodeScalars.first != "و"
                && doc.tokens[v].norm.unicodeScalars.first != "ف"
            // Right after the complementizer a form of saying is the clause's own: a verbal noun after "أن" ("أن توقع
            // منظمة أوبك نمو الطلب سينعكس ..."), the predicate after "أنه" ("أنه قال لهم").
            let opensClause = v == opening + 1 && Self.complementizers.contains(doc.tokens[opening].norm)
                && !speakers.isCarried(doc.tokens[v]) && doc.tokens[v].norm.unicodeScalars.first != "و"
            return !predicate && !opensClause
        }
        var endToken = (next ?? sentence.upperBound) - 1
        while endToken > opening, doc.tokens[endToken].kind == .punct { endToken -= 1 }
        return endToken
    }

    /// The colon that opens unmarked direct speech after a speech verb: within the verb's clause (its subject, a
    /// title, "خلال زيارة ..." may come between), with no complementizer, quote mark or other colon before it, and
    /// no quote mark right after it (a marked quote is taken as such).
    func colonOpening(_ doc: Document, after verb: Int, in sentence: Range<Int>) -> Int? {
        var skipUntil = verb
        for t in (verb + 1)..<min(verb + 24, sentence.upperBound) where t > skipUntil {
            let token = doc.tokens[t]
            if token.isWord {
                if Self.complementizers.contains(token.norm) { return nil }
                continue
            }
            guard let mark = token.norm.unicodeScalars.first else { continue }
            if Self.openers.contains(mark) {
                // The addressee's name in quote marks ("وقال X لـ\"الوطن\": ...") is passed over.
                if t > verb + 1, speakers.isAddressee(doc, t - 1),
                   let close = ((t + 1)..<min(t + 6, sentence.upperBound)).first(where: {
                       doc.tokens[$0].kind == .punct && Self.closers.contains(doc.tokens[$0].norm.unicodeScalars.first!) }),
                   close + 1 < sentence.upperBound, doc.tokens[close + 1].norm == ":" {
                    skipUntil = close
                    continue
                }
                return nil
            }
            guard mark == ":" else { continue }
            guard t + 1 < sentence.upperBound, doc.tokens[t + 1].isWord else { return nil }
            return t
        }
        return nil
    }

    static let complementizers = QuoteSpeaker.complementizers
    /// Words before a verb that attribute to a source ("حسبما نقلت وكالة ..."، "وفقا لما ذكرته"), unlike "كما قال X"
    /// ("X also said"). An outlet that reports or relays is a source the next sentence does not carry; a source that
    /// says ("حسبما أكد مصدر مقرب منه. مشيرا إلى أن") goes on speaking.
    static let sourceWords: Set<String> = Set(["ما", "لما", "حسبما", "بما"].map(ArabicNormalizer.shared.key))
    /// Words before a speech verb in an attribution inside another clause ("وفقا لما نقلته وكالة ...").
    static let attributionWords: Set<String> = Set(["ما", "لما", "حسبما", "كما", "بما"].map(ArabicNormalizer.shared.key))

    struct Span {
        var start: Int
        var end: Int
        var words: Int
        /// The end of a quote opened in the previous sentence: its speaker is that quote's.
        var continued = false
        /// Between two marks that pair (not a quote left open to the sentence's end).
        var closed = false
    }

    /// Quoted stretches inside a sentence (between a quote mark and its partner).
    /// How a straight quote mark stands in the text: space before and a word after opens, a word before and
    /// space or punctuation after closes; otherwise it cannot be told.
    enum StraightMark { case opening, closing, unknown }

    static func straightMark(_ doc: Document, _ t: Int) -> StraightMark {
        let token = doc.tokens[t]
        let before: Unicode.Scalar? = token.start > 0 ? doc.text[token.start - 1] : nil
        let after: Unicode.Scalar? = token.end < doc.text.count ? doc.text[token.end] : nil
        let spaceBefore = before.map { $0.properties.isWhitespace || "(«:،".unicodeScalars.contains($0) } ?? true
        let spaceAfter = after.map { $0.properties.isWhitespace || ".،,؛:!?)»".unicodeScalars.contains($0) } ?? true
        if spaceBefore && !spaceAfter { return .opening }
        if !spaceBefore && spaceAfter { return .closing }
        return .unknown
    }

    /// Quoted spans of a sentence. `continuing`: the previous sentence ended inside a straight-quoted quote, so
    /// the words up to a closing mark here are its end.
    func quoteSpans(_ doc: Document, _ sentence: Range<Int>, continuing: Bool = false) -> [Span] {
        var spans: [Span] = []
        var open: Int?   // token index of the opening mark
        var resuming = continuing
        for t in sentence where doc.tokens[t].kind == .punct {
            guard let mark = doc.tokens[t].norm.unicodeScalars.first else { continue }
            if resuming, open == nil, mark == "\"" {
                resuming = false
                if Self.straightMark(doc, t) != .opening {
                    let words = (sentence.lowerBound..<t).filter { doc.tokens[$0].isWord }.count
                    if words >= 2 { spans.append(Span(start: doc.tokens[sentence.lowerBound].start, end: doc.tokens[t].start, words: words, continued: true, closed: true)) }
                    continue
                }
            }
            if let o = open {
                // A straight mark shaped as an opener while one is open: the first was never closed.
                if mark == "\"", Self.straightMark(doc, t) == .opening, t > o + 1 {
                    let words = ((o + 1)..<t).filter { doc.tokens[$0].isWord }.count
                    // One or two words: a name whose closing mark has a space on the wrong side ("أكدت \"أم فهد \"صاحبة").
                    if words <= 2 { open = nil; continue }
                    var last = t - 1
                    if doc.tokens[last].kind == .punct && last > o + 1 { last -= 1 }
                    if words >= 3 { spans.append(Span(start: doc.tokens[o].end, end: doc.tokens[last].end, words: words)) }
                    open = t
                    continue
                }
                // A guillemet before the narrative's own speech verb, with another opening soon after, is stray ("...
                // أكثر. «وأضاف X: «..."): the quote opens at the second. (Elsewhere guillemets nest: "«... قال: «...»».")
                if mark == "«", doc.tokens[o].norm == "«", t - o <= 8, o + 1 < t, speakers.kind(doc.tokens[o + 1]) != nil,
                   speakers.hasConjunction(doc.tokens[o + 1]) {
                    open = t
                    continue
                }
                if Self.closers.contains(mark) && (mark != "“" || doc.tokens[o].norm == "”") {
                    let words = ((o + 1)..<t).filter { doc.tokens[$0].isWord }.count
                    if words >= 3 { spans.append(Span(start: doc.tokens[o].end, end: doc.tokens[t].start, words: words, closed: true)) }
                    open = nil
                }
            } else if Self.openers.contains(mark) {
                open = t
            }
        }
        // An unclosed quote at the end of the sentence runs to its end (quotes spanning sentences).
        if let o = open, o + 2 < sentence.upperBound {
            let words = ((o + 1)..<sentence.upperBound).filter { doc.tokens[$0].isWord }.count
            var last = sentence.upperBound - 1
            if doc.tokens[last].kind == .punct && last > o + 1 { last -= 1 }
            if words >= 3 { spans.append(Span(start: doc.tokens[o].end, end: doc.tokens[last].end, words: words)) }
        }
        return spans
    }

    /// Whether a straight-quoted quote is still open at the end of the sentence (it runs on into the next).
    func endsInsideStraightQuote(_ doc: Document, _ sentence: Range<Int>, continuing: Bool) -> Bool {
        var open = continuing
        var opened: Int?
        for t in sentence where doc.tokens[t].kind == .punct && doc.tokens[t].norm == "\"" {
            switch Self.straightMark(doc, t) {
            case .opening:
                // An opener one or two words after an opener closes a short name (as in `quoteSpans`).
                if open, let o = opened, ((o + 1)..<t).filter({ doc.tokens[$0].isWord }).count <= 2 {
                    open = false; opened = nil
                } else {
                    open = true; opened = t
                }
            case .closing: open = false; opened = nil
            case .unknown: open.toggle(); opened = open ? t : nil
            }
        }
        return open
    }
}
