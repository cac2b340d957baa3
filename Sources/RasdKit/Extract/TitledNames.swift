/// Names the tagger missed right after a person's title: "المتحدث الرسمي باسم الحكومة اليمنية راجح بادي، إن"،
/// "الدكتور مساعد العيبان ومعالي ..."، "السفير التونسي لدى روسيا علي قوطالي في حديث". The title runs as in
/// `TitleStage.process` (over the names of places and bodies inside it); a name starts at a known given name
/// (`ner/first_names.txt`) and takes one to three more words, up to punctuation, a barrier, a function word, a
/// title or a verb. Without a given name only two words unknown to the tagger's corpus make a name (`unknownName`):
/// a title's own words are not a name.
extension TitleStage {
    /// Also the first tokens of the person names already found right after a title (`withFamilyNames`).
    func titledNames(_ doc: Document) -> (mentions: [EntityMention], namedAfterTitle: Set<Int>) {
        var namedAfterTitle = Set<Int>()
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        var person = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true; person[t] = m.type == .person } }
        // A date is no name ("صباح الأربعاء").
        for d in doc.dates {
            var t = doc.firstToken(endingAfter: d.start)
            while t < doc.tokens.count, doc.tokens[t].start < d.end { covered[t] = true; t += 1 }
        }
        var out: [EntityMention] = []
        for sentence in doc.sentences {
            var t = sentence.lowerBound
            while t < sentence.upperBound {
                defer { t += 1 }
                guard doc.tokens[t].isWord, !covered[t], isHead(doc, t) else { continue }
                if t > sentence.lowerBound, bodyNouns.contains(token: doc.tokens[t - 1]) { continue }
                var j = t + 1
                while j < sentence.upperBound, j - t <= 8 {
                    if covered[j] {
                        if person[j] { namedAfterTitle.insert(j); break }   // the title's name is already known
                        j += 1; continue
                    }
                    let token = doc.tokens[j]
                    // "السفير التونسي لدى روسيا X": a post abroad stays in the title.
                    if Self.postPrepositions.contains(token.norm), j + 1 < sentence.upperBound, covered[j + 1], !person[j + 1] {
                        j += 1; continue
                    }
                    // "مدير المستشفى د. X": an abbreviated form of address before the name.
                    if let after = afterAbbreviatedAddress(doc, at: j), after < sentence.upperBound { j = after; continue }
                    let name = nameStarting(at: j, doc, sentence: sentence, covered: covered)
                    if name == nil, !token.isWord || barriers.contains(token: token) { break }
                    if let name {
                        guard !honorifics.contains(token: doc.tokens[t])
                                || name.contains(where: { nameParticles.entries[doc.tokens[$0].norm] != nil }) else { break }
                        let start = doc.tokens[name.lowerBound].start, end = doc.tokens[name.upperBound - 1].end
                        let text = doc.string(start, end)
                        out.append(EntityMention(start: start, end: end, text: text, type: .person,
                                                 ref: .name(.person, nameKey(doc, name)),
                                                 origin: .titled, tokens: name, reason: "a given name after a title"))
                        for k in name { covered[k] = true; person[k] = true }
                        t = name.upperBound - 1
                        break
                    }
                    j += 1
                }
            }
        }
        return (out, namedAfterTitle)
    }

    /// A name the tagger cut after its given names ("عدنان" of "المتحدث الرسمي لاتحاد الكرة عدنان المعيبد بإعلان"،
    /// "محمد عبدالرحمن" of "المهندس محمد عبدالرحمن المخرج بالرعاية"): the family name after them joins it, read as
    /// `nameStarting` reads a name after a title. Only right after a title (`namedAfterTitle`: elsewhere a tagged
    /// common noun takes its genitive, "رضا المستفيدين"), and a name with a word that is no given name or particle is whole.
    func withFamilyNames(_ doc: Document, namedAfterTitle: Set<Int>) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true } }
        return doc.mentions.map { m in
            guard m.type == .person, m.origin == .tagger, case .name = m.ref, namedAfterTitle.contains(m.tokens.lowerBound),
                  let sentence = doc.sentence(containing: m.tokens.lowerBound),
                  m.tokens.upperBound < sentence.upperBound, !covered[m.tokens.upperBound],
                  doc.tokens[m.tokens.lowerBound].start == m.start,
                  m.tokens.allSatisfy({ t in
                      givenNames.contains(Self.foldingAlef(doc.string(doc.tokens[t].start, doc.tokens[t].end)))
                          || nameParticles.entries[doc.tokens[t].norm] != nil
                  }) else { return m }
            // After an honorific a royal name runs on as a chain, and after a body's noun it names the body
            // ("مدينة الملك عبدالله الرياضية"، "مستشفى الملك فهد المركزي"): no family name follows there.
            let previous = m.tokens.lowerBound - 1
            guard previous < sentence.lowerBound || !(honorifics.contains(token: doc.tokens[previous])
                                                       || bodyNouns.contains(token: doc.tokens[previous])) else { return m }
            var free = covered
            for t in m.tokens { free[t] = false }
            guard let name = nameStarting(at: m.tokens.lowerBound, doc, sentence: sentence, covered: free),
                  name.upperBound > m.tokens.upperBound,
                  // A feminine word agrees with a noun ("رضا المستفيدين" aside, "حسن النية"): no man's family name.
                  !doc.tokens[name.upperBound - 1].norm.hasSuffix("ه") else { return m }
            var out = m
            out.tokens = m.tokens.lowerBound..<name.upperBound
            out.end = doc.tokens[name.upperBound - 1].end
            out.text = doc.string(out.start, out.end)
            out.ref = .name(.person, nameKey(doc, out.tokens))
            out.provenance.add("family name after the tagged given names")
            return out
        }
    }

    /// A given name at `j` and one to three name words after it: more given names or name particles (بن، أبو، عبد),
    /// then a family name with the article, which ends the name ("علي بن صالح الأحمري"); a last word without the
    /// article only right before punctuation ("راجح بادي،") or a word that closes names ("علي قوطالي في",
    /// `lexicon/name_closers.tsv`). Anything else ("صباح أول يوم"، "فهد فيما") is no name.
    func nameStarting(at j: Int, _ doc: Document, sentence: Range<Int>, covered: [Bool]) -> Range<Int>? {
        let first = doc.tokens[j]
        // The given name as written (no proclitic read off it: "كان" is no ك + "آن"; "علي" is the preposition "على"
        // once normalized, and only the name is listed), with no diacritic in it or right after it ("عليّ": on me).
        let written = doc.string(first.start, first.end)
        let marked = (first.start..<min(first.end + 1, doc.text.count)).contains { ArabicNormalizer.isMark(doc.text[$0].value) && doc.text[$0].value != 0x0640 }
        guard first.kind == .arabic, !first.norm.hasPrefix("ال") || Self.articleGivenNames.contains(Self.foldingAlef(written)),
              isNameWord(first) || barriers.entries[first.norm] != nil, !marked else { return nil }
        guard givenNames.contains(Self.foldingAlef(written)) else { return unknownName(at: j, doc, sentence: sentence, covered: covered) }
        var e = j + 1
        while e < sentence.upperBound, e - j < 4, !covered[e], isNameWord(doc.tokens[e]) {
            let word = doc.tokens[e].norm
            if word.hasPrefix("ال"), word.unicodeScalars.count > 3 { return j..<(e + 1) }
            let written = doc.string(doc.tokens[e].start, doc.tokens[e].end)
            if givenNames.contains(Self.foldingAlef(written)) || nameParticles.entries[word] != nil { e += 1; continue }
            // A pronoun suffix ends no family name ("بمساحاتها").
            let next = e + 1 < sentence.upperBound ? doc.tokens[e + 1] : nil
            let closes = next.map { $0.kind == .punct || nameClosers.entries[$0.norm] != nil || isHead(doc, e + 1)
                || (saysAfterName($0) && Self.functionWords.entries[word] == nil) } ?? true
            let suffixed = ["ها", "هم", "هما"].contains { word.hasSuffix($0) }
            return closes && word.unicodeScalars.count >= 3 && !suffixed ? j..<(e + 1) : nil
        }
        // Given names only, then a title in apposition: "حسام كمال وزير الطيران".
        if e - j >= 2, e < sentence.upperBound, !covered[e], isHead(doc, e),
           nameParticles.entries[doc.tokens[e - 1].norm] == nil { return j..<e }
        return nil
    }

    /// Two words no list knows, as a foreign name is written after a title ("مساعد وزير الدفاع أليسا سلوتكين،"،
    /// "القائم بالأعمال بالإنابة مرتضى صنوبري،"): each unknown to the tagger's training corpus or seen there mostly
    /// inside names, no common word of the knowledge base, with no article and no conjunction before it, and the
    /// second followed by what ends a name (punctuation, a word of `lexicon/name_closers.tsv`, a title in
    /// apposition, the sentence's end). A title's own words are known words, or stand before a place or body.
    /// After a verb of saying (`afterSpeech`) what is said may close the name too ("إن"، "أن", a colon).
    func unknownName(at j: Int, _ doc: Document, sentence: Range<Int>, covered: [Bool], afterSpeech: Bool = false) -> Range<Int>? {
        guard j + 1 < sentence.upperBound, !covered[j + 1] else { return nil }
        guard let first = unknownWord(doc, j, family: afterSpeech), let second = unknownWord(doc, j + 1) else {
            return singleUnknownName(at: j, doc, sentence: sentence, covered: covered, afterSpeech: afterSpeech)
        }
        // A noun and its adjective agree ("اعتذارا جميلا"، "حصتين تدريبيتين"); two names rarely rhyme so.
        if ["ا", "ين", "ون", "ات", "ة", "ي"].contains(where: { first.hasSuffix($0) && second.hasSuffix($0) }) { return nil }
        return closesName(doc, at: j + 2, sentence: sentence, afterSpeech: afterSpeech) ? j..<(j + 2) : nil
    }

    /// One word no list knows, five letters or more, with a title in apposition right after it: a foreign family
    /// name written alone ("رئيس الوزراء تسيبراس زعيم الحزب"، "وقال ولايتي مستشار المرشد"). A title's own words are
    /// known words; a bare word before a title head is rarely anything but a name. The head has no article (after a
    /// noun that is its genitive), and the word no accusative or elative ending. After a verb of saying "و" may begin
    /// the name, as after a name.
    func singleUnknownName(at j: Int, _ doc: Document, sentence: Range<Int>, covered: [Bool], afterSpeech: Bool) -> Range<Int>? {
        guard j + 1 < sentence.upperBound, !covered[j], !covered[j + 1], isHead(doc, j + 1),
              // A head with the article after a noun is its genitive ("مدير جامعتي الملك عبدالعزيز").
              !doc.tokens[j + 1].norm.hasPrefix("ال"),
              let word = unknownWord(doc, j, family: afterSpeech), word.unicodeScalars.count >= 5,
              // An accusative or elative ("بوصفه مصدرا رئيسا"، "وصف بأذكى وزير").
              !["ا", "ى", "ً"].contains(where: { word.hasSuffix($0) }), !doc.tokens[j].norm.hasPrefix("با") else { return nil }
        return j..<(j + 1)
    }

    /// The word as written when it may be part of a name no list knows: unknown to the tagger's training corpus or
    /// seen there mostly inside names, no common word of the knowledge base, and not shaped as Arabic words are.
    /// `family`: the word follows a name already found, where "و" more often begins a name ("والش") than joins a
    /// second one with no title or verb after it.
    func unknownWord(_ doc: Document, _ k: Int, family: Bool = false) -> String? {
        guard let tagger else { return nil }
        let token = doc.tokens[k]
        let word = token.norm
        let text = doc.string(token.start, token.end)
        // Not the shapes of Arabic words: the article after a preposition ("بالقرآن"، "لاتحاد"), a pronoun
        // suffix ("أيامه"، "معنا"), the prefix of a verb in the imperfect ("يود"، "يضيء").
        // After a name, "و" begins one when no word could follow "و" and the article: "والش"، "والتر", not "والسفير".
        let waw = word.hasPrefix("و") && !(family && (!word.hasPrefix("وال") || word.unicodeScalars.count <= 5))
        guard isNameWord(token), word.unicodeScalars.count >= 3, !waw,
              !["ال", "ي", "بال", "لل", "لا", "كال", "فال"].contains(where: { word.hasPrefix($0) }),
              !["ه", "ها", "هم", "هما", "نا", "كم"].contains(where: { text.hasSuffix($0) }),
              !kb.isCommonWord(word), notNames.entries[word] == nil else { return nil }
        let use = tagger.trainingUse(of: text)
        return use.seen <= 1 || 2 * use.names >= use.seen ? text : nil
    }

    /// "الخبير القانوني طارق حرب أكد ..."، "المحلل السياسي سامر عيد قال": a verb of saying as written, with no
    /// proclitic, right after a title's given name and family name is the name's predicate; a word that continues a
    /// name never is one. Not a participle or verbal noun (`carried`: "قوله"، "مشيرا").
    /// A form that is also a noun ("تابع ل": `noun:` rows) is not read so, nor a function word before it ("أحمد زايد فيما تابع").
    func saysAfterName(_ token: Token) -> Bool {
        guard token.kind == .arabic, let row = speech.entries[token.norm] else { return false }
        return row.first == "say" && !row.contains("carried") && !row.contains { $0.hasPrefix("noun:") }
    }

    /// What ends a name at token `end`: punctuation, a word of `lexicon/name_closers.tsv`, a title in apposition,
    /// the sentence's end, and after a verb of saying "إن"/"أن".
    func closesName(_ doc: Document, at end: Int, sentence: Range<Int>, afterSpeech: Bool) -> Bool {
        guard end < sentence.upperBound else { return true }
        let next = doc.tokens[end]
        return next.kind == .punct || nameClosers.entries[next.norm] != nil || isHead(doc, end)
            || (afterSpeech && ArgumentFinder.complementizers.contains(next.norm))
    }

    /// A one-word name the tagger found right after a verb of saying, and a word no list knows after it, closed as a
    /// name is ("وقالت ديبورا والش نائبة رئيس ..."): the family name joins the name.
    func withFamilyNamesAfterSpeech(_ doc: Document) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true } }
        return doc.mentions.map { m in
            let k = m.tokens.upperBound
            guard m.type == .person, m.origin == .tagger, case .name = m.ref, m.tokens.count == 1, m.tokens.lowerBound > 0,
                  doc.tokens[m.tokens.lowerBound].start == m.start,
                  speech.values(token: doc.tokens[m.tokens.lowerBound - 1])?.first == "say",
                  let sentence = doc.sentence(containing: m.tokens.lowerBound), k < sentence.upperBound, !covered[k],
                  unknownWord(doc, k, family: true) != nil, closesName(doc, at: k + 1, sentence: sentence, afterSpeech: true) else { return m }
            var out = m
            out.tokens = m.tokens.lowerBound..<(k + 1)
            out.end = doc.tokens[k].end
            out.text = doc.string(out.start, out.end)
            out.ref = .name(.person, nameKey(doc, out.tokens))
            out.provenance.add("family name after the tagged given name, the subject of a speech verb")
            return out
        }
    }

    /// "الرئيسة التنفيذية للشركة ماريسا ماير أمس": a name of two or three words that the tagger read as a body or a
    /// place, no list knows, right after a person's title ending in a word with the article (a title in construct,
    /// "رئيس شركة X", names a body after it), and closed as a name is (`closesName`, or a verb), is a person.
    func peopleAfterTitles(_ doc: Document) -> [EntityMention] {
        doc.mentions.map { m in
            let t = m.tokens.lowerBound
            guard m.origin == .tagger, m.type == .org || m.type == .gpe, case .name = m.ref, (2...3).contains(m.tokens.count),
                  t > 0, doc.tokens[t - 1].kind == .arabic, Self.isDefinite(doc.tokens[t - 1].norm),
                  let sentence = doc.sentence(containing: t), titleRuns(doc, to: t, sentence: sentence),
                  closesName(doc, at: m.tokens.upperBound, sentence: sentence, afterSpeech: true)
                      || (m.tokens.upperBound < sentence.upperBound && isEventVerb(doc.tokens[m.tokens.upperBound].norm)),
                  m.tokens.allSatisfy({ unknownWord(doc, $0) != nil }) else { return m }
            var out = m
            out.type = .person
            out.ref = .name(.person, nameKey(doc, m.tokens))
            out.provenance.add("a name after a person's title, tagged as a body or place")
            return out
        }
    }

    /// A title's head within six words before `t`, with only words between (no punctuation).
    func titleRuns(_ doc: Document, to t: Int, sentence: Range<Int>) -> Bool {
        var k = t - 1
        while k >= sentence.lowerBound, t - k <= 6, doc.tokens[k].isWord {
            if isHead(doc, k) { return true }
            k -= 1
        }
        return false
    }

    /// "إن A B وC D وE F، وهم ...": the items of a list of full names are full names. A given name the tagger took
    /// alone after "و" and a name of two words or more ("وفؤاد" of "... وإبراهيم عقيل وفؤاد شكر،") takes the word after
    /// it, common word or not, when punctuation, a word that closes names or the sentence's end follows.
    func withFamilyNamesInLists(_ doc: Document) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for m in doc.mentions { for t in m.tokens { covered[t] = true } }
        let fullNameEnds = Set(doc.mentions.filter { $0.type == .person && $0.tokens.count >= 2 }.map(\.tokens.upperBound))
        return doc.mentions.map { m in
            let first = doc.tokens[m.tokens.lowerBound], k = m.tokens.upperBound
            let written = doc.string(first.start, first.end)
            guard m.type == .person, m.origin == .tagger, case .name = m.ref, m.tokens.count == 1,
                  fullNameEnds.contains(m.tokens.lowerBound), first.start == m.start, written.hasPrefix("و"),
                  givenNames.contains(Self.foldingAlef(String(written.dropFirst()))),
                  let sentence = doc.sentence(containing: m.tokens.lowerBound), k < sentence.upperBound, !covered[k],
                  isNameWord(doc.tokens[k]), !doc.tokens[k].norm.hasPrefix("و"), doc.tokens[k].norm.unicodeScalars.count >= 3,
                  closesName(doc, at: k + 1, sentence: sentence, afterSpeech: false) else { return m }
            var out = m
            out.tokens = m.tokens.lowerBound..<(k + 1)
            out.start = Proclitics.originalOffset(in: doc.text, token: first, afterNormalized: 1)   // the name after "و"
            out.end = doc.tokens[k].end
            out.text = doc.string(out.start, out.end)
            out.ref = .name(.person, KBKeys.variantKey(ArabicNormalizer.shared.key(out.text)))
            out.provenance.add("family name of a given name in a list of full names")
            return out
        }
    }

    /// A name's key: with a نسب chain and a family name ("علي بن صالح الأحمري") the given and the family name, as the
    /// article writes it short ("علي الأحمري") and as `joinLineage` keys a chain; else the whole name.
    func nameKey(_ doc: Document, _ name: Range<Int>) -> String {
        let words = name.map { doc.tokens[$0].norm }
        if words.count >= 3, words.dropFirst().dropLast().contains(where: { lineage.role($0) == "link" }),
           let last = words.last, last.hasPrefix("ال") {
            let given = lineage.role(words[0]) == "compound" ? words[0] + " " + words[1] : words[0]
            return KBKeys.variantKey(given + " " + last)
        }
        return KBKeys.variantKey(words.joined(separator: " "))
    }

    func isNameWord(_ token: Token) -> Bool {
        token.kind == .arabic && !isHead(token) && !barriers.contains(token: token)
            && notNames.entries[token.norm] == nil && !speech.contains(token: token) && !isEventVerb(token.norm)
    }

    /// أ، إ، آ as ا (and tatweel dropped): the one normalization a given name's spelling may take.
    static func foldingAlef(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.compactMap { c -> Unicode.Scalar? in
            switch c.value {
            case 0x0623, 0x0625, 0x0622: return "ا"
            case 0x0640: return nil
            default: return c
            }
        }))
    }
}
