/// Institutions and places named after a person with an honorific: "مركز الملك سلمان للإغاثة والأعمال الإنسانية"،
/// "مستشفى الملك فهد المركزي"، "مطار الملك عبدالعزيز الدولي". Gulf news names hospitals, universities, airports and
/// stadiums this way all the time; read name by name, they made the king a participant of every flight and match.
///
/// A head of `lexicon/named_after_heads.tsv` in construct (no article), an honorific, the person's name (a mention
/// found before), then adjectives with the article ("الدولي"، "الرياضية") and one "لـ" phrase with the words joined
/// to it ("للدراسات الإسلامية والبحوث"): one mention of the institution (ORG) or place (GPE). The person's mention
/// inside is dropped: the article does not speak of that person there.
struct NamedAfterPeople: Sendable {
    let heads: PhraseLexicon

    init() {
        heads = PhraseLexicon.resource("lexicon/named_after_heads.tsv")
    }

    func mentions(_ doc: Document, _ mentions: inout [EntityMention], honorifics: PhraseLexicon, covered: inout [Bool]) {
        func honorificEnd(_ t: Int) -> Int? {
            if let h = honorifics.match(doc.tokens, at: t) { return h.tokens.upperBound }
            if let h = heads.match(doc.tokens, at: t), h.values.first == "honorific" { return h.tokens.upperBound }
            return nil
        }
        var absorbed = Set<Int>()
        var found: [EntityMention] = []
        // From each person's (or tagged body's) mention back to the head: the honorific is the mention's first
        // words ("الملك عبدالله" tagged whole) or the words right before it ("الملك" + "سلمان").
        for (k, person) in mentions.enumerated() where person.type == .person || person.type == .org {
            let first = person.tokens.lowerBound
            var i: Int?
            if first >= 1, let h = honorificEnd(first), h < person.tokens.upperBound { i = first - 1 }
            for back in 1...3 where i == nil && first - back - 1 >= 0 && honorificEnd(first - back) == first { i = first - back - 1 }
            guard let i, !covered[i], let sentence = doc.sentence(containing: first), sentence.contains(i) else { continue }
            let token = doc.tokens[i]
            guard token.kind == .arabic, let (type, prefix) = head(token) else { continue }
            let end = tail(doc, from: person.tokens.upperBound, in: sentence, covered: covered)
            let start = Proclitics.originalOffset(in: doc.text, token: token, afterNormalized: prefix)
            let stop = doc.tokens[end - 1].end
            let text = doc.string(start, stop)
            found.append(EntityMention(start: start, end: stop, text: text, type: type,
                                       ref: .name(type, KBKeys.variantKey(ArabicNormalizer.shared.key(text))),
                                       origin: .bodyHead, tokens: i..<end,
                                       reason: "named after a person: the head «\(token.norm)», an honorific and a name"))
            absorbed.insert(k)
            for t in i..<end { covered[t] = true }
        }
        guard !found.isEmpty else { return }
        mentions = mentions.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element) + found
    }

    /// The head's type and the length of what is glued before it ("وجامعة"، "بمستشفى"); never with the article.
    func head(_ token: Token) -> (type: EntityType, prefix: Int)? {
        for c in Proclitics.candidates(token) where !c.stem.hasPrefix("ال") {
            if let v = heads.entries[c.stem]?.first, let type = EntityType(rawValue: v) { return (type, c.prefix) }
        }
        return nil
    }

    /// Past the person's name: adjectives with the article ("الدولي"، "الرياضية"), then at most one "لـ" phrase, the
    /// words joined to it by "و" and adjectives ("للإغاثة والأعمال الإنسانية").
    func tail(_ doc: Document, from start: Int, in sentence: Range<Int>, covered: [Bool]) -> Int {
        var end = start
        var inLam = false
        while end < sentence.upperBound, !covered[end], doc.tokens[end].kind == .arabic {
            let word = doc.tokens[end].norm
            if word.hasPrefix("لل") || (word.hasPrefix("ل") && !word.hasPrefix("لا") && end == start) {
                if inLam { break }
                inLam = true
            } else if word.hasPrefix("ال") {
                // An adjective ("الإسلامية"); a definite noun after the name is another phrase ("... الدكتور").
                if !HeadedBodies.isNisba(word) { break }
            } else if word.hasPrefix("وال") {
                if !inLam { break }
            } else {
                break
            }
            end += 1
        }
        return end
    }
}
