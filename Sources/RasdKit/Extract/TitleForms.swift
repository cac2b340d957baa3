/// A person's title or honorific written right before the name is a form of the person too: "خادم الحرمين الشريفين
/// الملك سلمان بن عبدالعزيز"، "الأمير بندر بن سلطان"، "رئيس حزب القوات اللبنانية سمير جعجع"; so is a title before a
/// comma and the name ("الرئيس التركي، رجب طيب أردوغان"), listed alone. The press names people
/// by these forms and readers search by them. They are listed as nested mentions (the title alone, and the title with
/// the name; a title right after the name, alone), which no later stage sees: the title stays a role, the name the person's mention.
extension TitleStage {
    func titleForms(_ doc: Document, roles: [RoleMention]) -> [EntityMention] {
        var out: [EntityMention] = []
        var seen = Set<Range<Int>>()   // forms already listed (a role and an honorific may give the same one)
        func add(_ start: Int, _ end: Int, _ m: EntityMention, origin: EntityMention.Origin, reason: String) {
            guard start < end, seen.insert(start..<end).inserted else { return }
            let tokens = doc.firstToken(endingAfter: start)..<(doc.firstToken(endingAfter: end - 1) + 1)
            out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .person, ref: m.ref,
                                     origin: origin, tokens: tokens, reason: reason))
        }
        for m in doc.mentions where m.type == .person && m.tokens.lowerBound > 0 {
            // An honorific right before the name ("الملك"، "آية الله"): one or two words.
            var first = m.tokens.lowerBound
            for k in stride(from: m.tokens.lowerBound - 1, through: max(0, m.tokens.lowerBound - 2), by: -1) {
                if let h = honorifics.match(doc.tokens, at: k, limit: m.tokens.lowerBound), h.tokens.upperBound == m.tokens.lowerBound {
                    first = k
                    let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[k], afterNormalized: h.prefix)
                    add(start, m.end, m, origin: .description, reason: "the name with its honorific")
                    break
                }
            }
            // The person's title written right before the name, or before its honorific.
            for r in roles where r.basis == "text" && r.person == m.ref && r.end <= m.start {
                var next = doc.firstToken(startingAtOrAfter: r.end)
                // "الرئيس التركي، رجب طيب أردوغان": a comma between them; the title alone is listed.
                let comma = next < m.tokens.lowerBound && doc.tokens[next].norm == ","
                if comma {
                    // Not in a list of names ("صالح العمري، أمير كردي، محمد ...").
                    let opening = doc.firstToken(endingAfter: r.start), before = opening - 1
                    if before >= 0, doc.tokens[before].norm == "," { continue }
                    // A title's head opens it, with no preposition glued to it ("بمحافظة القطيف" is a place).
                    guard isHead(doc, opening), r.start == doc.tokens[opening].start else { continue }
                    next += 1
                }
                // "أمين المنطقة م. X"، "رئيس النادي الدكتور X": across a form of address.
                if next < m.tokens.lowerBound, let after = afterAbbreviatedAddress(doc, at: next) ?? afterAddressWord(doc, at: next) { next = after }
                guard next == m.tokens.lowerBound || next == first else { continue }
                // A title that ran over the honorific ("خادم الحرمين الشريفين الملك") is listed without it.
                let titleEnd = first < m.tokens.lowerBound && r.end > doc.tokens[first].start && first > 0
                    ? doc.tokens[first - 1].end : r.end
                // The title alone only when it names one office or person by itself (two words or more:
                // "خادم الحرمين الشريفين"، "رئيس حزب القوات اللبنانية"), not "الدكتور" or "الرئيس".
                if doc.firstToken(endingAfter: titleEnd - 1) > doc.firstToken(endingAfter: r.start) {
                    add(r.start, titleEnd, m, origin: .description, reason: "the person's title before the name")
                }
                if !comma { add(r.start, m.end, m, origin: .description, reason: "the name with the title before it") }
            }
            // "X وزير الشباب والرياضة المصري أن": a title of two words or more right after the name, in apposition, ending
            // where the clause goes on (a title running into the verb's object, "X ولي العهد ... برقية", is not listed).
            for r in roles where r.basis == "text" && r.person == m.ref && r.start >= m.end
                && m.tokens.upperBound < doc.tokens.count && doc.tokens[m.tokens.upperBound].start == r.start
                && doc.firstToken(endingAfter: r.end - 1) > doc.firstToken(endingAfter: r.start)
                && endsClause(doc, after: r.end) && isPlainTitle(doc, r) {
                add(r.start, r.end, m, origin: .description, reason: "the person's title right after the name")
            }
        }
        return out
    }

    /// A title of nouns and adjectives only, at most six words: no function word ("في ساعة مبكرة"، "في بيان"), no date,
    /// not in the accusative of "تعيينه وزيرا", no proclitic ("كرئيس تنفيذي").
    func isPlainTitle(_ doc: Document, _ r: RoleMention) -> Bool {
        let words = doc.firstToken(endingAfter: r.start)..<doc.firstToken(startingAtOrAfter: r.end)
        guard words.count <= 6, let first = words.first, !doc.tokens[first].norm.hasSuffix("ا"),
              cliticLength(doc.tokens[first]) == 0 else { return false }
        return !words.contains { Self.functionWords.contains(token: doc.tokens[$0]) }
            && !doc.dates.contains { $0.start < r.end && r.start < $0.end }
    }

    /// Punctuation, "أن"/"إن", another person's name after "و" ("X نائب الرئيس الأمريكي وحيدر العبادي") or the
    /// text's end at the offset `end`.
    func endsClause(_ doc: Document, after end: Int) -> Bool {
        let next = doc.firstToken(startingAtOrAfter: end)
        guard next < doc.tokens.count else { return true }
        return doc.tokens[next].kind == .punct || ArgumentFinder.complementizers.contains(doc.tokens[next].norm)
            || doc.mentions.contains { $0.type == .person && $0.tokens.lowerBound == next && Self.followsWaw(doc, $0) }
    }
}
