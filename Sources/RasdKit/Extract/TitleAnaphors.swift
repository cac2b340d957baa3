/// A title standing alone for a person the article gave it before: "الأمير X ولي العهد ..." then "وعبر سمو ولي العهد
/// عن"، "X وزير الشباب والرياضة المصري" then "وأشار وزير الشباب والرياضة إلى"، "أمين منطقة حائل م. X" then "وقال
/// أمين حائل أن". The press names people so once they are introduced, and readers search by these forms.
extension TitleStage {
    /// A whole title phrase (to punctuation, a barrier, a verb or a person; two to six words, places and bodies inside
    /// it counted as words) whose first word is the first word of one person's earlier title, and whose other words
    /// come in that title in the same order. Only when one person's titles match.
    func titleAnaphors(_ doc: Document, roles: [RoleMention], covered: [Bool]) -> [EntityMention] {
        let earlier: [(start: Int, person: EntityRef, words: [String])] = roles.compactMap { r in
            guard r.basis == "text" else { return nil }
            let first = doc.firstToken(endingAfter: r.start), stop = doc.firstToken(startingAtOrAfter: r.end)
            guard first < stop else { return nil }
            return (r.start, r.person, titleWords(doc, first..<stop))
        }
        guard !earlier.isEmpty else { return [] }
        var startsAt: [Int: Int] = [:]
        for (k, m) in doc.mentions.enumerated() { startsAt[m.tokens.lowerBound] = k }
        var out: [EntityMention] = []
        for sentence in doc.sentences {
            var t = sentence.lowerBound
            while t < sentence.upperBound {
                defer { t += 1 }
                guard doc.tokens[t].isWord, !covered[t], isHead(doc, t),
                      let end = phraseEnd(doc, from: t, sentence: sentence, covered: covered, startsAt: startsAt) else { continue }
                // A title inside a longer one ("نائب وزير الخارجية") or a noun's ("مكتب وزير الخارجية") is not alone.
                defer { t = end - 1 }
                guard end - t >= 2, standsAlone(doc, t, sentence: sentence) else { continue }
                let words = titleWords(doc, t..<end)
                let people = Set(earlier.filter { $0.start < doc.tokens[t].start && Self.repeats(words, $0.words) }.map(\.person))
                guard people.count == 1, let person = people.first else { continue }
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: cliticLength(doc.tokens[t]))
                let stop = doc.tokens[end - 1].end
                out.append(EntityMention(start: start, end: stop, text: doc.string(start, stop), type: .person, ref: person,
                                         origin: .description, tokens: t..<end, reason: "a title the article gave this person before"))
            }
        }
        return out
    }

    /// The word before `t` leaves the title standing alone: none, punctuation, a verb, an honorific ("سمو"), a barrier
    /// or a function word.
    func standsAlone(_ doc: Document, _ t: Int, sentence: Range<Int>) -> Bool {
        guard t > sentence.lowerBound, doc.tokens[t - 1].isWord else { return true }
        let prev = doc.tokens[t - 1]
        return isEventVerb(prev.norm) || speech.contains(token: prev) || honorifics.contains(token: prev)
            || barriers.contains(token: prev) || Self.functionWords.contains(token: prev)
    }

    /// The title's words, normalized, the first without its proclitics ("وأشار وزير" → "وزير").
    func titleWords(_ doc: Document, _ range: Range<Int>) -> [String] {
        range.filter { doc.tokens[$0].isWord }.enumerated().map { n, t in
            let word = doc.tokens[t].norm
            return n == 0 ? String(word.unicodeScalars.dropFirst(cliticLength(doc.tokens[t])).map(Character.init)) : word
        }
    }

    /// Where a title phrase opening at `t` ends: at punctuation, a barrier, a verb or a person; nil when it runs past six
    /// words or into a person (then it is that person's title).
    func phraseEnd(_ doc: Document, from t: Int, sentence: Range<Int>, covered: [Bool], startsAt: [Int: Int]) -> Int? {
        var j = t + 1
        while j < sentence.upperBound {
            if let k = startsAt[j] {
                let m = doc.mentions[k]
                if m.type == .person { return nil }
                j = m.tokens.upperBound
            } else {
                let tok = doc.tokens[j]
                if !tok.isWord || covered[j] || barriers.contains(token: tok) { break }
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
