/// Finds an event's participants and place in the clause around its trigger.
///
/// Arabic news puts the subject after the verb (VSO: "التقى كيم ...") or before it (SVO: "بوتين وكيم التقيا");
/// a verbal noun takes its actor as the genitive right after it ("زيارة رئيس الكرملين"، "إطلاق كوريا الشمالية").
/// Entities after "مع" are counterparts; places follow "في" or "إلى" (or "ب"). With no subject written, the
/// actor carries over from the sentence's earlier event or subject, then from the previous sentences.
struct ArgumentFinder {
    let doc: Document
    let kb: KnowledgeBase
    /// Mentions that can take part in events, in text order.
    let actors: [EntityMention]

    init(doc: Document, kb: KnowledgeBase) {
        self.doc = doc
        self.kb = kb
        actors = doc.mentions.filter { $0.type == .person || $0.type == .gpe || $0.type == .org }
    }

    func mentions(in range: Range<Int>) -> [EntityMention] {
        actors.filter { range.contains($0.tokens.lowerBound) }
    }

    /// The preposition written before a mention: a separate word or a proclitic on its first word.
    func preposition(before m: EntityMention) -> String? {
        let first = doc.tokens[m.tokens.lowerBound]
        if m.start > first.start {
            let glued = ArabicNormalizer.shared.key(doc.string(first.start, m.start))
            if glued.hasSuffix("ب") { return "ب" }
            if glued.hasSuffix("ل") { return "ل" }
        }
        guard m.tokens.lowerBound > 0 else { return nil }
        var k = m.tokens.lowerBound - 1
        // Skip a title between the preposition and the name ("مع وزير الخارجية الروسي سيرجي لافروف").
        var skipped = 0
        while k > 0, skipped < 6, doc.tokens[k].isWord, !Self.prepositions.contains(doc.tokens[k].norm) {
            if actors.contains(where: { $0.tokens.contains(k) }) { break }
            k -= 1; skipped += 1
        }
        let word = doc.tokens[k].norm
        if Self.prepositions.contains(word) { return word == "الي" ? "الى" : word }
        if let c = Proclitics.candidates(word).first(where: { Self.prepositions.contains($0.stem) }) { return c.stem }
        return nil
    }

    static let prepositions: Set<String> = ["مع", "في", "الى", "الي", "ب", "من", "عن", "على", "ضد", "لدى", "داخل", "نحو"]

    func isPlace(_ m: EntityMention) -> Bool {
        guard m.type == .gpe || m.type == .loc else {
            if let id = m.ref.kbId, let e = kb.entity(id) { return e.kind == "seat" }
            return false
        }
        return true
    }

    /// Mentions joined by "و" to `m` ("بوتين وكيم"، "الولايات المتحدة وكوريا الجنوبية").
    func coordinated(after m: EntityMention, within range: Range<Int>) -> [EntityMention] {
        var out: [EntityMention] = []
        var last = m
        while let next = actors.first(where: { $0.tokens.lowerBound == last.tokens.upperBound && range.contains($0.tokens.lowerBound) }),
              doc.tokens[next.tokens.lowerBound].norm.hasPrefix("و") {
            out.append(next)
            last = next
        }
        // "و" + title + name: "وزعيم كوريا الشمالية كيم جونغ أون"
        if out.isEmpty, last.tokens.upperBound < range.upperBound, doc.tokens[last.tokens.upperBound].norm.hasPrefix("و") {
            if let next = actors.first(where: { $0.tokens.lowerBound > last.tokens.upperBound && $0.tokens.lowerBound <= last.tokens.upperBound + 4
                && range.contains($0.tokens.lowerBound) && $0.type == m.type }) {
                let between = (last.tokens.upperBound + 1)..<next.tokens.lowerBound
                if between.allSatisfy({ doc.tokens[$0].isWord }) && !actors.contains(where: { between.contains($0.tokens.lowerBound) && $0.type != .gpe }) {
                    out.append(next)
                }
            }
        }
        return out
    }

    func event(for trigger: Range<Int>, type: String, pos: String, clause: Range<Int>, sentence: Range<Int>,
               earlier: [EventMention], previous: [EventMention]) -> EventMention? {
        var participants: [EventMention.Participant] = []
        var place: EntityRef?
        func add(_ m: EntityMention, _ role: String) {
            let ref = m.ref
            if !participants.contains(where: { $0.ref == ref }) {
                participants.append(.init(ref: ref, role: role, text: m.text))
            }
        }
        let after = mentions(in: trigger.upperBound..<sentence.upperBound)
        let before = mentions(in: sentence.lowerBound..<trigger.lowerBound)
        var actorFound = false

        if pos == "noun" {
            // The genitive right after a verbal noun is its actor (allowing a title: "زيارة الرئيس الروسي").
            if let m = after.first, m.tokens.lowerBound <= trigger.upperBound + 3, preposition(before: m) == nil,
               !(type == "VISIT" && isPlace(m) && m.type != .person && m.tokens.lowerBound > trigger.upperBound) {
                add(m, "actor"); actorFound = true
                for c in coordinated(after: m, within: sentence) { add(c, "actor") }
            }
        } else if pos == "verb" {
            // VSO: the first entity after the verb, with no preposition before it.
            if let m = after.first(where: { $0.tokens.lowerBound <= trigger.upperBound + 6 }), preposition(before: m) == nil,
               !hasVerbBetween(trigger.upperBound, m.tokens.lowerBound) {
                add(m, "actor"); actorFound = true
                for c in coordinated(after: m, within: sentence) { add(c, "actor") }
            }
        }
        if !actorFound {
            // SVO or a verbal noun whose actor is the clause's subject: the nearest entity before the trigger.
            if let m = before.last(where: { preposition(before: $0) == nil && $0.tokens.lowerBound >= trigger.lowerBound - 8 }) {
                // Take the whole coordination ending at it ("بوتين وكيم التقيا").
                var group = [m]
                var head = m
                while let prev = before.last(where: { $0.tokens.upperBound == head.tokens.lowerBound }),
                      doc.tokens[head.tokens.lowerBound].norm.hasPrefix("و") {
                    group.insert(prev, at: 0); head = prev
                }
                for g in group { add(g, "actor") }
                actorFound = true
            } else if let outer = earlier.last(where: { $0.type == "ACCUSE" || $0.type == "DENY" }),
                      let target = outer.participants.first(where: { $0.role == "target" }) {
                // "اتهمت ... كوريا الشمالية ... بإرسال": the accused is the actor of what it is accused of.
                participants.append(.init(ref: target.ref, role: "actor", text: target.text))
                actorFound = true
            } else if let outer = earlier.last, let actor = outer.participants.first(where: { $0.role == "actor" }) {
                participants.append(.init(ref: actor.ref, role: "actor", text: actor.text))
                actorFound = true
            } else if let m = before.first(where: { preposition(before: $0) == nil }) {
                add(m, "actor"); actorFound = true
            } else if let subject = previousSubject(before: sentence, previous: previous) {
                participants.append(subject)
                actorFound = true
            }
        }
        // Objects, counterparts and places after the trigger, within the clause and up to the sentence's end
        // for the first ones ("التقى كيم يوم الاثنين مع وزير ... كوزلوف").
        let actorRefs = Set(participants.map(\.ref))
        var targetTaken = false
        for m in after where !actorRefs.contains(m.ref) {
            if m.tokens.lowerBound > trigger.upperBound + 14 { break }
            let prep = preposition(before: m)
            if hasVerbBetween(trigger.upperBound, m.tokens.lowerBound) && prep != "مع" { break }
            switch prep {
            case "مع":
                add(m, "counterpart")
            case "في", "الى", "داخل", "نحو":
                if isPlace(m) {
                    if place == nil { place = m.ref }
                    if type == "DEPLOY" || type == "SUPPLY" || type == "VISIT", m.type == .gpe, !targetTaken {
                        if type != "VISIT" { add(m, "target"); targetTaken = true }
                    }
                } else if m.type == .person && type == "VISIT" {
                    add(m, "counterpart")
                }
            case "ب":
                if isPlace(m), type == "VISIT" || type == "MEET" { if place == nil { place = m.ref } }
            case "على", "ضد":
                if type == "ATTACK" || type == "SANCTION" { add(m, "target"); targetTaken = true }
            case nil, "ل":
                if type == "VISIT", isPlace(m) || m.type == .org {
                    if place == nil { place = m.ref }
                } else if !targetTaken {
                    add(m, type == "MEET" ? "counterpart" : "target"); targetTaken = true
                    for c in coordinated(after: m, within: sentence) { add(c, type == "MEET" ? "counterpart" : "target") }
                }
            default:
                break
            }
        }
        guard !participants.isEmpty else { return nil }
        let t0 = doc.tokens[trigger.lowerBound], t1 = doc.tokens[trigger.upperBound - 1]
        let s0 = doc.tokens[sentence.lowerBound].start, s1 = doc.tokens[sentence.upperBound - 1].end
        return EventMention(type: type, triggerStart: t0.start, triggerEnd: t1.end, trigger: doc.string(t0.start, t1.end),
                            start: s0, end: s1, text: doc.string(s0, s1), participants: participants, place: place,
                            date: nil, dateBasis: nil, dateText: nil, modality: .asserted, attribution: nil,
                            quantities: [], sentence: 0)
    }

    /// A verb-like word (a trigger or speech verb) between two tokens means a new clause has started.
    func hasVerbBetween(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        for t in from..<to where doc.tokens[t].norm == "," || doc.tokens[t].norm == "." { return true }
        return false
    }

    /// The person or state most recently acting in the sentences before: for a pronoun subject.
    func previousSubject(before sentence: Range<Int>, previous: [EventMention]) -> EventMention.Participant? {
        let earlier = actors.filter { $0.tokens.upperBound <= sentence.lowerBound }
        guard let m = earlier.last(where: { $0.type == .person }) ?? earlier.last else { return nil }
        return .init(ref: m.ref, role: "actor", text: m.text)
    }
}
