extension EntityStage {
    /// "يقودهم أبو مسلم التركماني"، "أبي عبيدة المصري": a kunya, one name word and a nisba (with the article, ending in
    /// ي) is how militants and many others are named; the tagger misses it when the middle word is a common one
    /// ("مسلم"). Three uncovered words so shaped are a person, keyed as "أبو ..." whatever the case ending. Not a
    /// relative ("أبو فيصل الذي") nor a function word; a name word with the article is a place ("أبو الخصيب").
    func kunyaNames(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        var out = mentions
        for sentence in doc.sentences {
            var t = sentence.lowerBound
            while t + 2 < sentence.upperBound {
                defer { t += 1 }
                guard !covered[t], !covered[t + 1], !covered[t + 2],
                      doc.tokens[t].kind == .arabic, doc.tokens[t + 1].kind == .arabic, doc.tokens[t + 2].kind == .arabic,
                      let kunya = Proclitics.candidates(doc.tokens[t]).first(where: { $0.prefix <= 1 && Self.kunyaHeads.contains($0.stem) })
                else { continue }
                let name = doc.tokens[t + 1].norm, nisba = doc.tokens[t + 2].norm
                guard !name.hasPrefix("ال"), name.unicodeScalars.count >= 3, stopNames.entries[name] == nil, chainStops.entries[name] == nil,
                      nisba.hasPrefix("ال"), nisba.hasSuffix("ي"), nisba.unicodeScalars.count >= 5,
                      stopNames.entries[nisba] == nil, chainStops.entries[nisba] == nil else { continue }
                let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: kunya.prefix)
                let end = doc.tokens[t + 2].end
                let key = [kunya.stem, name, nisba].joined(separator: " ")
                out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .person,
                                         ref: .name(.person, KBKeys.variantKey(Self.nominativeKunya(key) ?? key)), origin: .tagger,
                                         tokens: t..<(t + 3), reason: "a kunya, a name and a nisba"))
                for k in t..<(t + 3) { covered[k] = true }
                t += 2
            }
        }
        return out
    }

    static let kunyaHeads: Set<String> = Set(["أبو", "أبي", "أبا"].map { ArabicNormalizer.shared.key($0) })
}
