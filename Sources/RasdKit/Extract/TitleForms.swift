/// A person's title or honorific written right before the name is a form of the person too: "خادم الحرمين الشريفين
/// الملك سلمان بن عبدالعزيز"، "الأمير بندر بن سلطان"، "رئيس حزب القوات اللبنانية سمير جعجع"; so is a title before a
/// comma and the name ("الرئيس التركي، رجب طيب أردوغان"), listed alone. The press names people
/// by these forms and readers search by them. They are listed as nested mentions (the title alone, and the title with
/// the name), which no later stage sees: the title stays a role, the name the person's mention.
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
        }
        return out
    }
}
