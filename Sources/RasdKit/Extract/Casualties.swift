/// Victims counted around an attack: "قتل 9 من ميليشيات الحوثي وقوات صالح في هجوم للمقاومة الشعبية"، "وأسفرت المعارك عن
/// مقتل 17 من المسلحين الحوثيين"، "قتل 14 جنديا جزائريا في كمين" (the state of a nationality after the counted noun).
/// The press tells the side that was hit by its dead; read name by name, the dead were nobody's target, and the attack
/// named its doer alone.
extension ArgumentFinder {
    /// The names counted as killed or hurt in the attack whose trigger this is: before it, a casualty word of
    /// `events/casualty_verbs.tsv`, the count, "من" and the names, the attack told right after a preposition ("في
    /// هجوم"، "خلال اشتباكات"); after it, "عن" or "إلى" and the same ("أسفر القصف عن مقتل ...").
    func casualties(of trigger: Range<Int>, in sentence: Range<Int>) -> [EventMention.Participant] {
        let k = trigger.lowerBound - 1
        if k > sentence.lowerBound, doc.tokens[k].isWord, Self.attackPrepositions.contains(doc.tokens[k].norm) {
            for c in stride(from: k - 1, through: max(sentence.lowerBound, k - 14), by: -1) {
                if doc.tokens[c].kind == .punct { break }
                if let named = victims(after: c, limit: k) { return named }
            }
            // "إن 15 مسلحا حوثيا قتلوا في غارة للتحالف": the subject right before the casualty verb (SVO, the verb
            // right before the preposition, `isCasualty`).
            if k - 1 > sentence.lowerBound, doc.tokens[k - 1].isWord, Self.casualtyVerbs.contains(token: doc.tokens[k - 1]),
               let m = actors.last(where: { $0.tokens.upperBound == k - 1 }), preposition(before: m) == nil {
                return [m].map { .init(ref: $0.ref, role: .target, text: $0.text) }
            }
        }
        for c in trigger.upperBound..<min(sentence.upperBound, trigger.upperBound + 12) {
            if doc.tokens[c].kind == .punct && doc.tokens[c].norm != "،" { break }
            guard c > trigger.upperBound, Self.resultPrepositions.contains(doc.tokens[c - 1].norm) else { continue }
            if let named = victims(after: c, limit: sentence.upperBound) { return named }
        }
        return []
    }

    /// Nouns of soldiers (`events/classes.tsv` class `soldiers`).
    static let soldierNouns: Set<String> = EventStage.wordClasses["soldiers"] ?? []

    /// "صفوف" of "في صفوف X" (`events/classes.tsv` class `ranks`): the ranks the dead were counted in.
    static let ranksWords: Set<String> = EventStage.wordClasses["ranks"] ?? []

    /// "أسفر عن مقتل"، "أدى إلى إصابة": what an attack caused.
    static let resultPrepositions = keys(["عن", "إلى"])

    /// The names a casualty word at `c` counts: its count (required after a form that may be active, "قتل"), "من", a
    /// noun of members or armed men if any ("من عناصر التنظيم"، "من مسلحي"), then a name and the names joined to it.
    func victims(after c: Int, limit: Int) -> [EventMention.Participant]? {
        guard doc.tokens[c].isWord, let values = Self.casualtyVerbs.values(token: doc.tokens[c]) else { return nil }
        var counted = false
        var k = c + 1
        while k < min(limit, c + 8) {
            let token = doc.tokens[k]
            if token.kind == .punct { return nil }
            if isNumber(k) { counted = true; k += 1; continue }
            // "من X"، or "في صفوف X" (in the ranks of X: "سقوط قتلى وجرحى في صفوف الميليشيا").
            let ranks = token.norm == "في" && k + 2 < limit && Proclitics.hasStem(doc.tokens[k + 1], in: Self.ranksWords)
            if (token.norm == "من" && k + 1 < limit) || ranks {
                var first = ranks ? k + 2 : k + 1
                if Self.memberNouns.contains(token: doc.tokens[first]) || Self.forceNouns.contains(token: doc.tokens[first]),
                   first + 1 < limit, !actors.contains(where: { $0.tokens.lowerBound == first }) { first += 1 }
                guard counted || !values.contains("svo"),
                      let m = actors.first(where: { $0.tokens.lowerBound == first }) else { return nil }
                return ([m] + coordinated(after: m, limit: limit)).map { .init(ref: $0.ref, role: .target, text: $0.text) }
            }
            // "14 جنديا جزائريا"، "ثلاثة جنود أتراك": the counted noun's nationality. Soldiers of a state are its army
            // (the institution `Institutions` names "الجيش" + nationality) when the article names that army (an entity
            // needs a name); else the state.
            if counted, k >= c + 3, token.kind == .arabic, isNumber(k - 2), !isNumber(k - 1),
               let country = kb.country(forNationality: token.norm) ?? kb.country(forNationality: String(token.norm.dropLast())) {
                let text = doc.string(doc.tokens[k - 1].start, token.end)
                let army = EntityRef.name(.org, Institutions.key(institution: "army", country: country))
                if Proclitics.hasStem(doc.tokens[k - 1], in: Self.soldierNouns), let named = doc.mentions.first(where: { $0.ref == army }) {
                    return [.init(ref: army, role: .target, text: named.text)]
                }
                return [.init(ref: .kb(country), role: .target, text: text)]
            }
            if actors.contains(where: { $0.tokens.lowerBound == k }) { return nil }
            k += 1
        }
        return nil
    }

    /// A token inside a number the text stage read ("9"، "تسعة"، "العشرات").
    func isNumber(_ k: Int) -> Bool {
        let token = doc.tokens[k]
        return token.kind == .number || doc.numbers.contains { $0.start <= token.start && token.start < $0.end }
    }
}
