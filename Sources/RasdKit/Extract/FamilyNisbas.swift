extension EntityStage {
    /// "مقتل صالح أحمد صالح الطائي، أحد قادة ..."، "وتضيف مريم ملفي الحربي:": a person's name often ends with a nisba
    /// family name the tagger leaves out (a word with the article ending in ي, as adjectives do). A new person the
    /// tagger found, followed by one such word and then punctuation, takes it in: before a comma or colon the word
    /// has nothing to describe but the name. Not a nationality ("الأمريكي": a description, kept apart) nor an ordinal
    /// ("ملتقى ثقافتي الثاني").
    func withFamilyNisbas(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        mentions.map { m in
            guard m.type == .person, m.origin == .tagger, case .name = m.ref,
                  let sentence = doc.sentence(containing: m.tokens.lowerBound) else { return m }
            let k = m.tokens.upperBound
            guard k + 1 < sentence.upperBound, !covered[k], doc.tokens[k].kind == .arabic,
                  doc.tokens[k].start == doc.tokens[k - 1].end + 1, doc.tokens[k + 1].kind == .punct else { return m }
            let word = doc.tokens[k].norm
            guard word.hasPrefix("ال"), word.hasSuffix("ي"), word.unicodeScalars.count >= 5,
                  kb.country(forNationality: word) == nil, stopNames.entries[word] == nil,
                  chainStops.entries[word] == nil, Self.ordinals.entries[word] == nil, kb.lookupName(word).isEmpty else { return m }
            var out = m
            out.tokens = m.tokens.lowerBound..<(k + 1)
            out.end = doc.tokens[k].end
            out.text = doc.string(out.start, out.end)
            out.ref = .name(.person, KBKeys.variantKey(ArabicNormalizer.shared.key(out.text)))
            out.provenance.add("with the nisba family name after it, before punctuation")
            covered[k] = true
            return out
        }
    }

    /// Ordinal words (`text/ordinals.tsv`): "الثاني" after a name numbers it.
    static let ordinals = PhraseLexicon.resource("text/ordinals.tsv")
}
