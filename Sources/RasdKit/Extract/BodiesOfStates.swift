extension EntityStage {
    /// "البنك المركزي اليمني"، "منظمة الطاقة الذرية الإيرانية": the tagger often ends a body's name before the
    /// nationality adjective that says whose body it is. A new body the tagger found, opening with a body's head noun
    /// (`lexicon/body_heads.tsv`, `lexicon/name_heads.tsv`) and described by common words only (nisba adjectives, or
    /// words the tagger's training corpus saw mostly outside names: "الطاقة الذرية"، "أبحاث الفضاء"), takes the
    /// nationality right after it: one mention, kept whole. A head and a proper name ("نادي الرمثا الأردني"، "جامعة
    /// تكساس الأمريكية") keep the adjective out: it only describes a body named already. A state institution tagged
    /// alone ("البنك المركزي" of `lexicon/institutions.tsv`) is left to the title stage, which names it with its
    /// state ("central_bank@ye"). Before a person with no title before the body the adjective is the person's ("رشح
/// الاتحاد القاري الأرجنتيني ميسي"), and a body above states (`beyond` in `lexicon/body_name_words.tsv`) takes none.
    func bodiesWithState(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        var dropped = Set<Int>()
        var out = mentions
        for (k, m) in mentions.enumerated() where m.origin == .tagger && m.type == .org && m.tokens.count >= 2 {
            guard case .name = m.ref, let sentence = doc.sentence(containing: m.tokens.lowerBound),
                  m.tokens.upperBound < sentence.upperBound, isBodyHead(doc.tokens[m.tokens.lowerBound]) else { continue }
            let next = m.tokens.upperBound
            let adjective = doc.tokens[next]
            guard adjective.kind == .arabic, adjective.norm.hasPrefix("ال"),
                  let country = kb.country(forNationality: adjective.norm) else { continue }
            // The adjective may have been read as its state ("السورية"): the body takes it.
            let stateMention = mentions.indices.first { mentions[$0].tokens == next..<(next + 1) && mentions[$0].ref.kbId == country }
            guard !covered[next] || stateMention != nil else { continue }
            // "رشح الاتحاد القاري الأرجنتيني ميسي"، "رئيس الاتحاد الدولي السويسري جوزيف بلاتر": before a person the
            // adjective is the person's.
            // A title before the body owns the name after it ("رئيس منظمة الطاقة الذرية الإيرانية علي أكبر صالحي").
            let titled = m.tokens.lowerBound > sentence.lowerBound && titleHeads.contains(token: doc.tokens[m.tokens.lowerBound - 1])
            if !titled, next + 1 < sentence.upperBound, mentions.contains(where: { $0.type == .person && $0.tokens.contains(next + 1) })
                || givenNames.contains(TitleStage.foldingAlef(doc.string(doc.tokens[next + 1].start, doc.tokens[next + 1].end))) { continue }
            // A body above states takes no nationality (`beyond` in lexicon/body_name_words.tsv).
            if m.tokens.contains(where: { bodyNameWords.entries[doc.tokens[$0].norm]?.first == "beyond" }) { continue }
            guard m.tokens.dropFirst().allSatisfy({ describes(doc, $0) }) else { continue }
            if let institution = Institutions.shared.heads.match(doc.tokens, at: m.tokens.lowerBound),
               institution.tokens == m.tokens {
                dropped.insert(k)
                for t in m.tokens { covered[t] = false }
                continue
            }
            out[k].tokens = m.tokens.lowerBound..<(next + 1)
            out[k].end = adjective.end
            out[k].text = doc.string(m.start, adjective.end)
            out[k].ref = .name(.org, KBKeys.variantKey(ArabicNormalizer.shared.key(out[k].text)))
            out[k].provenance.add("with the nationality adjective after its descriptive name")
            covered[next] = true
            if let s = stateMention { dropped.insert(s) }
        }
        return out.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// A body's head noun, with or without the article and a proclitic ("البنك"، "ومنظمة"، "للمعهد").
    func isBodyHead(_ token: Token) -> Bool {
        Proclitics.candidates(token).contains { c in
            let bare = c.stem.hasPrefix("ال") ? String(c.stem.dropFirst(2)) : c.stem
            return bodyHeads.entries[bare] != nil || nameHeads.entries[bare]?.first == "ORG"
        }
    }

    /// A word that describes a body rather than names it: a nisba adjective with the article ("المركزي"، "الذرية"),
    /// or a word the tagger's training corpus saw three times or more, mostly outside names ("الطاقة"، "أبحاث").
    func describes(_ doc: Document, _ t: Int) -> Bool {
        let token = doc.tokens[t]
        guard token.kind == .arabic else { return false }
        if token.norm.hasPrefix("ال"), HeadedBodies.isNisba(token.norm) { return true }
        guard let tagger else { return false }
        let use = tagger.trainingUse(of: doc.string(token.start, token.end))
        return use.seen >= 3 && 2 * use.names < use.seen
    }
}
