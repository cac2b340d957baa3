/// Whose conduct or words a phrase names ("تصريحات خامنئي"، "التصريحات التي صدرت عن X"، "ممارسات إيران"), for two
/// readings of events:
/// - criticism told as a judgement: "اعتبر كيري أن تصريحات خامنئي مقلقة"، "أكد أن تصريحات X تعد تدخلا فجا". What is
///   said is that a named party's conduct (a "conduct" word of `events/classes.tsv`: تصريحات، ممارسات، سياسة ...,
///   with the party right after it) is blameworthy (a "blame" word: مرفوض، مقلق، تدخل، عدواني ...): the codebook
///   counts that as an accusation of the party, not a statement (`criticized`);
/// - the speaker of a verb of saying in a relative clause on someone's words ("تصريحات X التي أكد فيها") is X
///   (`relativeSpeaker`).
struct ConductOwners: Sendable {
    let conduct: Set<String>
    let blame: Set<String>
    let misdeeds: Set<String>
    let misdeedVerbs: Set<String>

    init(classes: [String: Set<String>]) {
        conduct = classes["conduct"] ?? []
        blame = classes["blame"] ?? []
        misdeeds = classes["misdeed"] ?? []
        misdeedVerbs = classes["misdeed_verb"] ?? []
    }

    /// How far into what is said a wrongdoing may be told (words).
    static let wrongdoingReach = 16

    /// "قال X إن إيران تستغل ..."، "إن الاحتلال الإسرائيلي ينتهك ..."، "محاسبة إسرائيل عن جرائمها": what is said tells a
    /// party's wrongdoing, a `misdeed` noun with the party in its genitive or a nationality adjective right after it,
    /// or a `misdeed_verb` with the party as its subject right before it. The codebook counts that as an accusation of
    /// the party. Only within what is said (from `content`), never the speaker's own.
    func wrongdoer(in doc: Document, from content: Int, sentence: Range<Int>, speaker: EntityRef?,
                   kb: KnowledgeBase) -> EventMention.Participant? {
        var words = 0
        var t = content
        while t < sentence.upperBound, words < Self.wrongdoingReach {
            defer { t += 1 }
            guard doc.tokens[t].isWord else { continue }
            words += 1
            if Proclitics.hasStem(doc.tokens[t], in: misdeeds) {
                if let party = party(after: t, in: doc, sentence: sentence), party.ref != speaker {
                    return .init(ref: party.ref, role: .target, text: party.text)
                }
                if t + 1 < sentence.upperBound, doc.tokens[t + 1].kind == .arabic,
                   let country = kb.country(forNationality: doc.tokens[t + 1].norm), EntityRef.kb(country) != speaker {
                    return .init(ref: .kb(country), role: .target, text: doc.string(doc.tokens[t + 1].start, doc.tokens[t + 1].end))
                }
            }
            if Proclitics.hasStem(doc.tokens[t], in: misdeedVerbs),
               let party = doc.mentions.last(where: { $0.tokens.upperBound == t && $0.tokens.lowerBound >= content }),
               party.type != .loc, party.ref != speaker {
                return .init(ref: party.ref, role: .target, text: party.text)
            }
        }
        return nil
    }

    /// How far after the trigger the conduct word may stand, and the blame word after the party's name (words).
    static let conductReach = 12
    static let blameReach = 10

    /// The party whose conduct is judged after the trigger, when a blame word follows it in the sentence; nil
    /// otherwise. `speaker`: who judges (never his own conduct).
    func criticized(in doc: Document, after trigger: Range<Int>, sentence: Range<Int>, speaker: EntityRef?,
                    kb: KnowledgeBase) -> JudgedParty? {
        var words = 0
        var t = trigger.upperBound
        while t < sentence.upperBound, words < Self.conductReach {
            defer { t += 1 }
            guard doc.tokens[t].isWord else { continue }
            // The speaker's name and title after the verb do not count.
            if !doc.mentions.contains(where: { $0.tokens.contains(t) }) { words += 1 }
            guard Proclitics.hasStem(doc.tokens[t], in: conduct) else { continue }
            // "أن هذه التصريحات تعد تدخلا": the conduct told before, whose party is named there.
            let pointed = (t > sentence.lowerBound && Self.demonstratives.contains(doc.tokens[t - 1].norm))
                || (t + 1 < sentence.upperBound && Self.demonstratives.contains(doc.tokens[t + 1].norm))
            guard let party = pointed ? earlierParty(before: trigger.lowerBound, in: doc, kb: kb) : judged(at: t, in: doc, sentence: sentence, kb: kb),
                  party.ref != speaker, !Self.isState(party.ref, of: speaker, kb: kb) else { continue }
            return blamed(after: max(t + 1, party.end), in: doc, sentence: sentence) ? party : nil
        }
        return nil
    }

    /// "أدان X الممارسات الإسرائيلية"، "انتقد X تصريحات Y": the object of a verb of accusation, right after the
    /// accuser's name, is a party's conduct: that party is the accused. `after`: the token after the accuser's name.
    func condemned(in doc: Document, after: Int, sentence: Range<Int>, speaker: EntityRef?, kb: KnowledgeBase) -> JudgedParty? {
        guard let t = (after..<sentence.upperBound).first(where: { doc.tokens[$0].isWord }),
              Proclitics.hasStem(doc.tokens[t], in: conduct),
              let party = judged(at: t, in: doc, sentence: sentence, kb: kb),
              party.ref != speaker, !Self.isState(party.ref, of: speaker, kb: kb) else { return nil }
        return party
    }

    /// A party whose conduct is judged, named or told by a nationality adjective; `end`: the token after it.
    struct JudgedParty {
        let ref: EntityRef
        let text: String
        let end: Int
    }

    /// Whose conduct the word at `t` tells: its owner (`owner(of:)`), or the state of a nationality adjective right
    /// after it ("التصريحات الإيرانية"، "الممارسات الإسرائيلية").
    func judged(at t: Int, in doc: Document, sentence: Range<Int>, kb: KnowledgeBase) -> JudgedParty? {
        if let m = owner(of: t, in: doc, sentence: sentence) { return .init(ref: m.ref, text: m.text, end: m.tokens.upperBound) }
        let next = t + 1
        guard next < sentence.upperBound, doc.tokens[next].kind == .arabic,
              let country = kb.country(forNationality: doc.tokens[next].norm) else { return nil }
        return .init(ref: .kb(country), text: doc.string(doc.tokens[next].start, doc.tokens[next].end), end: next + 1)
    }

    /// "قال كيري إن توعد خامنئي بتحدي السياسات الأمريكية مزعج": the speaker's own state is not whom he blames.
    static func isState(_ party: EntityRef, of speaker: EntityRef?, kb: KnowledgeBase) -> Bool {
        guard case .kb(let id)? = speaker, let country = kb.entity(id)?.country else { return false }
        return party == .kb(country)
    }

    /// The named party right after the conduct word: the next word, or the name after a title of his ("تصريحات
    /// المرشد الأعلى لإيران، آية الله علي خامنئي": the state in the title is not the party).
    func party(after t: Int, in doc: Document, sentence: Range<Int>) -> EntityMention? {
        let next = t + 1
        guard next < sentence.upperBound else { return nil }
        let named = doc.mentions.filter { [.person, .gpe, .org].contains($0.type) && $0.tokens.lowerBound >= next
            && $0.tokens.lowerBound < min(next + 8, sentence.upperBound) }.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        // Titles as written (a role the knowledge base gives spans the name itself).
        let titles = doc.roles.filter { $0.basis == "text" }
        for candidate in named {
            // A name inside the title of whom the words are ("لإيران" in "المرشد الأعلى لإيران") is not the party.
            if titles.contains(where: { $0.start <= candidate.start && candidate.end <= $0.end }) { continue }
            if candidate.tokens.lowerBound == next { return candidate }
            // Only a title (a role's span) and punctuation between the conduct word and the name, or up to five
            // words with a comma among them before a person's name.
            let gap = (next..<candidate.tokens.lowerBound).filter { doc.tokens[$0].isWord }
            let titled = gap.allSatisfy { k in titles.contains { $0.start <= doc.tokens[k].start && doc.tokens[k].end <= $0.end } }
            let apposed = candidate.type == .person && gap.count <= 5
                && (next..<candidate.tokens.lowerBound).contains { ["،", ","].contains(doc.tokens[$0].norm) }
            if titled || apposed { return candidate }
        }
        return nil
    }

    /// "تصريحات خامنئي الأخيرة التي أكد فيها أن ...": the speaker of a verb of saying inside a relative clause
    /// on his words ("فيها" after the verb) is whose words they are: the owner of a conduct word or a statement noun
    /// (`events/statement_nouns.tsv`) up to twelve words before the relative pronoun.
    func relativeSpeaker(of trigger: Range<Int>, in doc: Document, sentence: Range<Int>) -> EntityMention? {
        let relative = trigger.lowerBound - 1
        guard relative > sentence.lowerBound, ArgumentFinder.isRelativePronoun(doc.tokens[relative].norm),
              trigger.upperBound < sentence.upperBound, ["فيها", "فيه"].contains(doc.tokens[trigger.upperBound].norm) else { return nil }
        var words = 0
        var k = relative - 1
        while k >= sentence.lowerBound, words < 12 {
            defer { k -= 1 }
            guard doc.tokens[k].isWord else { continue }
            words += 1
            guard Proclitics.hasStem(doc.tokens[k], in: conduct) || ArgumentFinder.statementNouns.contains(token: doc.tokens[k]) else { continue }
            if let party = owner(of: k, in: doc, sentence: sentence), party.tokens.upperBound <= relative { return party }
        }
        return nil
    }

    static let demonstratives: Set<String> = ArgumentFinder.keys(["هذه", "تلك", "هذا", "ذلك"])

    /// The party of the conduct told last before `limit`, in this sentence or the two before it ("التصريحات
    /// التي صدرت على لسان خامنئي"، "تصريحات خامنئي"، "التصريحات الإيرانية"): `judged(at:)` of a conduct word.
    func earlierParty(before limit: Int, in doc: Document, kb: KnowledgeBase) -> JudgedParty? {
        guard let current = doc.sentences.firstIndex(where: { $0.contains(limit) }) else { return nil }
        for sentence in doc.sentences[max(0, current - 2)...current].reversed() {
            var k = min(limit, sentence.upperBound) - 1
            while k >= sentence.lowerBound {
                defer { k -= 1 }
                guard Proclitics.hasStem(doc.tokens[k], in: conduct) else { continue }
                if let party = judged(at: k, in: doc, sentence: sentence, kb: kb) { return party }
            }
        }
        return nil
    }

    /// Whose conduct the word at `k` tells: the name right after it, or after "على لسان" or "صدرت عن" a few words on
    /// ("التصريحات التي صدرت مؤخرا عن علي خامنئي").
    func owner(of k: Int, in doc: Document, sentence: Range<Int>) -> EntityMention? {
        if let party = party(after: k, in: doc, sentence: sentence) { return party }
        let end = min(k + 6, sentence.upperBound)
        guard k + 1 < end else { return nil }
        let by = (k + 1..<end).first { j in
            let stems = Proclitics.candidates(doc.tokens[j]).map(\.stem)
            return stems.contains("لسان") || (stems.contains("عن") && (k + 1..<j).contains { doc.tokens[$0].norm.hasPrefix("صدر") })
        }
        return by.flatMap { party(after: $0, in: doc, sentence: sentence) }
    }

    /// A blame word within `blameReach` words from `t` in the sentence.
    func blamed(after t: Int, in doc: Document, sentence: Range<Int>) -> Bool {
        var words = 0
        var k = t
        while k < sentence.upperBound, words < Self.blameReach {
            // "تصريحات X، التي أكد فيها أن ...، مقلقة": a relative clause set off by commas is passed over.
            if ["،", ","].contains(doc.tokens[k].norm), k + 1 < sentence.upperBound, ArgumentFinder.isRelativePronoun(doc.tokens[k + 1].norm),
               let close = (k + 2..<sentence.upperBound).first(where: { ["،", ","].contains(doc.tokens[$0].norm) }) {
                k = close + 1
                continue
            }
            if doc.tokens[k].isWord {
                if Proclitics.hasStem(doc.tokens[k], in: blame) { return true }
                words += 1
            }
            k += 1
        }
        return false
    }
}
