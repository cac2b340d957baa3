/// A title standing alone for a person the article gave it before: "الأمير X ولي العهد ..." then "وعبر سمو ولي العهد
/// عن"، "X وزير الشباب والرياضة المصري" then "وأشار وزير الشباب والرياضة إلى"، "أمين منطقة حائل م. X" then "وقال
/// أمين حائل أن". The press names people so once they are introduced, and readers search by these forms.
extension TitleStage {
    /// A whole title phrase (to punctuation, a barrier, a verb or a person; two to six words, places and bodies inside
    /// it counted as words) whose first word is the first word of one person's earlier title (or of a title stacked in
    /// it, from its head), and whose other words come in that title in the same order. Only when one person's titles match.
    func titleAnaphors(_ doc: Document, roles: [RoleMention], covered: [Bool]) -> [EntityMention] {
        let earlier: [(end: Int, person: EntityRef, words: [String])] = roles.compactMap { r -> [(end: Int, person: EntityRef, words: [String])]? in
            guard r.basis == "text" else { return nil }
            let first = doc.firstToken(endingAfter: r.start), stop = doc.firstToken(startingAtOrAfter: r.end)
            guard first < stop else { return nil }
            // Titles stacked in one ("مستشار خادم الحرمين الشريفين أمير منطقة مكة المكرمة"): each from its head. A title
            // stands for the person after the whole role is written.
            return [(r.end, r.person, titleWords(doc, first..<stop))]
                + ((first + 1)..<stop).filter { doc.tokens[$0].isWord && isHead(doc, $0) }.map { (r.end, r.person, titleWords(doc, $0..<stop)) }
        }.flatMap { $0 }
        guard !earlier.isEmpty else { return [] }
        var startsAt: [Int: Int] = [:]
        for (k, m) in doc.mentions.enumerated() { startsAt[m.tokens.lowerBound] = k }
        let mentionStarts = Set(startsAt.keys)
        let dateStarts = Set(doc.dates.map { doc.firstToken(startingAtOrAfter: $0.start) })
        var out: [EntityMention] = []
        for sentence in doc.sentences {
            var t = sentence.lowerBound
            while t < sentence.upperBound {
                defer { t += 1 }
                guard doc.tokens[t].isWord, !covered[t], isHead(doc, t),
                      let end = phraseEnd(doc, from: t, sentence: sentence, covered: covered, startsAt: startsAt,
                                         dateStarts: dateStarts, mentionStarts: mentionStarts) else { continue }
                // A title inside a longer one ("نائب وزير الخارجية") or a noun's ("مكتب وزير الخارجية") is not alone.
                defer { t = end - 1 }
                guard end - t >= 2, standsAlone(doc, t, sentence: sentence), !nameHeads.contains(token: doc.tokens[t]),
                      isDefiniteTitle(doc, t..<end, startsAt: startsAt) else { continue }
                let words = titleWords(doc, t..<end)
                let people = Set(earlier.filter { $0.end <= doc.tokens[t].start && Self.repeats(words, $0.words) }.map(\.person))
                guard people.count == 1, let person = people.first else { continue }
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: cliticLength(doc.tokens[t]))
                let stop = doc.tokens[end - 1].end
                out.append(EntityMention(start: start, end: stop, text: doc.string(start, stop), type: .person, ref: person,
                                         origin: .description, tokens: t..<end, reason: "a title the article gave this person before"))
            }
        }
        return out
    }

    /// After the head, words with the article, names, or nouns in construct before them ("ولي العهد"، "أمير مكة"، "أمير
    /// منطقة القصيم"): not "رئيس جديد"، "الفريق في".
    /// A place's head noun ("محافظة الخرج") names the place.
    func isDefiniteTitle(_ doc: Document, _ range: Range<Int>, startsAt: [Int: Int]) -> Bool {
        var inName = Set<Int>()
        for k in range { if let m = startsAt[k] { inName.formUnion(doc.mentions[m].tokens) } }
        func named(_ k: Int) -> Bool { inName.contains(k) || Self.isDefinite(doc.tokens[k].norm) }
        // A noun in construct before one ("أمير منطقة القصيم") is part of it.
        return range.dropFirst().allSatisfy { named($0) || ($0 + 1 < range.upperBound && named($0 + 1)) }
    }

    /// No title's head right before `t` ("نائب وزير الخارجية" is another office); a noun may govern it ("برعاية أمير
    /// المنطقة").
    func standsAlone(_ doc: Document, _ t: Int, sentence: Range<Int>) -> Bool {
        t == sentence.lowerBound || !doc.tokens[t - 1].isWord || !isHead(doc, t - 1)
    }

    /// The title's words, normalized, the first without its proclitics ("وأشار وزير" → "وزير").
    func titleWords(_ doc: Document, _ range: Range<Int>) -> [String] {
        range.filter { doc.tokens[$0].isWord }.enumerated().map { n, t in
            let word = doc.tokens[t].norm
            return n == 0 ? String(word.unicodeScalars.dropFirst(cliticLength(doc.tokens[t])).map(Character.init)) : word
        }
    }

    /// Where a title phrase opening at `t` ends: at punctuation, a barrier, a verb, the noun that begins an object
    /// (`beginsObject`) or a person; nil when it runs past six words or into a person (then it is that person's title).
    func phraseEnd(_ doc: Document, from t: Int, sentence: Range<Int>, covered: [Bool], startsAt: [Int: Int],
                   dateStarts: Set<Int>, mentionStarts: Set<Int>) -> Int? {
        var j = t + 1
        while j < sentence.upperBound {
            if dateStarts.contains(j) { break }   // "وزير الدفاع البارحة الأولى"
            if let k = startsAt[j] {
                let m = doc.mentions[k]
                if m.type == .person { return nil }
                j = m.tokens.upperBound
            } else {
                let tok = doc.tokens[j]
                if !tok.isWord || covered[j] || barriers.contains(token: tok) || beginsObject(doc, j, mentionStarts: mentionStarts) { break }
                if !tok.norm.hasPrefix("ال"), isEventVerb(tok.norm) || speech.contains(token: tok) { break }
                j += 1
            }
            if j - t > 6 { return nil }
        }
        return j
    }

    /// The first words agree and the other words of `words` come in `title` in the same order.
    static func repeats(_ words: [String], _ title: [String]) -> Bool {
        guard let first = words.first, title.first == first else { return false }
        var k = 1
        for w in words.dropFirst() {
            while k < title.count, title[k] != w { k += 1 }
            guard k < title.count else { return false }
            k += 1
        }
        return true
    }
}
