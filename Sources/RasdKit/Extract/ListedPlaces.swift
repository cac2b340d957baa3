extension EntityStage {
    /// "مدن عراقية منها الموصل والفلوجة والرمادي"، "محافظات حجة وريمة والمحويت": a place of the knowledge base whose
    /// one-word name is also a common word ("الموصل" the connector, "ريمة") waits for the tagger or a place noun
    /// before it (`GazetteerMatcher`); joined by "و" to a place named beside it, it is one of the places listed.
    /// Only "و" joins: after a comma a common word begins a new clause ("برشلونة، حديثه عن ...").
    func placesInLists(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        var out = mentions
        var placeAt: [Int: Bool] = [:]   // a place mention's first and last token → true for the first
        for m in mentions where m.type == .gpe && m.origin != .demonym && !m.tokens.isEmpty {
            placeAt[m.tokens.upperBound - 1] = false
            placeAt[m.tokens.lowerBound] = true
        }
        // A list is read both ways ("حجة وريمة والمحويت": the second place found makes the first's neighbour).
        for _ in 0..<3 {
            var found = false
            for sentence in doc.sentences {
                for t in sentence where !covered[t] && doc.tokens[t].kind == .arabic {
                    guard let (place, prefix) = commonWordPlace(doc.tokens[t]) else { continue }
                    let glued = prefix > 0
                    // "الموصل والفلوجة": the next word is a place with "و" glued; "تعز وإب": the word carries "و" after one.
                    let beforePlace = t + 1 < sentence.upperBound && placeAt[t + 1] == true
                        && doc.tokens[t + 1].norm.hasPrefix("و") && placeStart(out, token: t + 1).map { $0 > doc.tokens[t + 1].start } == true
                    let afterPlace = glued && t > sentence.lowerBound && placeAt[t - 1] != nil
                    guard beforePlace || afterPlace else { continue }
                    let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[t], afterNormalized: prefix)
                    let end = doc.tokens[t].end
                    out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .gpe,
                                             ref: .kb(place.id), origin: .gazetteer, tokens: t..<(t + 1),
                                             reason: "a place joined by و to a place listed beside it"))
                    covered[t] = true
                    placeAt[t] = true
                    found = true
                }
            }
            if !found { break }
        }
        return out
    }

    /// Words "ب" and a place whose one-word name is a common word ("بالخرج"، "بينبع") that no mention holds, by token:
    /// a body's name may end with one (`HeadedBodies`).
    func placesAfterB(_ doc: Document, covered: [Bool]) -> [Int: (place: KBEntity, prefix: Int)] {
        var out: [Int: (place: KBEntity, prefix: Int)] = [:]
        for (t, token) in doc.tokens.enumerated() where !covered[t] && token.kind == .arabic && token.norm.hasPrefix("ب") {
            if let (place, prefix) = commonWordPlace(token, glued: "ب"), prefix == 1 { out[t] = (place, prefix) }
        }
        return out
    }

    /// The place a word names ("الموصل"، "وريمة": the letter `glued` may precede it) when its name is a common word
    /// the gazetteer left for other evidence, and how many letters precede the name.
    func commonWordPlace(_ token: Token, glued: Character = "و") -> (KBEntity, Int)? {
        for (prefix, stem) in Proclitics.candidates(token) where prefix == 0 || (prefix == 1 && token.norm.first == glued) {
            guard stem.unicodeScalars.count >= 2, kb.isCommonWord(stem) else { continue }
            let places = kb.lookupName(stem).filter { $0.type == "GPE" }
            if let place = matcher.best(places) { return (place, prefix) }
        }
        return nil
    }

    /// Where the place mention starting at token `token` starts in the text.
    func placeStart(_ mentions: [EntityMention], token: Int) -> Int? {
        mentions.first { $0.type == .gpe && $0.tokens.lowerBound == token }?.start
    }
}
