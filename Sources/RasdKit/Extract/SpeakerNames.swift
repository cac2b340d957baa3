/// People whose names neither a list nor the tagger found, recognised by where they stand: the subject of a speech
/// verb, right before what is said ("وقال كام إن"، "وأضافت والش أمس: «...»"). Reports name a speaker in full once and
/// then by the family name alone, and foreign family names are the words the tagger knows least.
///
/// The word must be one the tagger's training corpus never saw, or saw mostly inside names, and no common word,
/// function word or title. It is the person's family name:
/// - a person tagged right before it elsewhere in the article takes it in ("ديبورا" + "والش" → "ديبورا والش");
/// - else the unknown words right before an earlier occurrence are the given names ("غبيرداو غوستاف كام" after
///   "رئيس المحكمة البروكينابي"), at most two, none with the article, one of them a listed given name when the
///   family name has the article ("الرميح" is as often a common noun);
/// - else nothing is found: a word that only stands alone ("وأوضحت الجوازات أن") is too often a body or a noun.
/// `PartialNames.link` then links the family name, wherever it stands alone, to the full name.
struct SpeakerNames: Sendable {
    /// The quote stage's reading of `quotes/speech_verbs.tsv`.
    let speakers: QuoteSpeaker
    let speech: PhraseLexicon
    /// What follows a speaker: a complementizer, or a date word before it.
    /// As `TokenKey`s: the test runs on every word, and a token carries its key.
    static let complementizers = Set(ArgumentFinder.keys(["إن", "أن", "ان", "بأن", "بان"]).map(TokenKey.of))
    static let dateWords = Set(ArgumentFinder.keys(["أمس", "اليوم", "الليلة"]).map(TokenKey.of))
    static let openers: Set<Unicode.Scalar> = [":", "«", "\"", "“"]

    init() {
        speech = PhraseLexicon.resource("quotes/speech_verbs.tsv")
        speakers = QuoteSpeaker(speech: speech)
    }

    /// Adds the speakers' mentions (and extends tagged names by the family name) on tokens nothing covers yet.
    func mentions(_ doc: Document, _ mentions: inout [EntityMention], tagger: NERTagger?, kb: KnowledgeBase,
                  stopNames: PhraseLexicon, titleHeads: PhraseLexicon, givenNames: Set<String>, covered: inout [Bool]) {
        guard let tagger else { return }
        // The family names: speech-verb subjects no mention covers.
        var surnames: [String: Int] = [:]   // key → token of its first speech-verb subject
        for sentence in doc.sentences {
            for v in sentence where v + 2 < sentence.upperBound {
                let w = v + 1
                // The cheap tests first: this runs on every word of every article.
                guard !covered[w], doc.tokens[w].kind == .arabic, followsSpeaker(doc, after: w, in: sentence),
                      isSay(doc.tokens[v]),
                      mayBeName(doc.tokens[w].norm, tagger: tagger, kb: kb, stopNames: stopNames, titleHeads: titleHeads)
                else { continue }
                let key = doc.tokens[w].norm
                if surnames[key] == nil { surnames[key] = w }
            }
        }
        guard !surnames.isEmpty else { return }
        let byEnd = Dictionary(mentions.enumerated().map { ($0.element.tokens.upperBound, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (key, subject) in surnames.sorted(by: { $0.value < $1.value }) {
            let occurrences = doc.tokens.indices.filter { doc.tokens[$0].kind == .arabic && doc.tokens[$0].norm == key }
            var named = false
            // A tagged person right before it: the family name completes the name.
            for k in occurrences where !covered[k] {
                guard let i = byEnd[k], mentions[i].type == .person, mentions[i].origin == .tagger,
                      case .name = mentions[i].ref, mentions[i].tokens.count <= 3, adjacent(doc, k - 1, k) else { continue }
                var m = mentions[i]
                m.end = doc.tokens[k].end
                m.tokens = m.tokens.lowerBound..<(k + 1)
                m.text = doc.string(m.start, m.end)
                m.ref = .name(.person, KBKeys.variantKey(ArabicNormalizer.shared.key(m.text)))
                m.origin = .speaker
                m.provenance.add("speaker: family name \(key), the subject of a speech verb, after a tagged given name")
                mentions[i] = m
                covered[k] = true
                named = true
                break
            }
            // Unknown words right before an occurrence: the given names.
            if !named {
                for k in occurrences where k < subject && !covered[k] {
                    var first = k
                    while first > max(0, k - 2), !covered[first - 1], adjacent(doc, first - 1, first),
                          doc.tokens[first - 1].kind == .arabic, !doc.tokens[first - 1].norm.hasPrefix("ال"),
                          !doc.tokens[first - 1].norm.hasPrefix("و"),
                          mayBeName(doc.tokens[first - 1].norm, tagger: tagger, kb: kb, stopNames: stopNames, titleHeads: titleHeads) {
                        first -= 1
                    }
                    // A family name with the article ("الرميح") is a common noun as often: a listed given name must
                    // stand before it.
                    guard first < k, !key.hasPrefix("ال")
                            || (first..<k).contains(where: { givenNames.contains(TitleStage.foldingAlef(doc.string(doc.tokens[$0].start, doc.tokens[$0].end))) })
                    else { continue }
                    let start = doc.tokens[first].start, end = doc.tokens[k].end
                    let text = doc.string(start, end)
                    mentions.append(EntityMention(start: start, end: end, text: text, type: .person,
                                                  ref: .name(.person, KBKeys.variantKey(ArabicNormalizer.shared.key(text))),
                                                  origin: .speaker, tokens: first..<(k + 1),
                                                  reason: "family name \(key), the subject of a speech verb, after unknown given names"))
                    for t in first...k { covered[t] = true }
                    break
                }
            }
        }
        mentions.sort { $0.start < $1.start }
    }

    /// A verb of saying with a row of its kind alone: carried participles ("مشيرا") and verbs whose content may
    /// follow a preposition ("أكد"، "شدد": a third column) are not read here.
    func isSay(_ token: Token) -> Bool {
        token.kind == .arabic && speakers.entry(token, conjunctionsOnly: true)?.values == ["say"]
    }

    /// What is said follows the word: a complementizer, a colon or an opening quotation mark (a date word between).
    func followsSpeaker(_ doc: Document, after w: Int, in sentence: Range<Int>) -> Bool {
        var k = w + 1
        if k < sentence.upperBound, doc.tokens[k].kind == .arabic, Self.dateWords.contains(doc.tokens[k].key) { k += 1 }
        guard k < sentence.upperBound else { return false }
        let next = doc.tokens[k]
        if next.kind == .arabic { return Self.complementizers.contains(next.key) }
        return next.end - next.start == 1 && Self.openers.contains(doc.text[next.start])
    }

    /// Two tokens side by side with one space between.
    func adjacent(_ doc: Document, _ a: Int, _ b: Int) -> Bool {
        a >= 0 && doc.tokens[b].start == doc.tokens[a].end + 1 && doc.text[doc.tokens[a].end].value == 0x20
    }

    func mayBeName(_ word: String, tagger: NERTagger, kb: KnowledgeBase, stopNames: PhraseLexicon, titleHeads: PhraseLexicon) -> Bool {
        guard word.unicodeScalars.count >= 3, stopNames.entries[word] == nil, !kb.isCommonWord(word),
              titleHeads.values(word: word) == nil, speech.values(word: word) == nil else { return false }
        let use = tagger.trainingUse(of: word)
        return use.seen <= 2 || 2 * use.names >= use.seen
    }
}
