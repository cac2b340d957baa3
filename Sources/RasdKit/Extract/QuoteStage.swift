/// Quotes: direct quotes between quote marks (« » “ ” " „, in any pairing the page uses) and reported speech
/// ("قال X إن ..."), each with its speaker: the subject of the speech verb, the entity before it ("بوتين قال"),
/// the source after "عن" ("نقلت رويترز عن X قوله"), or the person the previous sentences were about.
public struct QuoteStage: Sendable {
    let speech: PhraseLexicon

    public init() {
        speech = PhraseLexicon.resource("quotes/speech_verbs.tsv")
    }

    static let openers: Set<Unicode.Scalar> = ["«", "“", "„", "\"", "”"]
    static let closers: Set<Unicode.Scalar> = ["»", "”", "\"", "“"]

    public func process(_ doc: inout Document) {
        var quotes: [QuoteMention] = []
        var lastSpeaker: (ref: EntityRef, text: String)?
        var continuing = false
        for sentence in doc.sentences {
            let spans = quoteSpans(doc, sentence, continuing: continuing)
            continuing = endsInsideStraightQuote(doc, sentence, continuing: continuing)
            let verbs = sentence.filter { doc.tokens[$0].isWord && speech.values(word: doc.tokens[$0].norm) != nil }
            var usedVerbs = Set<Int>()
            for span in spans {
                if span.continued {
                    if let speaker = lastSpeaker {
                        quotes.append(QuoteMention(start: span.start, end: span.end, text: doc.string(span.start, span.end),
                                                   speaker: speaker.ref, speakerText: speaker.text, direct: true, verb: nil))
                    }
                    continue
                }
                // The speech verb nearest before the quote, else the first after it.
                let verb = verbs.last(where: { doc.tokens[$0].end <= span.start }) ?? verbs.first(where: { doc.tokens[$0].start >= span.end })
                var speaker: (ref: EntityRef, text: String)?
                if let verb { speaker = self.speaker(doc, verb: verb, sentence: sentence); usedVerbs.insert(verb) }
                if speaker == nil, verb != nil || !verbs.isEmpty { speaker = lastSpeaker }
                // Words in quotes without any speech verb are a term or title, not a quote.
                guard verb != nil || span.words >= 6 else { continue }
                quotes.append(QuoteMention(start: span.start, end: span.end, text: doc.string(span.start, span.end),
                                           speaker: speaker?.ref, speakerText: speaker?.text, direct: true,
                                           verb: verb.map { doc.string(doc.tokens[$0].start, doc.tokens[$0].end) }))
                if let speaker { lastSpeaker = speaker }
            }
            // Reported speech: a speech verb, then "إن/أن" and the clause, with no direct quote for that verb.
            for verb in verbs where !usedVerbs.contains(verb) {
                guard let that = ((verb + 1)..<min(verb + 14, sentence.upperBound)).first(where: { Self.complementizers.contains(doc.tokens[$0].norm) }),
                      that + 1 < sentence.upperBound else { continue }
                let start = doc.tokens[that + 1].start
                var endToken = sentence.upperBound - 1
                if doc.tokens[endToken].kind == .punct { endToken -= 1 }
                guard endToken > that else { continue }
                let end = doc.tokens[endToken].end
                // Skip when the clause is itself quoted (already taken as a direct quote).
                if quotes.contains(where: { $0.start <= start && $0.end >= end }) { continue }
                let speaker = self.speaker(doc, verb: verb, sentence: sentence) ?? lastSpeaker
                quotes.append(QuoteMention(start: start, end: end, text: doc.string(start, end), speaker: speaker?.ref,
                                           speakerText: speaker?.text, direct: false,
                                           verb: doc.string(doc.tokens[verb].start, doc.tokens[verb].end)))
                if let speaker { lastSpeaker = speaker }
            }
            // A sentence that names a person as subject makes them the default speaker of what follows.
            if let person = doc.mentions.first(where: { sentence.contains($0.tokens.lowerBound) && $0.type == .person }), verbs.isEmpty {
                lastSpeaker = (person.ref, person.text)
            }
        }
        doc.quotes = quotes.sorted { $0.start < $1.start }
    }

    static let complementizers: Set<String> = ["ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها"]

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
                    if words >= 2 { spans.append(Span(start: doc.tokens[o].end, end: doc.tokens[t].start, words: words)) }
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

    /// Words before a name that make it the place, the addressee or the topic of the speech, not its speaker
    /// ("قال ... في تونس"، "قال ... لرويترز"، "قال لوكالة الأنباء"); عن stays open for "نقلت ... عن X".
    static let notSpeakerBefore: Set<String> = Set(["في", "الى", "إلى", "من", "على", "مع", "لدى", "حول", "بشأن", "ضد"].map {
        ArabicNormalizer.shared.key($0)
    })

    /// Whether a mention may be a speaker: not a nationality adjective ("المسؤول التركي" is an official, not
    /// Turkey), not after a preposition, not with the preposition ب or ل on it, not the outlet spoken to
    /// ("لوكالة رويترز"، "لصحيفة ...").
    func canSpeak(_ m: EntityMention, _ doc: Document) -> Bool {
        if m.origin == .demonym { return false }
        let first = doc.tokens[m.tokens.lowerBound]
        if m.start > first.start {
            let clitics = doc.string(first.start, m.start)
            if clitics.unicodeScalars.contains("ل") || clitics.unicodeScalars.contains("ب") { return false }
        }
        guard m.tokens.lowerBound > 0 else { return true }
        let previous = doc.tokens[m.tokens.lowerBound - 1]
        guard previous.isWord else { return true }
        if Self.notSpeakerBefore.contains(previous.norm) { return false }
        // "لوكالة"، "لصحيفة"، "لقناة": an outlet addressed with ل.
        return !(previous.norm.hasPrefix("ل") && Self.outletHeads.contains(String(previous.norm.dropFirst())))
    }

    static let outletHeads: Set<String> = Set(["وكالة", "صحيفة", "قناة", "موقع", "تلفزيون", "إذاعة", "مجلة", "شبكة"].map {
        ArabicNormalizer.shared.key($0)
    })

    /// Who speaks with this verb.
    func speaker(_ doc: Document, verb: Int, sentence: Range<Int>) -> (ref: EntityRef, text: String)? {
        let kind = speech.values(word: doc.tokens[verb].norm)?.first ?? "say"
        let people = doc.mentions.filter { ($0.type == .person || $0.type == .org || $0.type == .gpe) && canSpeak($0, doc) }
        // "نقلت رويترز عن X قوله": the source after عن.
        if kind == "relay" {
            for m in people where m.tokens.lowerBound > verb && m.tokens.lowerBound <= verb + 6 && sentence.contains(m.tokens.lowerBound) {
                let k = m.tokens.lowerBound - 1
                if doc.tokens[k].norm == "عن" { return (m.ref, m.text) }
            }
        }
        // VSO: the subject after the verb, allowing a title between ("وقال وزير الخارجية الروسي لافروف").
        let window = people.filter { $0.tokens.lowerBound > verb && $0.tokens.lowerBound <= verb + 9 && sentence.contains($0.tokens.lowerBound) }
        let clean = { (m: EntityMention) in
            ((verb + 1)..<m.tokens.lowerBound).allSatisfy { doc.tokens[$0].isWord && !Self.complementizers.contains(doc.tokens[$0].norm) }
        }
        if let m = window.first, m.tokens.lowerBound <= verb + 7, clean(m) {
            // A place or body inside the title ("رئيسة بعثة الصندوق إلى مصر إيفانا هولار"): the person after it speaks.
            if m.type != .person, let person = window.first(where: { $0.type == .person && $0.tokens.lowerBound <= m.tokens.upperBound + 4 }),
               clean(person) {
                return (person.ref, person.text)
            }
            return (m.ref, m.text)
        }
        // SVO or a relative clause ("بوتين قال"، "زعيم كوريا الشمالية الذي صرح"): the nearest person before it.
        let before = people.filter { $0.tokens.upperBound <= verb && sentence.contains($0.tokens.lowerBound) }
        if let m = before.last(where: { $0.type == .person }) ?? before.last { return (m.ref, m.text) }
        return nil
    }
}
