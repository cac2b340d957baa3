/// Companies named in transliteration and closed by a corporate word: "سيتي جروب"، "ستيت ستريت كوربوريشن"، "ويلز
/// فارجو أند كومباني"، "بنك أوف أميركا كوربوريشن". Business news lists banks and firms by their English names, which
/// neither the knowledge base nor the tagger (trained on ANERCorp) knows, and the tagger reads their words as people.
/// The corporate word says what the words before it are.
///
/// The words are `lexicon/company_words.tsv` ("إنك" is not: it is written as "أنك", that you, once normalized).
/// From the last corporate word back, up to five words: transliterated words
/// (no article, no function word, no common word of the tagger's corpus), the links inside such names ("أوف"،
/// "أند") and places the knowledge base knows ("أميركا"، "نيويورك": then part of the name); a head noun ("بنك")
/// opens the name, and so does a word after a list's comma with its "و" ("، وسيتي جروب").
struct CompanyNames: Sendable {
    let suffixes: Set<String>
    let links: Set<String>
    let heads: Set<String>

    init() {
        let rows = HeadedPlaces.kindRows("lexicon/company_words.tsv")
        suffixes = Set(rows["suffix", default: [:]].keys)
        links = Set(rows["link", default: [:]].keys)
        heads = Set(rows["head", default: [:]].keys)
    }

    static let article = ArabicNormalizer.shared.key("ال")
    static let waw = ArabicNormalizer.shared.key("و")

    /// Whether a word may stand in a transliterated name: two letters or more ("يو كيه"), no article, no function or
    /// common word.
    func mayName(_ word: String, stops: PhraseLexicon, kb: KnowledgeBase, tagger: NERTagger?) -> Bool {
        guard word.unicodeScalars.count >= 2, !word.hasPrefix(Self.article), stops.entries[word] == nil, !kb.isCommonWord(word)
        else { return false }
        if let tagger {
            let use = tagger.trainingUse(of: word)
            if use.seen >= 3 && 4 * use.names < use.seen { return false }
        }
        return true
    }

    /// Where the name closed by the corporate word at `s` begins, and how many letters of "و" to leave out of its
    /// first word; nil when no name stands before it.
    func nameStart(_ doc: Document, suffixAt s: Int, in sentence: Range<Int>, placeAt: Set<Int>, covered: [Bool],
                   stops: PhraseLexicon, kb: KnowledgeBase, tagger: NERTagger?) -> (start: Int, prefix: Int)? {
        var first: Int?, prefix = 0
        var k = s - 1
        while k >= sentence.lowerBound, s - k <= 5, doc.tokens[k].kind == .arabic {
            let word = doc.tokens[k].norm
            // After punctuation or another name ("سيتي بنك ودويتشه بنك") a glued "و" is the list's.
            let listed = k == sentence.lowerBound || doc.tokens[k - 1].kind != .arabic || covered[k - 1]
                || suffixes.contains(doc.tokens[k - 1].norm)
            // "، وسيتي جروب": a list's "و" before the name's first word.
            if word.hasPrefix(Self.waw), listed, !covered[k] {
                let stem = String(word.dropFirst())
                if heads.contains(stem) || mayName(stem, stops: stops, kb: kb, tagger: tagger) { first = k; prefix = 1 }
                break
            }
            if heads.contains(word), !covered[k] { first = k; break }
            // "داماك إنترناشونال ليميتد": a corporate word before the last one is inside the name.
            if placeAt.contains(k) || links.contains(word) || suffixes.contains(word) {
                if placeAt.contains(k), first != nil { first = k }
                k -= 1
                continue
            }
            guard !covered[k], mayName(word, stops: stops, kb: kb, tagger: tagger) else { break }
            first = k
            k -= 1
        }
        // The name begins at a name word or a place before one ("تكساس إنسترومنتس"), never at a link.
        guard var start = first else { return nil }
        while start < s, prefix == 0, links.contains(doc.tokens[start].norm) || suffixes.contains(doc.tokens[start].norm) { start += 1 }
        return start < s ? (start, prefix) : nil
    }

    /// The companies of the document on tokens no other rule covers (a place inside the name is taken into it and
    /// its mention dropped); marks their tokens covered.
    func mentions(_ doc: Document, _ mentions: inout [EntityMention], stops: PhraseLexicon, kb: KnowledgeBase,
                  tagger: NERTagger?, covered: inout [Bool]) {
        var placeMention: [Int: Int] = [:]
        for (n, m) in mentions.enumerated() where m.type == .gpe && m.tokens.count == 1 && m.start == doc.tokens[m.tokens.lowerBound].start {
            placeMention[m.tokens.lowerBound] = n
        }
        let places = Set(placeMention.keys)
        var dropped = Set<Int>()
        for sentence in doc.sentences {
            for s in sentence where doc.tokens[s].kind == .arabic && !covered[s] && suffixes.contains(doc.tokens[s].norm)
                && !(s + 1 < sentence.upperBound && suffixes.contains(doc.tokens[s + 1].norm)) {
                guard let (first, prefix) = nameStart(doc, suffixAt: s, in: sentence, placeAt: places, covered: covered,
                                                      stops: stops, kb: kb, tagger: tagger) else { continue }
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[first], afterNormalized: prefix)
                let stop = doc.tokens[s].end
                let text = doc.string(start, stop)
                mentions.append(EntityMention(start: start, end: stop, text: text, type: .org,
                                              ref: .name(.org, KBKeys.variantKey(ArabicNormalizer.shared.key(text))),
                                              origin: .bodyHead, tokens: first..<(s + 1),
                                              reason: "a company named before the corporate word «\(doc.tokens[s].norm)»"))
                for t in first...s {
                    covered[t] = true
                    if let p = placeMention[t] { dropped.insert(p) }
                }
            }
        }
        if !dropped.isEmpty { mentions = mentions.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
    }
}
