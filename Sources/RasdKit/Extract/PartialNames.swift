/// Parts of names given in full in the same article ("كوزلوف" after "ألكسندر كوزلوف"، "الجبير" after "عادل بن أحمد
/// الجبير"): a tagged one- or two-word person takes the full name's entity, and a free word (proclitics allowed) that
/// is a part becomes a mention of it. A part two people of the article share links to neither. The entity stage runs
/// it on its names, the title stage again on the names it finds after titles ("الطيار حسام كمال" ... "وقال كمال").
struct PartialNames: Sendable {
    static let titleHeads = PhraseLexicon.resource("lexicon/title_heads.tsv")

    /// A word that a title's noun takes in construct or as its holder's name: Arabic, no article, no proclitic
    /// reading, no "أن".
    static func opensConstruct(_ token: Token) -> Bool {
        token.kind == .arabic && !token.norm.hasPrefix("ال") && token.clitics.isEmpty
            && !ArgumentFinder.complementizers.contains(token.norm)
    }
    let kb: KnowledgeBase
    let stopNames: PhraseLexicon
    let lineage: Lineage

    func link(_ doc: Document, _ mentions: [EntityMention], covered: inout [Bool]) -> [EntityMention] {
        // Name parts of people named in full here: variant key of the part → ref (nil when two people share it).
        var parts: [String: EntityRef?] = [:]
        func register(_ key: String, _ ref: EntityRef) {
            guard key.unicodeScalars.count >= 3, stopNames.entries[key] == nil else { return }
            if let existing = parts[key], existing != ref { parts[key] = .some(nil) } else { parts[key] = ref }
        }
        for m in mentions where m.type == .person && m.tokens.count >= 2 && !runsOn(doc, m) {
            var words = ArabicNormalizer.shared.key(m.text).split(separator: " ").map(String.init)
            // A title that an alias begins with ("الأمير محمد بن سلمان") is not a part of the name.
            // Nor is a title of several words ("خادم الحرمين الشريفين الملك سلمان"): "خادم" is no part of a name.
            var titled = true
            while titled, words.count >= 2 {
                titled = false
                for n in stride(from: min(3, words.count), through: 1, by: -1)
                    where (n > 1 || words.count > 2) && kb.office(forTitle: words[0..<n].joined(separator: " ")) != nil {
                    words.removeFirst(n); titled = true; break
                }
            }
            guard words.count >= 2 else { continue }
            let firstWord = words[0]
            // "أبو مالك" for "أبو مالك الشامي": a kunya with its name, never the kunya alone.
            if words.count >= 3, EntityStage.kunyas.contains(firstWord) || EntityStage.obliqueKunyas.contains(firstWord) {
                register(KBKeys.variantKey(EntityStage.nominativeKunya(words[0] + " " + words[1]) ?? words[0] + " " + words[1]), m.ref)
            } else {
                register(KBKeys.variantKey(firstWord), m.ref)
            }
            // In a name with a نسب chain the last words are the father's ("بن عبدالعزيز"); only a family name after
            // the chain ("الجبير") stands for the person.
            let before = words[words.count - 2]
            if let r = lineage.role(before), r != "compound" { continue }
            if lineage.role(before) == "compound" {
                // "متعب بن عبد الله": the last name is the compound, never its second word ("الله"), and after بن
                // it is the father's.
                if words.count >= 3, let r = lineage.role(words[words.count - 3]), r != "compound" { continue }
            } else {
                register(KBKeys.variantKey(words[words.count - 1]), m.ref)
            }
            if words.contains(where: { lineage.role($0) == "link" }) { continue }
            if words.count >= 3 {
                register(KBKeys.variantKey(words[(words.count - 2)...].joined(separator: " ")), m.ref)
            }
        }
        var out: [EntityMention] = []
        for var m in mentions {
            if m.origin == .tagger, m.type == .person, m.tokens.count <= 2 {
                let text = ArabicNormalizer.shared.key(m.text)
                let key = KBKeys.variantKey(EntityStage.nominativeKunya(text) ?? text)
                if let ref = parts[key] ?? nil {
                    m.ref = ref; m.origin = .partialName
                    m.provenance.add("partialName → \(ref): part of a name the article gives in full")
                } else if let ref = runOn(doc, m, parts) {
                    // "وطالب الدكتور مجدي بضرورة": the tagger ran the given name on into a word with a preposition.
                    covered[m.tokens.upperBound - 1] = false
                    m.tokens = m.tokens.lowerBound..<(m.tokens.upperBound - 1)
                    m.end = doc.tokens[m.tokens.lowerBound].end
                    m.text = doc.string(m.start, m.end)
                    m.ref = ref; m.origin = .partialName
                    m.provenance.add("partialName → \(ref): a part of a name the article gives in full, and a word with a preposition")
                }
            }
            out.append(m)
        }
        guard !parts.isEmpty else { return out }
        // Two-word parts by the form of their first word: a two-word candidate whose first word has none of these
        // forms cannot match, and is rejected before its key is built (the scan visits every word).
        let pairHeads = Set(parts.keys.compactMap { key -> UInt64? in
            guard let space = key.unicodeScalars.firstIndex(of: " ") else { return nil }
            return EntityStage.headForm(String(key.unicodeScalars[..<space]))
        })
        // The same for one-word parts: most words are none, and are rejected by the form's hash.
        let singleHeads = Set(parts.keys.compactMap { key -> UInt64? in
            key.utf8.contains(0x20) ? nil : EntityStage.headForm(key)
        })
        for sentence in doc.sentences {
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                guard !covered[i], doc.tokens[i].isWord else { i += 1; continue }
                var matched = false
                let readings = Proclitics.candidates(doc.tokens[i])   // once for both lengths, with their forms
                let heads = readings.map { EntityStage.headForm($0.stem) }
                for len in [2, 1] where i + len <= sentence.upperBound {
                    let range = i..<(i + len)
                    if range.contains(where: { covered[$0] || !doc.tokens[$0].isWord }) { continue }
                    // A title's word before a noun in construct or a name is the title ("قائد اركان الجيش" is not
                    // "قايد صالح"، "الرائد بدر ..."); before "أن" or a preposition it may be the family name ("وأكد
                    // المخرج أن").
                    if len == 1, Self.titleHeads.contains(token: doc.tokens[i]), i + 1 < sentence.upperBound,
                       Self.opensConstruct(doc.tokens[i + 1]) { continue }
                    let tail = doc.tokens[(i + 1)..<(i + len)].map(\.norm).joined(separator: " ")
                    for ((prefix, stem), head) in zip(readings, heads) {
                        if len == 2, !EntityStage.obliqueKunyas.contains(stem), let head, !pairHeads.contains(head) { continue }
                        if len == 1, let head, !singleHeads.contains(head) { continue }
                        let written = tail.isEmpty ? stem : stem + " " + tail
                        let key = KBKeys.variantKey(EntityStage.nominativeKunya(written) ?? written)
                        guard let found = parts[key], let ref = found else { continue }
                        let start = Proclitics.originalOffset(in: doc.text, token: doc.tokens[i], afterNormalized: prefix)
                        let end = doc.tokens[i + len - 1].end
                        out.append(EntityMention(start: start, end: end, text: doc.string(start, end), type: .person,
                                                 ref: ref, origin: .partialName, tokens: range,
                                                 reason: "part of a name the article gives in full"))
                        for t in range { covered[t] = true }
                        matched = true
                        break
                    }
                    if matched { i += len; break }
                }
                if !matched { i += 1 }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// A tagged name of two words whose second is shaped as a feminine noun after ب or ل ("مجدي بضرورة"، "فهد لمواجهة"):
    /// the tagger may have run a name on into the next word.
    func runsOn(_ doc: Document, _ m: EntityMention) -> Bool {
        guard m.origin == .tagger, m.tokens.count == 2, doc.tokens[m.tokens.lowerBound].start == m.start else { return false }
        let second = doc.tokens[m.tokens.upperBound - 1].norm
        return (second.hasPrefix("ب") || second.hasPrefix("ل")) && second.unicodeScalars.count >= 4
            && (second.hasSuffix("ه") || second.hasSuffix("ة"))
    }

    /// Such a name whose first word is a part of a name given in full here ("مجدي" of "مجدي أبو فريخة"): that person.
    func runOn(_ doc: Document, _ m: EntityMention, _ parts: [String: EntityRef?]) -> EntityRef? {
        guard runsOn(doc, m) else { return nil }
        return parts[KBKeys.variantKey(doc.tokens[m.tokens.lowerBound].norm)] ?? nil
    }
}
