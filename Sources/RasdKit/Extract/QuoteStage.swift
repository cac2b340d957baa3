/// Quotes: direct quotes between quote marks (« » “ ” " „, in any pairing the page uses) and reported speech
/// ("قال X إن ..."), each with its speaker (`QuoteSpeaker`: the speech verb's subject, the source after "عن", or the
/// previous speaker when no subject is written). Names and titles in quote marks and one- or two-word scare quotes
/// are not quotes.
public struct QuoteStage: Sendable {
    let speech: PhraseLexicon
    let speakers: QuoteSpeaker
    /// Words before a quote mark that make what it quotes a name or a title ("صحيفة «الخبر»").
    let titleHeads: PhraseLexicon

    public init() {
        speech = PhraseLexicon.resource("quotes/speech_verbs.tsv")
        speakers = QuoteSpeaker(speech: speech)
        titleHeads = PhraseLexicon.resource("quotes/title_heads.tsv")
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
            let verbs = sentence.filter { speakers.kind(doc.tokens[$0]) != nil }
            // Each verb's speaker, in text order: a verb with no subject written carries the speaker before it.
            var speakerOf: [Int: (ref: EntityRef, text: String)] = [:]
            var sentenceHasSpeaker = false
            for verb in verbs {
                switch speakers.find(doc, verb: verb, sentence: sentence) {
                case .named(let ref, let text): lastSpeaker = (ref, text); sentenceHasSpeaker = true
                case .unknown: lastSpeaker = nil; sentenceHasSpeaker = true
                case .carried:
                    // No subject written: the subject of the sentence's main verb ("عبر الوزير X عن أسفه وذكر أن"),
                    // else the speaker before.
                    if let subject = coordinatedSubject(doc, verb: verb, sentence: sentence) {
                        lastSpeaker = subject
                    } else if !sentenceHasSpeaker, let subject = sentenceSubject(doc, sentence, before: verb) {
                        lastSpeaker = subject
                    }
                    sentenceHasSpeaker = true
                }
                if let lastSpeaker { speakerOf[verb] = lastSpeaker }
                speechVerbs[verb] = SpeechVerb(speaker: lastSpeaker?.ref, speakerText: lastSpeaker?.text)
            }
            var usedVerbs = Set<Int>()
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
                if let verb { usedVerbs.insert(verb) }
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
            // Reported speech: a speech verb, then "إن/أن" and the clause, with no direct quote for that verb.
            for verb in verbs where !usedVerbs.contains(verb) {
                // Else the verb's preposition of content ("وشدد الوزير على ضرورة ..."), before any complementizer.
                let window = (verb + 1)..<min(verb + 14, sentence.upperBound)
                let complementizer = window.first(where: { Self.complementizers.contains(doc.tokens[$0].norm) })
                let preposition = speakers.contentPreposition(doc.tokens[verb]).flatMap { prep in
                    ((verb + 1)..<min(verb + 19, sentence.upperBound)).first { doc.tokens[$0].norm == prep }
                }
                guard let that = complementizer ?? preposition, that + 1 < sentence.upperBound else { continue }
                let start = doc.tokens[that + 1].start
                let endToken = clauseEnd(doc, after: that, verbs: verbs, sentence: sentence)
                guard endToken > that else { continue }
                // One or two words in quote marks ("وصفها بأنها «غير شرعية»") are a label, not a quote.
                let clause = (that + 1)...endToken
                if clause.filter({ doc.tokens[$0].isWord }).count < 3,
                   clause.contains(where: { doc.tokens[$0].kind == .punct && Self.openers.contains(doc.tokens[$0].norm.unicodeScalars.first!) }) {
                    continue
                }
                let end = doc.tokens[endToken].end
                // Skip when the clause is itself quoted (already taken as a direct quote).
                if quotes.contains(where: { $0.start <= start && $0.end >= end }) { continue }
                let speaker = speakerOf[verb]
                quotes.append(QuoteMention(start: start, end: end, text: doc.string(start, end), speaker: speaker?.ref,
                                           speakerText: speaker?.text, direct: false,
                                           verb: doc.string(doc.tokens[verb].start, doc.tokens[verb].end)))
            }
            // A sentence without speech verbs whose subject is a person makes them the speaker of what follows.
            if verbs.isEmpty, let subject = sentenceSubject(doc, sentence, before: sentence.upperBound, people: [.person]) {
                lastSpeaker = subject
            }
        }
        doc.quotes = quotes.sorted { $0.start < $1.start }
        doc.speechVerbs = speechVerbs
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

    /// The subject of a sentence's first clause: an entity named among its first words ("وقبل ذلك، عبر وزير
    /// الخارجية البلجيكي X ..."), not after a preposition.
    func sentenceSubject(_ doc: Document, _ sentence: Range<Int>, before limit: Int,
                         people: Set<EntityType> = [.person, .org, .gpe]) -> (ref: EntityRef, text: String)? {
        let window = sentence.lowerBound..<min(sentence.lowerBound + 9, limit)
        let named = doc.mentions.filter { window.contains($0.tokens.lowerBound) && people.contains($0.type) && speakers.canSpeak($0, doc) }
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
        if let v = verb, before.count > 1, v > 0, QuoteSpeaker.relatives.contains(doc.tokens[v - 1].norm) { verb = before[before.count - 2] }
        let firstQuoteToken = doc.firstToken(startingAtOrAfter: span.start)
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
        // A short quoted name inside a title, the titled person and what they said after it ("رئيس «اللجنة
        // المشتركة» سيرغي لافروف أن ...").
        if let person = QuoteSpeaker.titledPerson(after: last + 1, quotedWords: span.words, in: doc.mentions),
           (person.tokens.upperBound..<min(person.tokens.upperBound + 4, doc.tokens.count)).contains(where: { Self.complementizers.contains(doc.tokens[$0].norm) }) {
            return true
        }
        var k = first - 1
        while k >= 0, doc.tokens[k].kind == .punct, first - k <= 2 { k -= 1 }
        guard k >= 0, doc.tokens[k].isWord, first - k <= 2 else { return false }
        return titleHeads.contains(word: doc.tokens[k].norm)
    }

    /// The last token of what is said after `opening` (a colon or a complementizer): it runs to the next speech verb
    /// ("ووصف ... بأنها «...»، وقال إن ...") or the sentence end, trailing punctuation left out; `opening` when empty.
    func clauseEnd(_ doc: Document, after opening: Int, verbs: [Int], sentence: Range<Int>) -> Int {
        var endToken = (verbs.first { $0 > opening } ?? sentence.upperBound) - 1
        while endToken > opening, doc.tokens[endToken].kind == .punct { endToken -= 1 }
        return endToken
    }

    /// The colon that opens unmarked direct speech after a speech verb: within the verb's clause (its subject, a
    /// title, "خلال زيارة ..." may come between), with no complementizer, quote mark or other colon before it, and
    /// no quote mark right after it (a marked quote is taken as such).
    func colonOpening(_ doc: Document, after verb: Int, in sentence: Range<Int>) -> Int? {
        for t in (verb + 1)..<min(verb + 24, sentence.upperBound) {
            let token = doc.tokens[t]
            if token.isWord {
                if Self.complementizers.contains(token.norm) { return nil }
                continue
            }
            guard let mark = token.norm.unicodeScalars.first else { continue }
            if Self.openers.contains(mark) { return nil }
            guard mark == ":" else { continue }
            guard t + 1 < sentence.upperBound, doc.tokens[t + 1].isWord else { return nil }
            return t
        }
        return nil
    }

    static let complementizers = QuoteSpeaker.complementizers

    struct Span {
        var start: Int
        var end: Int
        var words: Int
        /// The end of a quote opened in the previous sentence: its speaker is that quote's.
        var continued = false
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
                    if words >= 2 { spans.append(Span(start: doc.tokens[sentence.lowerBound].start, end: doc.tokens[t].start, words: words, continued: true)) }
                    continue
                }
            }
            if let o = open {
                // A straight mark shaped as an opener while one is open: the first was never closed.
                if mark == "\"", Self.straightMark(doc, t) == .opening, t > o + 1 {
                    let words = ((o + 1)..<t).filter { doc.tokens[$0].isWord }.count
                    var last = t - 1
                    if doc.tokens[last].kind == .punct && last > o + 1 { last -= 1 }
                    if words >= 3 { spans.append(Span(start: doc.tokens[o].end, end: doc.tokens[last].end, words: words)) }
                    open = t
                    continue
                }
                if Self.closers.contains(mark) && (mark != "“" || doc.tokens[o].norm == "”") {
                    let words = ((o + 1)..<t).filter { doc.tokens[$0].isWord }.count
                    if words >= 3 { spans.append(Span(start: doc.tokens[o].end, end: doc.tokens[t].start, words: words)) }
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
        for t in sentence where doc.tokens[t].kind == .punct && doc.tokens[t].norm == "\"" {
            switch Self.straightMark(doc, t) {
            case .opening: open = true
            case .closing: open = false
            case .unknown: open.toggle()
            }
        }
        return open
    }
}
